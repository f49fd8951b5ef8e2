"""Blind set em13: 7 emergencies per language (ja, やさしい日本語, en, zh-Hans, zh-Hant, ko) in
situations no earlier set used — a monkey biting a grandmother's arm in the vegetable patch, a
drunk beating a station attendant with an umbrella, a child hanging outside an open ferris-wheel
car, a chainsaw kicked back into a father's thigh, a father next door beating a small child with
a clothes hanger, a horse at a riding club kicking a girl in the chest, a friend livestreaming a
goodbye from the top of a water tower — and 7 look-alikes per language with the same words
(past, hypothetical, worry, a service question). Written and committed before its first run
(the blind figure on main's code).

    PYTHONPATH=src:. python -m tests.emergency.blind_em13
    PYTHONPATH=src:. python -m tests.emergency.blind_em13 holdout

The held-back set (``holdout``), written after em13's change (an act done to a person now,
``emergency/acts.py``) and committed before its first run, is its blind test: a deer ramming an
old man with its antlers, high-school students beating a boy behind the gym, a care worker
hitting a father in his wheelchair, a taxi passenger punching the driver, a jellyfish sting with
wheezing, a man hitting a woman in a parked car; 6 look-alikes per language.
"""

from __future__ import annotations

from tests.emergency.blind_em1 import run_sets

#: The situations in the order each language lists them.
SITUATIONS = (
    "monkey biting a grandmother",
    "umbrella beating a station attendant",
    "child hanging outside a ferris wheel",
    "chainsaw into a father's thigh",
    "child beaten with a hanger",
    "horse kicked a girl",
    "goodbye livestream from a water tower",
)

#: The held-back set's situations.
HOLDOUT_SITUATIONS = (
    "deer ramming an old man",
    "students beating a boy behind the gym",
    "care worker hitting a father in a wheelchair",
    "taxi passenger punching the driver",
    "jellyfish sting, wheezing",
    "man hitting a woman in a parked car",
)

#: The sets by the runner's argument: rows, look-alikes, situations.
SETS = {
    "blind": ("em13_blind.csv", "em13_ordinary.csv", SITUATIONS),
    "holdout": ("em13_holdout.csv", "em13_holdout_ordinary.csv", HOLDOUT_SITUATIONS),
}


if __name__ == "__main__":
    run_sets(SETS)
