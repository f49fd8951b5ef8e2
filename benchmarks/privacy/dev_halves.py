"""The gateway's default detector on the two halves of the ner-ja dev split.

Half A (even indices) is the half whose misses were studied when rules were written;
half B (odd indices) was never looked at sentence by sentence, so its figures are the
honest ones for rules chosen on A. Prints typed recall (same-type span) and any-mask
recall (span, and characters as the ner-ja README defines its masking measure), the
fields ``pii-eval --json`` reports. Speed is CPU time of detection only.

Run (the data is read where it lies, never copied):
  OMP_NUM_THREADS=1 PYTHONPATH=src .venv/bin/python benchmarks/privacy/dev_halves.py
"""

from __future__ import annotations

import argparse
import json
import os
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("OMP_NUM_THREADS", "1")

from jichitai_ai.privacy import Detector
from jichitai_ai.privacy._detector import DEFAULT_CONFIG
from jichitai_ai.privacy._evaluate import _PREDICTED_AS, NER_TYPES, evaluate_records

DEV = Path("/work/shared/eval/ner-ja/dev.json")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dev", type=Path, default=DEV)
    parser.add_argument(
        "--only", choices=("A", "B", "all"), help="one half (A while rules are being written)"
    )
    args = parser.parse_args()
    records = json.loads(args.dev.read_text(encoding="utf-8"))
    detector = Detector(DEFAULT_CONFIG)
    detector.detect("山田太郎さん")  # load the dictionary outside the timing
    halves = {"A": records[0::2], "B": records[1::2], "all": records}
    for name, part in halves.items():
        if args.only and name != args.only:
            continue
        started = time.thread_time()
        report = evaluate_records(part, detector, NER_TYPES, _PREDICTED_AS)
        cpu = time.thread_time() - started
        person: Any = report["person"]
        location: Any = report["location"]
        print(
            f"{name:>3}: texts {len(part)}  person R typed {person['recall_typed']:.4f}"
            f" any-mask {person['recall_any_mask']:.4f} chars {person['char_recall_any_mask']:.4f}"
            f"  location R typed {location['recall_typed']:.4f}"
            f" any-mask {location['recall_any_mask']:.4f}"
            f"  over-mask {float(str(report['over_mask'])):.4%}"
            f"  {report['cpu_texts_per_s']} texts/CPU-s (whole loop {len(part) / cpu:.0f})"
        )


if __name__ == "__main__":
    main()
