"""Round 4 (issue 12 item 4): emergencies described the way residents describe them, in six
languages, and the near-topic ordinary questions that must stay FAQ questions.

Sets, each written before the detector first ran on it (first-run figures in
/work/notes/iemg.md and the commit messages): the lead's ``round4_phrasings.csv`` (26/38 caught
on first run); ``round4_adversarial.csv`` (by dispatcher category, 6/107); ``round4_blind.csv``
(written after the situation patterns, 22/57 on its first run); ``round4_blind2.csv`` (written after
the blind set's fixes, 15/36 on its first run); ``round4_blind3.csv`` (after those, 8/34);
``round5_heldout.csv`` (the lead's, kept from the engineer: 20/32 on main, 25/32 and 2 false
alarms in ``round5_ordinary.csv`` on the engineer's final code, before the lead's fixes).
"""

from __future__ import annotations

import pytest

from jichitai_ai.emergency import EmergencyKind, detect_emergency
from tests.emergency.corpora import ordinary_in_repo, ordinary_localgovfaq, phrasings

SETS = (
    "round4_phrasings.csv",
    "round4_adversarial.csv",
    "round4_blind.csv",
    "round4_blind2.csv",
    "round4_blind3.csv",
    "round5_heldout.csv",
)
LANGUAGES = {"ja", "easy", "en", "zh-Hans", "zh-Hant", "ko"}
CASES = [row for name in SETS for row in phrasings(name)]


@pytest.mark.parametrize(("language", "kind", "text"), CASES)
def test_emergency_is_detected_with_its_kind(language: str, kind: str, text: str) -> None:
    assert EmergencyKind(kind) in detect_emergency(text), (language, text)


@pytest.mark.parametrize("name", SETS[1:5])
def test_every_kind_in_every_language(name: str) -> None:
    """The engineer's sets (not the lead's two short ones) cover 火事 / 救急 / 事件 / 自殺 / 災害 in all six languages."""
    rows = phrasings(name)
    for language in LANGUAGES:
        kinds = {kind for lang, kind, _ in rows if lang == language}
        assert kinds == set(EmergencyKind), (name, language)


@pytest.mark.parametrize(
    "text",
    [
        # round-3 resident set phrasings missed before round 4
        "くるまに ひかれた ひとが いる",
        "地震後房子倒了，有人被壓在下面",
    ],
)
def test_round3_misses_are_caught(text: str) -> None:
    assert detect_emergency(text)


def _ordinary() -> dict[str, list[str]]:
    return {**ordinary_in_repo(), **ordinary_localgovfaq()}


#: Rows of the resident sets that expect an FAQ answer but get a card, each a judgement left
#: open. Round 15 (i12an, blind): violence by a partner told as a pattern (〜たりする) with
#: 「どこに相談」 gets the crime card (110); the set expected the prefecture's DV entry. A card is
#: defensible for ongoing DV; not changed this stop (docs/benchmarks.md §7.44).
KNOWN_CARDS = [
    ("fresh_round15.csv", "彼氏に殴られたりスマホを勝手に見られたりする。どこに相談したらいい"),
]


def test_no_false_alarm_on_any_ordinary_corpus() -> None:
    """Demo entries and alternatives, every resident set's non-emergency questions, the round-4
    ordinary sets and (when present) the LocalGovFAQ questions: 3,153 texts, no alarm but the
    known cards above (which must still be there: a change to them is a decision to record)."""
    corpora = _ordinary()
    assert sum(len(texts) for texts in corpora.values()) >= 1000
    alarms = [(src, t) for src, texts in corpora.items() for t in texts if detect_emergency(t)]
    assert alarms == KNOWN_CARDS


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a described situation inside a service question is not an emergency …
        ("地震後房屋倒塌可以申請什麼補助", []),
        ("交通事故でけがをした場合の医療費", []),
        ("아이가 넘어져서 다쳤는데 병원비 지원 되나요", []),
        ("Is there a subsidy for people whose house was flooded?", []),
        # … but suicidal words always are, whatever else the text asks
        ("死にたい。保険の手続きもわからない", [EmergencyKind.SUICIDE]),
        # and the same situation reported is, even with a question attached
        ("地震で房屋倒塌了，有人在下面", [EmergencyKind.DISASTER]),
        ("川の水が家に入ってきた、避難所はどこ", [EmergencyKind.DISASTER]),
        ("The basement is filling with water, where is the shelter?", [EmergencyKind.DISASTER]),
        ("火事です！避難所はどこ", [EmergencyKind.FIRE]),
        ("孩子被车撞了，最近的医院在哪里", [EmergencyKind.MEDICAL]),
    ],
)
def test_service_questions_and_reports(text: str, expected: list[EmergencyKind]) -> None:
    assert detect_emergency(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "水道の水が来ていない",  # no water supply, not a flood
        "川があふれそうで心配",  # a worry, asked in the LocalGovFAQ way
        "バスに乗っています",
        "버스를 타고 있어요",  # riding a bus, not a car burning
        "手続きを全部受けられますか",
        "平日は会議に出られない",
        "近所の人とけんかになった",
        "きゅうきゅうしゃは おかねが かかりますか",
        "I can't move my car, the street is blocked",
    ],
)
def test_look_alikes_stay_ordinary(text: str) -> None:
    assert detect_emergency(text) == []
