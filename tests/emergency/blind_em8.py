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

from tests.emergency.blind_em1 import measure, report, report_situations

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


def main() -> None:
    report(measure("em8_blind.csv", "em8_ordinary.csv"))
    report_situations("em8_blind.csv", SITUATIONS)


if __name__ == "__main__":
    main()
