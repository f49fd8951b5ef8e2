"""Red team rt7 (docs/benchmarks.md §3, "Red team rt7"): each leak and over-mask of set 24 as a
*variant* the set does not hold (other names, numbers and wording), plus adversarial text that
must stay readable next to every rule. Names here were made up for this file."""

from __future__ import annotations

import pytest

from jichitai_ai.privacy import EntityType, detect, detect_message
from jichitai_ai.privacy._canonical import canonicalize
from jichitai_ai.privacy._masking import MaskingSession


def _masked(text: str) -> str:
    return MaskingSession().mask(text, detect_message(text)).text


def _persons(text: str) -> list[str]:
    return [e.text for e in detect(text) if e.type is EntityType.PERSON]


# --- over-masks: offices named after a place, native words in katakana, imperatives ---------
READABLE = [
    # a place before 市役所/区役所/町役場/支店 names the office (the demo request's あおば市役所)
    ("あおば市役所 環境課 御中", "あおば市役所"),
    ("ひばり市役所の窓口で聞きました", "ひばり市役所"),
    ("みなみ町役場に電話した", "みなみ町役場"),
    ("口座は横浜銀行 鶴見支店です", "鶴見支店"),
    ("つばさ区役所の子育て支援課", "つばさ区役所"),
    # a katakana word whose dictionary form is kanji is a Japanese word, not a foreign name
    ("カラスがごみを散らかしています", "カラス"),
    ("キツネが庭に来ました", "キツネ"),
    ("ネズミが天井裏を走ります", "ネズミ"),
    ("ヌートリアが畑に出ます", "ヌートリア"),
    ("セアカゴケグモを見つけたら", "セアカゴケグモ"),
    # an imperative opening the sentence is no first name
    ("Contact Mynaportal needed", "Contact Mynaportal"),
    ("Use Kifukin registered before March", "Use Kifukin"),
    ("Visit Hoikuen listed below", "Visit Hoikuen"),
    # a title after the wrapped surname, a time word before a spaced name
    ("担当 山田\n課長\n以上", "課長"),
    ("総務 課長様へ", "総務 課長様"),
    ("市民 皆様へのお知らせ", "市民 皆様"),
    ("本日 花子ちゃん向けの絵本", "本日"),
    # やさしい日本語: a count is no child's name, a common loanword no kin's name
    ("子どもは ふたりと いぬ です", "ふたりと いぬ"),
    ("こどもの ワクチン は いつ ですか", "ワクチン"),
    # a lower-case code without a residence-card label; a date after 同 without a 和暦 row
    ("型番 ab12345678cd の部品です", "ab12345678cd"),
    ("2024年4月1日施行、同 25年4月1日改正", "同 25年4月1日"),
    # a percent sign and angle brackets that are no encoding and no tag
    ("達成率は100%です <樽見さんへ>", "100%"),
]


@pytest.mark.parametrize(("text", "word"), READABLE)
def test_a_look_alike_stays_readable(text: str, word: str) -> None:
    assert word in _masked(text), _masked(text)


def test_the_demo_request_keeps_its_office_and_the_crow() -> None:
    from jichitai_ai.demo.review_queues import HELD_TEXT

    masked = _masked(HELD_TEXT)
    assert "あおば市役所" in masked and "カラス" in masked and "環境課" in masked
    assert "山田花子" not in masked and "090-1234-5678" not in masked


def test_a_title_after_an_office_word_keeps_the_name_masked() -> None:
    # 支店長, 局長: the office word is a title here, the name before it is a person
    assert "山田" not in _masked("山田 太郎支店長に伝えます")
    assert "鈴木" not in _masked("鈴木郵便局長が来た")


# --- leaks: each as a variant of what set 24 held ------------------------------------------
HIDDEN = [
    # 姓 名 + honorific, neither half a dictionary name
    ("苦情の主は 手洗 大道殿です", ["手洗", "大道"]),
    ("来所：鳥羽田 正道さん", ["鳥羽田", "正道"]),
    # HTML character references, tags between cells, percent-encoded UTF-8
    ("氏名 &#x9BAB;&#x5CF6; &#x8302;", ["&#x9BAB;&#x5CF6;", "&#x8302;"]),
    ("氏名 &#39891;&#23798; 茂 様", ["&#39891;&#23798;"]),
    ("<tr><td>蛯原</td><td>さなえ</td></tr>", ["蛯原", "さなえ"]),
    ("https://example.jp/f?name=%E8%9B%AF%E5%8E%9F%20%E3%81%95%E3%81%AA%E3%81%88", ["%E8%9B%AF"]),
    # 姓/名 in separate CSV columns
    ("姓,名,電話\n久住,歩,03-3345-1187", ["歩"]),
    # a surname wrapped onto the next line, a 丁目 address whose 番地 wraps
    ("氏名　渡\n部 ちなつ\n電話", ["部 ちなつ", "ちなつ"]),
    ("住所　若草町二丁目\n１８番地\n電話", ["１８番地"]),
    # a hiragana given name SudachiPy cut inside the word
    ("妻 杉邉 ほのか、子 杉邉 ゆうり", ["ほのか"]),
]


