"""The voice kiosk page (/t/<tenant>/voice) opened on a 375 px phone, in real headless Chromium.

Found by the newcomer walkthroughs: the header's language link 「やさしいにほんご」 broke in the
middle of the word (やさ / しいにほんご) beside the municipality's name. Each language link now
stays on one line, and the header wraps between its parts instead.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.browser import guarded_context, seeded_console
from tests.console.helpers import World, make_app

pytestmark = pytest.mark.browser
pytest.importorskip("playwright.sync_api", reason="Playwright is a dev dependency")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, World]]:
    with seeded_console(tmp_path_factory, "kiosk-phone", make_app) as served:
        yield served


@pytest.mark.parametrize("width", [375, 320])
def test_language_links_do_not_break_inside_a_word(
    browser: Any, site: tuple[str, World], width: int
) -> None:
    base_url, _world = site
    viewport = {"width": width, "height": 740}
    with guarded_context(browser, base_url, viewport=viewport) as context:
        page = context.new_page()
        page.goto(base_url + "/t/aoba/voice")
        links = page.locator("header.kiosk-head nav a")
        assert links.all_inner_texts() == [
            "日本語",
            "やさしい にほんご",
            "English",
            "简体中文",
            "繁體中文",
            "한국어",
        ]
        lines = links.evaluate_all(
            "links => links.map(a => new Set([...a.getClientRects()].map(r => r.top)).size)"
        )
        assert lines == [1] * 6, f"a language link is broken over several lines: {lines}"
        for link in links.all():
            box = link.bounding_box()
            assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= width
            assert box["height"] >= 24, "a touch target smaller than 24 px"
        assert page.evaluate("document.documentElement.scrollWidth") <= width
