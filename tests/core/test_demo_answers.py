"""The demo municipality answers the resident questions written for it (a product-level check).

sample_questions.csv holds colloquial questions in other words than the entries, each with the
entry that answers it, ambiguous ones (kind=clarify) and ones the FAQ cannot answer
(kind=no_answer). The floors below are well under what the engine measures (docs/benchmarks.md);
they catch regressions, not tune anything.
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from importlib import resources

from jichitai_ai.demo.loader import load_demo
from jichitai_ai.domain.models import Decision
from jichitai_ai.services.platform import Platform


def test_demo_questions(platform: Platform) -> None:
    with platform.db.write() as s:
        load_demo(s)
    data = resources.files("jichitai_ai.demo").joinpath("data/sample_questions.csv")
    rows = list(csv.DictReader(io.StringIO(data.read_text(encoding="utf-8"))))
    outcome: Counter[str] = Counter()
    kinds: Counter[str] = Counter(r["kind"] for r in rows)
    for row in rows:
        result = platform.answering.ask(row["tenant"], row["question"], record=False)
        shown = (
            [result.answer.entry.external_id]
            if result.answer
            else [c.entry.external_id for c in result.choices]
        )
        expected = {e for e in row["expected_external_id"].split("|") if e}
        if row["kind"] == "no_answer":
            outcome["handed_over"] += result.decision is Decision.NO_ANSWER
        elif expected & set(shown):
            outcome["helpful"] += 1
        elif result.decision is Decision.ANSWER:
            outcome["wrong_answer"] += 1
    answerable = kinds["answer"] + kinds["clarify"]
    assert outcome["helpful"] >= 0.7 * answerable, outcome
    assert outcome["wrong_answer"] <= 0.1 * answerable, outcome
    assert outcome["handed_over"] >= 0.7 * kinds["no_answer"], outcome
