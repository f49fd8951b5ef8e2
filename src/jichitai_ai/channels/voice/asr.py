"""Speech recognition behind one small interface, chosen in ``[voice] asr``.

- ``openai``: any OpenAI-compatible ``POST /v1/audio/transcriptions`` (whisper.cpp server,
  faster-whisper servers, vLLM, LocalAI…): ``asr_url`` (base, without ``/v1``), ``asr_model``,
  ``asr_api_key``. Accepts what the browser records (WebM/Opus, WAV, Ogg).
- ``vosk``: the Vosk library with a model directory the municipality supplies
  (``vosk_model_path``, e.g. vosk-model-ja-0.22); 16-bit PCM WAV input.
- ``none``: no recognition; the kiosk and phone fall back to touch, keyboard and DTMF.
No model weights are bundled or downloaded.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Protocol

import httpx

from jichitai_ai.channels.voice.audio import read_wav, resample
from jichitai_ai.config import Settings

MAX_AUDIO_BYTES = 10 * 1024 * 1024


class RecognitionFailed(RuntimeError):
    """The recogniser could not be reached or refused the audio."""


class Transcriber(Protocol):
    name: str

    def transcribe(self, audio: bytes, media_type: str, language: str = "ja") -> str: ...


@dataclass
class OpenAITranscriber:
    """Client of ``/v1/audio/transcriptions`` (multipart: file, model, language)."""

    base_url: str
    model: str = "whisper-1"
    api_key: str = ""
    timeout_seconds: float = 60.0
    name: str = "openai"

    def transcribe(self, audio: bytes, media_type: str, language: str = "ja") -> str:
        if not audio or len(audio) > MAX_AUDIO_BYTES:
            raise RecognitionFailed("audio is empty or too large")
        suffix = {
            "audio/wav": "wav",
            "audio/x-wav": "wav",
            "audio/ogg": "ogg",
            "audio/mpeg": "mp3",
        }.get(media_type.split(";")[0].strip(), "webm")
        headers = {"Authorization": f"Bearer {self.api_key}"} if self.api_key else {}
        try:
            response = httpx.post(
                self.base_url.rstrip("/") + "/v1/audio/transcriptions",
                files={
                    "file": (f"speech.{suffix}", audio, media_type or "application/octet-stream")
                },
                data={
                    "model": self.model,
                    "language": language.split("-")[0],
                    "response_format": "json",
                },
                headers=headers,
                timeout=self.timeout_seconds,
            )
        except httpx.HTTPError as exc:
            raise RecognitionFailed(f"recogniser unreachable: {exc}") from exc
        if response.status_code != 200:
            raise RecognitionFailed(
                f"recogniser answered {response.status_code}: {response.text[:200]}"
            )
        try:
            text = response.json().get("text", "")
        except (ValueError, AttributeError) as exc:
            raise RecognitionFailed("recogniser answer is not JSON with a text field") from exc
        return str(text).strip()


@dataclass
class VoskTranscriber:
    """Offline recognition with Vosk (``pip install vosk``) and a model directory."""

    model_path: str
    name: str = "vosk"

    def transcribe(self, audio: bytes, media_type: str, language: str = "ja") -> str:
        try:
            import vosk
        except ImportError as exc:
            raise RecognitionFailed("vosk is not installed: pip install vosk") from exc
        try:
            pcm = resample(read_wav(audio), 16000)
        except ValueError as exc:
            raise RecognitionFailed(f"Vosk needs 16-bit PCM WAV: {exc}") from exc
        recognizer = vosk.KaldiRecognizer(vosk.Model(self.model_path), 16000)
        recognizer.AcceptWaveform(pcm.samples.tobytes())
        return str(json.loads(recognizer.FinalResult()).get("text", "")).replace(" ", "")


def from_settings(settings: Settings) -> Transcriber | None:
    raw = settings.section("voice")
    kind = str(raw.get("asr", "none"))
    if kind == "openai":
        return OpenAITranscriber(
            str(raw.get("asr_url", "")),
            str(raw.get("asr_model", "whisper-1")),
            str(raw.get("asr_api_key", "")),
        )
    if kind == "vosk":
        return VoskTranscriber(str(raw.get("vosk_model_path", "")))
    return None
