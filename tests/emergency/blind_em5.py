"""Blind set em5: 12 emergencies per language (ja, やさしい日本語, en, zh-Hans, zh-Hant, ko) in
situations that no earlier set or rule named — stuck in a lift, a birth coming now, acute alcohol
poisoning, cleaners mixed into a toxic gas, an elder with dementia gone at night, a child being
beaten next door, groping on a train, a car driving the wrong way, a road caving in, a swelling
power bank or sparking socket, a snake bite, wild mushrooms, a bear among children, a volcano,
suicidal hints said by giving things away (a rope bought, a pet handed over) — and 12 service
questions per language with the same words (lift inspection, childbirth allowance, 見守り,
防犯カメラ補助, battery disposal, bear sighting information …). Written and committed before its
first run; the first run (on main's detector) is the blind figure.

    PYTHONPATH=src:. python -m tests.emergency.blind_em5      # set 1
    PYTHONPATH=src:. python -m tests.emergency.blind_em5 2    # set 2

Set 2 (6 + 6 per language: someone on the train tracks, a lonely neighbour not seen for days, a
child on an 8th-floor railing, a man smashing windows with a bat, a fraudster on his way for the
cash cards, a smouldering futon, an overturned chemical tanker, passwords left for the family)
was written after the cue layer was built and committed before its first run: its first run is
the layer's blind figure.
"""

from __future__ import annotations

import sys

from tests.emergency.blind_em1 import measure, report

SETS = {
    "1": ("em5_blind.csv", "em5_ordinary.csv"),
    "2": ("em5_blind2.csv", "em5_blind2_ordinary.csv"),
}


def main() -> None:
    report(measure(*SETS[sys.argv[1] if len(sys.argv) > 1 else "1"]))


if __name__ == "__main__":
    main()
