"""External programs' outputs remembered for the test run: Tesseract and Open JTalk.

The OCR and speech tests run the real programs on real images and texts, but many tests give
them the same input (the demo city's scanned page is read at every demo load, each test runs
on SQLite and on PostgreSQL, each phone test voices the same prompts). These programs are
deterministic for a given input, so within one run each distinct input is handed to the
program once and its output reused — by every xdist worker, through the run's shared
directory (tests/shared_builds.py). What the product does with the output is untouched; a
failing or missing program is never remembered (only successful outputs are stored), and a
test that replaces one of these functions itself still sees its own replacement.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from tests import shared_builds


def _directory() -> Path:
    root = shared_builds.ROOT
    assert root is not None, "tests/conftest.py sets the shared root first"
    folder = root / "tool-outputs"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


_in_memory: dict[str, bytes] = {}


def _remembered(kind: str, key: str, produce: Callable[[], bytes]) -> bytes:
    name = f"{kind}-{hashlib.sha256(key.encode()).hexdigest()[:32]}"
    if name in _in_memory:  # the same object again, as the product's own caches return
        return _in_memory[name]
    path = _directory() / name
    try:
        output = path.read_bytes()
    except FileNotFoundError:
        output = produce()
        partial = path.with_name(f"{name}.{os.getpid()}.partial")
        partial.write_bytes(output)
        partial.replace(path)  # atomic: another worker may have written the same bytes
    _in_memory[name] = output
    return output


def _image_digest(image: Path) -> str:
    return hashlib.sha256(image.read_bytes()).hexdigest()


@pytest.fixture(scope="session", autouse=True)
def remember_tool_outputs() -> Iterator[None]:
    from jichitai_ai.channels.voice import tts
    from jichitai_ai.documents.ocr import _engine

    tesseract, rotation, synthesize = (
        _engine._tesseract,
        _engine._rotation,
        tts.OpenJTalk.synthesize,
    )

    def tesseract_once(image: Path, lang: str, psm: int) -> str:
        key = f"{_image_digest(image)}|{lang}|{psm}"
        out = _remembered("tsv", key, lambda: tesseract(image, lang, psm).encode("utf-8"))
        return out.decode("utf-8")

    def rotation_once(image: Path) -> int:
        out = _remembered("osd", _image_digest(image), lambda: str(rotation(image)).encode())
        return int(out)

    def synthesize_once(self: Any, text: str) -> bytes:
        key = "|".join(map(str, (self.command, self.dictionary, self.voice, self.speed, text)))
        return _remembered("wav", key, lambda: synthesize(self, text))

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(_engine, "_tesseract", tesseract_once)
        patch.setattr(_engine, "_rotation", rotation_once)
        patch.setattr(tts.OpenJTalk, "synthesize", synthesize_once)
        yield
