"""「他の候補」 page 2 (issue 16, round 9): residents may page on to the entries retrieval ranks
11th–20th for their wording (``learning.more_pages`` 2, the default; a tenant may keep 1). Still only the ranking
logged when the question was asked, still votable only once shown, and a pick there teaches
under the same agreement threshold. Through the HTTP API, lexical and hybrid."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from jichitai_ai.services import faq as faq_service
from jichitai_ai.services import feedback as feedback_service
from jichitai_ai.services import tenants as tenant_service
from jichitai_ai.services.answering import CANDIDATES_LOGGED
from jichitai_ai.storage.tables import QuestionLog
from tests.core.helpers import record

from .helpers import Town

#: Written for this test: many certificates, so one wording ranks more than 20 entries.
KINDS = [
    "戸籍謄本", "戸籍抄本", "除籍謄本", "改製原戸籍", "身分証明書", "独身証明書", "所得証明書",
    "課税証明書", "非課税証明書", "資産証明書", "評価証明書", "公課証明書", "営業証明書",
    "在籍証明書", "受理証明書", "記載事項証明書", "不在籍証明書", "不在住証明書", "軽自動車の納税証明書",
    "児童手当の証明書",
]  # fmt: skip
QUESTION = "証明書の発行を申請したい"


@pytest.fixture
def city(town: Town) -> Iterator[Town]:
    with town.platform.db.write() as s:
        for n, kind in enumerate(KINDS):
            rec = record(f"P{n}", f"{kind}の発行を申請したい", f"{kind}は窓口で申請してください。")
            faq_service.create_entry(s, town.tenant_id, rec, user="tester")
    with town.platform.db.read() as s:
        town.entry_ids = [
            e.id for e in faq_service.visible_entries(s, town.tenant_id, residents=True)
        ]
    yield town


def pages(town: Town, n: int) -> None:
    with town.platform.db.write() as s:
        tenant_service.update_settings(s, town.tenant_id, {"learning": {"more_pages": n}})


def more(town: Town, client: TestClient, asked: dict[str, Any], page: int = 1) -> list[int]:
    body = {"token": asked["feedback_token"], "page": page}
    r = client.post(town.api + "/more", json=body)
    assert r.status_code == 200, r.text
    return [c["entry_id"] for c in r.json()["choices"]]


def shown_of(asked: dict[str, Any]) -> list[int]:
    first = [asked["answer"]["entry_id"]] if asked["answer"] else []
    return first + [c["entry_id"] for c in asked["choices"]]


def expected_pages(ranking: list[int], shown: list[int]) -> tuple[list[int], list[int]]:
    """Brute force: page 1 the first 9 of the top 10 not shown, page 2 the first 9 of the top
    20 not shown nor on page 1."""
    first = [e for e in ranking[:10] if e not in shown][:9]
    second = [e for e in ranking[:20] if e not in shown and e not in first][:9]
    return first, second


def test_two_pages_unless_the_tenant_keeps_one() -> None:
    of = feedback_service.LearningPolicy.of
    assert feedback_service.LearningPolicy().more_pages == 2
    assert of({}).more_pages == 2
    assert of({"learning": {"more_pages": 1}}).more_pages == 1
    assert of({"learning": {"more_pages": 7}}).more_pages == feedback_service.MAX_MORE_PAGES
    assert of({"learning": {"more_pages": 0}}).more_pages == 1
    assert CANDIDATES_LOGGED >= feedback_service.MAX_MORE_PAGES * feedback_service.RANKS_PER_PAGE


def test_with_one_page_page_two_is_empty(city: Town) -> None:
    pages(city, 1)
    alice = city.resident(1)
    asked = city.ask(alice, QUESTION)
    ranking = city.outcome(QUESTION).ranking
    assert len(ranking) > 20
    first, _ = expected_pages(ranking, shown_of(asked))
    assert more(city, alice, asked, 2) == []
    assert more(city, alice, asked) == first and first
    with city.platform.db.read() as s:
        log = s.get(QuestionLog, asked["question_id"])
        assert log is not None and log.shown_entry_ids == [*shown_of(asked), *first]
        # The logged ranking is the top 20 (what a second page would need).
        logged = [c["entry_id"] for c in log.candidates if not (c.get("more") or c.get("offered"))]
        assert logged == ranking[:CANDIDATES_LOGGED]


def test_page_two_is_the_logged_top_twenty_after_page_one(city: Town) -> None:
    alice = city.resident(1)
    asked = city.ask(alice, QUESTION)
    first, second = expected_pages(city.outcome(QUESTION).ranking, shown_of(asked))
    assert first and second
    # Page 2 first opens page 1 too: what was shown is both, in order.
    assert more(city, alice, asked, 2) == second
    assert more(city, alice, asked, 1) == first
    assert more(city, alice, asked, 2) == second  # again: the same, nothing new
    assert more(city, alice, asked, 3) == []  # beyond the tenant's pages
    with city.platform.db.read() as s:
        log = s.get(QuestionLog, asked["question_id"])
        assert log is not None and log.shown_entry_ids == [*shown_of(asked), *first, *second]


def test_only_entries_of_opened_pages_are_votable(city: Town) -> None:
    alice = city.resident(1)
    asked = city.ask(alice, QUESTION)
    ranking = city.outcome(QUESTION).ranking
    first, second = expected_pages(ranking, shown_of(asked))
    token = asked["feedback_token"]
    more(city, alice, asked, 1)
    r = alice.post(city.api + "/choice", json={"token": token, "entry_id": second[0]})
    assert r.status_code == 422  # page 2 not opened yet
    more(city, alice, asked, 2)
    city.choose(alice, asked, second[0])
    opened = {*shown_of(asked), *first, *second}
    for entry_id in [e for e in city.entry_ids if e not in opened]:
        r = alice.post(city.api + "/choice", json={"token": token, "entry_id": entry_id})
        assert r.status_code == 422


def pick_on_page_two(city: Town, client: TestClient, target: int) -> None:
    asked = city.ask(client, QUESTION)
    if asked["answer"]:
        city.vote(client, asked, "not_resolved")
    assert target in more(city, client, asked, 1) + more(city, client, asked, 2)
    city.choose(client, asked, target)
    city.vote(client, asked, "resolved", target)


@pytest.mark.parametrize("sessions", [1, 3, 10])
def test_picks_on_page_two_from_one_address_change_nothing(city: Town, sessions: int) -> None:
    before = city.outcome(QUESTION)
    target = expected_pages(before.ranking, before.shown)[1][-1]  # the last on page 2
    for n in range(sessions):
        pick_on_page_two(city, city.resident(99, session=f"page-{n:04d}-abcdefgh"), target)
    city.assert_nothing_learned(QUESTION, before)


def test_agreement_on_a_pick_on_page_two_makes_it_seen(city: Town) -> None:
    before = city.outcome(QUESTION)
    target = expected_pages(before.ranking, before.shown)[1][0]
    for n in range(3):
        pick_on_page_two(city, city.resident(40 + n), target)
        after = city.outcome(QUESTION)
        if n < 2:  # below the threshold: nothing residents see changes
            assert (after.decision, after.shown) == (before.decision, before.shown)
    assert target in after.shown  # three residents agreed: now seen without paging
