"""Keyboard, screen reader and contrast checks in real Chromium (WCAG 2.1 AA essentials)."""

from __future__ import annotations

from typing import Any

import pytest

from jichitai_ai.i18n import t

from . import helpers
from .conftest import Live, RequestLog

pytestmark = pytest.mark.browser

#: Contrast of every visible text element against its effective background (WCAG formula).
CONTRAST_JS = """
() => {
  const parse = c => { const m = c.match(/[\\d.]+/g).map(Number); return {r: m[0], g: m[1], b: m[2], a: m.length > 3 ? m[3] : 1}; };
  const lum = ({r, g, b}) => { const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b); };
  const background = el => { for (let e = el; e; e = e.parentElement) { const c = parse(getComputedStyle(e).backgroundColor); if (c.a > 0.5) return c; } return {r: 255, g: 255, b: 255, a: 1}; };
  const worst = []; let checked = 0;
  for (const el of document.querySelectorAll('body *')) {
    const own = [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
    if (!own || !el.checkVisibility() || el.closest('.visually-hidden')) continue;
    const s = getComputedStyle(el); checked++;
    const fg = parse(s.color), bg = background(el);
    const [hi, lo] = [lum(fg), lum(bg)].sort((a, b) => b - a);
    const ratio = (hi + 0.05) / (lo + 0.05);
    const large = parseFloat(s.fontSize) >= 24 || (parseFloat(s.fontSize) >= 18.66 && Number(s.fontWeight) >= 700);
    if (ratio < (large ? 3 : 4.5)) worst.push(el.tagName + '.' + el.className + ' ' + ratio.toFixed(2));
  }
  return {checked, worst};
}
"""


def _focus_ring(page: Any) -> dict[str, str]:
    return page.evaluate(
        """() => { const s = getComputedStyle(document.activeElement);
             return {style: s.outlineStyle, width: s.outlineWidth, tag: document.activeElement.tagName,
                     cls: document.activeElement.className}; }"""
    )


def _assert_contrast(page: Any) -> None:
    result = page.evaluate(CONTRAST_JS)
    assert result["checked"] > 15 and result["worst"] == []


def test_contrast_check_catches_low_contrast(live: Live, context: Any) -> None:
    page = context.new_page()
    page.goto(live.url + "/t/aoba-city/")
    page.evaluate("document.querySelector('.tenant-name').classList.add('visually-hidden')")
    page.evaluate("document.querySelector('h1').style.color = '#3a6ea8'")  # on --primary
    assert any(w.startswith("H1") for w in page.evaluate(CONTRAST_JS)["worst"])


def test_keyboard_landmarks_focus_and_contrast(
    live: Live, browser: Any, requests_seen: RequestLog
) -> None:
    ctx = browser.new_context(
        viewport={"width": 390, "height": 844}, locale="ja-JP", reduced_motion="reduce"
    )
    ctx.route("**/*", requests_seen.handle)
    try:
        page = ctx.new_page()
        page.goto(live.url + "/t/aoba-city/")
        # Landmarks a screen reader lists: banner, navigation (languages), main, contentinfo.
        assert page.get_by_role("banner").count() == 1
        assert page.get_by_role("navigation", name=t("resident.lang.label", "ja")).count() == 1
        assert page.get_by_role("main").count() == 1
        assert page.get_by_role("contentinfo").count() == 1
        assert page.locator('a[aria-current="true"]').inner_text() == "日本語"
        # Focus order: skip link first (and it becomes visible), then the language links.
        page.keyboard.press("Tab")
        ring = _focus_ring(page)
        assert ring["cls"] == "skip" and page.locator("a.skip").is_visible()
        # Before the notice is acknowledged the question box is hidden: the skip link leads to
        # the notice, and turns into 「質問の入力欄へ移動」 once the chat shows.
        assert page.locator("a.skip").get_attribute("href") == "#jai-notice"
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.textContent") == "日本語"
        assert _focus_ring(page)["style"] != "none"
        _assert_contrast(page)
        # Reach the acknowledgement button by keyboard alone and press Enter.
        for _ in range(12):
            page.keyboard.press("Tab")
            if page.evaluate("document.activeElement.closest('#jai-ack') !== null"):
                break
        ring = _focus_ring(page)
        assert (
            ring["tag"] == "BUTTON" and ring["style"] == "solid" and float(ring["width"][:-2]) >= 2
        )
        page.keyboard.press("Enter")
        assert page.evaluate("document.activeElement.id") == "question"
        skip = page.locator("a.skip")
        assert skip.get_attribute("href") == "#question"
        assert skip.inner_text() == t("resident.skip", "ja")
        question = page.get_by_label(t("resident.ask.label", "ja"), exact=True)
        assert question.get_attribute("aria-describedby") == "question-hint"
        log = page.get_by_role("log")
        assert log.get_attribute("aria-live") == "polite"
        # Ask with the keyboard (Enter sends); the answer lands in the live region.
        probe = helpers.answer_with_source(live.platform)
        page.keyboard.type(probe.question)
        page.keyboard.press("Enter")
        log.locator("section.card.answer").wait_for()
        assert page.evaluate("document.activeElement.id") == "question"
        _assert_contrast(page)
        # Phone width: nothing overflows sideways.
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
        for lang in ("en", "zh-Hans", "ko"):
            page.goto(f"{live.url}/t/aoba-city/?lang={lang}")
            assert page.locator("html").get_attribute("lang") == lang
            _assert_contrast(page)
    finally:
        ctx.close()
    assert requests_seen.remote() == []


def test_untranslated_hours_on_a_translated_card_are_marked_japanese() -> None:
    from jichitai_ai.web.resident.rendering import text_lang

    assert text_lang("平日 8:30〜17:15（土日祝日を除く）", "en") == "ja"
    assert text_lang("Weekdays 8:30–17:15", "en") == "en"
    assert text_lang("工作日 8:30–17:15（周六、周日休息）", "zh-Hans") == "zh-Hans"
    assert text_lang("平日 8:30〜17:15（土日祝日を除く）", "ja-easy") == "ja-easy"
