"""やさしい日本語 written in the tenant's kanji (text.kana_kanji), for the outside-topics check."""

from __future__ import annotations

from jichitai_ai.text.kana_kanji import KanaKanji

READINGS = {
    "携帯電話": "けいたいでんわ",
    "契約": "けいやく",
    "住民票": "じゅうみんひょう",
    "住民": "じゅうみん",
    "市長": "しちょう",
    "市町": "しちょう",
    "一回": "いっかい",
}
TEXTS = [
    "携帯電話の契約について",
    "携帯電話で申し込み、契約します",
    "住民票の写し",
    "住民票がほしい",
    "住民の方",
    "住民税",
    "市長の部屋 市長室",
    "市町の境 市町村",
    "一回だけの手続",
]


def _reading(text: str) -> str:
    return READINGS.get(text, text)


def test_hiragana_words_take_the_tenants_kanji() -> None:
    kk = KanaKanji(TEXTS, _reading)
    assert kk.convert("けいたいでんわの けいやくを したいです") == "携帯電話の 契約を したいです"
    # Longest reading first: じゅうみんひょう, not じゅうみん + ひょう.
    assert kk.convert("じゅうみんひょうが ほしい") == "住民票が ほしい"


def test_only_unambiguous_known_words_at_a_word_start() -> None:
    kk = KanaKanji(TEXTS, _reading)
    # Two compounds read しちょう (市長, 市町): left alone.
    assert kk.convert("しちょうに あいたい") == "しちょうに あいたい"
    # Once in the texts only (一回): no vocabulary.
    assert kk.convert("いっかい だけ") == "いっかい だけ"
    # Inside a word (…けいやく without a word start): not replaced.
    assert kk.convert("ほけいやく") == "ほけいやく"
    # Kanji, katakana and other scripts pass through.
    assert kk.convert("住民票 マイナ card") == "住民票 マイナ card"
    assert len(KanaKanji([], _reading)) == 0
    assert KanaKanji([], _reading).convert("けいやく") == "けいやく"
