"""The 更問 card (issue 12): at most 3 choices, and 「どれにも当てはまらない」 leading to a contact."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

from jichitai_ai.demo.loader import load_demo
from jichitai_ai.domain.models import Decision
from jichitai_ai.i18n import t
from jichitai_ai.services.platform import Platform
from jichitai_ai.web.app import create_app

TENANT = "aoba-city"
#: Broad questions; the test uses those the demo city answers with a 更問.
BROAD = ["ごみ", "証明書がほしい", "子どもの手当", "税金", "手続き", "引っ越し", "保険"]


def test_clarify_card_has_at_most_three_choices_and_a_way_out(platform: Platform) -> None:
    with platform.db.write() as session:
        load_demo(session)
    clarified = [
        q
        for q in BROAD
        if platform.answering.ask(TENANT, q, record=False).decision is Decision.CLARIFY
    ]
    assert clarified, "no broad question got a 更問"
    with TestClient(create_app(platform=platform)) as client:
        client.post(f"/t/{TENANT}/notice", data={"lang": "ja"})
        for question in clarified:
            result = platform.answering.ask(TENANT, question, record=False)
            assert 2 <= len(result.choices) <= 3, (question, len(result.choices))
            html = client.post(f"/t/{TENANT}/", data={"question": question, "lang": "ja"}).text
            card = html[html.index('class="card clarify"') :]
            card = card[: card.index("</section>")]
            assert 2 <= len(re.findall(r'class="choice"', card)) <= 3, question
            way_out = card[card.index('class="none-of-these"') :]
            assert t("resident.clarify.none", "ja") in way_out
            # the way out shows a contact: the routed department or the general one
            assert re.search(r"href=\"tel:[0-9-]+\"", way_out), way_out
