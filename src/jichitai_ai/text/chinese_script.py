"""简体字 ↔ 繁體字 for approved answers.

Many municipalities translate their FAQ into Simplified Chinese only. A reader who chose
繁體中文 reads the approved Simplified translation far better than the Japanese original, and
script conversion (OpenCC, Taiwan-standard characters: ``s2tw``/``tw2s``) changes how the text
is written, not what it says — unlike machine translation, which an editor would have to
approve. Regional vocabulary variants (``s2twp``: 窗口 → 視窗) are deliberately not used: they
change words, sometimes wrongly for municipal text.
"""

from __future__ import annotations

import functools
import threading
from dataclasses import replace
from typing import Any

from jichitai_ai.domain.models import FaqEntry, Link

#: The script a reader of one Chinese script can be given instead.
OTHER_SCRIPT = {"zh-Hant": "zh-Hans", "zh-Hans": "zh-Hant"}
_CONFIGS = {"zh-Hant": "s2tw", "zh-Hans": "tw2s"}
_LOCK = threading.Lock()


@functools.cache
def _converter(target: str) -> Any | None:
    try:
        import opencc
    except ImportError:  # an installation without it shows the Japanese original, as before
        return None
    return opencc.OpenCC(_CONFIGS[target])


def available(target: str) -> bool:
    return target in _CONFIGS and _converter(target) is not None


def convert(text: str, target: str) -> str:
    """``text`` written in ``target`` ("zh-Hant" or "zh-Hans"); unchanged when it cannot be."""
    converter = _converter(target) if target in _CONFIGS else None
    if converter is None or not text:
        return text
    with _LOCK:
        return str(converter.convert(text))


def converted_entry(entry: FaqEntry, target: str) -> FaqEntry:
    """A translation entry written in the other Chinese script: every text a resident reads
    (question, answer, alternatives, link titles, category — the start screen's 分野 button —
    department name and hours)."""

    def c(text: str) -> str:
        return convert(text, target)

    department = entry.department
    if department is not None:
        department = replace(department, name=c(department.name), hours=c(department.hours))
    return replace(
        entry,
        question=c(entry.question),
        answer=c(entry.answer),
        alternatives=[c(a) for a in entry.alternatives],
        category=c(entry.category),
        links=[Link(url=link.url, title=c(link.title)) for link in entry.links],
        department=department,
        language=target,
    )
