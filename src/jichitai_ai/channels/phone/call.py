"""One phone call: greet, listen (speech or DTMF), answer with the same dialogue, transfer.

Audio is exchanged through a directory both this server and Asterisk see (``sounds_dir``,
known to Asterisk as ``sound_prefix`` under its sounds directory): answers are written there
as 8 kHz WAV and played with STREAM FILE / GET DATA; the caller's question is recorded there
with RECORD FILE and sent to the recogniser. Without a recogniser the caller picks from the
most asked questions by keypad.
"""

from __future__ import annotations

import hashlib
import logging
import uuid
from dataclasses import dataclass
from pathlib import Path

from jichitai_ai.channels.contacts import Handover
from jichitai_ai.channels.line.richmenu import popular_entries
from jichitai_ai.channels.phone.agi import AgiChannel, HungUp
from jichitai_ai.channels.voice import speech
from jichitai_ai.channels.voice.asr import RecognitionFailed
from jichitai_ai.channels.voice.audio import read_wav, resample, write_wav
from jichitai_ai.channels.voice.dialogue import VoiceTurn
from jichitai_ai.channels.voice.service import VoiceService
from jichitai_ai.i18n import t
from jichitai_ai.services import faq as faq_service
from jichitai_ai.services import feedback as feedback_service
from jichitai_ai.services import tenants as tenant_service
from jichitai_ai.services.errors import ServiceError
from jichitai_ai.services.tenants import TenantInfo

log = logging.getLogger(__name__)
MAX_QUESTIONS = 3
PHONE_RATE = 8000


@dataclass(frozen=True)
class PhoneOptions:
    sounds_dir: Path
    sound_prefix: str = "jichitai"
    #: Dial string for a hand-over; ``{number}`` is the department's number (digits only).
    dial: str = "PJSIP/{number}@trunk"
    record_ms: int = 10000
    digit_timeout_ms: int = 6000


