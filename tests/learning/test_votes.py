"""Votes that mean something (issue 16): one regression test per finding, through the HTTP API.

Every resident is a TestClient with its own network address; "sessions" of one attacker are
clients with their own session ids (and so their own tokens) from one address. Runs in lexical
and hybrid mode (hashing embedder) on SQLite and PostgreSQL.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select, update

from jichitai_ai.services import feedback as feedback_service
from jichitai_ai.storage.tables import LearningLesson, QuestionLog
from jichitai_ai.timeutil import utcnow

from .helpers import Town

QUESTION = "証明書がほしい"  # several certificates fit: a clarification


def test_feedback_needs_the_server_issued_token(town: Town) -> None:
    alice = town.resident(1)
    asked = town.ask(alice, "粗大ごみを捨てたい")
    assert asked["decision"] == "answer" and len(asked["feedback_token"]) >= 32
    # The old way (a sequential question id and a client-chosen session id) is refused.
    old = alice.post(
        town.api + "/feedback",
        json={"question_id": asked["question_id"], "kind": "resolved", "session_id": "x" * 20},
    )
    assert old.status_code == 422
    guessed = alice.post(town.api + "/feedback", json={"token": "A" * 32, "kind": "resolved"})
    assert guessed.status_code == 404
    # A real token works only for the tenant that issued it.
    other = alice.post(
        "/api/v1/tenants/town/feedback", json={"token": asked["feedback_token"], "kind": "resolved"}
    )
    assert other.status_code == 404
    ok = alice.post(
        town.api + "/feedback", json={"token": asked["feedback_token"], "kind": "resolved"}
    )
    assert ok.status_code == 200, ok.text
    with town.platform.db.read() as s:
        assert s.get(QuestionLog, asked["question_id"]).resolved is True  # type: ignore[union-attr]


def test_only_entries_actually_shown_can_be_voted_for(town: Town) -> None:
    alice = town.resident(1)
    asked = town.ask(alice, "納税証明書がほしい")
    with town.platform.db.read() as s:
        log = s.get(QuestionLog, asked["question_id"])
        assert log is not None
        unshown = [c["entry_id"] for c in log.candidates if c["entry_id"] != log.answer_entry_id]
    assert unshown, "the log keeps other candidates that were never shown"
    for path, body in (
        ("/feedback", {"kind": "resolved", "entry_id": unshown[0]}),
        ("/choice", {"entry_id": unshown[0]}),
    ):
        r = alice.post(town.api + path, json={"token": asked["feedback_token"], **body})
        assert r.status_code == 422, (path, r.text)
    asked = town.ask(alice, QUESTION)
    shown = {c["entry_id"] for c in asked["choices"]}
    hidden = next(i for i in town.entry_ids if i not in shown)
    r = alice.post(
        town.api + "/choice", json={"token": asked["feedback_token"], "entry_id": hidden}
    )
    assert r.status_code == 422


def test_one_residents_vote_cannot_replace_anothers(town: Town) -> None:
    alice, mallory = town.resident(1), town.resident(2)
    asked = town.ask(alice, "粗大ごみを捨てたい")
    town.vote(alice, asked, "resolved")
    # Mallory knows the (sequential) question id but not Alice's token.
    for guess in (str(asked["question_id"]).rjust(20, "0"), "x" * 40):
        r = mallory.post(town.api + "/feedback", json={"token": guess, "kind": "not_resolved"})
        assert r.status_code == 404
    with town.platform.db.read() as s:
        assert s.get(QuestionLog, asked["question_id"]).resolved is True  # type: ignore[union-attr]
    # Alice herself may change her mind: her token replaces only her own vote.
    town.vote(alice, asked, "not_resolved")
    with town.platform.db.read() as s:
        assert s.get(QuestionLog, asked["question_id"]).resolved is False  # type: ignore[union-attr]


def test_many_session_ids_from_one_address_are_one_voice(town: Town) -> None:
    before = town.outcome(QUESTION)
    target = before.ranking[1]
    for n in range(12):
        attacker = town.resident(66, session=f"session-{n:04d}-abcdefgh")
        town.teach(attacker, QUESTION, target)
    with town.platform.db.read() as s:
        supporters = s.execute(select(LearningLesson.supporters)).scalars().all()
    assert supporters == [1]
    assert town.outcome(QUESTION).ranking == before.ranking


def test_a_single_vote_never_flips_an_answer(town: Town) -> None:
    question = "粗大ごみを捨てたい"
    before = town.outcome(question)
    assert before.decision == "answer"
    for n in range(2):  # below the agreement threshold (3 distinct residents)
        resident = town.resident(10 + n)
        town.vote(resident, town.ask(resident, question), "not_resolved")
        after = town.outcome(question)
        assert (after.decision, after.ranking[:3]) == (before.decision, before.ranking[:3])


def test_agreement_demotes_a_wrong_answer_to_a_choice(town: Town) -> None:
    question = "納税証明書がほしい"
    before = town.outcome(question)
    answer = before.ranking[0]
    for n in range(3):
        resident = town.resident(20 + n)
        town.vote(resident, town.ask(resident, question), "not_resolved")
    after = town.outcome(question)
    assert after.decision == "clarify"
    assert answer in after.shown  # still offered, no longer imposed
    with town.platform.db.read() as s:
        assert feedback_service.active_lessons(s, town.tenant_id)[0].polarity == -1


def test_agreement_promotes_the_entry_for_other_wordings_too(town: Town) -> None:
    before = town.outcome(QUESTION)
    target = before.ranking[1]
    control = town.outcome("マイナンバーカードの暗証番号を忘れた")
    for n in range(6):  # hybrid answers directly: 3 demote the answer, 3 pick the target
        town.teach(town.resident(30 + n), QUESTION, target)
        if town.outcome(QUESTION).ranking[0] == target:
            break
    assert n >= 2  # not before three residents agreed
    assert town.outcome(QUESTION).ranking[0] == target
    assert town.outcome("証明書がほしいのですが、どうすれば").ranking[0] == target
    after = town.outcome("マイナンバーカードの暗証番号を忘れた")
    assert (after.decision, after.ranking[:3]) == (control.decision, control.ranking[:3])


def test_feedback_tokens_expire(town: Town) -> None:
    alice = town.resident(1)
    asked = town.ask(alice, "粗大ごみを捨てたい")
    with town.platform.db.write() as s:
        s.execute(
            update(QuestionLog)
            .where(QuestionLog.id == asked["question_id"])
            .values(asked_at=utcnow() - timedelta(days=8))
        )
    r = alice.post(
        town.api + "/feedback", json={"token": asked["feedback_token"], "kind": "resolved"}
    )
    assert r.status_code == 422


@pytest.mark.parametrize("sessions", [1, 3, 10])
def test_poisoning_from_one_address_changes_nothing(town: Town, sessions: int) -> None:
    """Fast version of the simulation's poisoning check: sessions voting for a wrong entry
    and against the right one, from one address, change nothing residents see."""
    right_q, wrong_q = "粗大ごみを捨てたい", QUESTION
    right_before, wrong_before = town.outcome(right_q), town.outcome(wrong_q)
    wrong_entry = wrong_before.ranking[-1]
    for n in range(sessions):
        attacker = town.resident(99, session=f"poison-{n:04d}-abcdefgh")
        town.vote(attacker, town.ask(attacker, right_q), "not_resolved")
        asked = town.ask(attacker, wrong_q)
        if wrong_entry in {c["entry_id"] for c in asked["choices"]}:
            town.choose(attacker, asked, wrong_entry)
    for q, before in ((right_q, right_before), (wrong_q, wrong_before)):
        after = town.outcome(q)
        assert (after.decision, after.shown) == (before.decision, before.shown)
