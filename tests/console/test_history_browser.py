"""The history page as the walkthrough saw it in Chromium: the 状態 column of a long answer was
squeezed to one character per line (公/開/中). Each version's state now reads on one line, for
the municipality's own entry and for a prefecture entry opened by its auditor."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.browser import guarded_context, login, seeded_console
from tests.console.helpers import World, make_app

pytestmark = pytest.mark.browser
pytest.importorskip("playwright.sync_api", reason="Playwright is a dev dependency")

LINES = """(cells) => cells.map((cell) => {
  const range = document.createRange();
  range.selectNodeContents(cell);
  const tops = new Set(Array.from(range.getClientRects()).map((r) => Math.round(r.top)));
  return tops.size;
})"""


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, World]]:
    with seeded_console(tmp_path_factory, "history", make_app) as served:
        yield served


@pytest.mark.parametrize("width", [1280, 375])
def test_each_state_reads_on_one_line(browser: Any, site: tuple[str, World], width: int) -> None:
    base_url, world = site
    with guarded_context(browser, base_url, viewport={"width": width, "height": 900}) as context:
        page = context.new_page()
        for entry_id in (world.aoba_entry, world.pref_entry):
            target = f"/console/t/aoba/faq/{entry_id}/history"
            if entry_id == world.aoba_entry:
                login(page, base_url, "aoba-auditor", target)
            else:
                page.goto(base_url + target)
            cells = page.locator("#history-table td.history-status")
            assert cells.count() >= 1
            assert (
                page.eval_on_selector_all("#history-table td.history-status", LINES)
                == [1] * cells.count()
            )
