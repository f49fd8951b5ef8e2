"""Blind set em5: 12 emergencies per language (ja, やさしい日本語, en, zh-Hans, zh-Hant, ko) in
situations that no earlier set or rule named — stuck in a lift, a birth coming now, acute alcohol
poisoning, cleaners mixed into a toxic gas, an elder with dementia gone at night, a child being
beaten next door, groping on a train, a car driving the wrong way, a road caving in, a swelling
power bank or sparking socket, a snake bite, wild mushrooms, a bear among children, a volcano,
suicidal hints said by giving things away (a rope bought, a pet handed over) — and 12 service
questions per language with the same words (lift inspection, childbirth allowance, 見守り,
防犯カメラ補助, battery disposal, bear sighting information …). Written and committed before its
first run; the first run (on main's detector) is the blind figure.

    PYTHONPATH=src:. python -m tests.emergency.blind_em5
"""

from __future__ import annotations

from tests.emergency.blind_em1 import measure, report


def main() -> None:
    report(measure("em5_blind.csv", "em5_ordinary.csv"))


if __name__ == "__main__":
    main()
