"""Held-back set em11: 5 emergencies per language (ja, やさしい日本語, en, zh-Hans, zh-Hant, ko)
told as long stories that first mention an errand or a service (転入届, 草刈りの依頼, 粗大ごみの
処分, 犬の登録, パスポートの申請) and then a danger happening now — a small child limp in a
locked car, a brush cutter cut into a shin, an e-bike battery throwing sparks, a dog holding a
delivery man's arm, a young man outside a footbridge railing — and 6 look-alikes per language
where the service word belongs to a real question and the danger is past, hypothetical or a
worry. Written and committed before its first run (the blind figure on main's code).

    PYTHONPATH=src:. python -m tests.emergency.blind_em11
"""

from __future__ import annotations

from tests.emergency.blind_em1 import measure, report, report_situations

#: The situations in the order each language lists them.
SITUATIONS = (
    "child limp in a locked car (転入届)",
    "brush cutter into a shin (草刈り)",
    "e-bike battery sparking (粗大ごみ)",
    "dog holding an arm (犬の登録)",
    "outside a footbridge railing (旅券)",
)


def main() -> None:
    report(measure("em11_holdout.csv", "em11_holdout_ordinary.csv"))
    report_situations("em11_holdout.csv", SITUATIONS)


if __name__ == "__main__":
    main()
