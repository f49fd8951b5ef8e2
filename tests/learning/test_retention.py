"""Retention (保存期間) of what residents taught: the gateway's retention run deletes learning
votes on the feedback schedule and lessons on the question schedule, and what residents see
follows — a lesson whose agreeing votes are gone stops applying."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from sqlalchemy import func, select, update

from jichitai_ai.gateway._config import GatewayConfig, Retention
from jichitai_ai.gateway._retention import run_retention
from jichitai_ai.services import feedback as feedback_service
from jichitai_ai.storage.tables import FeedbackEvent, LearningLesson, LearningVote
from jichitai_ai.timeutil import utcnow

from .helpers import Town

QUESTION = "証明書がほしい"


def _config(town: Town, *, questions: int | None, feedback: int | None) -> GatewayConfig:
    base = GatewayConfig.from_settings(town.platform.settings)
    return replace(base, retention=Retention(questions_days=questions, feedback_days=feedback))


def _counts(town: Town) -> tuple[int, int, list[int]]:
    with town.platform.db.read() as s:
        votes = s.execute(select(func.count()).select_from(LearningVote)).scalar_one()
        lessons = s.execute(select(func.count()).select_from(LearningLesson)).scalar_one()
        supporters = list(s.execute(select(LearningLesson.supporters)).scalars())
    return int(votes), int(lessons), supporters


def _teach(town: Town, target: int, residents: range) -> None:
    for n in residents:
        town.teach(town.resident(n), QUESTION, target)


def test_old_votes_go_and_the_lesson_they_carried_stops_applying(town: Town) -> None:
    before = town.outcome(QUESTION)
    target = before.ranking[1]
    _teach(town, target, range(40, 46))
    taught = town.outcome(QUESTION)
    assert taught.ranking[0] == target
    votes, lessons, _ = _counts(town)
    assert votes >= 3 and lessons >= 1
    now = utcnow()
    # All but one of the votes (and their feedback rows) are older than the feedback period.
    with town.platform.db.write() as s:
        keep = s.execute(select(func.max(LearningVote.id))).scalar_one()
        s.execute(
            update(LearningVote)
            .where(LearningVote.id != keep)
            .values(created_at=now - timedelta(days=100))
        )
        s.execute(update(FeedbackEvent).values(created_at=now - timedelta(days=100)))
    config = _config(town, questions=365, feedback=90)
    deleted = run_retention(town.platform.db, config, now=now)
    assert deleted["learning_votes"] == votes - 1
    assert deleted["feedback"] >= votes - 1
    remaining_votes, remaining_lessons, supporters = _counts(town)
    assert remaining_votes == 1
    # The lesson with the one recent vote stays (it is below the threshold now); lessons left
    # without any vote are deleted with their wording.
    assert remaining_lessons == 1 and supporters == [1]
    with town.platform.db.read() as s:
        assert feedback_service.active_lessons(s, town.tenant_id) == []
    after = town.outcome(QUESTION)
    assert (after.decision, after.ranking[:3]) == (before.decision, before.ranking[:3])
    # Nothing more is due: a second run deletes nothing and reports no learning rows.
    again = run_retention(town.platform.db, config, now=now)
    assert "learning_votes" not in again and "learning_lessons" not in again
    assert _counts(town)[:2] == (1, 1)


def test_lessons_go_on_the_question_schedule_even_when_an_editor_approved_them(
    town: Town,
) -> None:
    before = town.outcome(QUESTION)
    target = before.ranking[1]
    # Six residents: where the first answer is imposed (hybrid), the first three vote it down
    # and the next three pick the target; the editor approves the lesson *for* the target.
    _teach(town, target, range(50, 56))
    with town.platform.db.write() as s:
        lesson = (
            s.execute(select(LearningLesson).where(LearningLesson.polarity == 1)).scalars().first()
        )
        assert lesson is not None and lesson.entry_id == target
        feedback_service.decide_lesson(s, town.tenant_id, lesson.id, "approved", "editor")
    now = utcnow()
    # Votes older than the feedback period: an approved lesson keeps its editor's decision …
    with town.platform.db.write() as s:
        s.execute(update(LearningVote).values(created_at=now - timedelta(days=100)))
    deleted = run_retention(town.platform.db, _config(town, questions=365, feedback=90), now=now)
    assert deleted["learning_votes"] >= 3
    with town.platform.db.read() as s:
        statuses = list(s.execute(select(LearningLesson.status)).scalars())
    assert "approved" in statuses
    assert town.outcome(QUESTION).ranking[0] == target
    # … until its wording (a resident's question) is older than the question log's period.
    with town.platform.db.write() as s:
        s.execute(update(LearningLesson).values(last_support_at=now - timedelta(days=400)))
    deleted = run_retention(town.platform.db, _config(town, questions=365, feedback=90), now=now)
    assert deleted["learning_lessons"] >= 1
    assert _counts(town)[:2] == (0, 0)
    after = town.outcome(QUESTION)
    assert (after.decision, after.ranking[:3]) == (before.decision, before.ranking[:3])


def test_without_periods_nothing_learned_is_deleted(town: Town) -> None:
    target = town.outcome(QUESTION).ranking[1]
    _teach(town, target, range(60, 64))
    counts = _counts(town)
    with town.platform.db.write() as s:
        old = utcnow() - timedelta(days=5000)
        s.execute(update(LearningVote).values(created_at=old))
        s.execute(update(LearningLesson).values(last_support_at=old))
    deleted = run_retention(town.platform.db, _config(town, questions=None, feedback=None))
    assert "learning_votes" not in deleted and "learning_lessons" not in deleted
    assert _counts(town) == counts


def test_retention_spares_recent_rows_of_every_tenant(town: Town) -> None:
    """Only rows past the period go; a recent lesson in force keeps applying."""
    target = town.outcome(QUESTION).ranking[1]
    _teach(town, target, range(70, 76))
    counts = _counts(town)
    deleted = run_retention(town.platform.db, _config(town, questions=1, feedback=1))
    assert "learning_votes" not in deleted
    assert _counts(town) == counts
    assert town.outcome(QUESTION).ranking[0] == target
