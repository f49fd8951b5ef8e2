"""Blind set em3: 8 emergencies per language in situations not in em1/em2 (a stroke, chest pain,
bleeding in pregnancy, low blood sugar, a grass fire spreading to houses, a bag just snatched, the
sea drawing back after an earthquake, a colleague about to jump) and 8 look-alikes per language.
Written and committed before its first run. Rules alone, per language:

    PYTHONPATH=src:. python -m tests.emergency.blind_em3

Rules + the e5 second opinion (experiment, not shipped): benchmarks/emergency/run_em3.py.
"""

from __future__ import annotations

from tests.emergency.blind_em1 import measure, report


def main() -> None:
    report(measure("em3_blind.csv", "em3_ordinary.csv"))


if __name__ == "__main__":
    main()
