"""Blind set em9: 8 emergencies per language (ja, やさしい日本語, en, zh-Hans, zh-Hant, ko) in
situations no earlier set used — a roadworks trench caving in on a worker, a person fallen down
an open manhole, a drunk driver weaving toward a school, a neighbour pouring kerosene on the
front door with a lighter in hand, flames inside a laundromat dryer, a friend buried by an
avalanche off-piste, a brother in a car in the garage with a hose from the exhaust, a worker
collapsed in a factory tank and the rescuer collapsing too (酸欠) — and 10 ordinary texts per
language with the same words (roadworks trench, a rattling manhole cover, a weaving car seen
yesterday, a kerosene can, a used lighter, a dryer subsidy, avalanche warnings, washing the car
with a hose, a septic tank inspection, the drunk-driving penalty). Written and committed before
its first run; the first run (on main's detector) is the blind figure.

    PYTHONPATH=src:. python -m tests.emergency.blind_em9
"""

from __future__ import annotations

from tests.emergency.blind_em1 import measure, report, report_situations

#: The situations in the order each language lists them.
SITUATIONS = (
    "trench caved in on a worker",
    "fell down an open manhole",
    "drunk driver weaving toward a school",
    "kerosene on the door, lighter in hand",
    "flames inside a laundromat dryer",
    "buried by an avalanche",
    "hose from the exhaust into the car",
    "collapsed in a tank, rescuer too",
)


def main() -> None:
    report(measure("em9_blind.csv", "em9_ordinary.csv"))
    report_situations("em9_blind.csv", SITUATIONS)


if __name__ == "__main__":
    main()
