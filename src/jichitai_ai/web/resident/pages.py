"""The resident chat page (GET) and its no-JavaScript form posts (ask, choice, feedback, more,
notice).

The page script talks to the JSON API; these routes give the same result as plain HTML so
the chat still answers with JavaScript off. Both paths go through ``platform.answering`` and
the API's ``ask_out``/``card`` helpers, so the answer shown is the same either way.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse, Response

from jichitai_ai.i18n import t
from jichitai_ai.services import feedback as feedback_service
from jichitai_ai.services import start_screen as start_service
from jichitai_ai.services.answering import LocalizedEntry
from jichitai_ai.services.errors import NotFound, ServiceError
from jichitai_ai.services.platform import Platform
from jichitai_ai.web.api.public import ask_out, card, client_address
from jichitai_ai.web.api.schemas import AnswerCard, AskOut
from jichitai_ai.web.deps import get_platform
from jichitai_ai.web.resident import view
from jichitai_ai.web.resident.language import answer_language
from jichitai_ai.web.resident.rendering import render, script_strings
from jichitai_ai.web.resident.visit import Visit, visit

router = APIRouter(include_in_schema=False)

#: Page languages in the switcher, each named in its own language.
LANGUAGE_NAMES: tuple[tuple[str, str], ...] = (
    ("ja", "日本語"),
    ("ja-easy", "やさしい にほんご"),
    ("en", "English"),
    ("zh-Hans", "简体中文"),
    ("zh-Hant", "繁體中文"),
    ("ko", "한국어"),
)
#: HTML ``lang`` values for our codes (ja-easy is Japanese to a screen reader).
HTML_LANG = {"ja-easy": "ja"}
FEEDBACK_KINDS = ("resolved", "not_resolved")
ERROR_KEYS = {"ask.empty": "resident.error.empty", "ask.too_long": "resident.error.too_long"}
#: The channel recorded with a question (KPI 「チャネル別」): the page, or the embedded widget.
CHANNEL = "web"
WIDGET_CHANNEL = "widget"


@dataclass
class Exchange:
    """What the page shows below the question box after a form post."""

    question: str = ""
    out: AskOut | None = None
    chosen: AnswerCard | None = None
    question_id: int = 0
    #: The feedback token of the question, carried in the page's forms.
    token: str = ""
    feedback: str = ""
    error: str = ""
    #: The card is shown again after a vote (no feedback buttons a second time).
    voted: bool = False
    #: 「他の候補」 asked for (issue 16): the further candidates (None: not asked).
    more: list[AnswerCard] | None = None
    #: The page after ``more`` the tenant's policy still allows (0: none), offered with
    #: 「さらに他の候補を見る」 when none of ``more`` fits.
    more_next: int = 0
    #: The page's language before the question switched it (English words, Hangul), or "".
    page_lang: str = ""


def _error_text(exc: ServiceError, lang: str) -> str:
    key = ERROR_KEYS.get(exc.key)
    if key is not None:
        return t(key, lang, **exc.params)
    return t("resident.error.generic", lang)


def _page(v: Visit, exchange: Exchange | None = None, status_code: int = 200) -> Response:
    tenant = v.tenant
    contact, contact_lang = view.general_contact(tenant, v.lang)
    notice = view.notice_for(
        tenant,
        v.lang,
        t("resident.notice.summary", v.lang, tenant=view.display_name(tenant, v.lang)),
    )
    context: dict[str, Any] = {
        "v": v,
        "lang": v.lang,
        "html_lang": HTML_LANG.get(v.lang, v.lang),
        "tenant": tenant,
        "tenant_name": view.display_name(tenant, v.lang),
        "notice": notice,
        "general_contact": contact,
        "general_contact_lang": contact_lang,
        "languages": LANGUAGE_NAMES,
        "language_links": language_links(v),
        "exchange": exchange,
        "max_chars": v.platform.settings.max_question_chars,
        "strings": script_strings(v.lang),
        # 「他の候補」 pages the tenant offers (issue 16), for the page script's next button.
        "more_pages": feedback_service.LearningPolicy.of(tenant.settings).more_pages,
        "html_lang_of": lambda code: HTML_LANG.get(code, code),
        # Popular questions and categories: only before the first question of a page view.
        "start": None
        if exchange is not None
        else start_service.start_screen(v.platform.answering, tenant.slug, v.lang),
    }
    response = render(
        v.request,
        "resident/chat.html",
        context,
        frame_ancestors=v.frame_ancestors,
        status_code=status_code,
    )
    return v.finish(response)


def language_links(v: Visit) -> dict[str, dict[str, str]]:
    """Each page language's name, the page in it, and 「このページを…で表示する」 in it: the link
    offered when a question was answered in another language than the page's."""
    return {
        code: {
            "name": name,
            "url": v.lang_url(code),
            "text": t("resident.answer_language.link", code),
        }
        for code, name in LANGUAGE_NAMES
    }


