"""Resident-facing JSON API: ask, pick a clarifying choice, give feedback. No login."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request

from jichitai_ai.i18n import bilingual, t
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
    FeedbackIn,
    LinkModel,
)
from jichitai_ai.web.deps import get_platform, public_tenant

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
    key = f"ask.decision.{result.decision}"
    message = {"ja": t(key, "ja"), "en": t(key, "en")}
    if result.language not in message:
        message[result.language] = t(key, result.language)
    return AskOut(
        question_id=result.question_id,
        feedback_token=result.feedback_token,
        decision=str(result.decision),
        language=result.language,
        answer=card(result.answer) if result.answer else None,
        choices=[card(c) for c in result.choices],
        contact=DepartmentModel.of(result.contact),
        general_contact=result.general_contact,
        message=message,
        latency_ms=round(result.latency_ms, 2),
    )


@router.post("/ask", response_model=AskOut)
def ask(
    body: AskIn,
    tenant: TenantInfo = Depends(public_tenant),
    platform: Platform = Depends(get_platform),
) -> AskOut:
    """Answer from approved entries only: one answer, 2–5 choices (更問), or a hand-over."""
    result = platform.answering.ask(
        tenant.slug,
        body.question,
        language=body.language,
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
