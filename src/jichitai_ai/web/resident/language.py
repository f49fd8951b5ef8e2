"""The language to answer a resident in when the question is plainly written in another one.

A resident on the Japanese page who types "how do I get a residence certificate" reads English:
the choices and the answer should be the English entries, not the Japanese ones. The page keeps
its language (the resident chose it); only the answer follows the question, and the page says so
with a link to the page in that language (newcomer walkthrough nc5).

Which language that is, is the answering service's one decision (``shown_language``: Hangul is
Korean, Latin words are English, han characters Japanese never writes are Chinese); the web layer
asks it first so that the page can say so and link to the page in that language.
"""

from __future__ import annotations

from jichitai_ai.i18n import normalize_language
from jichitai_ai.services.answering import shown_language


def answer_language(page_lang: str | None, question: str) -> str:
    """``page_lang`` (normalised), or the language the question is plainly written in."""
    return shown_language(question or "", normalize_language(page_lang))