def _unknown_tenant(request: Request, slug: str) -> Response:
    lang = request.query_params.get("lang") or "ja"
    response = render(
        request,
        "resident/not_found.html",
        {"lang": lang if lang in dict(LANGUAGE_NAMES) else "ja", "slug": slug},
        frame_ancestors=None,
        status_code=404,
    )
    return response


def _visit_or_404(
    request: Request, platform: Platform, slug: str, embed: bool, form_lang: str | None = None
) -> Visit | Response:
    try:
        return visit(request, platform, slug, embed=embed, form_lang=form_lang)
    except NotFound:
        return _unknown_tenant(request, slug)


def show(request: Request, slug: str, embed: bool, platform: Platform) -> Response:
    v = _visit_or_404(request, platform, slug, embed)
    return v if isinstance(v, Response) else _page(v)


def ask(
    request: Request,
    slug: str,
    embed: bool,
    platform: Platform,
    question: str,
    lang: str,
    entry_id: int | None = None,
) -> Response:
    v = _visit_or_404(request, platform, slug, embed, lang)
    if isinstance(v, Response):
        return v
    # A start-screen question (entry_id) is in the page's language already.
    asked_in = v.lang if entry_id else answer_language(v.lang, question)
    exchange = Exchange(question=question.strip())
    if asked_in != v.lang:
        # Without JavaScript the page follows the question's language (English words, Hangul):
        # its choices and answer are then in that language, and a note links back.
        exchange.page_lang = v.lang
        switched = _visit_or_404(request, platform, slug, embed, asked_in)
        if isinstance(switched, Response):
            return switched
        v = switched
    channel = WIDGET_CHANNEL if embed else CHANNEL
    try:
        if entry_id:
            result = platform.answering.ask_listed(
                v.tenant.slug,
                entry_id,
                question,
                language=v.lang,
                session_key=v.session_id,
                channel=channel,
            )
        else:
            result = platform.answering.ask(
                v.tenant.slug,
                question,
                language=v.lang,
                session_key=v.session_id,
                channel=channel,
            )
    except ServiceError as exc:
        exchange.error = _error_text(exc, v.lang)
        return _page(v, exchange, status_code=422)
    exchange.out = ask_out(result)
    exchange.question_id = result.question_id
    exchange.token = result.feedback_token
    return _page(v, exchange)


def choose(
    request: Request,
    slug: str,
    embed: bool,
    platform: Platform,
    token: str,
    entry_id: int,
    lang: str,
) -> Response:
    v = _visit_or_404(request, platform, slug, embed, lang)
    if isinstance(v, Response):
        return v
    exchange = Exchange(token=token)
    try:
        item = platform.answering.choose(
            v.tenant.slug,
            token,
            entry_id,
            language=v.lang,
            client_address=client_address(request),
        )
    except ServiceError as exc:
        exchange.error = _error_text(exc, v.lang)
        return _page(v, exchange, status_code=exc.status)
    exchange.chosen = card(item)
    return _page(v, exchange)


def give_feedback(
    request: Request,
    slug: str,
    embed: bool,
    platform: Platform,
    token: str,
    entry_id: int | None,
    kind: str,
    lang: str,
) -> Response:
    v = _visit_or_404(request, platform, slug, embed, lang)
    if isinstance(v, Response):
        return v
    exchange = Exchange()
    if kind not in FEEDBACK_KINDS:
        exchange.error = t("resident.error.generic", v.lang)
        return _page(v, exchange, status_code=422)
    try:
        feedback_service.submit(
            platform.answering,
            v.tenant.slug,
            token,
            kind,
            entry_id=entry_id,
            client_address=client_address(request),
        )
    except ServiceError as exc:
        exchange.error = _error_text(exc, v.lang)
        return _page(v, exchange, status_code=exc.status)
    exchange.feedback = kind
    exchange.token = token
    # Without JavaScript the page is drawn again: keep the answer and its 担当課 on it, since
    # the "not resolved" hint tells the resident to contact the department shown.
    exchange.chosen = _voted_card(platform, v, entry_id)
    exchange.voted = True
    return _page(v, exchange)


