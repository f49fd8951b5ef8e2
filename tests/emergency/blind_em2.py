"""Blind set em2 (issue 12 item 4): a third set written without reading the rules — panic
shorthand (たすけて 火), run-on chat, dialect, typos, Japanese words inside English, Chinese and
Korean, third persons, choking, seizures, a baby not waking, detergent drunk, power lines down,
indirect suicidal hints — and service questions with the same words (AED, 防災グッズ, 誤飲防止,
消防団, #7119, self-harm support groups …).

Written and committed before the detector first ran on it. Figures per language:

    PYTHONPATH=src:. python -m tests.emergency.blind_em2      # set 1
    PYTHONPATH=src:. python -m tests.emergency.blind_em2 2    # set 2 (written after set 1's fixes)
"""

from __future__ import annotations

import sys

from tests.emergency.blind_em1 import LANGUAGES, measure

EMERGENCIES = "em2_blind.csv"
ORDINARY = "em2_ordinary.csv"
#: The second set (other situations: a bath, a bee sting, electric shock, a dog bite, snow, an
#: explosion, self-harm going on now), written after the first fixes, committed before its run.
SETS = {"1": (EMERGENCIES, ORDINARY), "2": ("em2_blind2.csv", "em2_blind2_ordinary.csv")}


def main() -> None:
    f = measure(*SETS[sys.argv[1] if len(sys.argv) > 1 else "1"])
    print("language  emergencies  missed  other-kind  ordinary  false-alarms")
    for lang in LANGUAGES:
        print(
            f"{lang:8}  {f.emergencies[lang]:11}  {f.missed[lang]:6}  {f.wrong_kind[lang]:10}"
            f"  {f.ordinary[lang]:8}  {f.false_alarms[lang]:12}"
        )
    total = [sum(c.values()) for c in (f.emergencies, f.missed, f.wrong_kind, f.ordinary)]
    print(
        f"{'all':8}  {total[0]:11}  {total[1]:6}  {total[2]:10}  {total[3]:8}"
        f"  {sum(f.false_alarms.values()):12}"
    )
    print("\n".join(f.examples))


if __name__ == "__main__":
    main()
