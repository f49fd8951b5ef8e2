"""The rules behind the tuning pages: explain a test question, add a 言い換え (through the
approval flow), dismiss questions, and the pinned start-screen entries."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from jichitai_ai.approval import service as approval
from jichitai_ai.domain.models import Decision
from jichitai_ai.services import faq as faq_service
from jichitai_ai.services import tenants as tenant_service
from jichitai_ai.services.answering import AnsweringService, AskResult
from jichitai_ai.services.errors import Invalid, NotFound, ServiceError
from jichitai_ai.storage.tables import QuestionLog
from jichitai_ai.tuning.tables import HandledQuestion

#: Candidates the console lists for a test question (more are logged for 「他の候補」's pages).
CANDIDATES_LISTED = 10
#: Tenant setting shared with the residents' start screen: external ids, in order.
PINNED_KEY = "pinned_entries"
MAX_PINNED = 10


@dataclass(frozen=True)
class CandidateView:
    entry_id: int
    external_id: str
    question: str
    score: float
    shown: bool  # the answer, or one of the 更問 choices


@dataclass
class TestReport:
    """How the engine would treat a resident's question, and why (nothing is logged)."""

    question: str
    language: str
    decision: str
    reason_key: str
    reason_params: dict[str, Any] = field(default_factory=dict)
    candidates: list[CandidateView] = field(default_factory=list)
    signals: dict[str, float | None] = field(default_factory=dict)
    answer_entry_id: int | None = None
    contact: str = ""


def _reason(result: AskResult) -> tuple[str, dict[str, Any]]:
    """The decision in words staff understand, from the engine's own signals."""
    coverage = result.signals.get("coverage")
    cosine = result.signals.get("cosine")
    params: dict[str, Any] = {
        "coverage": "—" if coverage is None else f"{coverage:.0%}",
        "cosine": "—" if cosine is None else f"{cosine:.2f}",
        "count": len(result.choices),
    }
    if result.decision is Decision.ANSWER:
        return "tuning.reason.answer", params
    if result.decision is Decision.CLARIFY:
        return "tuning.reason.clarify", params
    if str(result.decision) == "emergency":
        return "tuning.reason.emergency", params
    if not result.candidates:
        return "tuning.reason.no_candidates", params
    return "tuning.reason.no_answer", params


def test_question(
    answering: AnsweringService, session: Session, tenant_slug: str, question: str, language: str
) -> TestReport:
    """Ask as a resident would (any language) without recording the question."""
    result = answering.ask(tenant_slug, question, language=language, record=False, channel="test")
    tenant = tenant_service.get_tenant(session, tenant_slug)
    shown = {e.entry.id for e in result.choices}
    if result.answer is not None:
        shown.add(result.answer.entry.id)
    views: list[CandidateView] = []
    for item in result.candidates[:CANDIDATES_LISTED]:
        entry_id = int(item["entry_id"])
        try:
            entry = faq_service.get_entry(session, tenant.id, entry_id)
        except ServiceError:
            continue
        views.append(
            CandidateView(
                entry_id=entry_id,
                external_id=entry.external_id,
                question=entry.question,
                score=float(item.get("score") or 0.0),
                shown=entry_id in shown,
            )
        )
    key, params = _reason(result)
    contact = result.contact.name if result.contact else ""
    return TestReport(
        question=question,
        language=result.language,
        decision=str(result.decision),
        reason_key=key,
        reason_params=params,
        candidates=views,
        signals=dict(result.signals),
        answer_entry_id=result.answer.entry.id if result.answer else None,
        contact=contact,
    )


def add_alternative(
    session: Session,
    tenant_id: int,
    entry_id: int,
    text: str,
    *,
    user: str,
    can_approve: bool,
    question_ids: list[int] | None = None,
) -> approval.SaveResult:
    """Add a resident's wording as 言い換え of an entry. The edit follows the approval flow
    (published at once only where the four-eyes rule lets this user); the questions it came
    from leave the unanswered list."""
    text = text.strip()
    if not text:
        raise Invalid("tuning.empty_alternative")
    entry = faq_service.get_entry(session, tenant_id, entry_id)
    if entry.inherited:
        raise Invalid("tuning.inherited_entry", owner=entry.owner_slug)
    pending = approval.open_change(session, entry_id)
    record = pending.record if pending is not None else faq_service.record_of(entry)
    if text not in record.alternatives and text != record.question:
        record.alternatives = [*record.alternatives, text]
    result = approval.save(
        session,
        tenant_id,
        entry_id,
        record,
        user=user,
        can_approve=can_approve,
        publish=approval.may_publish_directly(session, tenant_id, can_approve=can_approve),
        note=f"alternative:{text[:80]}",
    )
    if question_ids:
        mark_handled(
            session, tenant_id, question_ids, action="alternative", user=user, entry_id=entry_id
        )
    return result


def mark_handled(
    session: Session,
    tenant_id: int,
    question_ids: list[int],
    *,
    action: str,
    user: str,
    entry_id: int | None = None,
) -> int:
    """Take questions (this tenant's only) off the unanswered list; returns how many."""
    own = set(
        session.execute(
            select(QuestionLog.id).where(
                QuestionLog.id.in_(question_ids), QuestionLog.tenant_id == tenant_id
            )
        ).scalars()
    )
    done = set(
        session.execute(
            select(HandledQuestion.question_id).where(HandledQuestion.question_id.in_(own))
        ).scalars()
    )
    for question_id in sorted(own - done):
        session.add(
            HandledQuestion(
                question_id=question_id,
                tenant_id=tenant_id,
                action=action,
                entry_id=entry_id,
                handled_by=user,
            )
        )
    session.flush()
    return len(own - done)


def handled_ids(session: Session, tenant_id: int) -> set[int]:
    return set(
        session.execute(
            select(HandledQuestion.question_id).where(HandledQuestion.tenant_id == tenant_id)
        ).scalars()
    )


# --- pinned questions (shared with the start screen) ------------------------------------------


def pinned(session: Session, tenant_id: int) -> list[str]:
    raw = tenant_service.get_tenant_by_id(session, tenant_id).settings.get(PINNED_KEY, [])
    return [str(x) for x in raw] if isinstance(raw, list) else []


def set_pinned(session: Session, tenant_id: int, external_ids: list[str]) -> list[str]:
    cleaned = list(dict.fromkeys(x.strip() for x in external_ids if x and x.strip()))
    if len(cleaned) > MAX_PINNED:
        raise Invalid("tuning.too_many_pins", limit=MAX_PINNED)
    known = {e.external_id for e in faq_service.visible_entries(session, tenant_id)}
    for external_id in cleaned:
        if external_id not in known:
            raise NotFound("tuning.unknown_entry", external_id=external_id)
    tenant_service.update_settings(session, tenant_id, {PINNED_KEY: cleaned})
    return cleaned
