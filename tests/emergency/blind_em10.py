"""Blind set em10: 8 emergencies per language (ja, やさしい日本語, en, zh-Hans, zh-Hant, ko) in
situations no earlier set used — a crowd crush at a festival, pufferfish poisoning, a worker's
legs pinned under a forklift, a man smashing car windows with a hammer and chasing people, a
sister taking her baby with her (親子心中), scaffolding fallen onto the pavement, a barn on fire
with a father maybe inside, a child on an inflatable ring carried out to sea — and 11 ordinary
texts per language with the same words. A held-back set (``em10_holdout.csv``, 4 situations: a
wild boar biting a child, a spray in a train carriage, a worker shut in a walk-in freezer, a son
locked in the bathroom with a razor) and its look-alikes, written and committed together with
the first, is run only after the general cues were written: its first run is the blind figure of
that generalisation.

    PYTHONPATH=src:. python -m tests.emergency.blind_em10            # the blind set
    PYTHONPATH=src:. python -m tests.emergency.blind_em10 holdout    # the held-back set
    PYTHONPATH=src:. python -m tests.emergency.blind_em10 holdout2   # the second held-back set
    PYTHONPATH=src:. python -m tests.emergency.blind_em10 holdout3   # the third held-back set

A second held-back set (``em10_holdout2.csv``, 5 situations: collapsed in a sauna, made to chug
and not waking, swept off the tetrapods by a wave, a crossbow in a park with children, a note and
a bicycle found near a dam) was written and committed after the first held-back set's run and
before the cue classes written from its misses were run on it. A third (``em10_holdout3.csv``,
5 situations: pesticide in a rice field, a fall from a climbing frame, a fall from a roof while
fitting solar panels, a runner down after a marathon, a golf club swung at passers-by) was
written and committed after the second's run and before the classes written from its misses.
"""

from __future__ import annotations

import sys

from tests.emergency.blind_em1 import measure, report, report_situations

#: The situations in the order each language lists them.
SITUATIONS = (
    "crowd crush at a festival",
    "pufferfish poisoning",
    "legs pinned under a forklift",
    "hammer on car windows, chasing people",
    "sister taking her baby with her",
    "scaffolding fallen onto people",
    "barn on fire, father maybe inside",
    "child on a float carried out to sea",
)
HOLDOUT2 = (
    "collapsed in a sauna",
    "made to chug, can't be woken",
    "swept off the tetrapods by a wave",
    "crossbow in a park with children",
    "note and a bicycle near a dam",
)
HOLDOUT3 = (
    "pesticide in a rice field",
    "fell off a climbing frame",
    "fell off a roof fitting solar panels",
    "runner down after a marathon",
    "golf club swung at passers-by",
)
HOLDOUT = (
    "wild boar bit a child",
    "spray in a train carriage",
    "shut in a walk-in freezer",
    "son with a razor in the bathroom",
)


def main() -> None:
    if sys.argv[1:] == ["holdout3"]:
        report(measure("em10_holdout3.csv", "em10_holdout3_ordinary.csv"))
        report_situations("em10_holdout3.csv", HOLDOUT3)
        return
    if sys.argv[1:] == ["holdout2"]:
        report(measure("em10_holdout2.csv", "em10_holdout2_ordinary.csv"))
        report_situations("em10_holdout2.csv", HOLDOUT2)
        return
    if sys.argv[1:] == ["holdout"]:
        report(measure("em10_holdout.csv", "em10_holdout_ordinary.csv"))
        report_situations("em10_holdout.csv", HOLDOUT)
        return
    report(measure("em10_blind.csv", "em10_ordinary.csv"))
    report_situations("em10_blind.csv", SITUATIONS)


if __name__ == "__main__":
    main()
