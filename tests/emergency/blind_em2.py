"""Blind sets em2 (issue 12 item 4), figures per language:

    PYTHONPATH=src:. python -m tests.emergency.blind_em2      # set 1
    PYTHONPATH=src:. python -m tests.emergency.blind_em2 2    # set 2 (written after set 1's fixes)

Set 1 was written without reading the rules: panic shorthand (たすけて 火), run-on chat,
dialect, typos, Japanese words inside English, Chinese and Korean, third persons, choking,
seizures, a baby not waking, detergent drunk, power lines down, indirect suicidal hints — and
service questions with the same words (AED, 防災グッズ, 誤飲防止, 消防団, #7119, self-harm
support groups …). Set 2 has other situations (a bath, a bee sting, an electric shock, a dog
bite, snow, an explosion, self-harm going on now). Each was committed before its first run.
"""

from __future__ import annotations

import sys

from tests.emergency.blind_em1 import measure, report

SETS = {
    "1": ("em2_blind.csv", "em2_ordinary.csv"),
    "2": ("em2_blind2.csv", "em2_blind2_ordinary.csv"),
}

if __name__ == "__main__":
    report(measure(*SETS[sys.argv[1] if len(sys.argv) > 1 else "1"]))
