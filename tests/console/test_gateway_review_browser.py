"""The masking review (生成AI送信の確認 → 確認する) read by a screen reader: each row's
「マスクする」 checkbox and its kind were unnamed controls (「チェックボックス、オン」 three times
with nothing saying which text), and so was the kind of a mask to add (newcomer walkthrough
nc6). Each control is now named by the text it masks, rows added by selection too."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from jichitai_ai.config import load_settings
from jichitai_ai.demo import review_queues
from jichitai_ai.demo.loader import DEMO_PASSWORD, load_demo
from jichitai_ai.i18n import t
from tests.browser import guarded_context, serve, sqlite_platform
from tests.console.helpers import make_app

pytestmark = pytest.mark.browser
pytest.importorskip("playwright.sync_api", reason="Playwright is a dev dependency")

DEMO_CONFIG = Path(__file__).resolve().parents[2] / "deploy" / "demo.toml"
UNNAMED = """() => [...document.querySelectorAll('#review input, #review select')]
  .filter(e => !(e.labels && e.labels.length) && !e.getAttribute('aria-label'))
  .map(e => e.outerHTML.slice(0, 80))"""


@pytest.fixture(scope="module")
def url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with sqlite_platform(tmp_path_factory.mktemp("gateway-review")) as platform:
        demo = load_settings(DEMO_CONFIG, env={})
        platform.settings = replace(platform.settings, raw=demo.raw)
        with platform.db.write() as session:
            load_demo(session)
        assert review_queues.load_demo_gateway(platform).startswith("held for review")
        with serve(make_app(platform)) as base:
            yield base


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_every_mask_control_is_named_by_its_text(browser: Any, url: str, lang: str) -> None:
    with guarded_context(browser, url) as context:
        page = context.new_page()
        page.goto(f"{url}/console/login?lang={lang}")
        page.fill("input[name=username]", "aoba-approver")
        page.fill("input[name=password]", DEMO_PASSWORD)
        page.locator("form button[type=submit]").first.click()
        page.wait_for_load_state()
        page.goto(f"{url}/console/gateway/reviews?tenant=aoba-city&lang={lang}")
        page.locator("main a[href*='/reviews/']").first.click()
        page.locator("#review table.spans").first.wait_for()
        assert page.evaluate(UNNAMED) == []
        phone = "090-1234-5678"
        box = page.get_by_role("checkbox", name=t("gateway.page.keep_label", lang, text=phone))
        assert box.is_checked()
        kind = page.get_by_role("combobox", name=t("gateway.page.type_label", lang, text=phone))
        assert kind.input_value() == "phone"
        # A mask added by selecting 「集積所」 in the original gets names too.
        page.evaluate(
            """() => { const pre = document.querySelector('pre.original');
              const walk = document.createTreeWalker(pre, NodeFilter.SHOW_TEXT);
              let node = walk.nextNode();
              while (node && !node.data.includes('集積所')) { node = walk.nextNode(); }
              const at = node.data.indexOf('集積所'); const r = document.createRange();
              r.setStart(node, at); r.setEnd(node, at + 3);
              const s = getSelection(); s.removeAllRanges(); s.addRange(r); }"""
        )
        page.locator("button.add").first.click()
        added = t("gateway.page.keep_label", lang, text="集積所")
        assert page.get_by_role("checkbox", name=added).is_checked()
        assert page.evaluate(UNNAMED) == []
