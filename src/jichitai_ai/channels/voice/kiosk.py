"""Voice kiosk (音声窓口) /t/{slug}/voice: press to talk, the answer large and spoken.

The page records with MediaRecorder and posts the clip here; the configured recogniser turns
it into text, the dialogue answers, Open JTalk speaks the answer. While choices are pending
a spoken 「2番」 (or a tap, or a key) picks one. Everything is served by the app (no CDN).
"""

from __future__ import annotations

import secrets
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Form, Request, UploadFile
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.concurrency import run_in_threadpool

from jichitai_ai.channels.voice import speech
from jichitai_ai.channels.voice.asr import MAX_AUDIO_BYTES, RecognitionFailed
from jichitai_ai.channels.voice.service import VoiceService
from jichitai_ai.i18n import bilingual, t
from jichitai_ai.services import tenants as tenant_service
from jichitai_ai.services.errors import NotFound, ServiceError
from jichitai_ai.web.resident.pages import HTML_LANG, LANGUAGE_NAMES

HERE = Path(__file__).resolve().parent.parent
STATIC_PREFIX = "/channels/static"
#: The kiosk's languages: the resident page's six (a foreign resident at the counter can read
#: the answer in English, Chinese or Korean); spoken answers only where Open JTalk can speak.
LANGUAGES = tuple(code for code, _ in LANGUAGE_NAMES)
SPOKEN = ("ja", "ja-easy")
POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "media-src 'self' blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'"
)

router = APIRouter(include_in_schema=False)
templates = Jinja2Templates(directory=str(HERE / "templates"))


def service_of(request: Request) -> VoiceService:
    service: VoiceService = request.app.state.voice_service
    return service


def _headers(response: Response) -> Response:
    response.headers["Content-Security-Policy"] = POLICY
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "same-origin"
    response.headers["Cache-Control"] = "no-store"
    # the microphone only for this origin
    response.headers["Permissions-Policy"] = "microphone=(self), camera=()"
    return response


def _error(status: int, key: str, **params: Any) -> Response:
    return _headers(
        JSONResponse({"error": key, "message": bilingual(key, **params)}, status_code=status)
    )


@router.get("/t/{slug}/voice", response_class=HTMLResponse)
def kiosk_page(slug: str, request: Request) -> Response:
    service = service_of(request)
    lang = request.query_params.get("lang", "ja")
    lang = lang if lang in LANGUAGES else "ja"
    try:
        with service.platform.db.read() as session:
            tenant = tenant_service.get_tenant(session, slug)
    except NotFound:
        return _error(404, "error.tenant_unknown", slug=slug)

    def tr(key: str, **params: Any) -> str:
        return t(key, lang, **params)

    context = {
        "lang": lang,
        "html_lang": HTML_LANG.get(lang, lang),
        "languages": LANGUAGE_NAMES,
        "spoken": lang in SPOKEN,
        "t": tr,
        "tenant": tenant,
        "tenant_name": tenant.name_for(lang),
        "session": secrets.token_urlsafe(16),
        "static": lambda name: f"{STATIC_PREFIX}/{name}",
        "listening": service.transcriber is not None,
        "max_chars": service.platform.settings.max_question_chars,
    }
    return _headers(templates.TemplateResponse(request, "channels/kiosk.html", context))


def _session_key(session: str) -> str:
    return f"voice:{session[:64]}"


