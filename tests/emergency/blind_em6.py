"""Blind set em6: 8 emergencies per language (ja, やさしい日本語, en, zh-Hans, zh-Hant, ko) in
situations that no earlier set named — a tornado tearing off roofs, a drink spiked at a bar, an arm
pulled into a machine, a fall from a ladder with no feeling in the legs, lost on a mountain at
dusk with an injured friend, a sister who said she would walk into the sea (shoes left on the
beach), a car's bonnet in flames, a toddler who swallowed a button battery — and 8 service
questions per language with the same words (tornado repair subsidy, a permit to sell drinks, farm
machinery subsidy, throwing away a ladder, a climbing plan, the beach's opening, a parking
permit, button-battery collection). Written and committed before its first run; the first run
(on main's detector) is the blind figure.

    PYTHONPATH=src:. python -m tests.emergency.blind_em6
"""

from __future__ import annotations

from tests.emergency.blind_em1 import measure, report


def main() -> None:
    report(measure("em6_blind.csv", "em6_ordinary.csv"))


if __name__ == "__main__":
    main()
