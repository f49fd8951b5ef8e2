"""Learning from use: feedback moves an entry for similar questions, is bounded, and resets."""

from __future__ import annotations

from jichitai_ai.services import feedback as feedback_service
from jichitai_ai.services import tenants as tenant_service
from jichitai_ai.services.platform import Platform

from .helpers import city_with_entries

QUESTION = "証明書がほしい"  # two certificates are equally likely: a clarification


def ranking(platform: Platform, question: str = QUESTION) -> list[int]:
    result = platform.answering.ask("city", question, record=False, rank_all=True)
    return result.ranking


def vote(platform: Platform, entry_id: int, session: str, kind: str = "resolved") -> None:
    result = platform.answering.ask("city", QUESTION, session_key=session)
    with platform.db.write() as s:
        tenant_id = tenant_service.get_tenant(s, "city").id
        feedback_service.record(
            s, tenant_id, result.question_id, "choice", entry_id=entry_id, session_key=session
        )
        feedback_service.record(s, tenant_id, result.question_id, kind, session_key=session)


def test_feedback_moves_an_entry_up_and_reset_restores(platform: Platform) -> None:
    with platform.db.write() as s:
        city_with_entries(s, "city")
    before = ranking(platform)
    assert len(before) >= 2
    target = before[1]  # residents keep choosing the runner-up
    for n in range(6):
        vote(platform, target, f"resident-{n}")
    after = ranking(platform)
    assert after[0] == target
    # a similar (not identical) question benefits too
    assert ranking(platform, "証明書がほしいのですが")[0] == target
    with platform.db.read() as s:
        tenant_id = tenant_service.get_tenant(s, "city").id
        learned = {e.entry_id: e for e in feedback_service.learned(s, tenant_id)}
    assert learned[target].positive == 12  # a choice click and a resolved vote per resident
    with platform.db.write() as s:
        removed = feedback_service.reset(s, tenant_id, target)
    assert removed == 12
    assert ranking(platform) == before


def score_of(platform: Platform, entry_id: int) -> float:
    result = platform.answering.ask("city", QUESTION, record=False, rank_all=True)
    return next(c["score"] for c in result.candidates if c["entry_id"] == entry_id)


def test_one_session_flooding_counts_as_one_voice(platform: Platform) -> None:
    with platform.db.write() as s:
        city_with_entries(s, "city")
    # the runner-up of a question whose candidates are far apart
    question_scores = platform.answering.ask("city", QUESTION, record=False, rank_all=True)
    target = question_scores.ranking[1]
    vote(platform, target, "the-same-browser")
    after_one = score_of(platform, target)
    for _ in range(30):
        vote(platform, target, "the-same-browser")
    assert score_of(platform, target) == after_one
    for n in range(6):
        vote(platform, target, f"resident-{n}")
    assert score_of(platform, target) > after_one or ranking(platform)[0] == target


def test_negative_feedback_moves_an_entry_down(platform: Platform) -> None:
    with platform.db.write() as s:
        city_with_entries(s, "city")
    before = ranking(platform)
    top = before[0]
    for n in range(6):
        vote(platform, top, f"resident-{n}", kind="not_resolved")
    after = ranking(platform)
    assert after.index(top) > 0
