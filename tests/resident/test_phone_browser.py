"""A resident on a phone (375 × 667 px, the smallest common screen) in real Chromium: the
question box is on the first screen in every language, above the popular questions and the
topics, and the page and widget speak the chosen language down to the topic names."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest

from jichitai_ai.i18n import t

from .conftest import Live, RequestLog

pytestmark = pytest.mark.browser

PHONE = {"width": 375, "height": 667}
JAPANESE_SCRIPT = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")


def _bottom(page: Any, selector: str) -> float:
    """Where an element ends, in page pixels from the top (not the scrolled viewport)."""
    return float(
        page.evaluate(
            "(s) => { const r = document.querySelector(s).getBoundingClientRect();"
            " return r.bottom + window.scrollY; }",
            selector,
        )
    )


@contextmanager
def _phone_chat(
    live: Live, browser: Any, requests_seen: RequestLog, path: str, lang: str
) -> Iterator[Any]:
    """The chat at phone size in ``lang``, notice accepted; no request leaves the app."""
    ctx = browser.new_context(viewport=PHONE, locale="ja-JP", reduced_motion="reduce")
    ctx.route("**/*", requests_seen.handle)
    try:
        page = ctx.new_page()
        page.goto(f"{live.url}{path}?lang={lang}")
        page.get_by_role("button", name=t("resident.notice.accept", lang)).click()
        yield page
    finally:
        ctx.close()
    assert requests_seen.remote() == []


@pytest.mark.parametrize(
    ("path", "lang"),
    [
        ("/t/aoba-city/", "ja"),
        ("/t/aoba-city/", "en"),
        ("/t/aoba-city/", "ja-easy"),
        ("/t/aoba-city/", "ko"),
        ("/t/aoba-city/embed", "en"),
        ("/t/sakura-town/", "zh-Hans"),
    ],
)
def test_question_box_on_the_first_phone_screen(
    live: Live, browser: Any, requests_seen: RequestLog, path: str, lang: str
) -> None:
    with _phone_chat(live, browser, requests_seen, path, lang) as page:
        assert page.locator("#jai-chat").is_visible()
        box = _bottom(page, "#jai-ask button[type=submit]")
        assert box <= PHONE["height"], f"the question box ends at {box:.0f} px"
        assert (
            page.locator("#jai-start").bounding_box()["y"]
            >= page.locator("#jai-ask").bounding_box()["y"]
        )
        assert page.locator("details.category").count() >= 10
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
        if lang in ("en", "ko"):
            labels = page.locator("details.category > summary").all_inner_texts()
            assert [x for x in labels if JAPANESE_SCRIPT.search(x)] == []
            first = page.locator("#jai-start .start-q").first
            assert first.get_attribute("lang") == lang
            assert not JAPANESE_SCRIPT.search(first.inner_text())


def test_a_popular_question_below_the_box_is_answered_above_it(
    live: Live, browser: Any, requests_seen: RequestLog
) -> None:
    with _phone_chat(live, browser, requests_seen, "/t/aoba-city/", "en") as page:
        first = page.locator("#jai-start .start-q").first
        question = first.inner_text()
        first.click()
        article = page.locator("#jai-log article.exchange").first
        article.locator("section.card").first.wait_for()
        assert question in article.inner_text()
        assert page.locator("#jai-start").is_hidden()
        assert (
            _bottom(page, "#jai-log")
            <= page.locator("#jai-ask").bounding_box()["y"]
            + float(page.evaluate("window.scrollY"))
            + 1
        )


@pytest.mark.parametrize("lang", ["ja-easy", "ja"])
def test_emergency_numbers_stay_on_one_line_on_a_phone(
    live: Live, browser: Any, requests_seen: RequestLog, lang: str
) -> None:
    """Found by the newcomer walkthrough: at 375 px 「0570-783-556」 broke at its hyphens into
    three lines beside its long label, in the card a person in crisis reads."""
    with _phone_chat(live, browser, requests_seen, "/t/aoba-city/", lang) as page:
        page.locator("#question").fill("くるしい しにたい")
        page.locator("#jai-ask button[type=submit]").click()
        card = page.locator(".card.emergency").last
        card.wait_for()
        numbers = card.locator(".emergency-numbers .number")
        assert numbers.count() >= 2
        for i in range(numbers.count()):
            number = numbers.nth(i)
            lines = number.evaluate(
                "(el) => { const r = document.createRange(); r.selectNodeContents(el);"
                " return new Set([...r.getClientRects()].map((x) => Math.round(x.top))).size; }"
            )
            box = number.bounding_box()
            assert lines == 1, f"{number.inner_text()} is broken over {lines} lines"
            assert box is not None and box["x"] + box["width"] <= PHONE["width"]
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_topics_come_back_after_a_popular_question(
    live: Live, browser: Any, requests_seen: RequestLog, lang: str
) -> None:
    """Found by the newcomer walkthrough: a question picked from the start screen hid the
    popular questions and the topics for the rest of the visit — no way to browse another
    topic short of reloading. One button brings them back, and a topic's question is then
    answered like the first."""
    with _phone_chat(live, browser, requests_seen, "/t/aoba-city/", lang) as page:
        again = page.locator("#jai-start-again")
        assert again.is_hidden()
        page.locator("#jai-start .start-q").first.click()
        page.locator("#jai-log article.exchange section.card").first.wait_for()
        assert page.locator("#jai-start").is_hidden()
        assert again.is_visible() and again.inner_text() == t("resident.start.again", lang)
        box = again.bounding_box()
        assert box is not None and box["x"] + box["width"] <= PHONE["width"]
        again.click()
        assert page.locator("#jai-start").is_visible() and again.is_hidden()
        assert page.evaluate("document.activeElement.id") == "start-h"
        topic = page.locator("details.category").nth(1)
        topic.locator("summary").click()
        question = topic.locator(".start-q").first
        text = question.inner_text()
        question.click()
        second = page.locator("#jai-log article.exchange").nth(1)
        second.locator("section.card").first.wait_for()
        assert text in second.inner_text()
        assert again.is_visible()


#: やさしい日本語 full of ー and small kana: at some width a plain line breaker starts a line with them.
KINSOKU_PROBE = (
    "あなたの ばしょの ホームページを みてください。センターに でんわしてください。"
    "スーパーで かいものを します。コンピューターを つかいます。きゅうきゅうしゃを よびます。"
    "ちょっと まってください。シャッターが しまっています。"
)
#: Characters a line may not start with under line-break: strict (CSS Text 3, Japanese 禁則).
NO_LINE_START = "ーぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ"


@pytest.mark.parametrize("path", ["/t/aoba-city/", "/t/aoba-city/embed"])
def test_easy_japanese_never_starts_a_line_with_a_long_vowel_mark(
    live: Live, browser: Any, requests_seen: RequestLog, path: str
) -> None:
    """nc6: at 375 px やさしい日本語 broke 「センタ／ー」. The page (and the widget's frame) set
    ``line-break: strict``; every width from 120 to 360 px is tried on the page's own paragraph."""
    with _phone_chat(live, browser, requests_seen, path, "ja-easy") as page:
        styles = page.evaluate(
            "() => [...document.querySelectorAll('body, p.intro, .notice-text')]"
            ".map((el) => [getComputedStyle(el).lineBreak, getComputedStyle(el).wordBreak])"
        )
        assert styles and all(s == ["strict", "normal"] for s in styles), styles
        bad = page.evaluate(
            """([text, forbidden]) => {
              const el = document.querySelector('p.intro');
              el.textContent = text;
              const node = el.firstChild, bad = [];
              for (let w = 120; w <= 360; w += 1) {
                el.style.width = w + 'px';
                let top = null;
                for (let i = 0; i < text.length; i++) {
                  const r = document.createRange(); r.setStart(node, i); r.setEnd(node, i + 1);
                  const rects = r.getClientRects();
                  if (!rects.length) continue;
                  if (top !== null && rects[0].top > top + 2 && forbidden.includes(text[i]))
                    bad.push(w + ':' + text.slice(Math.max(0, i - 3), i + 2));
                  top = rects[0].top;
                }
              }
              return bad;
            }""",
            [KINSOKU_PROBE, NO_LINE_START],
        )
        assert bad == [], bad[:10]


@pytest.mark.parametrize(
    ("lang", "header"),
    [
        ("en", "Aoba City (あおば市)"),
        ("ko", "아오바시 (あおば市)"),
        ("zh-Hans", "青叶市（あおば市）"),
    ],
)
def test_the_header_brackets_the_japanese_name_in_the_page_language(
    live: Live, browser: Any, requests_seen: RequestLog, lang: str, header: str
) -> None:
    """nc6: the English header read "Aoba City （あおば市）" (full-width brackets after a space)."""
    with _phone_chat(live, browser, requests_seen, "/t/aoba-city/", lang) as page:
        name = page.locator(".tenant-name")
        assert name.inner_text().strip() == header
        assert name.locator("span[lang=ja]").inner_text() == "あおば市"
