"""Blind set em6: 8 emergencies per language (ja, やさしい日本語, en, zh-Hans, zh-Hant, ko) in
situations meant to be new — a tornado tearing off roofs, a drink spiked at a bar, an arm
pulled into a machine, a fall from a ladder with no feeling in the legs, lost on a mountain at
dusk with an injured friend, a sister who said she would walk into the sea (shoes left on the
beach), a car's bonnet in flames, a toddler who swallowed a button battery — and 8 service
questions per language with the same words (tornado repair subsidy, a permit to sell drinks, farm
machinery subsidy, throwing away a ladder, a climbing plan, the beach's opening, a parking
permit, button-battery collection). Written and committed before its first run; the first run
(on main's detector) is the blind figure. Found after that run (the novelty grep was too narrow):
the car fire was in em2 set 2 in five languages (one row verbatim), a swallowed battery and a
fall from a ladder were in English rows of em2 / round 4; the other five situations are new.

    PYTHONPATH=src:. python -m tests.emergency.blind_em6
"""

from __future__ import annotations

from tests.emergency.blind_em1 import measure, report


def main() -> None:
    report(measure("em6_blind.csv", "em6_ordinary.csv"))


if __name__ == "__main__":
    main()
