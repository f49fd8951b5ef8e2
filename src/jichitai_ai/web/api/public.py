"""Resident-facing JSON API: ask, pick a clarifying choice, give feedback. No login."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request

from jichitai_ai.i18n import bilingual, normalize_language, t
from jichitai_ai.services import feedback as feedback_service
from jichitai_ai.services.answering import AskResult, LocalizedEntry
from jichitai_ai.services.platform import Platform
from jichitai_ai.services.tenants import TenantInfo
from jichitai_ai.web.api.schemas import (
    AnswerCard,
    AskIn,
    AskOut,
    ChoiceIn,
    DepartmentModel,
    EmergencyContactModel,
    FeedbackIn,
    LinkModel,
    MoreIn,
    MoreOut,
)
from jichitai_ai.web.deps import get_platform, public_tenant
from jichitai_ai.web.resident.language import answer_language

router = APIRouter(prefix="/api/v1/tenants/{slug}", tags=["residents"])


def client_address(request: Request) -> str:
    """The peer address as the server saw it (behind a proxy: configure the server's trusted
    proxy headers, e.g. uvicorn ``--forwarded-allow-ips``, so this is the resident's)."""
    return request.client.host if request.client else ""


def card(item: LocalizedEntry) -> AnswerCard:
    entry = item.entry
    return AnswerCard(
        entry_id=entry.id,
        external_id=entry.external_id,
        question=entry.question,
        answer=entry.answer,
        links=[LinkModel(url=link.url, title=link.title) for link in entry.links],
        source_url=entry.source_url,
        department=DepartmentModel.of(entry.department),
        language=item.language,
        translated=item.translated,
    )


def ask_out(result: AskResult) -> AskOut:
    message = _in_languages(f"ask.decision.{result.decision}", result.language)
    return AskOut(
        question_id=result.question_id,
        feedback_token=result.feedback_token,
        decision=str(result.decision),
        language=result.language,
        answer=card(result.answer) if result.answer else None,
        choices=[card(c) for c in result.choices],
        contact=DepartmentModel.of(result.contact),
        general_contact=result.general_contact,
        other_authority=result.other_authority,
        message=message,
        latency_ms=round(result.latency_ms, 2),
        emergency=[
            EmergencyContactModel(label=c.label, number=c.number, note=c.note)
            for c in result.emergency
        ],
        personal_data=result.personal_data,
        privacy_notice=_in_languages("ask.privacy_notice", result.language)
        if result.personal_data
        else {},
    )


def _in_languages(key: str, lang: str) -> dict[str, str]:
    """Japanese, English and the resident's language (what channels may show)."""
    texts = {"ja": t(key, "ja"), "en": t(key, "en")}
    if lang not in texts:
        texts[lang] = t(key, lang)
    return texts


@router.post("/ask", response_model=AskOut)
def ask(
    body: AskIn,
    tenant: TenantInfo = Depends(public_tenant),
    platform: Platform = Depends(get_platform),
) -> AskOut:
    """Answer from approved entries only: one answer, 2–3 choices (更問) plus a way out to a person, or a hand-over.

    A question plainly written in another language than ``language`` (Hangul; English words) is
    answered in that language; ``language`` in the response says which one was used. With
    ``entry_id`` (a start-screen question pressed) that entry is the answer, in ``language``."""
    if body.entry_id is not None:
        return ask_out(
            platform.answering.ask_listed(
                tenant.slug,
                body.entry_id,
                body.question,
                language=body.language,
                session_key=body.session_id,
                channel=body.channel,
            )
        )
    result = platform.answering.ask(
        tenant.slug,
        body.question,
        language=answer_language(body.language, body.question),
        session_key=body.session_id,
        channel=body.channel,
    )
    return ask_out(result)


@router.post("/choice", response_model=AnswerCard)
def choose(
    body: ChoiceIn,
    request: Request,
    tenant: TenantInfo = Depends(public_tenant),
    platform: Platform = Depends(get_platform),
) -> AnswerCard:
    """Show one of the choices offered for the question the token was issued for."""
    item = platform.answering.choose(
        tenant.slug,
        body.token,
        body.entry_id,
        language=body.language,
        client_address=client_address(request),
    )
    return card(item)


@router.post("/more", response_model=MoreOut)
def more(
    body: MoreIn,
    tenant: TenantInfo = Depends(public_tenant),
    platform: Platform = Depends(get_platform),
) -> MoreOut:
    """「他の候補を見る」: up to ``more_choices`` further candidates from the ranking logged for
    the question the token was issued for (never a new search), once per token and page
    (``page`` up to the tenant's ``more_pages``). They count as shown: a resident may pick one
    with ``/choice`` and say 解決した, which teaches like any other vote."""
    items = feedback_service.offer_more(
        platform.answering, tenant.slug, body.token, language=body.language, page=body.page
    )
    key = "ask.more.found" if items else "ask.more.none"
    # The resident's language, not the first candidate's: a Japanese-only entry listed first
    # must not turn the message on a 中文 / 한국어 / やさしい日本語 page into Japanese.
    lang = normalize_language(body.language or (items[0].language if items else "ja"))
    return MoreOut(choices=[card(c) for c in items], message=_in_languages(key, lang))


@router.post("/feedback")
def feedback(
    body: FeedbackIn,
    request: Request,
    tenant: TenantInfo = Depends(public_tenant),
    platform: Platform = Depends(get_platform),
) -> dict[str, object]:
    """解決した / 解決しなかった for an entry shown with the question the token was issued for."""
    feedback_service.submit(
        platform.answering,
        tenant.slug,
        body.token,
        body.kind,
        entry_id=body.entry_id,
        client_address=client_address(request),
        comment=body.comment,
    )
    return {"ok": True, "message": bilingual("feedback.thanks")}
