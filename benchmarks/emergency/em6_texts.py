"""The texts of the em6 experiment (a gated second opinion): every emergency set and look-alike
set in tests/emergency, the answer-quality questions and the LocalGovFAQ corpus questions.

OLD sets (em1–em5, round 4/5) are for choosing; em6 is measured once, after.
"""

from __future__ import annotations

from benchmarks.emergency.texts import (
    EM,
    answer_quality_ordinary,
    emergencies,
    localgovfaq_questions,
    ordinary,
    prototypes,
)

BLIND = ("em6_blind.csv", "em6_ordinary.csv")


def old_sets() -> tuple[list[str], list[str]]:
    """(emergency set files, look-alike set files) of every set before em6."""
    names = sorted(p.name for p in EM.glob("*.csv") if not p.name.startswith("em6_"))
    emergency = [n for n in names if "ordinary" not in n]
    return emergency, [n for n in names if "ordinary" in n]


def old_emergencies() -> list[tuple[str, str, str]]:
    return [row for name in old_sets()[0] for row in emergencies(name)]


def old_ordinary() -> list[tuple[str, str]]:
    return [row for name in old_sets()[1] for row in ordinary(name)]


def alarm_checks() -> list[tuple[str, str]]:
    """Ordinary questions with no emergency in them: answer-quality rows, LocalGovFAQ questions."""
    return answer_quality_ordinary() + localgovfaq_questions()


def all_texts() -> list[str]:
    texts = [t for _, t in prototypes()]
    texts += [t for _, _, t in old_emergencies()] + [t for _, t in old_ordinary()]
    texts += [t for _, t in alarm_checks()]
    texts += [t for _, _, t in emergencies(BLIND[0])] + [t for _, t in ordinary(BLIND[1])]
    return sorted(set(texts))
