"""WAV helpers: read PCM, resample for telephony (8 kHz), measure speech (for tests and checks)."""

from __future__ import annotations

import io
import wave
from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Pcm:
    samples: np.ndarray  # int16, mono
    rate: int

    @property
    def seconds(self) -> float:
        return len(self.samples) / self.rate if self.rate else 0.0


def read_wav(data: bytes) -> Pcm:
    """16-bit PCM WAV → mono samples; other formats raise ValueError."""
    try:
        with wave.open(io.BytesIO(data)) as w:
            if w.getsampwidth() != 2:
                raise ValueError("only 16-bit PCM WAV is supported")
            frames = np.frombuffer(w.readframes(w.getnframes()), dtype="<i2")
            channels, rate = w.getnchannels(), w.getframerate()
    except (wave.Error, EOFError) as exc:
        raise ValueError(f"not a PCM WAV file: {exc}") from exc
    if channels > 1:
        frames = frames.reshape(-1, channels).mean(axis=1).astype(np.int16)
    return Pcm(frames, rate)


def write_wav(pcm: Pcm) -> bytes:
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(pcm.rate)
        w.writeframes(pcm.samples.astype("<i2").tobytes())
    return buffer.getvalue()


def resample(pcm: Pcm, rate: int) -> Pcm:
    """Band-limit (windowed-sinc low-pass) then interpolate to ``rate`` — enough for speech."""
    if pcm.rate == rate or len(pcm.samples) == 0:
        return pcm
    signal = pcm.samples.astype(np.float64)
    if rate < pcm.rate:
        cutoff = 0.45 * rate / pcm.rate
        taps = np.arange(-64, 65)
        kernel = 2 * cutoff * np.sinc(2 * cutoff * taps) * np.hamming(len(taps))
        signal = np.convolve(signal, kernel / kernel.sum(), mode="same")
    count = round(len(signal) * rate / pcm.rate)
    positions = np.arange(count) * (pcm.rate / rate)
    out = np.interp(positions, np.arange(len(signal)), signal)
    return Pcm(np.clip(out, -32768, 32767).astype(np.int16), rate)


def voiced_seconds(pcm: Pcm, threshold: float = 0.02) -> float:
    """Seconds of 20 ms frames louder than ``threshold`` of full scale (speech, not silence)."""
    frame = max(1, pcm.rate // 50)
    usable = len(pcm.samples) // frame * frame
    if usable == 0:
        return 0.0
    frames = pcm.samples[:usable].astype(np.float64).reshape(-1, frame) / 32768.0
    rms = np.sqrt((frames**2).mean(axis=1))
    return float((rms > threshold).sum() * frame / pcm.rate)
