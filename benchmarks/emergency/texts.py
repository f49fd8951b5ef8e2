"""The texts of the em3 experiment: emergency sets, look-alikes and ordinary service questions."""

from __future__ import annotations

import csv
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
EM = ROOT / "tests" / "emergency"
LOCALGOVFAQ = Path("/work/shared/eval/localgovfaq/corpus.json")
PROTOTYPES = Path(__file__).with_name("prototypes.txt")


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def emergencies(name: str) -> list[tuple[str, str, str]]:
    """(language, kind, text) of an emergency set."""
    return [(r["language"], r["kind"], r["text"]) for r in _rows(EM / name)]


def ordinary(name: str) -> list[tuple[str, str]]:
    """(language, text) of a look-alike set."""
    return [(r["language"], r["text"]) for r in _rows(EM / name)]


def answer_quality_ordinary() -> list[tuple[str, str]]:
    """Every row of tests/answer_quality/*.csv whose expected outcome is not an emergency."""
    found = []
    for path in sorted((ROOT / "tests" / "answer_quality").glob("*.csv")):
        for r in _rows(path):
            if (r.get("outcome") or "") != "emergency":
                found.append((f"{path.stem}:{r['language']}", r["question"]))
    return found


def localgovfaq_questions() -> list[tuple[str, str]]:
    """The 1,786 LocalGovFAQ corpus questions (read in place, never copied into the repository)."""
    corpus = json.loads(LOCALGOVFAQ.read_text(encoding="utf-8"))
    found = []
    for value in corpus.values():
        first = value.split("\n", 1)[0]
        found.append(("localgovfaq", first.removeprefix("Question:").strip()))
    return found


def prototypes(path: Path = PROTOTYPES) -> list[tuple[str, str]]:
    """(kind, text) lines of the prototype file; kind "service" marks the negatives."""
    found = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            kind, text = line.split("\t", 1)
            found.append((kind.strip(), text.strip()))
    return found


EM_SETS = {
    "em1": [("em1_blind.csv", "em1_ordinary.csv"), ("em1_blind2.csv", "em1_blind2_ordinary.csv")],
    "em2": [("em2_blind.csv", "em2_ordinary.csv"), ("em2_blind2.csv", "em2_blind2_ordinary.csv")],
    "em3": [("em3_blind.csv", "em3_ordinary.csv")],
}


def all_texts() -> list[str]:
    texts = [t for _, t in prototypes()]
    for pairs in EM_SETS.values():
        for em, od in pairs:
            texts += [t for _, _, t in emergencies(em)] + [t for _, t in ordinary(od)]
    texts += [t for _, t in answer_quality_ordinary()] + [t for _, t in localgovfaq_questions()]
    return texts
