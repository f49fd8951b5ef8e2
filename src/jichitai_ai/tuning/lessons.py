"""An editor's decision on a lesson residents taught (学習した言い換え).

Approving a lesson *for* an entry also adds its wording to the entry's 言い換え through the
approval flow (a change waiting for approval, or published at once where the four-eyes rule
lets this user), so what residents taught becomes curated content that retrieval indexes like
any other wording — and stays after the lesson's votes are deleted by retention. A lesson
*against* an entry has no wording to add; approving it only keeps the demotion in force.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from jichitai_ai.approval import service as approval
from jichitai_ai.services import faq as faq_service
from jichitai_ai.services import feedback as feedback_service
from jichitai_ai.services.errors import NotFound
from jichitai_ai.tuning import service as tuning


@dataclass(frozen=True)
class LessonDecision:
    """What a decision did: the lesson's new status and, for an approved wording, the edit."""

    lesson_id: int
    status: str
    #: none (rejected, a demotion, or already a wording), submitted, published, inherited.
    alternative: str = "none"
    change_id: int | None = None


def decide(
    session: Session,
    tenant_id: int,
    lesson_id: int,
    decision: str,
    *,
    user: str,
    can_approve: bool,
) -> LessonDecision:
    """Approve or reject one lesson; an approved wording joins the entry's 言い換え."""
    lesson = feedback_service.decide_lesson(session, tenant_id, lesson_id, decision, user)
    if decision != feedback_service.LessonStatus.APPROVED or lesson.polarity <= 0:
        return LessonDecision(lesson.id, lesson.status)
    try:
        entry = faq_service.get_entry(session, tenant_id, lesson.entry_id)
    except NotFound:
        return LessonDecision(lesson.id, lesson.status)
    if entry.inherited:
        # The prefecture owns the entry: the lesson stays in force here, the wording is not
        # copied into someone else's content.
        return LessonDecision(lesson.id, lesson.status, "inherited")
    pending = approval.open_change(session, entry.id)
    record = pending.record if pending is not None else faq_service.record_of(entry)
    if lesson.text in record.alternatives or lesson.text == record.question:
        return LessonDecision(lesson.id, lesson.status)
    result = tuning.add_alternative(
        session, tenant_id, entry.id, lesson.text, user=user, can_approve=can_approve
    )
    if result.change is None:
        return LessonDecision(lesson.id, lesson.status, "published")
    return LessonDecision(lesson.id, lesson.status, "submitted", result.change.id)
