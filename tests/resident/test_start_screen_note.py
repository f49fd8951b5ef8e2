"""The start screen's popular questions on another language's page: one that exists only in
Japanese is marked once, as the choices are (newcomer walkthrough nc5 — on the やさしい日本語
page all six popular questions were ordinary Japanese with nothing saying so, and on the
Chinese and Korean pages one Japanese question sat among the translated ones)."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from jichitai_ai.i18n import t

PAGE = "/t/aoba-city/"
NOTE = re.compile(r'<p class="note only-ja" id="start-some-japanese">([^<]*)</p>')


def _popular_languages(html: str) -> list[str]:
    popular = html.split('id="start-h"', 1)[1].split("</ul>", 1)[0]
    return re.findall(r'class="start-q" lang="([^"]+)"', popular)


#: With the demo: やさしい日本語 has no translated popular question, the Chinese and Korean pages
#: one untranslated among five translated, English all six translated.
EXPECTED = {"ja": False, "ja-easy": True, "en": False, "zh-Hans": True, "ko": True}


@pytest.mark.parametrize("lang", sorted(EXPECTED))
def test_popular_questions_in_japanese_are_marked(client: TestClient, lang: str) -> None:
    html = client.get(f"{PAGE}?lang={lang}").text
    shown = _popular_languages(html)
    assert len(shown) == 6
    untranslated = lang != "ja" and (lang == "ja-easy" or "ja" in shown)
    assert untranslated == EXPECTED[lang], shown
    note = NOTE.search(html)
    if EXPECTED[lang]:
        assert note is not None and note.group(1) == t("resident.clarify.some_japanese", lang)
    else:
        assert note is None
