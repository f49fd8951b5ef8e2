"""The cue-combination layer (``emergency/cues.py``, em5) measured alone and inside the detector.

Design sets: every emergency and ordinary CSV in tests/emergency except em5's, every ordinary
text in the repository (demo entries, answer-quality rows) and the LocalGovFAQ corpus questions.
Prints the layer's own catches on the design emergencies, its alarms on every ordinary text, and
(``em5``, ``em8``, ``em9``) the same on that blind set's files, which the design sets leave out.

    PYTHONPATH=src:. python -m benchmarks.emergency.cue_layer            # design sets
    PYTHONPATH=src:. python -m benchmarks.emergency.cue_layer em5        # em5 (not blind)
    PYTHONPATH=src:. python -m benchmarks.emergency.cue_layer em8        # em8 (not blind)
"""

from __future__ import annotations

import sys
import unicodedata

from tests.emergency.corpora import HERE, _rows, ordinary_in_repo, ordinary_localgovfaq

from jichitai_ai.emergency import cues, detect_emergency
from jichitai_ai.emergency.detector import _is_service_question, _prepare


def layer(text: str) -> list[str]:
    """The layer alone, as the detector calls it (service questions excluded)."""
    spaced, _ = _prepare(text)
    norm = unicodedata.normalize("NFKC", text)
    if _is_service_question(norm, "".join(norm.split())):
        return [k.value for k in cues.warning_signs(spaced)]
    return [k.value for k in cues.cue_kinds(spaced)]


#: Blind sets measured apart from the design sets.
HELD = ("em5", "em8", "em9", "em10")


def sets(held: str) -> tuple[list[tuple[str, str, str]], dict[str, list[str]]]:
    emergencies: list[tuple[str, str, str]] = []
    ordinary: dict[str, list[str]] = {}
    for path in sorted(HERE.glob("*.csv")):
        inside = next((name for name in HELD if path.name.startswith(name)), "")
        if inside != held:
            continue
        rows = _rows(path)
        if "kind" in rows[0]:
            emergencies += [(path.name, r["kind"], r["text"]) for r in rows]
        else:
            ordinary[path.name] = [r["text"] for r in rows]
    if not held:
        ordinary.update(ordinary_in_repo())
        ordinary.update(ordinary_localgovfaq())
    return emergencies, ordinary


def main() -> None:
    held = sys.argv[1] if len(sys.argv) > 1 and sys.argv[1] in HELD else ""
    emergencies, ordinary = sets(held)
    caught = right = 0
    for _, kind, text in emergencies:
        found = layer(text)
        caught += bool(found)
        right += kind in found
    print(f"layer alone: {caught} / {len(emergencies)} emergencies caught ({right} of their kind)")
    total = alarms = 0
    for source, texts in ordinary.items():
        for text in texts:
            total += 1
            found = layer(text)
            full = detect_emergency(text)
            if found:
                alarms += 1
                print(
                    f"  alarm {source}: {text[:90]} -> {found} (detector {[k.value for k in full]})"
                )
    print(f"layer alone: {alarms} / {total} ordinary texts alarmed")


if __name__ == "__main__":
    main()
