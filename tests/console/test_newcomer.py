"""What a newcomer reads on the dashboard: every figure's definition on the page itself, not a
pointer to docs/console.md (a repository file staff cannot open from the browser)."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from jichitai_ai.i18n import t
from tests.console.helpers import login

FIGURES = (
    "total",
    "answered_rate",
    "clarified_rate",
    "handed_over_rate",
    "self_resolution_rate",
    "confirmed_resolution_rate",
    "resolved_vote_rate",
)


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_dashboard_defines_every_card_on_the_page(client: TestClient, lang: str) -> None:
    login(client, "aoba-editor")
    page = client.get(f"/console/t/aoba/dashboard?lang={lang}")
    assert page.status_code == 200
    assert "docs/" not in page.text
    block = re.search(r'<details[^>]*id="kpi-definitions".*?</details>', page.text, re.S)
    assert block is not None
    terms = re.findall(r"<dt>(.*?)</dt><dd>(.*?)</dd>", block.group(0))
    labels = [t(f"console.kpi.col.{key}", lang) for key in FIGURES] + [
        t("console.kpi.time_saved", lang)
    ]
    assert [term for term, _ in terms] == labels
    cards = re.findall(r'<span class="kpi-card__label">(.*?)</span>', page.text)
    assert cards and set(cards) <= set(labels)  # every card the page shows is defined
    assert all(len(text) > 10 for _, text in terms)
    assert len({text for _, text in terms}) == len(terms)
    # The three rates leave out emergency questions: the definition of 質問数 says so, or a
    # newcomer adding 回答率 + 選択肢提示率 + 担当課案内率 wonders where the rest went.
    total = dict(terms)[t("console.kpi.col.total", lang)]
    assert ("119" in total) and ("100%" in total)
    # The three exports look and behave alike: buttons that download (JSON opened raw in the tab).
    for fmt in ("csv", "xlsx", "json"):
        link = re.search(
            rf'<a class="button" href="[^"]*/dashboard\.{fmt}\?[^"]*" download', page.text
        )
        assert link is not None, fmt
    assert t("console.kpi.export_json", lang) in page.text
