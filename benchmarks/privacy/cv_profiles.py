"""Person/location figures of one detector profile on the ner-ja dev split: the whole
file, and 5 folds split by article (``curid``) so that rules tuned on dev can be judged
on articles they were not tuned on.

Run (the data is read where it lies, never copied):
  OMP_NUM_THREADS=1 .venv/bin/python benchmarks/privacy/cv_profiles.py --config '{"profile": "strict"}'
  OMP_NUM_THREADS=1 .venv/bin/python benchmarks/privacy/cv_profiles.py --select
``--select`` is the cross-validated rule choice: for each fold, each strict rule is kept
when it adds person recall on the other four folds (over-masking stays far below 5%);
the kept rules are then measured on the held-out fold. Means over the 5 folds.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import statistics
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("OMP_NUM_THREADS", "1")

from jichitai_ai.privacy import Detector, DetectorConfig, Entity
from jichitai_ai.privacy._evaluate import _PREDICTED_AS, NER_TYPES, evaluate_records
from jichitai_ai.privacy._strict import ALL_RULES

DEV = Path("/work/shared/eval/ner-ja/dev.json")
FOLDS = 5


def fold_of(record: dict[str, Any]) -> int:
    """Stable fold by article, so sentences of one article never straddle folds."""
    return int(hashlib.sha1(record["curid"].encode()).hexdigest(), 16) % FOLDS


class Cached:
    """Detect each text once; score the cached entities on any subset."""

    def __init__(self, detector: Detector, records: list[dict[str, Any]]) -> None:
        started = time.perf_counter()
        self.found: dict[str, list[Entity]] = {
            r["text"]: detector.detect(r["text"]) for r in records
        }
        self.texts_per_s = len(records) / (time.perf_counter() - started)

    def detect(self, text: str) -> list[Entity]:
        return self.found[text]


def summary(records: list[dict[str, Any]], detector: Any) -> dict[str, float]:
    report = evaluate_records(records, detector, NER_TYPES, _PREDICTED_AS)
    person, location = report["person"], report["location"]
    assert isinstance(person, dict) and isinstance(location, dict)
    return {
        "P": person["precision"],
        "R": person["recall"],
        "F1": person["f1"],
        "exact_F1": person["exact_f1"],
        "char_R": person["char_recall"],
        "loc_R": location["recall"],
        "loc_char_R": location["char_recall"],
        "over_mask": float(str(report["over_mask"])),
        "gold": person["gold"],
        "predicted": person["predicted"],
    }


def mean(rows: list[dict[str, float]]) -> dict[str, float]:
    return {k: round(statistics.mean(r[k] for r in rows), 4) for k in rows[0]}


def select(records: list[dict[str, Any]]) -> None:
    rules = sorted(ALL_RULES)
    base = Cached(Detector(DetectorConfig()), records)
    single = {
        r: Cached(Detector(DetectorConfig(profile="strict", strict_rules=frozenset({r}))), records)
        for r in rules
    }
    held_out = []
    for f in range(FOLDS):
        train = [r for r in records if fold_of(r) != f]
        test = [r for r in records if fold_of(r) == f]
        recall0 = summary(train, base)["R"]
        chosen = frozenset(r for r in rules if summary(train, single[r])["R"] > recall0)
        detector = Detector(DetectorConfig(profile="strict", strict_rules=chosen))
        row = summary(test, detector)
        print(f"fold {f}: {len(test)} texts, rules {sorted(chosen)}: {row}")
        held_out.append(row)
    print("cross-validated (mean of held-out folds):", json.dumps(mean(held_out)))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", default="{}", help="DetectorConfig fields as JSON")
    parser.add_argument("--select", action="store_true", help="cross-validated rule choice")
    parser.add_argument("--dev", type=Path, default=DEV)
    args = parser.parse_args()
    records = json.loads(args.dev.read_text(encoding="utf-8"))
    if args.select:
        select(records)
        return
    fields = json.loads(args.config)
    if "strict_rules" in fields:
        fields["strict_rules"] = frozenset(fields["strict_rules"])
    detector = Detector(DetectorConfig(**fields))
    detector.detect("ウォームアップ：山田太郎様")
    cached = Cached(detector, records)
    folds = [summary([r for r in records if fold_of(r) == f], cached) for f in range(FOLDS)]
    print(
        json.dumps(
            {
                "config": fields,
                "dev": summary(records, cached),
                "fold_mean": mean(folds),
                "fold_sd_R": round(statistics.pstdev(r["R"] for r in folds), 3),
                "texts_per_s": round(cached.texts_per_s, 1),
            },
            ensure_ascii=False,
            default=sorted,
        )
    )


if __name__ == "__main__":
    main()
