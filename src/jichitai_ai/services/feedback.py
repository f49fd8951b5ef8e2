"""Feedback from residents and staff: votes, clarification clicks, what was learned, reset.

Feedback only ever adjusts the ranking of approved entries; it never creates an answer.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from jichitai_ai.services import tenants as tenant_service
from jichitai_ai.services.errors import Invalid, NotFound
from jichitai_ai.services.session_keys import hash_session_key
from jichitai_ai.storage.tables import FeedbackEvent, QuestionLog


class FeedbackKind(StrEnum):
    RESOLVED = "resolved"  # 解決した
    NOT_RESOLVED = "not_resolved"  # 解決しなかった
    CHOICE = "choice"  # picked an entry in a clarification (更問)


SIGNALS = {FeedbackKind.RESOLVED: 1.0, FeedbackKind.NOT_RESOLVED: -1.0, FeedbackKind.CHOICE: 0.5}
#: Staff feedback counts more: editors check answers deliberately.
STAFF_WEIGHT = 2.0


@dataclass(frozen=True)
class LearnedEntry:
    entry_id: int
    events: int
    positive: int
    negative: int
    net_signal: float
    last_at: datetime | None


def _question(session: Session, tenant_id: int, question_id: int) -> QuestionLog:
    row = session.get(QuestionLog, question_id)
    if row is None or row.tenant_id != tenant_id:
        raise NotFound("ask.unknown_question")
    return row


def record(
    session: Session,
    tenant_id: int,
    question_id: int,
    kind: str,
    *,
    entry_id: int | None = None,
    session_key: str = "",
    role: str = "resident",
    comment: str = "",
) -> FeedbackEvent:
    """Store one vote; a second vote on the same question replaces the first."""
    try:
        fkind = FeedbackKind(kind)
    except ValueError as exc:
        raise Invalid("feedback.invalid_kind", kind=kind) from exc
    question = _question(session, tenant_id, question_id)
    offered = {c.get("entry_id") for c in question.candidates or []}
    target = entry_id or question.chosen_entry_id or question.answer_entry_id
    if target is None or (target not in offered and target != question.answer_entry_id):
        raise Invalid("ask.choice_not_offered")
    if fkind is FeedbackKind.CHOICE:
        question.chosen_entry_id = target
        # One choice per question (the latest): anonymous clicks cannot pile up rows.
        session.execute(
            delete(FeedbackEvent).where(
                FeedbackEvent.question_id == question_id,
                FeedbackEvent.kind == str(FeedbackKind.CHOICE),
            )
        )
    else:
        question.resolved = fkind is FeedbackKind.RESOLVED
        session.execute(
            delete(FeedbackEvent).where(
                FeedbackEvent.question_id == question_id,
                FeedbackEvent.kind.in_([FeedbackKind.RESOLVED, FeedbackKind.NOT_RESOLVED]),
            )
        )
    weight = STAFF_WEIGHT if role != "resident" else 1.0
    event = FeedbackEvent(
        tenant_id=tenant_id,
        question_id=question_id,
        entry_id=target,
        kind=str(fkind),
        signal=SIGNALS[fkind] * weight,
        query_text=question.question,
        session_key=hash_session_key(session_key) or question.session_key,
        role=role,
        comment=comment[:2000],
    )
    session.add(event)
    session.flush()
    tenant_service.bump_learning(session, tenant_id)
    return event


def events_for(session: Session, tenant_id: int) -> list[FeedbackEvent]:
    return list(
        session.execute(
            select(FeedbackEvent)
            .where(FeedbackEvent.tenant_id == tenant_id)
            .order_by(FeedbackEvent.id)
        ).scalars()
    )


def learned(session: Session, tenant_id: int) -> list[LearnedEntry]:
    """Per entry: how much feedback it has had, for the editors' view."""
    rows = session.execute(
        select(
            FeedbackEvent.entry_id,
            func.count(),
            func.sum(func.coalesce(FeedbackEvent.signal, 0.0)),
            func.max(FeedbackEvent.created_at),
        )
        .where(FeedbackEvent.tenant_id == tenant_id)
        .group_by(FeedbackEvent.entry_id)
    ).all()
    result = []
    for entry_id, count, net, last in rows:
        pos = session.execute(
            select(func.count()).where(
                FeedbackEvent.tenant_id == tenant_id,
                FeedbackEvent.entry_id == entry_id,
                FeedbackEvent.signal > 0,
            )
        ).scalar_one()
        result.append(
            LearnedEntry(
                entry_id=entry_id,
                events=int(count),
                positive=int(pos),
                negative=int(count) - int(pos),
                net_signal=float(net or 0.0),
                last_at=last,
            )
        )
    return sorted(result, key=lambda e: -abs(e.net_signal))


def reset(session: Session, tenant_id: int, entry_id: int | None = None) -> int:
    """Forget what was learned for one entry (or all); returns the events removed."""
    stmt = delete(FeedbackEvent).where(FeedbackEvent.tenant_id == tenant_id)
    if entry_id is not None:
        stmt = stmt.where(FeedbackEvent.entry_id == entry_id)
    removed = getattr(session.execute(stmt), "rowcount", 0) or 0
    tenant_service.bump_learning(session, tenant_id)
    return int(removed)
