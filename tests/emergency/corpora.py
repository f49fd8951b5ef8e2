"""The ordinary texts the detector must stay quiet on, and the phrasing sets it must catch.

Ordinary: the LocalGovFAQ corpus questions and dev queries (read in place from the shared eval
directory when it exists, never copied), every demo FAQ entry and alternative in every language,
the demo sample questions, and the non-emergency questions of every resident set.
"""

from __future__ import annotations

import csv
import json
import os
from pathlib import Path

from jichitai_ai.benchmark.demo_questions import read_questions

HERE = Path(__file__).parent
ROOT = HERE.parents[1]
DEMO = ROOT / "src/jichitai_ai/demo/data"
QUALITY = ROOT / "tests/answer_quality"
#: The evaluation data sits beside the repository (../shared/eval), as in CI's clean clone.
EVAL = Path(os.environ.get("JICHITAI_EVAL_DIR", ROOT.parent / "shared" / "eval")) / "localgovfaq"


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def phrasings(name: str) -> list[tuple[str, str, str]]:
    """(language, kind, text) rows of an emergency phrasing CSV in this directory."""
    return [(r["language"], r["kind"], r["text"]) for r in _rows(HERE / name)]


def ordinary_in_repo() -> dict[str, list[str]]:
    """Ordinary texts kept in the repository, by source."""
    out: dict[str, list[str]] = {}
    for path in sorted(DEMO.glob("*.csv")):
        rows = _rows(path)
        if path.name == "sample_questions.csv":
            out[path.name] = [r["question"] for r in rows if r.get("kind") != "emergency"]
        elif "alternatives" in rows[0]:
            texts = [r["question"] for r in rows]
            texts += [a for r in rows for a in r["alternatives"].splitlines() if a.strip()]
            out[path.name] = texts
    for path in sorted(QUALITY.glob("*.csv")):
        questions = read_questions(path.read_text(encoding="utf-8"))
        out[path.name] = [q.text for q in questions if not q.emergency]
    for name in (
        "round4_ordinary.csv",
        "round4_adversarial_ordinary.csv",
        "round4_blind_ordinary.csv",
        "round4_blind2_ordinary.csv",
        "round4_blind3_ordinary.csv",
        "round5_ordinary.csv",
    ):
        out[name] = [r["text"] for r in _rows(HERE / name)]
    return out


def ordinary_localgovfaq() -> dict[str, list[str]]:
    """LocalGovFAQ corpus questions and dev queries; empty when the eval data is not here."""
    if not EVAL.is_dir():
        return {}
    corpus = json.loads((EVAL / "corpus.json").read_text(encoding="utf-8"))
    questions = [v.split("\n", 1)[0].removeprefix("Question:").strip() for v in corpus.values()]
    dev = list(json.loads((EVAL / "queries_dev.json").read_text(encoding="utf-8")).values())
    return {"localgovfaq corpus": questions, "localgovfaq dev": dev}
