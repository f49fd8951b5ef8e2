"""Kinds ``detect_emergency`` gives every tests/answer_quality row and every LocalGovFAQ corpus
question, as JSON, so two branches can be compared row by row (em4: rule changes must not move
any of them).

    PYTHONPATH=src:. python -m benchmarks.emergency.dump_kinds /tmp/a.json [corpus.json]
    python -m benchmarks.emergency.dump_kinds --diff /tmp/main.json /tmp/branch.json

With ``JICHITAI_DUMP_ALL=1`` (em7) also the LocalGovFAQ dev queries (an alarm check only) and
every row of every CSV in tests/emergency (old sets' emergencies and every look-alike).
"""

from __future__ import annotations

import csv
import json
import os
import sys
from pathlib import Path

from jichitai_ai.emergency import detect_emergency

CORPUS = Path("/work/shared/eval/localgovfaq/corpus.json")


def kinds(text: str) -> list[str]:
    return [kind.value for kind in detect_emergency(text)]


def dump(corpus: Path) -> dict[str, list[object]]:
    """Row key → [text, kinds]; answer-quality keys carry the row's expected outcome."""
    out: dict[str, list[object]] = {}
    for path in sorted(Path("tests/answer_quality").glob("*.csv")):
        with path.open(encoding="utf-8") as handle:
            for i, row in enumerate(csv.DictReader(handle)):
                text = row.get("question") or ""
                out[f"{path.name}:{i}:{row.get('outcome', '')}"] = [text, kinds(text)]
    if corpus.exists():
        for key, entry in json.loads(corpus.read_text(encoding="utf-8")).items():
            question = str(entry).split("\nAnswer:")[0].removeprefix("Question: ").strip()
            out[f"localgovfaq:{key}"] = [question, kinds(question)]
    if os.environ.get("JICHITAI_DUMP_ALL"):
        dev = corpus.with_name("queries_dev.json")
        if dev.exists():
            for key, query in json.loads(dev.read_text(encoding="utf-8")).items():
                out[f"dev:{key}"] = [query, kinds(query)]
        for path in sorted(Path("tests/emergency").glob("*.csv")):
            with path.open(encoding="utf-8") as handle:
                for i, row in enumerate(csv.DictReader(handle)):
                    out[f"{path.name}:{i}"] = [row["text"], kinds(row["text"])]
    return out


def diff(before: Path, after: Path) -> int:
    a = json.loads(before.read_text(encoding="utf-8"))
    b = json.loads(after.read_text(encoding="utf-8"))
    changed = [key for key in a.keys() | b.keys() if a.get(key) != b.get(key)]
    for key in sorted(changed):
        print(key, a.get(key), "->", b.get(key))
    print(f"changed {len(changed)} of {len(a)}")
    return 1 if changed else 0


def main() -> None:
    if sys.argv[1] == "--diff":
        raise SystemExit(diff(Path(sys.argv[2]), Path(sys.argv[3])))
    data = dump(Path(sys.argv[2]) if len(sys.argv) > 2 else CORPUS)
    Path(sys.argv[1]).write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    print(f"{len(data)} rows, {sum(1 for v in data.values() if v[1])} with a card")


if __name__ == "__main__":
    main()
