"""The Asterisk FastAGI adapter against a stand-in that speaks the protocol: a spoken
question (Open JTalk audio as the caller's voice), 更問 by keypad, the answer, feedback and
a transfer to the department's number."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

import pytest
from sqlalchemy import select

from jichitai_ai.channels.phone.call import sound_name
from jichitai_ai.channels.phone.server import AgiServer, make_server
from jichitai_ai.channels.voice.audio import read_wav, resample, write_wav
from jichitai_ai.channels.voice.tts import OpenJTalk
from jichitai_ai.config import Settings
from jichitai_ai.i18n import t
from jichitai_ai.services.platform import Platform
from jichitai_ai.storage.tables import FeedbackEvent, QuestionLog
from tests.background_server import serve_in_background
from tests.channels import asr_standin, asterisk_standin
from tests.channels.conftest import TENANT, demo_platform
from tests.resident import helpers


@dataclass
class Phone:
    platform: Platform
    server: AgiServer
    sounds: Path
    recogniser: asr_standin.Recogniser
    jtalk: OpenJTalk

    @property
    def port(self) -> int:
        return int(self.server.server_address[1])

    def voice(self, text: str) -> bytes:
        """The caller saying ``text``, as Asterisk records it (8 kHz WAV); the stand-in
        recogniser learns these exact bytes."""
        wav = write_wav(resample(read_wav(self.jtalk.synthesize(text)), 8000))
        self.recogniser.learn(wav, text)
        return wav

    def hear(self, stem: str) -> str:
        known = {
            sound_name(t(f"channels.phone.{k}", "ja", tenant="あおば市", name="")): k
            for k in PHRASES
        }
        return known.get(stem, "other")

    def call(
        self, caller: asterisk_standin.Caller, script: str = TENANT
    ) -> asterisk_standin.CallLog:
        return asterisk_standin.call(self.port, script, caller, self.sounds, "jichitai", self.hear)


PHRASES = ("welcome", "ask", "again", "feedback", "thanks", "goodbye", "no_choice")


def _phone(
    settings: Settings, demo_sqlite: Path, tmp_path: Path, asr_url: str | None
) -> Iterator[Phone]:
    raw = {"phone": {"sounds_dir": str(tmp_path / "sounds"), "dial": "PJSIP/{number}@city-trunk"}}
    if asr_url:
        raw["voice"] = {"asr": "openai", "asr_url": asr_url, "asr_api_key": "asr-key"}
    platform = demo_platform(replace(settings, raw={**settings.raw, **raw}), demo_sqlite)
    server = make_server(platform, "127.0.0.1", 0)
    serve_in_background(server)
    try:
        yield Phone(
            platform,
            server,
            tmp_path / "sounds",
            asr_standin.Recogniser(),
            OpenJTalk.from_settings(settings),
        )
    finally:
        server.shutdown()
        server.server_close()
        platform.close()


@pytest.fixture
def recogniser() -> Iterator[asr_standin.Running]:
    running = asr_standin.start(asr_standin.Recogniser())
    yield running
    running.stop()


@pytest.fixture
def phone(
    settings: Settings, demo_sqlite: Path, tmp_path: Path, recogniser: asr_standin.Running
) -> Iterator[Phone]:
    for p in _phone(settings, demo_sqlite, tmp_path, recogniser.url):
        p.recogniser = recogniser.recogniser
        yield p


def _questions(platform: Platform) -> list[tuple[str, str, int | None, bool | None]]:
    with platform.db.read() as session:
        rows = session.execute(select(QuestionLog).order_by(QuestionLog.id)).scalars().all()
        return [(r.channel, r.decision, r.chosen_entry_id, r.resolved) for r in rows]


def test_spoken_question_clarify_by_keypad_answer_and_resolved(phone: Phone) -> None:
    probe = helpers.clarify(phone.platform)
    caller = asterisk_standin.Caller(digits=["2", "1"], voice=[phone.voice(probe.question)])
    log = phone.call(caller)
    assert log.commands[0] == "ANSWER" and log.commands[-1] == "HANGUP"
    assert log.played[:2] == ["welcome", "ask"]
    assert "feedback" in log.played and log.played[-1] == "thanks"
    assert any(c.startswith("RECORD FILE jichitai/rec-") for c in log.commands)
    assert all(not p.exists() for p in log.recordings)  # the caller's voice is deleted
    ((channel, decision, chosen, resolved),) = _questions(phone.platform)
    assert (channel, decision, resolved) == ("phone", "clarify", True)
    assert chosen == probe.result.choices[1].entry.id
    with phone.platform.db.read() as session:
        kinds = sorted(session.execute(select(FeedbackEvent.kind)).scalars())
    assert kinds == ["choice", "resolved"]
    assert log.dialled == []


def test_no_answer_is_transferred_to_the_main_number(phone: Phone) -> None:
    question = helpers.no_answer(phone.platform).question
    log = phone.call(asterisk_standin.Caller(voice=[phone.voice(question)]))
    assert log.dialled == ["PJSIP/0000001000@city-trunk,60"]
    assert _questions(phone.platform)[0][:2] == ("phone", "no_answer")


def test_not_resolved_transfers_to_the_department(phone: Phone) -> None:
    probe = helpers.answer_with_source(phone.platform)
    assert probe.result.answer is not None and probe.result.answer.entry.department is not None
    digits = "".join(ch for ch in probe.result.answer.entry.department.phone if ch.isdigit())
    log = phone.call(asterisk_standin.Caller(digits=["2"], voice=[phone.voice(probe.question)]))
    assert log.dialled == [f"PJSIP/{digits}@city-trunk,60"]
    assert _questions(phone.platform)[0][3] is False


def test_other_candidates_by_keypad_then_resolved(phone: Phone) -> None:
    """4 after an answer: the question's further candidates (never the one just heard), one
    picked by keypad, its answer, then 解決した — each vote bound to the call's token."""
    probe = helpers.answer_with_source(phone.platform)
    assert probe.result.answer is not None
    first = probe.result.answer.entry.id
    caller = asterisk_standin.Caller(digits=["4", "1", "1"], voice=[phone.voice(probe.question)])
    log = phone.call(caller)
    assert log.played.count("feedback") == 2 and log.played[-1] == "thanks"
    assert log.dialled == []
    ((channel, decision, chosen, resolved),) = _questions(phone.platform)
    assert (channel, decision, resolved) == ("phone", "answer", True)
    assert chosen is not None and chosen != first
    with phone.platform.db.read() as session:
        votes = session.execute(select(FeedbackEvent.kind, FeedbackEvent.entry_id)).all()
    assert sorted(votes) == sorted(
        [("not_resolved", first), ("choice", chosen), ("resolved", chosen)]
    )


