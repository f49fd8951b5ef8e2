"""Blind set em12: 7 emergencies per language (ja, やさしい日本語, en, zh-Hans, zh-Hant, ko) in
situations no earlier set used — a child's foot drawn into an escalator, a father's arm pulled
into a combine harvester, a child buried when a hole dug in beach sand caves in, an altar candle
setting the altar cloth on fire, teenagers firing rocket fireworks at a man on a bench, a
roommate who gave away his belongings and sent a farewell behind a locked door, rocks falling
onto a car on a mountain road — and 7 look-alikes per language with the same words (past,
hypothetical, worry, a procedure). Written and committed before its first run (the blind figure
on main's code).

    PYTHONPATH=src:. python -m tests.emergency.blind_em12
    PYTHONPATH=src:. python -m tests.emergency.blind_em12 holdout

The held-back set (``holdout``), written after em12's present-danger scorer and committed before
its first run, is its blind test: a hand caught in a bus door as the bus pulls away, a worker
sunk in a feed silo, a woman dragged by her hair, a toddler who swallowed magnets, a mother's
"don't look for me" note with her sleeping pills gone, a child's head stuck between a gate's
iron bars; 6 look-alikes per language.
"""

from __future__ import annotations

from tests.emergency.blind_em1 import run_sets

#: The situations in the order each language lists them.
SITUATIONS = (
    "foot drawn into an escalator",
    "arm pulled into a combine harvester",
    "buried in a beach sand hole",
    "altar candle fire",
    "rocket fireworks fired at a man",
    "belongings given away, farewell",
    "rockfall onto a car",
)


#: The held-back set's situations.
HOLDOUT_SITUATIONS = (
    "hand in a bus door, dragged",
    "sunk in a feed silo",
    "dragged by the hair, kicked",
    "magnets swallowed",
    "note and sleeping pills gone",
    "head stuck in gate bars",
)


#: The sets by the runner's argument: rows, look-alikes, situations.
SETS = {
    "blind": ("em12_blind.csv", "em12_ordinary.csv", SITUATIONS),
    "holdout": ("em12_holdout.csv", "em12_holdout_ordinary.csv", HOLDOUT_SITUATIONS),
}


if __name__ == "__main__":
    run_sets(SETS)
