"""Leaks found by the rt2 red-team set on its first run (tests/gateway/heldout_prompts_21.py,
heldout_residents_21.py; docs/benchmarks.md §3 "Red team rt2"), each written here as a variant
the set did not hold (other names, numbers and wording), and the ordinary text each new rule
must leave readable, including the three over-masks rt1 left."""

from __future__ import annotations

import pytest

from jichitai_ai.privacy import DEFAULT_CONFIG, Detector, EntityType, MaskingSession


@pytest.fixture(scope="module")
def detector() -> Detector:
    """The profile the gateway and the question log use (strict)."""
    return Detector(DEFAULT_CONFIG)


def _masked(detector: Detector, text: str) -> str:
    return MaskingSession().mask(text, detector.detect(text)).text


# (text, what must not be visible once masked)
LEAKS = [
    # phone numbers read aloud, in katakana, hiragana, half-width kana and English
    ("折り返しは ゼロナナゼロ の サンイチニー の ヨンゴーロクナナ とのこと", "サンイチニー"),
    ("でんわ ぜろきゅうぜろ いちいちにー さんさんよんよん です", "さんさんよんよん"),
    ("ﾃﾞﾝﾜ ｾﾞﾛﾊﾁｾﾞﾛ ﾛｸﾛｸﾅﾅﾊﾁ ｷｭｰｷｭｰｲﾁｲﾁ", "ﾛｸﾛｸﾅﾅﾊﾁ"),
    ("call me on zero nine zero, one one two two, three three four four", "three three"),
    # every dot of an e-mail spelled out
    ("連絡は k.tamura at example dot co dot jp まで", "tamura"),
    ("mail: hanako ドット sato アット example ドット jp", "example"),
    # birth cues in kana or Korean after the date; a date read aloud in hiragana
    ("うちの こは R3.7.7うまれ です", "R3.7.7"),
    ("딸이 2020.3.14생이에요", "2020.3.14"),
    ("せいねんがっぴは へいせい12ねん4がつ1にち です", "4がつ1にち"),
    # kana names known only by what is said around them
    ("「まひろのパパです。保育園の送迎の件で」", "まひろ"),
    ("Hinata no mama desu. hoikuen no koto", "Hinata"),
    ("名簿\n1. いろは（H29.4.2）\n2. かなた（R1.12.1）", "いろは"),
    ("名簿\n1. いろは（H29.4.2）\n2. かなた（R1.12.1）", "R1.12.1"),
    ("・はしる（H30.1.9）", "はしる"),
    ("今朝、すすむくんが熱を出しました", "すすむ"),
    ("「ゆいとです！ 保育園のことで」", "ゆいと"),  # rt1's last leak: 「こはねです😊
    ("おなまえ：まつばら のどか", "まつばら"),
    ("えっと、ほりごめの、けいたです、よろしく", "ほりごめ"),
    ("えっと、ほりごめの、けいたです、よろしく", "けいた"),
    ("〒123-4567 本町三丁目五番地 の いわぶち です。", "いわぶち"),
    # rōmaji in Japanese text: a rōmaji label, capitals, a rōmaji address after jusho
    ("受付メモ namae: sugawara kotone / tel あり", "sugawara"),
    ("搬送者：ＹＯＳＨＩＫＡＷＡ ＭＩＤＯＲＩ、意識あり", "ＭＩＤＯＲＩ"),
    ("jusho: minami-machi kitayama 12-4-8 です", "12-4-8"),
    # Latin names: after a greeting + "this is", after "I am", an alias, the rest of a name
    ("Hello, this is Dagny Solberg from the second floor.", "Solberg"),
    ("Hi, I am Oyelaran, can I get a tax certificate?", "Oyelaran"),
    ("署名：Min-jun Park / 박민준", "Park"),
    ("妻 Keiko Albuquerque です", "Albuquerque"),
    ("Contact: O'Brien, Siobhan", "Siobhan"),
    # Chinese and Korean self-introductions and kin
    ("我是诸葛明月，想问一下", "诸葛明月"),
    ("我的名字是上官 静怡，邮箱如下", "上官"),
    ("안녕하세요. 윤서아예요. 문의드립니다", "윤서아"),
    ("우리 아이 도윤이가 아파요", "도윤"),
    ("주소: 미나미마치 3-5-12 입니다", "3-5-12"),
    # a class word between 手帳番号 and 第…号
    ("手帳番号 A 第１８８０２号 を確認", "18802"),
    ("療育手帳の番号 緑 第40211号", "40211"),
    # a title opening a Latin run
    ("Ms Ekwueme from the school called", "Ekwueme"),
]