def sound_name(text: str) -> str:
    """The file name (without extension) a spoken text is stored under."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:24]


class PhoneCall:
    def __init__(self, voice: VoiceService, options: PhoneOptions, agi: AgiChannel) -> None:
        self.voice = voice
        self.options = options
        self.agi = agi
        self.session_key = f"phone:{uuid.uuid4().hex}"
        self.tenant: TenantInfo | None = None

    # --- audio ----------------------------------------------------------------------------

    def _sound(self, text: str) -> str:
        """Synthesise ``text`` once into the shared directory; returns the Asterisk sound name."""
        name = sound_name(text)
        path = self.options.sounds_dir / f"{name}.wav"
        if not path.is_file():
            wav = self.voice.speak(text)
            if not wav:
                raise RuntimeError("speech synthesis is not available")
            tmp = path.with_suffix(".tmp")
            tmp.write_bytes(write_wav(resample(read_wav(wav), PHONE_RATE)))
            tmp.replace(path)
        return f"{self.options.sound_prefix}/{name}"

    def say(self, text: str, escape: str = "") -> str:
        return self.agi.stream(self._sound(text), escape) if text else ""

    def ask_digit(self, text: str, digits: int = 1) -> str:
        return self.agi.get_data(self._sound(text), self.options.digit_timeout_ms, digits)

    def listen(self) -> str:
        """Record the caller and recognise it; empty when nothing was understood."""
        transcriber = self.voice.transcriber
        if transcriber is None:
            return ""
        name = f"rec-{uuid.uuid4().hex}"
        self.agi.record(f"{self.options.sound_prefix}/{name}", self.options.record_ms)
        path = self.options.sounds_dir / f"{name}.wav"
        try:
            audio = path.read_bytes()
        except OSError:
            return ""
        finally:
            path.unlink(missing_ok=True)  # the caller's voice is not kept
        try:
            return transcriber.transcribe(audio, "audio/wav")
        except RecognitionFailed as exc:
            log.warning("recognition failed: %s", exc)
            return ""

    # --- the dialogue ---------------------------------------------------------------------

    def run(self) -> None:
        env = self.agi.read_env()
        slug = env.get("agi_network_script", "").strip("/").split("/")[0].split("?")[0]
        try:
            with self.voice.platform.db.read() as session:
                self.tenant = tenant_service.get_tenant(session, slug)
        except ServiceError:
            log.warning("phone call for unknown tenant %r", slug)
            self.agi.hangup()
            return
        try:
            self.agi.answer()
            self.converse()
        except HungUp:
            return
        self.agi.hangup()

    def converse(self) -> None:
        assert self.tenant is not None
        listening = self.voice.transcriber is not None
        self.say(t("channels.phone.welcome", "ja", tenant=self.tenant.name))
        for _ in range(MAX_QUESTIONS):
            question = self.next_question(listening)
            if not question:
                self.transfer(self._general(), t("channels.phone.not_heard_transfer", "ja"))
                return
            turn = self.voice.dialogue.ask(self.tenant.slug, question, self.session_key)
            if turn.kind == "clarify":
                turn = self.pick(turn, listening) or turn
                if turn.kind == "clarify":
                    continue
            if turn.kind == "handover":
                self.say(turn.say)
                self.transfer(turn.handover, "")
                return
            if not self.after_answer(turn):
                return
        self.say(t("channels.phone.goodbye", "ja"))

    def next_question(self, listening: bool) -> str:
        assert self.tenant is not None
        if listening:
            for attempt in range(2):
                self.say(t("channels.phone.ask" if attempt == 0 else "channels.phone.again", "ja"))
                heard = self.listen()
                if heard:
                    return heard
            return ""
        with self.voice.platform.db.read() as session:
            entries = faq_service.visible_entries(session, self.tenant.id, residents=True)
            popular = popular_entries(session, self.tenant, entries, 5)
        prompt = speech.choices_prompt(
            [e.question for e in popular], t("channels.phone.menu", "ja")
        )
        digit = self.ask_digit(prompt)
        if digit.isdigit() and 1 <= int(digit) <= len(popular):
            return popular[int(digit) - 1].question
        return ""

    def pick(self, turn: VoiceTurn, listening: bool) -> VoiceTurn | None:
        assert self.tenant is not None
        prompt = turn.say + t("channels.phone.press_number", "ja")
        digit = self.ask_digit(prompt)
        number = int(digit) if digit.isdigit() else None
        if number is None and listening:
            number = speech.choice_number(self.listen(), len(turn.choices))
        if number is None or not 1 <= number <= len(turn.choices):
            self.say(t("channels.phone.no_choice", "ja"))
            return None
        entry = turn.choices[number - 1].entry
        return self.voice.dialogue.choose(
            self.tenant.slug, turn.question_id, entry.id, self.session_key, turn.token
        )

    def after_answer(self, turn: VoiceTurn) -> bool:
        """Speak the answer, then 1 解決した / 2 担当課へ / 3 別の質問 / 4 他の候補 (the
        question's further candidates, as on the web, LINE and the kiosk). False ends the call."""
        assert self.tenant is not None
        while True:
            self.say(turn.say)
            digit = self.ask_digit(t("channels.phone.feedback", "ja"))
            kind = {"1": "resolved", "2": "not_resolved", "4": "not_resolved"}.get(digit)
            if kind and turn.answer is not None:
                self._vote(turn, kind)
            if digit == "1":
                self.say(t("channels.phone.thanks", "ja"))
                return False
            if digit == "2":
                self.transfer(turn.handover or self._general(), "")
                return False
            if digit != "4":
                return digit == "3"
            further = self.voice.dialogue.more(
                self.tenant.slug, turn.question_id, self.session_key, turn.token
            )
            if further.kind != "clarify":  # nothing else fits: a person
                self.transfer(turn.handover or self._general(), further.say)
                return False
            picked = self.pick(further, self.voice.transcriber is not None)
            if picked is None or picked.answer is None:
                return True
            turn = picked

    def _vote(self, turn: VoiceTurn, kind: str) -> None:
        assert self.tenant is not None and turn.answer is not None
        try:
            feedback_service.submit(
                self.voice.platform.answering,
                self.tenant.slug,
                turn.token,
                kind,
                entry_id=turn.answer.entry.id,
                client_address=self.session_key,
            )
        except ServiceError as exc:
            log.warning("phone feedback not recorded: %s", exc.key)

    def _general(self) -> Handover | None:
        assert self.tenant is not None
        contact = self.tenant.general_contact()
        if contact.get("phone"):
            return Handover(
                contact.get("name", ""), contact["phone"], contact.get("hours", ""), True
            )
        return None

    def transfer(self, handover: Handover | None, lead: str) -> None:
        """Hand over by dialling the department (担当課); another authority's number (already
        spoken) or a department without one: ask the caller to contact it."""
        if handover is None or not handover.dial or handover.external:
            self.say(lead + t("channels.phone.no_transfer", "ja"))
            return
        self.say(lead + t("channels.phone.transferring", "ja", name=handover.name))
        self.agi.exec("Dial", self.options.dial.format(number=handover.dial) + ",60")
