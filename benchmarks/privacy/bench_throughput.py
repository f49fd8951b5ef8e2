"""Throughput of the detector (and of detect + mask) on short synthetic inquiries.

Run: OMP_NUM_THREADS=1 .venv/bin/python benchmarks/privacy/bench_throughput.py [--ginza]
[--profile strict] [--ginza-gate] [--count N]
One process, one thread: the figure is per core.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time

os.environ.setdefault("OMP_NUM_THREADS", "1")

from jichitai_ai.privacy import Detector, DetectorConfig, MaskingSession
from jichitai_ai.privacy.synthetic import generate


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--ginza", action="store_true")
    parser.add_argument("--profile", choices=("standard", "strict"), default="standard")
    parser.add_argument("--ginza-gate", action="store_true")
    parser.add_argument("--count", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args()

    started = time.perf_counter()
    detector = Detector(
        DetectorConfig(use_ginza=args.ginza, profile=args.profile, ginza_gate=args.ginza_gate)
    )
    detector.detect("ウォームアップ：山田太郎様 03-1234-5678")
    load_s = time.perf_counter() - started
    texts = [s.text for s in generate(args.count, args.seed)]

    rounds = []
    for _ in range(3):
        t0 = time.perf_counter()
        for text in texts:
            session = MaskingSession()
            session.mask(text, detector.detect(text))
        rounds.append(len(texts) / (time.perf_counter() - t0))
    mean_len = statistics.mean(len(t) for t in texts)
    mode = ("ginza" if detector.ginza_active else "fast") + f"/{args.profile}"
    print(
        f"mode={mode} texts={len(texts)} mean_chars={mean_len:.1f} load_s={load_s:.1f} "
        f"detect+mask texts/s: median={statistics.median(rounds):.0f} min={min(rounds):.0f} max={max(rounds):.0f}"
    )


if __name__ == "__main__":
    main()
