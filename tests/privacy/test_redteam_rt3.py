"""Leaks found by the rt3 red-team set on its first run (tests/gateway/heldout_prompts_22.py,
heldout_residents_22.py; docs/benchmarks.md §3 "Red team rt3"), each written here as a variant
the set did not hold (other names, numbers and wording), and the ordinary text each new rule
must leave readable, including the over-masks rt2 left (けんしん, げんきです, "The City Hall",
저는 문의가)."""

from __future__ import annotations

import pytest

from jichitai_ai.privacy import Detector, EntityType, redact

from .test_redteam_rt2 import _masked, detector  # noqa: F401 (fixture: the strict profile)

# (text, what must not be visible once masked)
LEAKS = [
    # a name cut by a PDF column's line break before its honorific
    ("議事録より。要望は東町在住の鴫\n原氏から出された", "鴫"),
    # readings in brackets: between surname and given name, after a name, other spellings
    ("𣘺田（はしだ）奏多さんの出生届", "𣘺田"),
    ("卜（ボク）ミンジュです。", "ミンジュ"),
    ("児童 笹目 陽葵さん（ささめ ひまり、2年3組）", "ささめ"),
    ("申請者：汪 静雯（オウ・セイブン／Wang Jingwen）さん", "Jingwen"),
    # a ふりがな line of a printed form, label spaced from the value
    ("氏　名　　樋熊 咲良\nフリガナ　　ヒグマ サクラ\n", "ヒグマ"),
    # one-kanji surname spaced from a given name, and again with another given name
    ("研修生 仝 浩然さん（旅券あり）", "仝"),
    ("閆 麗華（えん れいか）さんと閆 俊傑さんの世帯", "俊傑"),
    # passports and a passport's machine-readable zone
    ("旅券番号：TZ1048377 を控えた", "1048377"),
    ("My passport no. is EB4412093.", "4412093"),
    ("P<JPNKUWAHARA<<MISAKI<<<<<<<<<<<<<<<<<<<<<<<", "KUWAHARA"),
    ("MU17284051JPN8807215F3204119<<<<<<<<<<<<<<06", "MU1728405"),
    # 記号・番号 written digit by digit in 漢数字
    ("保険証 記号 三九〇二 番号 七七 の方", "三九〇二"),
    # phone numbers with ／, ・ or a bracketed middle group after a space
    ("電話 0294／22／1587 まで", "1587"),
    ("携帯 ０９０・７７１２・４４０３", "４４０３"),
    ("TEL 090 (3315) 7720", "7720"),
    # 〒 and e-mail spaced by OCR
    ("〒 9 1 0 - 0 8 5 4 福井", "0 8 5 4"),
    ("kazu.mine ＠ example . co . jp 宛", "kazu.mine"),
    # birthdates: two-digit year with a cue, year-month + 出生, Korean 태어났, capital months
    ("生年月日 92/07/15 の方", "92/07/15"),
    ("她2017年11月出生，想上幼儿园", "2017年11月"),
    ("아들은 2019년 6월 21일에 태어났어요", "2019년 6월 21일"),
    ("DOB: 21 MAR 1987", "21 MAR 1987"),
    # number plates with ・ for a blank digit
    ("車両 練馬 300 ち 5・06 の件", "5・06"),
    # addresses: a block spaced from its town, 丁目 + 番 without 号, English "I live at"
    ("すんでいる ところは さくら町 ２－９－５ です", "２－９－５"),
    ("会議で二丁目7番のごみ置き場が話題に", "二丁目7番"),
    ("I live at Unit 3, Maple House, 5-2-8 Higashiyama. Thanks", "5-2-8"),
    # English: I'm + name, X's father, a signature after a dash
    ("I'm Obinna Chukwu, and I need a form.", "Chukwu"),
    ("This is Sakura's mother. Sakura is sick today.", "Sakura"),
    ("Thanks — Ingrid Halvorsen, about the bus pass", "Halvorsen"),
    # Chinese kin + a spaced name; Korean name spaced or in brackets
    ("我丈夫 邱 文彬，在市役所工作", "文彬"),
    ("我是上官 婉儿的爸爸，想问一下", "婉儿"),  # 我是钟离 思远的母亲 left 远 visible
    ("문의: 080-1111-2222 (하 지민)", "지민"),
    ("제 이름은 엄 서준 입니다", "서준"),
]


@pytest.mark.parametrize(("text", "hidden"), LEAKS)
def test_rt3_leak_is_masked(detector: Detector, text: str, hidden: str) -> None:  # noqa: F811
    assert hidden not in _masked(detector, text), _masked(detector, text)


def test_a_split_my_number_is_masked_in_stored_text() -> None:
    """The gateway refused a 個人番号 written over three lines, but the question log stored it:
    stored text now gets the same split-number check."""
    stored = redact("個人番号\n4563\n4708\n7223\nの書き方")
    assert "4708" not in stored and "の書き方" in stored


# Ordinary text the new rules must leave readable (やさしい日本語, forms, English, numbers).
READABLE = [
    ("けんしんの よやくを したいです", "けんしん"),  # rt2's over-masks
    ("げんきです。ありがとう", "げんき"),
    ("Where is The City Hall?", "The City"),
    ("저는 문의가 있어요", "문의가"),
    ("よぼうせっしゅは どこで しますか", "せっしゅ"),
    ("しんさの けっかは いつ わかりますか", "しんさ"),
    ("住民票（じゅうみんひょう）を ください", "じゅうみんひょう"),
    ("市（し）ホームページです", "ホームページ"),
    ("ヌールさん（きょうだい）の件", "きょうだい"),
    ("田中さん（長男）が来庁", "長男"),
    ("出生届は2019年3月出生届の様式で", "出生届の様式"),
    ("受付 2024/12/01 10:30", "2024/12/01"),
    ("This is Aoba City Hall.", "Hall"),
    ("I'm Japanese, and I live in Aoba.", "Japanese"),
    ("担当\n山田さんへ", "担当"),
    ("議事録 第3回 2丁目 の件", "2丁目"),
    ("駒生町3337−１　028－652－0917", "【住所1】\u3000【電話番号1】"),  # no block over a phone
]


@pytest.mark.parametrize(("text", "visible"), READABLE)
def test_rt3_ordinary_text_stays_readable(detector: Detector, text: str, visible: str) -> None:  # noqa: F811
    assert visible in _masked(detector, text), _masked(detector, text)


def test_a_bracketed_country_is_no_reading(detector: Detector) -> None:  # noqa: F811
    found = detector.detect("ドルジさん（モンゴル）とアマラさん（ナイジェリア）の通訳")
    assert not any(
        e.type is EntityType.PERSON and e.text in ("モンゴル", "ナイジェリア") for e in found
    )
