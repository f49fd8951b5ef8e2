"""Worst-case size: one 480,000-character text carrying 40,000 entities.

Run: OMP_NUM_THREADS=1 .venv/bin/python benchmarks/privacy/bench_large.py
"""

from __future__ import annotations

import time

from jichitai_ai.privacy import Detector, MaskingSession


def main() -> None:
    detector = Detector()
    text = "山田太郎様の電話は03-1234-5678です。" * 20_000
    t0 = time.perf_counter()
    entities = detector.detect(text)
    t1 = time.perf_counter()
    masked = MaskingSession().mask(text, entities)
    t2 = time.perf_counter()
    print(
        f"chars={len(text)} entities={len(entities)} detect_s={t1 - t0:.2f} "
        f"mask_s={t2 - t1:.2f} placeholders={sorted(set(masked.placeholders))}"
    )


if __name__ == "__main__":
    main()
