"""Red-team formatting bypasses (issue 9): every one is detected after canonicalisation and
the span maps back to the original characters."""

from __future__ import annotations

import base64

import pytest

from jichitai_ai.privacy import MASKED_BY_DEFAULT, Detector, MaskingSession, detect
from jichitai_ai.privacy._canonical import canonicalize
from jichitai_ai.privacy._split_numbers import scan_encoded, scan_split_numbers
from jichitai_ai.privacy.checksums import (
    is_valid_resident_code,
    my_number_check_digit,
    resident_code_check_digit,
)

NUMBER = "12345678901" + str(my_number_check_digit("12345678901"))  # a valid 個人番号
KANJI = "〇一二三四五六七八九"


def _kanji(digits: str) -> str:
    return "".join(KANJI[int(d)] for d in digits)


def _spaced(sep: str) -> str:
    return sep.join([NUMBER[:4], NUMBER[4:8], NUMBER[8:]])


MY_NUMBER_BYPASSES = {
    "nbsp": f"マイナンバーは{_spaced(chr(0xA0))}です",
    "zwsp": f"マイナンバーは{_spaced(chr(0x200B))}です",
    "zwsp_every_digit": "マイナンバーは" + "\u200b".join(NUMBER) + "です",
    "soft_hyphen": f"マイナンバーは{_spaced(chr(0xAD))}です",
    "bom_inside": f"マイナンバーは{_spaced(chr(0xFEFF))}です",
    "dots": f"個人番号 {_spaced('.')}",
    "slashes": f"個人番号 {_spaced('/')}",
    "long_vowel": f"個人番号 {_spaced('ー')}",
    "fullwidth": "個人番号 " + NUMBER.translate({ord(d): 0xFF10 + int(d) for d in "0123456789"}),
    "kanji_digits": f"個人番号は{_kanji(NUMBER)}です",
    "arabic_indic_digits": "個人番号 " + "".join(chr(0x0660 + int(d)) for d in NUMBER),
    "one_digit_per_line": "マイナンバーを一桁ずつ書きます\n" + "\n".join(NUMBER),
    "spaced_digits": "マイナンバー " + " ".join(NUMBER),
    "mixed_separators": f"個人番号: {NUMBER[:3]} - {NUMBER[3:7]} . {NUMBER[7:]}",
}


@pytest.mark.parametrize("name", sorted(MY_NUMBER_BYPASSES))
def test_my_number_bypasses_are_detected(detector: Detector, name: str) -> None:
    text = MY_NUMBER_BYPASSES[name]
    found = detect(text) + [e for group in scan_split_numbers([text]) for e in group]
    mine = [e for e in found if e.type.value == "my_number"]
    assert mine, name
    for e in mine:
        assert text[e.start : e.end] == e.text
    masked = MaskingSession().mask(text, [e for e in found if e.type.value == "my_number"])
    digits = "".join(ch for ch in canonicalize(masked.text).text if ch.isdigit())
    assert NUMBER not in digits and "【個人番号1】" in masked.text


def test_my_number_split_across_messages() -> None:
    texts = ["マイナンバーを分けて送ります。前半は " + NUMBER[:6], NUMBER[6:] + " が後半です"]
    groups = scan_split_numbers(texts)
    assert [e.type.value for e in groups[0]] == ["my_number"]
    assert [e.type.value for e in groups[1]] == ["my_number"]
    assert groups[0][0].text == NUMBER[:6] and groups[1][0].text == NUMBER[6:]


def test_my_number_in_base64_block() -> None:
    block = base64.b64encode(f"マイナンバー {NUMBER}".encode()).decode()
    text = f"次の文字列を復号して処理してください: {block}"
    [entity] = scan_encoded(text, detect, MASKED_BY_DEFAULT)
    assert entity.type.value == "my_number" and entity.text == block
    plain = base64.b64encode("ごみの出し方を教えて".encode()).decode()
    assert scan_encoded(f"内容: {plain}", detect, MASKED_BY_DEFAULT) == []


def test_receipt_number_is_masked_not_refused(detector: Detector) -> None:
    # 受付番号 202406010009 passes the 個人番号 check digit (the example).
    assert NUMBER != "202406010009"
    for text in ("受付番号 202406010009 の件", "マイナンバーカードの受付番号 202406010009"):
        [entity] = detector.detect(text)
        assert entity.type.value == "id_number"


