"""CPU per input size of the entry points red team hr7 made linear (docs/benchmarks.md §5).

Usage: ``python benchmarks/hardening/hr7_cpu.py 10000,40000,200000`` — one Markdown row per
input, CPU seconds (``time.process_time``) per size; a row stops after a size over 60 s.
"""

from __future__ import annotations

import random
import sys
import time
from collections.abc import Callable

from jichitai_ai import privacy
from jichitai_ai.documents._support import kanji_hint
from jichitai_ai.emergency import detect_emergency
from jichitai_ai.privacy._markup import decode_markup


def _cpu(entry: Callable[[str], object], text: str) -> float:
    started = time.process_time()
    entry(text)
    return time.process_time() - started


def _hint(n: int) -> Callable[[str], object]:
    rng = random.Random(0)
    pool = [chr(c) for c in range(0x4E00, 0x4E00 + 3000)]
    words = [(frozenset(rng.sample(pool, 2)), 1.0) for _ in range(n // 10)]
    terms = frozenset("".join(rng.sample(pool, 3)) for _ in range(n // 10))
    return lambda _text: kanji_hint(words, terms)


ROWS: list[tuple[str, str, Callable[[int], tuple[Callable[[str], object], str]]]] = [
    (
        "privacy._markup.decode_markup",
        "spaces + `x<b>`",
        lambda n: (decode_markup, " " * (n - 4) + "x<b>"),
    ),
    (
        "privacy._markup.decode_markup",
        "`&nbsp;` × N/6",
        lambda n: (decode_markup, ("&nbsp;" * n)[:n]),
    ),
    ("privacy.redact", "`<b>x` + spaces", lambda n: (privacy.redact, "<b>x" + " " * (n - 5) + "y")),
    ("emergency.detect_emergency", "line breaks", lambda n: (detect_emergency, "\n" * n)),
    ("emergency.detect_emergency", "spaces", lambda n: (detect_emergency, " " * n)),
    (
        "emergency.detect_emergency",
        "ideographic spaces around a Korean question (hr9)",
        lambda n: (
            detect_emergency,
            "\u3000" * (n // 2) + "침수 위험 지도는 어디서 받나요" + "\u3000" * (n // 2),
        ),
    ),
    ("documents._support.kanji_hint", "N/10 words × N/10 terms", lambda n: (_hint(n), "")),
]


def main() -> None:
    sizes = [int(x) for x in sys.argv[1].split(",")]
    privacy.redact("住民票")
    detect_emergency("住民票")
    for name, label, make in ROWS:
        times: list[float] = []
        for n in sizes:
            entry, text = make(n)
            times.append(_cpu(entry, text))
            if times[-1] > 60:
                break
        print(f"| `{name}` | {label} | " + " | ".join(f"{t:.3f}" for t in times) + " |")


if __name__ == "__main__":
    main()
