"""A surface found in one text of a conversation is masked in every other
(privacy/_conversation.py; held-out set 12, tests/gateway/heldout_prompts_12.py)."""

from __future__ import annotations

from jichitai_ai.privacy import Detector, EntityType
from jichitai_ai.privacy._conversation import spread_across_texts


def _spread(texts: list[str]) -> list[set[str]]:
    detector = Detector()
    groups = spread_across_texts(texts, [detector.detect(t) for t in texts])
    return [{e.text for e in g if e.type is not EntityType.SENSITIVE} for g in groups]


def test_bare_name_in_a_later_turn_and_in_tool_arguments() -> None:
    first, args, later = _spread(
        ["届出人 Liu Yang 様、住所は不明", '{"name": "Liu Yang"}', "越智 康弘さんの件。Yangさんへ"]
    )
    assert "Liu Yang" in first and "Liu Yang" in args and "Yang" in later


def test_surname_spreads_but_not_inside_longer_latin_words() -> None:
    texts = [
        "担当は鰐淵 康弘さん、Marco Rossi さん",
        "鰐淵に連絡。ファイル名 RossiReport と marcopolo",
    ]
    detector = Detector()
    _, later = spread_across_texts(texts, [detector.detect(t) for t in texts])
    spread = {e.text for e in later if e.source == "conversation"}
    assert spread == {"鰐淵"}


def test_no_personal_data_no_spread() -> None:
    texts = ["ごみの出し方を教えて", "粗大ごみは？"]
    assert _spread(texts) == [set(), set()]


def test_phone_number_split_across_turns() -> None:
    from jichitai_ai.privacy._conversation import split_phones

    texts = ["電話番号は090から始まって、続きは", "3318-2270です。案内文を", "ありがとう"]
    head, tail, last = split_phones(texts)
    assert [e.text for e in head] == ["090"] and [e.text for e in tail] == ["3318-2270"]
    assert last == []
    # No cue, or too few digits in all: nothing.
    assert split_phones(["会議は0時から", "15分です"]) == [[], []]
    assert split_phones(["電話は03", "12です"]) == [[], []]
