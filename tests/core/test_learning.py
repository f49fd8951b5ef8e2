"""Learning from use, at the service level: agreement, caps, policy, decay, editors, reset."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select, update

from jichitai_ai.services import feedback as feedback_service
from jichitai_ai.services import tenants as tenant_service
from jichitai_ai.services.feedback import LearningPolicy, LessonStatus
from jichitai_ai.services.platform import Platform
from jichitai_ai.storage.tables import LearningLesson
from jichitai_ai.timeutil import utcnow

from .helpers import city_with_entries

QUESTION = "納税証明書がほしい"  # answered directly with the 納税証明書 entry


def setup(platform: Platform, **learning: object) -> int:
    with platform.db.write() as s:
        tenant = city_with_entries(s, "city")
        if learning:
            tenant_service.update_settings(s, tenant.id, {"learning": learning})
    return tenant.id


def vote(
    platform: Platform, tenant_id: int, client: str, kind: str = "not_resolved", q: str = QUESTION
) -> feedback_service.VoteOutcome:
    asked = platform.answering.ask("city", q, session_key=f"session-of-{client}")
    with platform.db.write() as s:
        policy = LearningPolicy.of(tenant_service.get_tenant(s, "city").settings)
        return feedback_service.record(
            s,
            tenant_id,
            asked.feedback_token,
            kind,
            client_hash=feedback_service.hash_client(client, "secret"),
            tokenize=platform.answering.factory.tokenizer.tokenize_query,
            policy=policy,
        )


def decision(platform: Platform, q: str = QUESTION) -> str:
    return str(platform.answering.ask("city", q, record=False).decision)


def test_threshold_of_distinct_residents_then_in_force(platform: Platform) -> None:
    tenant_id = setup(platform)
    assert decision(platform) == "answer"
    outcomes = [vote(platform, tenant_id, f"192.0.2.{n}") for n in range(3)]
    assert all(o.counted for o in outcomes)
    assert len({o.lesson_id for o in outcomes}) == 1
    assert decision(platform) == "clarify"  # demoted to a choice
    with platform.db.read() as s:
        (lesson,) = feedback_service.lessons(s, tenant_id)
    assert lesson.supporters == 3 and lesson.status == LessonStatus.ACTIVE and lesson.in_force


def test_ipv6_addresses_of_one_prefix_are_one_resident(platform: Platform) -> None:
    tenant_id = setup(platform)
    for n in range(5):
        vote(platform, tenant_id, f"2001:db8:1:2::{n + 1}")
    assert decision(platform) == "answer"
    with platform.db.read() as s:
        assert [x.supporters for x in feedback_service.lessons(s, tenant_id)] == [1]


def test_per_client_and_per_entry_daily_caps(platform: Platform) -> None:
    tenant_id = setup(platform, client_daily_cap=2, entry_daily_cap=3, min_residents=9)
    a = [
        vote(platform, tenant_id, "192.0.2.1", q=q)
        for q in ("納税証明書がほしい", "住民票がほしい", "粗大ごみを捨てたい")
    ]
    assert [o.counted for o in a] == [True, True, False] and a[2].why_not == "client_cap"
    b = [vote(platform, tenant_id, f"192.0.2.{n}") for n in range(10, 14)]
    assert [o.why_not for o in b] == ["", "", "entry_cap", "entry_cap"]  # 3 a day per entry


def test_review_policy_waits_for_an_editor(platform: Platform) -> None:
    tenant_id = setup(platform, mode="review")
    for n in range(4):
        vote(platform, tenant_id, f"192.0.2.{n}")
    assert decision(platform) == "answer"
    with platform.db.write() as s:
        (lesson,) = feedback_service.lessons(s, tenant_id)
        assert lesson.status == LessonStatus.PROPOSED and not lesson.in_force
        feedback_service.decide_lesson(s, tenant_id, lesson.lesson_id, "approved", "editor")
    assert decision(platform) == "clarify"
    with platform.db.write() as s:
        feedback_service.decide_lesson(s, tenant_id, lesson.lesson_id, "rejected", "editor")
    assert decision(platform) == "answer"


def test_an_editor_can_approve_a_lesson_below_the_threshold(platform: Platform) -> None:
    tenant_id = setup(platform)
    outcome = vote(platform, tenant_id, "192.0.2.1")
    assert decision(platform) == "answer"
    with platform.db.write() as s:
        assert outcome.lesson_id is not None
        feedback_service.decide_lesson(s, tenant_id, outcome.lesson_id, "approved", "editor")
    assert decision(platform) == "clarify"


def test_lessons_lapse_when_residents_stop_confirming_them(platform: Platform) -> None:
    tenant_id = setup(platform, demote_days=30)
    for n in range(3):
        vote(platform, tenant_id, f"192.0.2.{n}")
    assert decision(platform) == "clarify"
    with platform.db.write() as s:
        s.execute(update(LearningLesson).values(last_support_at=utcnow() - timedelta(days=31)))
        tenant_service.bump_learning(s, tenant_id)
    assert decision(platform) == "answer"


def test_changing_ones_mind_moves_the_vote_and_reset_forgets(platform: Platform) -> None:
    tenant_id = setup(platform)
    asked = platform.answering.ask("city", QUESTION)
    with platform.db.write() as s:
        for kind in ("not_resolved", "resolved", "resolved"):
            feedback_service.record(
                s,
                tenant_id,
                asked.feedback_token,
                kind,
                client_hash="c1",
                tokenize=platform.answering.factory.tokenizer.tokenize_query,
            )
    with platform.db.read() as s:
        rows = s.execute(select(LearningLesson.polarity, LearningLesson.supporters)).all()
    assert sorted(rows) == [(-1, 0), (1, 1)]
    with platform.db.read() as s:
        # The withdrawn 「解決しなかった」 keeps its row but is not shown to editors (0 residents).
        shown = feedback_service.lessons(s, tenant_id)
    assert [(x.polarity, x.supporters) for x in shown] == [(1, 1)]
    with platform.db.write() as s:
        removed = feedback_service.reset(s, tenant_id)
    assert removed >= 2
    with platform.db.read() as s:
        assert feedback_service.lessons(s, tenant_id) == []
        assert feedback_service.learned(s, tenant_id) == []