PHONES = [
    "０９０ー１２３４ー５６７８",
    "090ー1234ー5678",
    "090－1234－5678",
    "(090)1234-5678",
    "（０９０）１２３４－５６７８",
    "090 1234 5678",
    "0 9 0 1 2 3 4 5 6 7 8",
    "090\u00a01234\u00a05678",
    "090\u200b1234\u200b5678",
    "〇九〇ー一二三四ー五六七八",
    "03ー1234ー5678",
]


@pytest.mark.parametrize("phone", PHONES)
def test_phone_formats_from_the_red_team(detector: Detector, phone: str) -> None:
    text = f"連絡先は{phone}です。"
    found = [e for e in detector.detect(text) if e.type.value == "phone"]
    assert [e.text for e in found] == [phone]


def test_canonical_offsets_map_back() -> None:
    text = "山\u200b田　太郎 ０９０ー１２３４"
    canon = canonicalize(text)
    assert canon.text == "山田 太郎 090-1234"
    start = canon.text.index("090")
    s, e = canon.span(start, len(canon.text))
    assert text[s:e] == "０９０ー１２３４"
    assert canonicalize("ただの文章です。").identity


def test_invisible_characters_do_not_split_names(detector: Detector) -> None:
    text = "山\u200b田\u00ad太郎様に連絡"
    [person] = [e for e in detector.detect(text) if e.type.value == "person"]
    assert person.text == "山\u200b田\u00ad太郎"


def test_resident_code_check_digit() -> None:
    code = "1234567890" + str(resident_code_check_digit("1234567890"))
    assert is_valid_resident_code(code)
    wrong = code[:-1] + str((int(code[-1]) + 1) % 10)
    assert not is_valid_resident_code(wrong)


def test_labelled_resident_code_masked_whatever_its_check_digit(detector: Detector) -> None:
    """The 検査数字 formula is set by the 総務大臣 and was not verified here, so a labelled
    住民票コード must be masked for every possible last digit."""
    for last in range(10):
        code = f"3902148657{last}"
        for text in (
            f"住民票コード {code} の方",
            f"住民票コード：{code[:4]}-{code[4:8]}-{code[8:]}",
        ):
            found = [e for e in detector.detect(text) if e.type.value == "resident_code"]
            assert len(found) == 1 and found[0].text.replace("-", "") == code, text


def test_labelled_my_number_split_by_words() -> None:
    """番号は1234、続きは5678、最後9012です — ordinary words between the pieces."""
    one = f"マイナンバーの番号は{NUMBER[:4]}、続きは{NUMBER[4:8]}、最後{NUMBER[8:]}です"
    [found] = scan_split_numbers([one])
    assert [e.text for e in found if e.type.value == "my_number"] == [
        NUMBER[:4],
        NUMBER[4:8],
        NUMBER[8:],
    ]
    across = [
        "個人番号を伝えます",
        f"最初の4桁は{NUMBER[:4]}です",
        f"真ん中が{NUMBER[4:8]}で",
        f"残りは{NUMBER[8:]}になります",
    ]
    groups = scan_split_numbers(across)
    assert [[e.text for e in g if e.type.value == "my_number"] for g in groups] == [
        [],
        [NUMBER[:4]],
        [NUMBER[4:8]],
        [NUMBER[8:]],
    ]


def test_word_split_needs_a_label_and_the_check_digit() -> None:
    unlabelled = f"番号は{NUMBER[:4]}、続きは{NUMBER[4:8]}、最後{NUMBER[8:]}です"
    wrong = NUMBER[:11] + str((int(NUMBER[11]) + 1) % 10)
    labelled_wrong = f"マイナンバーは{wrong[:4]}、続きは{wrong[4:8]}、最後{wrong[8:]}"
    ordinary = "マイナンバーカードの交付は平日9時から17時、窓口は2階の21番、予約は0120-95-0178へ"
    for text in (unlabelled, labelled_wrong, ordinary):
        [found] = scan_split_numbers([text])
        assert [e for e in found if e.type.value == "my_number"] == [], text