def show_more(
    request: Request,
    slug: str,
    embed: bool,
    platform: Platform,
    token: str,
    lang: str,
    page: int = 1,
) -> Response:
    """「他の候補を見る」 without JavaScript: the same entries as the JSON API's ``/more``
    (``page`` 2: 「さらに他の候補を見る」)."""
    v = _visit_or_404(request, platform, slug, embed, lang)
    if isinstance(v, Response):
        return v
    exchange = Exchange(token=token)
    try:
        items = feedback_service.offer_more(
            platform.answering, v.tenant.slug, token, language=v.lang, page=page
        )
    except ServiceError as exc:
        exchange.error = _error_text(exc, v.lang)
        return _page(v, exchange, status_code=exc.status)
    exchange.more = [card(c) for c in items]
    exchange.more_next = next_more_page(v.tenant.settings, page) if items else 0
    return _page(v, exchange)


def next_more_page(settings: dict[str, Any], page: int) -> int:
    """The page after ``page`` if the tenant's ``learning.more_pages`` allows it, else 0."""
    return page + 1 if page < feedback_service.LearningPolicy.of(settings).more_pages else 0


def _voted_card(platform: Platform, v: Visit, entry_id: int | None) -> AnswerCard | None:
    if entry_id is None:
        return None
    with platform.db.read() as session:
        index = platform.answering.index_for(session, v.tenant)
    if entry_id not in index.entry_ids():
        return None
    entry = index.entry(entry_id)
    translated = index.translation(entry.external_id, v.lang)
    if translated is not None:
        return card(LocalizedEntry(entry=translated, language=v.lang, translated=True))
    return card(LocalizedEntry(entry=entry, language=entry.language, translated=False))


def acknowledge(
    request: Request, slug: str, embed: bool, platform: Platform, lang: str
) -> Response:
    v = _visit_or_404(request, platform, slug, embed, lang)
    if isinstance(v, Response):
        return v
    response = RedirectResponse(f"{v.base}?lang={v.lang}#question", status_code=303)
    v.acknowledge(response)
    return v.finish(response)


def _register(embed: bool) -> None:
    """The same handlers under /t/{slug}/ (full page) and /t/{slug}/embed (widget panel)."""
    base = "/t/{slug}/embed" if embed else "/t/{slug}/"
    sub = base.rstrip("/")

    def get_page(
        slug: str, request: Request, platform: Platform = Depends(get_platform)
    ) -> Response:
        return show(request, slug, embed, platform)

    def post_ask(
        slug: str,
        request: Request,
        question: str = Form(""),
        lang: str = Form(""),
        entry_id: int | None = Form(None, ge=1),
        platform: Platform = Depends(get_platform),
    ) -> Response:
        return ask(request, slug, embed, platform, question, lang, entry_id)

    def post_choice(
        slug: str,
        request: Request,
        token: str = Form(..., max_length=200),
        entry_id: int = Form(...),
        lang: str = Form(""),
        platform: Platform = Depends(get_platform),
    ) -> Response:
        return choose(request, slug, embed, platform, token, entry_id, lang)

    def post_feedback(
        slug: str,
        request: Request,
        token: str = Form(..., max_length=200),
        kind: str = Form(...),
        entry_id: int | None = Form(None),
        lang: str = Form(""),
        platform: Platform = Depends(get_platform),
    ) -> Response:
        return give_feedback(request, slug, embed, platform, token, entry_id, kind, lang)

    def post_more(
        slug: str,
        request: Request,
        token: str = Form(..., max_length=200),
        lang: str = Form(""),
        page: int = Form(1, ge=1, le=10),
        platform: Platform = Depends(get_platform),
    ) -> Response:
        return show_more(request, slug, embed, platform, token, lang, page)

    def post_notice(
        slug: str,
        request: Request,
        lang: str = Form(""),
        platform: Platform = Depends(get_platform),
    ) -> Response:
        return acknowledge(request, slug, embed, platform, lang)

    router.add_api_route(base, get_page, methods=["GET"])
    router.add_api_route(base, post_ask, methods=["POST"])
    router.add_api_route(f"{sub}/choice", post_choice, methods=["POST"])
    router.add_api_route(f"{sub}/feedback", post_feedback, methods=["POST"])
    router.add_api_route(f"{sub}/notice", post_notice, methods=["POST"])
    router.add_api_route(f"{sub}/more", post_more, methods=["POST"])


_register(embed=False)
_register(embed=True)