@pytest.mark.parametrize(("text", "parts"), HIDDEN)
def test_a_set24_style_variant_is_masked(text: str, parts: list[str]) -> None:
    masked = _masked(text)
    assert not [p for p in parts if p in masked], masked


NUMBERS = [
    ("在留カード番号は xy90817263ab です", "90817263"),
    ("ざいりゅうカード ｑｗ１２３４５６７８ｅｒ", "１２３４５６７８"),
    ("保険証の記号は 7731、番号は 8、枝番 03", "記号は 7731"),
    ("保険証 記号 22-101 番号 77 枝番は 01", "枝番は 01"),
    ("ゆうちょ 記号 13960-1 番号 20441187", "20441187"),
    ("世帯主\t平成元年1月9日\n長女\t〃 3年5月5日", "3年5月5日"),
    ("생일은 1988년 11월 2일이에요", "11월 2일"),
    ("우리 딸 민 서연 은 2019년 5월 30일생이에요", "5월 30일"),
]


@pytest.mark.parametrize(("text", "visible"), NUMBERS)
def test_a_number_or_date_variant_is_masked(text: str, visible: str) -> None:
    assert visible not in _masked(text), _masked(text)


def test_the_branch_number_of_an_insurance_card_is_masked() -> None:
    masked = _masked("保険証の記号は 7731、番号は 8、枝番 03 です")
    assert "番号は 8" not in masked and "枝番 03" not in masked and "7731" not in masked
    assert "保険証の記号は" in masked and "です" in masked


PEOPLE = [
    ("わたしは グエン ヴァン ミン です。", ["グエン ヴァン ミン"]),
    ("むすめの リーナ は 3さい です", ["リーナ"]),
    ("子どもは ゆずか と あさひ です", ["ゆずか", "あさひ"]),
    ("Thank you for checking. — Oyelowo", ["Oyelowo"]),
    ("우리 아이 표 하윤 은 감기예요", ["표 하윤"]),
    # a place reading inside 姓 名 no longer wins over the name (隼人, 大和 are towns)
    ("夫 髙城 大和、妻 髙城 ゆい、若草町３丁目５番２号です", ["髙城"]),
]


@pytest.mark.parametrize(("text", "names"), PEOPLE)
def test_a_person_variant_is_masked(text: str, names: list[str]) -> None:
    masked = _masked(text)
    assert not [n for n in names if n in masked], masked


def test_an_english_room_address_before_a_postal_code_is_masked() -> None:
    # a postal code after the town made the whole address lose the overlap (set 24)
    masked = _masked("Send it to Flat 3B, 2-14-6 Kamiyacho, Osaka 530-0001. Thanks")
    assert "2-14-6" not in masked and "Kamiyacho" not in masked and "530-0001" not in masked


def test_decoded_markup_maps_back_to_the_original_characters() -> None:
    text = "x&#x7530;y%E5%A4%AAz"
    canon = canonicalize(text)
    assert canon.text == "x田y太z"
    start, end = canon.span(1, 2)
    assert text[start:end] == "&#x7530;"
    start, end = canon.span(3, 4)
    assert text[start:end] == "%E5%A4%AA"
    # a run of tags is one space (a line break for block tags): cells read like spaced words
    assert canonicalize("<td>ab</td><td>cd</td>").text == " ab cd "
    assert canonicalize("ab<br>cd").text == "ab\ncd"


def test_a_tag_look_alike_is_left_as_written() -> None:
    # <nick> of IRC logs and <mail@example.jp> are no HTML: nothing to decode
    for text in ("<樽見> 了解です", "<a.b@example.jp> より", "<Ana Rodriguez> wrote"):
        assert canonicalize(text).text == text
