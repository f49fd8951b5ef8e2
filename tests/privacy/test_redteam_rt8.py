"""Red team rt8 (docs/benchmarks.md §3, "Red team rt8"): each leak and over-mask of set 25 as a
*variant* the set does not hold (other names, numbers, medicines and wording), plus text that
must stay readable or masked next to every rule. Names and words here were made up for this
file or are not in set 25."""

from __future__ import annotations

import pytest

from jichitai_ai.privacy import EntityType, detect_message
from jichitai_ai.privacy._masking import MaskingSession


def _masked(text: str) -> str:
    return MaskingSession().mask(text, detect_message(text)).text


# --- over-masks: what the sentence does with a katakana word makes it a thing ---------------
READABLE = [
    # the を-object of taking, using, buying or removing
    ("ガスターテンを服用中です", "ガスターテン"),
    ("毎晩メイラックスを飲んでいます", "メイラックス"),
    ("リンデロンとヒルドイドを塗ってもいいですか", "ヒルドイド"),
    ("ペンライトラをレンタルしたい", "ペンライトラ"),
    ("庁内でボイスビズを導入する", "ボイスビズ"),
    # で before a verb of using a tool
    ("ヤクセルで翻訳した文章を確認して", "ヤクセル"),
    # の + a head only things have
    ("ザイザルの副作用について", "ザイザル"),
    ("オオスズメガの発生状況", "オオスズメガ"),
    ("ヒヨドリのフンで困っています", "ヒヨドリ"),
    # a list compared or combined
    ("アレグラとクラリチンの違いを教えて", "クラリチン"),
    # the topic of taking a medicine with a kind of taker and も between (rt8b: a topic alone,
    # 「…は子どもに飲ませても大丈夫？」, is no thing context — a foreign name reads the same)
    ("ムコソルバンは子どもも飲めますか", "ムコソルバン"),
    # ロキソニン / カロナール, rt7's leftovers, in the contexts above
    ("ロキソニンを服用した後の献血", "ロキソニン"),
    ("カロナールは妊婦も飲めますか", "カロナール"),
    # a head count read out in kana is no child's name
    ("子どもは ろくにん です", "ろくにん"),
    ("子どもは ひとり です", "ひとり"),
    # a header row alone
    ("世帯主\t続柄\t生年月日", "世帯主"),
]


@pytest.mark.parametrize(("text", "word"), READABLE)
def test_a_look_alike_stays_readable(text: str, word: str) -> None:
    assert word in _masked(text), _masked(text)


HIDDEN = [
    # a person is not taken or used: the same verbs with a person stay masked
    ("ロレンゾを呼んでください", ["ロレンゾ"]),
    ("マリアは毎日市役所に来ます", ["マリア"]),
    ("ファビオラの担当です", ["ファビオラ"]),
    # a ふりがな field among others on one line, and the name before it to the field's end
    (
        "氏名 早乙女 ことは　ふりがな さおとめ ことは　生年月日 平成元年5月1日",
        ["さおとめ", "ことは"],
    ),
    # the other spelling of a name in brackets after it
    ("방 서진さん（房 書珍）と", ["房 書珍", "書珍"]),
    ("黄 佳琪さん（ホアン・ジアチー）", ["ホアン・ジアチー"]),
    # やさしい日本語: a parent's name before の こども, and the child's after こども
    ("ハリド の こども ザイナブ は 5さい です", ["ハリド", "ザイナブ"]),
    # a Korean spouse word before a spaced name and 와/를
    ("아내 방 소희 와 같이 가요", ["방 소희"]),
    # "Can X get …" on someone's behalf
    ("Can Thandeka receive the allowance?", ["Thandeka"]),
    # a Chinese name before a phone number: the number is no address block
    ("我妻子岑 雨桐的电话是080-7712-3301", ["雨桐", "岑"]),
]


@pytest.mark.parametrize(("text", "parts"), HIDDEN)
def test_a_set25_style_person_variant_is_masked(text: str, parts: list[str]) -> None:
    masked = _masked(text)
    assert not [p for p in parts if p in masked], masked


NUMBERS = [
    # a マイナンバー read aloud in kana, twelve digit words
    ("ばんごうは いち ご なな よん ぜろ さん いち なな きゅう きゅう きゅう ろく", "いち ご なな"),
    # 記号 with a kana prefix apart from its digits
    ("保険証 記号 みな 7 番号 3310", "3310"),
    # a bicycle's 防犯登録
    ("防犯登録 埼 88-120934 の自転車", "88-120934"),
    # an account column in a pipe table
    ("受給者番号|氏名|口座\nA-001|月岡 透|0001 234 5566778", "5566778"),
    # a rōmaji address after 住所 with no colon
    ("住所 Midori-shi Hinode-cho 5-1-8。", "5-1-8"),
    # a spaced town word between the ward and the block
    ("住所 北区 朝霧台 ２－４－６－１０１ です", "２－４－６－１０１"),
    # a town after から: the person before stays masked, the block too
    ("塙 悠生が来週から梅町 4-2-9 に転居", "4-2-9"),
    # the same birthdate said again in another form, far from its cue
    ("生年月日は S.55.3.9 と記入されていますが、これは昭和55年3月9日で合っていますか", "3月9日"),
    # a recent date as the next cell of a name's row
    ("対象者\nみやじ こうすけ\tR6.2.14\n", "R6.2.14"),
]


@pytest.mark.parametrize(("text", "visible"), NUMBERS)
def test_a_number_or_date_variant_is_masked(text: str, visible: str) -> None:
    assert visible not in _masked(text), _masked(text)


def test_a_spoken_my_number_is_a_my_number() -> None:
    text = "読み上げ：いち ご なな よん ぜろ さん いち なな きゅう きゅう きゅう ろく"
    assert any(e.type is EntityType.MY_NUMBER for e in detect_message(text))


def test_the_person_before_a_town_after_kara_is_masked() -> None:
    masked = _masked("塙 悠生が来週から梅町 4-2-9 に転居")
    assert "悠生" not in masked and "来週から" in masked


def test_recent_dates_that_are_events_stay_readable() -> None:
    # a recent date is a birthdate only as the next cell of a name's row
    for text, date in [
        ("山田 太郎 2024年4月1日から受付", "2024年4月1日"),
        ("受付は2024年4月1日です", "2024年4月1日"),
        ("山田 太郎さんが2024年4月1日に来庁", "2024年4月1日"),
    ]:
        assert date in _masked(text), _masked(text)


def test_a_phone_is_no_address_block_but_a_block_still_is() -> None:
    assert "若葉町2-14-3" not in _masked("住所は若葉町2-14-3です")
    assert "电话是" in _masked("我妻子岑 雨桐的电话是080-7712-3301")


def test_a_former_surname_label_in_brackets_stays_readable() -> None:
    # （旧姓 …）: the label is no part of the other spelling; the name inside is still masked
    masked = _masked("佐伯 和美さん（旧姓 川端）から電話")
    assert "旧姓" in masked and "川端" not in masked, masked
