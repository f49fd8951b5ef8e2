"""Red team rt11 (docs/benchmarks.md §3, "Red team rt11"): leaks set 28 found, fixed by general
rules, as variants set 28 does not hold (other names, numbers and wording), plus look-alikes
that must stay readable next to every rule. Names and numbers here were made up for this file."""

from __future__ import annotations

import pytest

from jichitai_ai.privacy import EntityType, detect_message

from .test_redteam_rt10b import _masked

HIDDEN = [
    # 個人番号 + a mistyped number: the whole number, not a record id over its first group
    ("個人番号は 5521 0934 7718 です。", ["0934", "7718"]),
    ("個人番号：９９０２　１１４５　６０３８", ["１１４５", "６０３８"]),
    # spoken digits in Portuguese, Spanish and Tagalog, figures among the words
    ("meu celular é zero nove zero, três três um dois, oito oito sete sete", ["oito oito"]),
    ("mi teléfono es cero ocho cero 5512 3349", ["5512"]),
    ("ang numero ko ay zero-walo-zero 3321 6654", ["3321"]),
    # an OCR'd phone broken over lines: spaced digits and a group per line
    ("電話番号\n0 7 0 -\n2 2 1 8 - 4 4 0 3", ["2 2 1 8", "4 4 0 3"]),
    ("TEL 080\n2211\n5478", ["2211", "5478"]),
    # birth words in Portuguese and Tagalog (and a Tagalog month), kin words before the name
    ("Meu filho Gustavo nasceu em 03/11/2016.", ["Gustavo", "03/11/2016"]),
    ("ang anak ko na si Mary Grace ay ipinanganak noong Hulyo 9, 2018", ["Mary Grace", "Hulyo"]),
    ("Minha mãe Benedita mora comigo.", ["Benedita"]),
    ("Mero chhora Sujan lai school ma", ["Sujan"]),
    # an era letter and a year before 生
    ("対象：鵜沢 公平（S45生）", ["S45"]),
    # a kanji-numeral date under a 生年 column
    ("氏名\t生年\n大関 英子\t昭和三十一年四月", ["昭和三十一年"]),
    # a katakana name's rōmaji in the next cell, the one-syllable surname opening the cell too
    ("ルアン・タイン・フォン\tLUAN THANH PHONG\t技能実習", ["LUAN THANH PHONG"]),
    ("ヴー・ホン・ニュン\tVU HONG NHUNG", ["VU HONG NHUNG"]),
    # a register row: a birthdate and a cell of capitals
    ("TRAN NGOC LAN\t1994/2/8生\t留学", ["TRAN NGOC LAN"]),
    ("DOAN KIM PHUONG\t生年月日 1994/2/8", ["DOAN KIM PHUONG"]),
    # the katakana reading in brackets after a name in capitals found late
    ("氏名欄の書き方：KHATIWADA SUNITA（カティワダ スニタ）", ["カティワダ"]),
    # a roster one name a line, next to a found person
    ("名簿\n佐伯 俊介\nトン・ニュー・ハー", ["トン"]),
    # the line after a mail's signature rule
    ("--\n豊橋 陸\nriku@example.jp", ["陸"]),
    # a Latin name opening a message before です; self-introductions in residents' languages
    ("Ｍａｒｉｓｏｌ Ｔｏｒｒｅｓ です。窓口に行きます", ["Ｍａｒｉｓｏｌ"]),
    ("Tôi tên là Đặng Văn Hải.", ["Đặng"]),
    ("Rosalind Torres です。", ["Rosalind"]),
    # a town and its block in two cells; an English address with the 丁目 first
    ("佐伯 俊介\t緑町\t3-12-8", ["3-12-8"]),
    ("I live at 2-chome 4-9 Minamidai, my name is Ana.", ["4-9"]),
]

VISIBLE = [
    ("アルツハイマー型認知症の家族会", ["アルツハイマー"]),
    ("久光製薬のサロンパスを救護所に。佐伯 俊介", ["サロンパス"]),
    ("Google Chrome です。", ["Google Chrome"]),
    ("参加者\n佐伯 俊介\nスポーツ・クラブ", ["スポーツ・クラブ"]),
    ("---\n青葉市 市民課\n内線 1127", ["市民課"]),
    ("Si Dios quiere, voy.", ["Dios"]),
    ("My father is here. Mi padre es muy mayor.", ["father", "padre"]),
    ("S38年度の予算", ["S38"]),
    ("山田 太郎\tNPO JICA\t会員", ["NPO JICA"]),
    ("ANNUAL REPORT\t生年月日 1999/3/3", ["ANNUAL REPORT"]),
]


@pytest.mark.parametrize(("text", "words"), HIDDEN)
def test_hidden(text: str, words: list[str]) -> None:
    masked = _masked(text)
    assert not [w for w in words if w in masked], masked


@pytest.mark.parametrize(("text", "words"), VISIBLE)
def test_visible(text: str, words: list[str]) -> None:
    masked = _masked(text)
    assert all(w in masked for w in words), masked


@pytest.mark.parametrize(
    "text",
    [
        "個人番号は 5521 0934 7718 です。",
        "OCR：個 人 番 号 3 8 0 2 6 6 1 9 4 0 5 7",
        "マイナンバーは ろくろくにーいち よんさんきゅーはち いちいちごーろく です",
    ],
)
def test_mistyped_my_number_is_a_my_number(text: str) -> None:
    """A labelled 12-digit number with a wrong check digit is still somebody's 個人番号 (the
    gateway refuses it), in figures, spaced out by OCR or read aloud in kana."""
    assert any(e.type is EntityType.MY_NUMBER for e in detect_message(text))


def test_short_number_after_the_label_stays_a_record_id() -> None:
    found = detect_message("個人番号 12345")
    assert [e.type for e in found] == [EntityType.CASE_NUMBER]


def test_maker_staff_with_an_honorific_stay_masked() -> None:
    assert "マリア" not in _masked("ヤマト運輸のマリアさんから電話")
