"""The learning simulation measures what a resident asking over HTTP is served (issue 16,
round 11).

``benchmarks/learning/simulate.py`` measured with ``ask(rank_all=True)``: every entry was a
candidate (an entry boosted from below the top 20 could enter the choices), emergency questions
were not screened, and SR@k counted ranks residents can never reach — the API serves the top 20
(the logged ranking 「他の候補」 pages read). Its view must be the API's: the same decision, the
same entries shown, and the ranking logged with the question.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from benchmarks.learning.simulate import API, seen
from fastapi.testclient import TestClient
from sqlalchemy import select

from jichitai_ai.cli.eval_commands import eval_platform
from jichitai_ai.services.answering import CANDIDATES_LOGGED
from jichitai_ai.services.platform import Platform
from jichitai_ai.storage.tables import QuestionLog
from jichitai_ai.web.app import create_app

#: 30 entries sharing ごみ, so a ごみ question has more candidates than the API logs.
DISTRICTS = ["東", "西", "南", "北", "中央"]
KINDS = ["燃えるごみ", "燃えないごみ", "資源ごみ", "粗大ごみ", "危険ごみ", "ペットボトル"]
CORPUS = {
    str(n): f"Question: {d}地区の{k}の収集日はいつですか\nAnswer: {d}地区の{k}は毎週収集します。"
    for n, (d, k) in enumerate((d, k) for d in DISTRICTS for k in KINDS)
}
QUESTIONS = [
    "ごみの収集日を知りたい",  # more than 20 entries share its words
    "東地区の粗大ごみの収集日はいつですか",  # one entry's own question
    "家が火事です！ごみが燃えています",  # an emergency: the API answers with the numbers
    "図書館の開館時間",  # nothing: handed over
]


@pytest.fixture
def eval_city() -> Iterator[Platform]:
    previous = os.environ.get("JICHITAI_LIMITS_ENABLED")
    os.environ["JICHITAI_LIMITS_ENABLED"] = "0"
    try:
        with eval_platform(CORPUS, "none") as (platform, _ids):
            yield platform
    finally:
        if previous is None:
            os.environ.pop("JICHITAI_LIMITS_ENABLED", None)
        else:
            os.environ["JICHITAI_LIMITS_ENABLED"] = previous


def test_the_simulation_sees_what_the_api_serves(eval_city: Platform) -> None:
    client = TestClient(create_app(platform=eval_city), client=("192.0.2.10", 50000))
    decisions = set()
    for question in QUESTIONS:
        view = seen(eval_city, question)
        r = client.post(API + "/ask", json={"question": question, "session_id": "s-0001-abcdefgh"})
        assert r.status_code == 200, r.text
        body = r.json()
        shown = [body["answer"]["entry_id"]] if body["answer"] else []
        shown += [c["entry_id"] for c in body["choices"]]
        assert (view.decision, list(view.shown)) == (body["decision"], shown), question
        with eval_city.db.read() as s:
            logged = s.scalar(select(QuestionLog).where(QuestionLog.id == body["question_id"]))
            assert logged is not None
            ranking = [c["entry_id"] for c in logged.candidates if not c.get("offered")]
        # The ranks measured are those the API logged (and 「他の候補」 pages offer from).
        assert view.ranking == ranking, question
        assert len(view.ranking) <= CANDIDATES_LOGGED
        decisions.add(view.decision)
    client.close()
    assert "emergency" in decisions
    broad = seen(eval_city, QUESTIONS[0])
    assert len(broad.ranking) == CANDIDATES_LOGGED  # 30 entries share its words; 20 are served
