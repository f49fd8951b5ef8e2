"""Jinja2 rendering and headers for resident pages (住民向け画面の描画).

Templates read UI text with ``t('resident.x')`` in the page language, so no template
hard-codes Japanese or English. Every response gets the security headers here.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from fastapi.templating import Jinja2Templates
from jinja2 import pass_context
from jinja2.runtime import Context
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response

from jichitai_ai.i18n import t as translate
from jichitai_ai.web.resident.origins import page_policy

WEB_DIR = Path(__file__).resolve().parent.parent
TEMPLATES_DIR = WEB_DIR / "templates"
STATIC_DIR = WEB_DIR / "static" / "resident"
STATIC_PREFIX = "/resident/static"

#: Strings the page script needs (it builds answer cards from the JSON API).
SCRIPT_KEYS = (
    "resident.you",
    "resident.answer.heading",
    "resident.answer.source",
    "resident.answer.links",
    "resident.department.heading",
    "resident.department.phone",
    "resident.department.hours",
    "resident.department.email",
    "resident.department.name",
    "resident.department.form",
    "resident.department.form_link",
    "resident.exchange.label",
    "resident.only_japanese",
    "resident.clarify.heading",
    "resident.clarify.help",
    "resident.clarify.none",
    "resident.clarify.none_text",
    "resident.clarify.some_japanese",
    "resident.handover.heading",
    "resident.handover.text",
    "resident.handover.general",
    "resident.handover.other_authority",
    "resident.handover.other_authority_heading",
    "resident.handover.other_authority_note",
    "resident.handover.other_authority_url",
    "resident.feedback.question",
    "resident.feedback.resolved",
    "resident.feedback.not_resolved",
    "resident.feedback.thanks",
    "resident.feedback.not_resolved_hint",
    "resident.loading",
    "resident.error.generic",
    "resident.opens_new_window",
    "resident.emergency.heading",
    "resident.emergency.text",
    # issue 16: 「他の候補を見る」
    "resident.more.button",
    "resident.more.button_next",
    "resident.more.heading",
    # nc5: a question answered in its own language (English words, Hangul)
    "resident.answer_language.note",
)


@pass_context
def _t(context: Context, key: str, /, **params: Any) -> str:
    return translate(key, context.get("lang", "ja"), **params)


def _static(name: str) -> str:
    return f"{STATIC_PREFIX}/{name}"


@lru_cache(maxsize=1)
def templates() -> Jinja2Templates:
    tpl = Jinja2Templates(directory=str(TEMPLATES_DIR))
    tpl.env.globals["t"] = _t
    tpl.env.globals["static"] = _static
    tpl.env.globals["is_web_url"] = is_web_url
    tpl.env.globals["text_lang"] = text_lang
    return tpl


def script_strings(lang: str) -> dict[str, str]:
    """The page script's UI text (the page puts it in a non-executable JSON block)."""
    return {key.removeprefix("resident."): translate(key, lang) for key in SCRIPT_KEYS}


def text_lang(text: str, card_lang: str) -> str:
    """The ``lang`` of a contact detail on a card: Japanese when it is written in kana (a
    department's 受付時間 not translated for an English card), so screen readers switch voice."""
    if card_lang in ("ja", "ja-easy") or not _KANA.search(text or ""):
        return card_lang
    return "ja"


_KANA = re.compile(r"[\u3041-\u309f\u30a1-\u30fa]")


def is_web_url(value: object) -> bool:
    """Only http(s) links are rendered as links (never ``javascript:`` or ``data:``)."""
    return isinstance(value, str) and value.lower().startswith(("https://", "http://"))


def apply_headers(response: Response, frame_ancestors: list[str] | None) -> None:
    """CSP (own files only; framing by listed origins in embed mode), nosniff, referrer."""
    response.headers["Content-Security-Policy"] = page_policy(frame_ancestors)
    if frame_ancestors is None:
        response.headers["X-Frame-Options"] = "DENY"
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "same-origin"
    response.headers["Cache-Control"] = "no-store"


def render(
    request: Request,
    name: str,
    context: dict[str, Any],
    *,
    frame_ancestors: list[str] | None,
    status_code: int = 200,
) -> HTMLResponse:
    response = templates().TemplateResponse(request, name, context, status_code=status_code)
    apply_headers(response, frame_ancestors)
    return response
