"""Blind set em1 (issue 12 item 4): emergencies in kinds and phrasings the triggers may not know
(gas smell, carbon monoxide, a child missing, swept away by a river, a child locked in a hot car,
suicidal hints said indirectly, typos, hiragana only, romaji) and service questions that carry the
same words (ガス料金, 救急病院, 迷子札, 土砂災害警戒区域, ambulance fee …).

Written and committed before the detector first ran on it. Figures per language:

    PYTHONPATH=src:. python -m tests.emergency.blind_em1      # set 1
    PYTHONPATH=src:. python -m tests.emergency.blind_em1 2    # set 2 (written after set 1's fixes)
"""

from __future__ import annotations

import sys
from collections import Counter
from dataclasses import dataclass, field

from jichitai_ai.emergency import EmergencyKind, detect_emergency
from tests.emergency.corpora import HERE, _rows

EMERGENCIES = "em1_blind.csv"
ORDINARY = "em1_ordinary.csv"
#: The second set, written after the first fixes and committed before its first run.
SETS = {"1": (EMERGENCIES, ORDINARY), "2": ("em1_blind2.csv", "em1_blind2_ordinary.csv")}
LANGUAGES = ("ja", "easy", "en", "zh-Hans", "zh-Hant", "ko")


@dataclass
class Figures:
    """Per-language counts: emergencies without a card, card of another kind, false alarms."""

    emergencies: Counter[str] = field(default_factory=Counter)
    missed: Counter[str] = field(default_factory=Counter)
    wrong_kind: Counter[str] = field(default_factory=Counter)
    ordinary: Counter[str] = field(default_factory=Counter)
    false_alarms: Counter[str] = field(default_factory=Counter)
    examples: list[str] = field(default_factory=list)


def measure(emergencies: str = EMERGENCIES, ordinary: str = ORDINARY) -> Figures:
    figures = Figures()
    for row in _rows(HERE / emergencies):
        lang, text = row["language"], row["text"]
        found = detect_emergency(text)
        figures.emergencies[lang] += 1
        if not found:
            figures.missed[lang] += 1
            figures.examples.append(f"missed   {lang:8} {row['kind']:9} {text}")
        elif EmergencyKind(row["kind"]) not in found:
            figures.wrong_kind[lang] += 1
            kinds = ",".join(found)
            figures.examples.append(f"kind     {lang:8} {row['kind']:9} {text} -> {kinds}")
    for row in _rows(HERE / ordinary):
        lang, text = row["language"], row["text"]
        figures.ordinary[lang] += 1
        found = detect_emergency(text)
        if found:
            figures.false_alarms[lang] += 1
            figures.examples.append(f"alarm    {lang:8} {text} -> {','.join(found)}")
    return figures


def report(f: Figures) -> None:
    """Print the per-language table and the examples (used by every blind-set runner)."""
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


def report_situations(blind: str, situations: tuple[str, ...]) -> None:
    """Missed and other-kind counts per situation (of 6 languages): each language lists the
    situations of a set in the same order."""
    missed: Counter[str] = Counter()
    other: Counter[str] = Counter()
    seen: Counter[str] = Counter()
    for row in _rows(HERE / blind):
        situation = situations[seen[row["language"]]]
        seen[row["language"]] += 1
        found = detect_emergency(row["text"])
        if not found:
            missed[situation] += 1
        elif EmergencyKind(row["kind"]) not in found:
            other[situation] += 1
    print("\nsituation                                 missed  other-kind  (of 6)")
    for situation in situations:
        print(f"{situation:40}  {missed[situation]:6}  {other[situation]:10}")


def run_sets(sets: dict[str, tuple[str, str, tuple[str, ...]]]) -> None:
    """Report the set named by the first argument (default ``blind``): rows, look-alikes and
    situations (the runners from em12 on)."""
    rows, ordinary, situations = sets[sys.argv[1] if len(sys.argv) > 1 else "blind"]
    report(measure(rows, ordinary))
    report_situations(rows, situations)


def main() -> None:
    report(measure(*SETS[sys.argv[1] if len(sys.argv) > 1 else "1"]))


if __name__ == "__main__":
    main()
