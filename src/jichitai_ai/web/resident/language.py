"""The language to answer a resident in when the question is plainly written in another one.

A resident on the Japanese page who types "how do I get a residence certificate" reads English:
the choices and the answer should be the English entries, not the Japanese ones. The page keeps
its language (the resident chose it); only the answer follows the question, and the page says so
with a link to the page in that language (newcomer walkthrough nc5).

Only what the writing system makes certain is switched: Hangul is Korean, and Latin words (at
least two) are English, the one Latin-script language the FAQ is translated into. Han characters
without kana stay in the page language (Chinese, or a terse Japanese question such as 住民票発行),
and kana questions are Japanese already. This is decided in the web layer, before the answering
service; the service answers in whatever language it is given.
"""

from __future__ import annotations

import re

from jichitai_ai.i18n import normalize_language
from jichitai_ai.text import script_of

#: Words of two Latin letters or more ("ID" alone, or "NHK", does not make a question English).
_LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
MIN_LATIN_WORDS = 2


def answer_language(page_lang: str | None, question: str) -> str:
    """``page_lang`` (normalised), or the language the question is plainly written in."""
    lang = normalize_language(page_lang)
    script = script_of(question or "")
    if script == "ko":
        return "ko"
    if script == "latin" and len(_LATIN_WORD.findall(question)) >= MIN_LATIN_WORDS:
        return "en"
    return lang