def test_unheard_twice_goes_to_a_person(phone: Phone) -> None:
    log = phone.call(asterisk_standin.Caller(voice=[b"not audio", b"not audio"]))
    assert log.played[:3] == ["welcome", "ask", "again"]
    assert log.dialled == ["PJSIP/0000001000@city-trunk,60"]
    assert _questions(phone.platform) == []


def test_caller_hanging_up_ends_the_call_quietly(phone: Phone) -> None:
    log = phone.call(asterisk_standin.Caller(hang_up_after=2))
    assert log.hung_up and _questions(phone.platform) == []
    # the server is still serving the next call
    assert phone.call(asterisk_standin.Caller(hang_up_after=1)).hung_up


def test_unknown_tenant_is_hung_up(phone: Phone) -> None:
    log = phone.call(asterisk_standin.Caller(), script="no-such-town")
    assert log.commands == ["HANGUP"]


def test_keypad_menu_without_speech_recognition(
    settings: Settings, demo_sqlite: Path, tmp_path: Path
) -> None:
    for phone in _phone(settings, demo_sqlite, tmp_path, None):
        log = phone.call(asterisk_standin.Caller(digits=["1", "1"]))
        assert not any(c.startswith("RECORD FILE") for c in log.commands)
        ((channel, decision, _, resolved),) = _questions(phone.platform)
        assert channel == "phone" and resolved is True
        assert decision in ("answer", "clarify")