@pytest.mark.parametrize(("text", "hidden"), LEAKS)
def test_rt2_leak_is_masked(detector: Detector, text: str, hidden: str) -> None:
    assert hidden not in _masked(detector, text), _masked(detector, text)


# Ordinary text the new rules must leave readable (やさしい日本語, chat, English, numbers).
READABLE = [
    ("わたしは がくせい です", "がくせい"),  # rt1's over-mask: a subject + a noun, no name
    ("わたしは かいしゃいん です。", "かいしゃいん"),
    ("我住在青叶区，垃圾怎么扔？", "青叶区"),  # rt1's over-mask: 叶 of 青葉区 in Chinese
    ("我想去仙台市青叶区的区役所", "青叶区"),
    ("我的手机号是090-5518-2204，请给我回电话", "我的手机号是"),  # 的手 read as a surname
    ("The Tax Office sent me a letter", "Tax Office"),  # rt1's over-mask
    ("Please write to The Welfare Office.", "Welfare Office"),
    ("受付番号 022-3345-9012 の件", "022-3345-9012"),
    ("サンゴとイチゴとゴマ、ニンジン", "サンゴ"),
    ("ごみ の ママ さんへ", "ごみ"),
    ("「いまからです😊」", "いまから"),
    ("きょうは やすみです。", "やすみ"),
    ("しんぱいです。", "しんぱい"),
    ("こどものママが来ました", "こども"),
    ("クラスのパパたち", "クラス"),
    ("1. もちもの（R6.4.1まで）", "もちもの"),
    ("あかちゃんが ないています", "あかちゃん"),
    ("おばあちゃんが きます", "おばあちゃん"),
    ("じどうてあての しんせい わすれました", "しんせい"),
    ("안녕하세요. 문의드립니다", "문의"),
    ("우리 아이 학교는 어디예요?", "학교"),
    ("我是公司职员，住在这里", "公司职员"),
    ("我是留学生，想问一下", "留学生"),
    ("I am Japanese and I live in Aoba.", "Japanese"),
    ("UEFA EURO 2012 の会場", "EURO"),
    ("東京都 の まち です", "まち"),
    ("Hi, this is the tax office.", "tax office"),
    ("Health Center / 保健センター", "保健センター"),
]


@pytest.mark.parametrize(("text", "visible"), READABLE)
def test_rt2_ordinary_text_stays_readable(detector: Detector, text: str, visible: str) -> None:
    assert visible in _masked(detector, text), _masked(detector, text)


def test_an_organisation_with_its_japanese_name_is_no_person(detector: Detector) -> None:
    for text in ("Aoba City / 青葉市", "Tax Office / 税務署", "Health Center / 保健センター"):
        assert EntityType.PERSON not in {e.type for e in detector.detect(text)}, text


def test_spoken_phone_is_a_phone(detector: Detector) -> None:
    found = detector.detect("携帯は ゼロハチゼロ イチイチニーニー サンサンヨンヨン です")
    assert [e.type for e in found] == [EntityType.PHONE]


def test_bracketed_date_after_a_person_is_a_birthdate(detector: Detector) -> None:
    found = detector.detect("名簿：たまき ゆい（R2.10.10）、かわせ りく（R3.1.5）")
    assert sum(1 for e in found if e.type is EntityType.BIRTHDATE) == 2