@router.post("/t/{slug}/voice/ask")
async def kiosk_ask(
    slug: str,
    request: Request,
    session: str = Form(""),
    text: str = Form(""),
    audio: UploadFile | None = None,
    pending: int = Form(0),
    choices: str = Form(""),
    token: str = Form(""),
    lang: str = Form("ja"),
) -> Response:
    service = service_of(request)
    lang = lang if lang in LANGUAGES else "ja"
    transcript = text.strip()
    if audio is not None:
        data = await audio.read(MAX_AUDIO_BYTES + 1)
        if len(data) > MAX_AUDIO_BYTES:
            return _error(413, "channels.voice.too_long_audio")
        if service.transcriber is None:
            return _error(409, "channels.voice.no_asr")
        try:
            transcript = await run_in_threadpool(
                service.transcriber.transcribe,
                data,
                audio.content_type or "application/octet-stream",
                HTML_LANG.get(lang, lang),
            )
        except RecognitionFailed:
            return _error(502, "channels.voice.asr_failed")
        if not transcript:
            return _error(422, "channels.voice.not_heard")
    ids = [int(x) for x in choices.split(",") if x.strip().isdigit()][:10]
    key = _session_key(session)
    try:
        if pending and ids:
            number = speech.choice_number(transcript, len(ids))
            if number is not None:
                turn = await run_in_threadpool(
                    service.dialogue.choose, slug, pending, ids[number - 1], key, token, lang
                )
                return _headers(
                    JSONResponse(
                        await run_in_threadpool(service.as_json, turn, transcript, lang in SPOKEN)
                    )
                )
        turn = await run_in_threadpool(service.dialogue.ask, slug, transcript, key, lang)
    except ServiceError as exc:
        return _error(exc.status, exc.key, **exc.params)
    return _headers(
        JSONResponse(await run_in_threadpool(service.as_json, turn, transcript, lang in SPOKEN))
    )


@router.post("/t/{slug}/voice/choose")
async def kiosk_choose(
    slug: str,
    request: Request,
    question_id: int = Form(...),
    entry_id: int = Form(...),
    session: str = Form(""),
    token: str = Form(""),
    lang: str = Form("ja"),
) -> Response:
    service = service_of(request)
    lang = lang if lang in LANGUAGES else "ja"
    try:
        turn = await run_in_threadpool(
            service.dialogue.choose, slug, question_id, entry_id, _session_key(session), token, lang
        )
    except ServiceError as exc:
        return _error(exc.status, exc.key, **exc.params)
    return _headers(
        JSONResponse(await run_in_threadpool(service.as_json, turn, "", lang in SPOKEN))
    )


@router.post("/t/{slug}/voice/more")
async def kiosk_more(
    slug: str,
    request: Request,
    question_id: int = Form(...),
    session: str = Form(""),
    token: str = Form(""),
    lang: str = Form("ja"),
) -> Response:
    """「他の候補を見る」 after 解決しなかった, for a question this kiosk visit asked."""
    service = service_of(request)
    lang = lang if lang in LANGUAGES else "ja"
    try:
        turn = await run_in_threadpool(
            service.dialogue.more, slug, question_id, _session_key(session), token, lang
        )
    except ServiceError as exc:
        return _error(exc.status, exc.key, **exc.params)
    return _headers(
        JSONResponse(await run_in_threadpool(service.as_json, turn, "", lang in SPOKEN))
    )


@router.post("/t/{slug}/voice/feedback")
async def kiosk_feedback(
    slug: str,
    request: Request,
    question_id: int = Form(...),
    entry_id: int = Form(...),
    kind: str = Form(...),
    session: str = Form(""),
    token: str = Form(""),
) -> Response:
    """解決した / 解決しなかった for an answer this kiosk visit was shown (same session only)."""
    service = service_of(request)
    if kind not in ("resolved", "not_resolved"):
        return _error(422, "feedback.invalid_kind", kind=kind[:20])
    try:
        await run_in_threadpool(
            service.dialogue.feedback,
            slug,
            question_id,
            entry_id,
            kind,
            _session_key(session),
            token,
        )
    except ServiceError as exc:
        return _error(exc.status, exc.key, **exc.params)
    return _headers(JSONResponse({"ok": True, "kind": kind}))


def mount_static(app: Any) -> None:
    app.mount(STATIC_PREFIX, StaticFiles(directory=str(HERE / "static")), name="channels-static")
