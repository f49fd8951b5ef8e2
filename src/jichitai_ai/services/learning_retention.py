"""Retention (保存期間) of what residents taught: votes and lessons go with the question log.

A vote (learning_votes) is feedback: it is deleted on the feedback schedule, and the lesson it
supported loses that resident — below the agreement threshold a lesson stops applying, as if
the vote had never been cast. A lesson's wording is a resident's question: it is deleted on
the question log's schedule, counted from the last resident who supported it, and at once when
retention has removed every vote behind it (unless an editor decided on it; then it stays
until the question schedule removes it too — an approved wording lives on as the entry's
言い換え). The index is told when anything in force may have changed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from jichitai_ai.services import feedback as feedback_service
from jichitai_ai.services import tenants as tenant_service
from jichitai_ai.storage.tables import LearningLesson, LearningVote, Tenant
from jichitai_ai.timeutil import utcnow

EDITOR_STATUSES = (
    str(feedback_service.LessonStatus.APPROVED),
    str(feedback_service.LessonStatus.REJECTED),
)


@dataclass(frozen=True)
class Deleted:
    votes: int = 0
    lessons: int = 0


def expire(
    session: Session,
    *,
    votes_before: datetime | None,
    lessons_before: datetime | None,
    now: datetime | None = None,
) -> Deleted:
    """Delete votes cast before ``votes_before`` and lessons last supported before
    ``lessons_before`` (None keeps that kind for ever), in every tenant."""
    now = now or utcnow()
    touched: set[int] = set()
    votes = 0
    if votes_before is not None:
        old = list(
            session.execute(
                select(LearningVote.lesson_id, func.count())
                .where(LearningVote.created_at < votes_before)
                .group_by(LearningVote.lesson_id)
            ).all()
        )
        if old:
            votes = _rowcount(
                session.execute(delete(LearningVote).where(LearningVote.created_at < votes_before))
            )
            touched = _recount(session, [lesson_id for lesson_id, _ in old], now)
    lessons = 0
    stale = [LearningLesson.supporters <= 0, LearningLesson.status.not_in(EDITOR_STATUSES)]
    orphaned = (
        select(LearningLesson.id, LearningLesson.tenant_id).where(*stale)
        if votes_before is not None
        else None
    )
    expired = (
        select(LearningLesson.id, LearningLesson.tenant_id).where(
            LearningLesson.last_support_at < lessons_before
        )
        if lessons_before is not None
        else None
    )
    doomed: dict[int, int] = {}
    for query in (orphaned, expired):
        if query is not None:
            doomed.update({int(i): int(t) for i, t in session.execute(query).all()})
    if doomed:
        ids = sorted(doomed)
        session.execute(delete(LearningVote).where(LearningVote.lesson_id.in_(ids)))
        lessons = _rowcount(
            session.execute(delete(LearningLesson).where(LearningLesson.id.in_(ids)))
        )
        touched |= set(doomed.values())
    existing = set(session.execute(select(Tenant.id).where(Tenant.id.in_(touched))).scalars())
    for tenant_id in sorted(existing):
        tenant_service.bump_learning(session, tenant_id)
    session.flush()
    return Deleted(votes, lessons)


def _recount(session: Session, lesson_ids: list[int], now: datetime) -> set[int]:
    """Supporters from the votes that remain; status follows (editors' decisions stay)."""
    counts = dict(
        session.execute(
            select(LearningVote.lesson_id, func.count())
            .where(LearningVote.lesson_id.in_(lesson_ids))
            .group_by(LearningVote.lesson_id)
        ).all()
    )
    tenants: set[int] = set()
    policies: dict[int, feedback_service.LearningPolicy] = {}
    for lesson in session.execute(
        select(LearningLesson).where(LearningLesson.id.in_(lesson_ids))
    ).scalars():
        if lesson.tenant_id not in policies:
            info = tenant_service.get_tenant_by_id(session, lesson.tenant_id)
            policies[lesson.tenant_id] = feedback_service.LearningPolicy.of(info.settings)
        lesson.supporters = int(counts.get(lesson.id, 0))
        feedback_service.update_status(
            session, lesson.tenant_id, lesson, policies[lesson.tenant_id], now
        )
        tenants.add(lesson.tenant_id)
    return tenants


def _rowcount(result: object) -> int:
    return int(getattr(result, "rowcount", 0) or 0)
