"""Blind set em8: 8 emergencies per language (ja, やさしい日本語, en, zh-Hans, zh-Hant, ko) in
situations no earlier set used — a power cut stopping a home ventilator, a child through the ice
of a pond, a person struck by lightning, a suspicious bag with wires ticking at a station, a man
holding a shop clerk hostage, a boat capsized with people in cold water, a widowed elder saying
she will go to her late husband and no longer taking her medicine or food, sparks from a chimney
with the roof glowing — and 10 ordinary texts per language with the same words (a generator
subsidy for home ventilators, skating on the pond, lightning damage compensation, a bag left at
the station, a son shut in his room for years, renting a boat, a husband's death and pension, a
wood stove permit, a power cut since this morning, children scared of thunder). Written and
committed before its first run; the first run (on main's detector) is the blind figure.

    PYTHONPATH=src:. python -m tests.emergency.blind_em8
"""

from __future__ import annotations

from collections import Counter

from jichitai_ai.emergency import EmergencyKind, detect_emergency
from tests.emergency.blind_em1 import measure, report
from tests.emergency.corpora import HERE, _rows

#: The situations in the order each language lists them.
SITUATIONS = (
    "ventilator stopped in a power cut",
    "through the ice of a pond",
    "struck by lightning",
    "suspicious bag, wires, ticking",
    "hostage in a shop",
    "boat capsized, people in the water",
    "going to the late husband, no medicine",
    "chimney sparks, roof glowing",
)


def per_situation() -> None:
    """Missed and other-kind counts per situation (of 6 languages)."""
    missed: Counter[str] = Counter()
    other: Counter[str] = Counter()
    seen: Counter[str] = Counter()
    for row in _rows(HERE / "em8_blind.csv"):
        situation = SITUATIONS[seen[row["language"]]]
        seen[row["language"]] += 1
        found = detect_emergency(row["text"])
        if not found:
            missed[situation] += 1
        elif EmergencyKind(row["kind"]) not in found:
            other[situation] += 1
    print("\nsituation                                 missed  other-kind  (of 6)")
    for situation in SITUATIONS:
        print(f"{situation:40}  {missed[situation]:6}  {other[situation]:10}")


def main() -> None:
    report(measure("em8_blind.csv", "em8_ordinary.csv"))
    per_situation()


if __name__ == "__main__":
    main()
