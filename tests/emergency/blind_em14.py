"""Blind set em14: 8 emergencies per language (ja, やさしい日本語, en, zh-Hans, zh-Hant, ko) in
situations no earlier set used — a tractor overturned on a grandfather, a child vomiting and
drowsy after falling off a swing, a kayak capsized with a friend not surfacing, the sea drawing
back after the shaking, muddy water boiling up at the foot of a levee, someone working a front
door's handle and lock at 3 a.m., a lorry burning in a tunnel, letters written and a cat given
away "after tonight" — and 8 look-alikes per language with the same words (past events, a
service question: 交通事故証明書, 防災マップ, 火災報知器の補助金, 救急医療情報キット …). Written
and committed before its first run (the blind figure on main's code).

    PYTHONPATH=src:. python -m tests.emergency.blind_em14
    PYTHONPATH=src:. python -m tests.emergency.blind_em14 holdout

The held-back set (``holdout``), written after em14's changes and committed before its first
run: a grass fire on a riverbank spreading to houses, a soba allergy at school lunch (hives,
wheezing), a fight with broken bottles outside an izakaya, a man filming up a schoolgirl's skirt
on an escalator, a landslide's warnings (spring water turned muddy, the mountain rumbling),
medicines stopped and the phone cancelled ("no point carrying on"); 6 look-alikes per language.
"""

from __future__ import annotations

from tests.emergency.blind_em1 import run_sets

#: The situations in the order each language lists them.
SITUATIONS = (
    "tractor overturned on a grandfather",
    "child vomiting after a fall from a swing",
    "kayak capsized, friend not surfacing",
    "sea drawing back after the shaking",
    "muddy water boiling up at a levee",
    "someone working the door lock at 3 a.m.",
    "lorry burning in a tunnel",
    "letters written, cat given away",
)

#: The held-back set's situations.
HOLDOUT_SITUATIONS = (
    "grass fire on a riverbank",
    "soba allergy at school lunch",
    "broken bottles outside an izakaya",
    "filming up a skirt on an escalator",
    "spring water muddy, mountain rumbling",
    "medicines stopped, phone cancelled",
)

#: The sets by the runner's argument: rows, look-alikes, situations.
SETS = {
    "blind": ("em14_blind.csv", "em14_ordinary.csv", SITUATIONS),
    "holdout": ("em14_holdout.csv", "em14_holdout_ordinary.csv", HOLDOUT_SITUATIONS),
}


if __name__ == "__main__":
    run_sets(SETS)
