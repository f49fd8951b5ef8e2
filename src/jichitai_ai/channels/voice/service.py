"""The voice channel's long-lived parts: synthesiser, recogniser and dialogue (one per process)."""

from __future__ import annotations

import base64
import logging
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from jichitai_ai.channels.contacts import dial_digits
from jichitai_ai.channels.voice import asr
from jichitai_ai.channels.voice.audio import read_wav, resample, write_wav
from jichitai_ai.channels.voice.dialogue import VoiceDialogue, VoiceTurn
from jichitai_ai.channels.voice.tts import OpenJTalk, SpeechUnavailable
from jichitai_ai.services.platform import Platform

log = logging.getLogger(__name__)
SPEECH_RATE = 16000


@dataclass
class VoiceService:
    platform: Platform
    channel: str = "voice"
    transcriber: asr.Transcriber | None = field(default=None)

    def __post_init__(self) -> None:
        if self.transcriber is None:
            self.transcriber = asr.from_settings(self.platform.settings)
        self.dialogue = VoiceDialogue(self.platform, self.channel)

    @cached_property
    def tts(self) -> OpenJTalk | None:
        try:
            return OpenJTalk.from_settings(self.platform.settings)
        except SpeechUnavailable as exc:
            log.warning("speech synthesis unavailable: %s", exc)
            return None

    def speak(self, text: str) -> bytes:
        """WAV for ``text`` at 16 kHz (a third of the voice's 48 kHz: plenty for speech, and what
        the kiosk downloads); empty when no synthesiser is installed (the page still shows text)."""
        if not text or self.tts is None:
            return b""
        try:
            return write_wav(resample(read_wav(self.tts.synthesize(text)), SPEECH_RATE))
        except (SpeechUnavailable, ValueError, OSError) as exc:
            log.warning("speech synthesis failed: %s", exc)
            return b""

    def as_json(
        self, turn: VoiceTurn, transcript: str = "", with_audio: bool = True
    ) -> dict[str, Any]:
        answer = None
        if turn.answer is not None:
            entry = turn.answer.entry
            answer = {
                "question": entry.question,
                "answer": entry.answer,
                "source_url": entry.source_url,
                "translated": turn.answer.translated,
            }
        handover = None
        if turn.handover is not None:
            h = turn.handover
            handover = {
                "name": h.name,
                "phone": h.phone,
                "dial": h.dial,
                "hours": h.hours,
                "general": h.general,
            }
        audio = self.speak(turn.say) if with_audio else b""
        return {
            "transcript": transcript,
            "kind": turn.kind,
            "question_id": turn.question_id,
            "entry_id": turn.answer.entry.id if turn.answer is not None else 0,
            "token": turn.token,
            "say": turn.say,
            "audio": base64.b64encode(audio).decode("ascii") if audio else "",
            "emergency": [
                {
                    "label": c.label,
                    "number": c.number,
                    "note": c.note,
                    "dial": dial_digits(c.number),
                }
                for c in turn.emergency
            ],
            "answer": answer,
            "choices": [
                {"n": n, "entry_id": c.entry.id, "question": c.entry.question}
                for n, c in enumerate(turn.choices, 1)
            ],
            "handover": handover,
        }
