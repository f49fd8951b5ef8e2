"""``name_edges`` and counted 、-lists: masks grown to the whole name (examples written
for these tests, not taken from the ner-ja data the rules were chosen on)."""

from __future__ import annotations

import pytest

from jichitai_ai.privacy import Detector, DetectorConfig
from jichitai_ai.privacy._strict import STRICT_RULES


@pytest.fixture(scope="module")
def strict() -> Detector:
    return Detector(DetectorConfig(profile="strict", reference_year=2026))


@pytest.fixture(scope="module")
def without_edges() -> Detector:
    rules = STRICT_RULES - {"name_edges"}
    return Detector(DetectorConfig(profile="strict", strict_rules=rules, reference_year=2026))


def _persons(detector: Detector, text: str) -> list[str]:
    return [e.text for e in detector.detect(text) if e.type.value == "person"]


@pytest.mark.parametrize(
    ("text", "name", "partial"),
    [
        # kanji remainder after 姓/名 tags (五郎 has a given-name reading; 耐/三 are pieces)
        ("担当は壁村耐三です。", "壁村耐三", "壁村"),
        ("徐驎は会議に出席した。", "徐驎", "徐"),
        # tagged surname + katakana rest with no synonym group
        ("ケースワーカーの斉藤ノヴから連絡があった。", "斉藤ノヴ", "斉藤"),
        ("桐島ココと会った。", "桐島ココ", "桐島"),
        # the katakana word goes on after the tagged part
        ("作曲家のニックターンは来日した。", "ニックターン", "ニック"),
        # regnal numbers
        ("ジョージ6世の時代に建てられた。", "ジョージ6世", "ジョージ"),
        ("ルイ14世の肖像。", "ルイ14世", "ルイ"),
        # hiragana surname before a tagged hiragana given name
        ("申請者は、もとむらみちこです。", "もとむらみちこ", "みちこ"),
        # one kanji before a tagged given name, right after a particle
        ("5月に桝嘉一が加入した。", "桝嘉一", "嘉一"),
        # an unknown 2-kanji surname (a common noun here) before a tagged given name
        ("東雲朔也さんから電話があった。", "東雲朔也", "朔也"),
    ],
)
def test_mask_covers_the_whole_name(
    strict: Detector, without_edges: Detector, text: str, name: str, partial: str
) -> None:
    assert _persons(strict, text) == [name]
    assert _persons(without_edges, text) == [partial]  # what leaked before the rule


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("山田家の墓は寺にある。", "山田"),  # 家: a household, not the rest of the name
        ("田中派の議員が集まった。", "田中"),
        ("森繁久弥主演の映画。", "森繁久弥"),  # 主演: a word with no given-name reading
        ("佐藤俊久処長の下で働いた。", "佐藤俊久"),
        ("小文枝ファンの集まり。", "小文枝"),  # ファン: loanword with a synonym group
        ("山田ママが来た。", "山田"),
        ("鈴木部長に報告する。", "鈴木"),
        ("母花子が来た。", "花子"),  # 母 is a relation, not a one-kanji surname
        ("今日花子が来た。", "花子"),  # a time word
        ("四女千恵子は高校生。", "千恵子"),  # kinship
        ("看護師悠が対応した。", "悠"),  # a role
        ("来月健太が入学する。", "健太"),
    ],
)
def test_words_after_or_before_a_name_stay_readable(strict: Detector, text: str, name: str) -> None:
    assert _persons(strict, text) == [name]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("当日は島、池田、桝の3人が受付を担当した。", ["島", "池田", "桝"]),
        ("窓口には森田、河野、瀬川の三人がいた。", ["森田", "河野", "瀬川"]),
        ("本日、佐藤、高橋、田中の3名が欠席。", ["佐藤", "高橋", "田中"]),
    ],
)
def test_a_list_closed_by_a_head_count_is_a_list_of_people(
    strict: Detector, text: str, names: list[str]
) -> None:
    assert _persons(strict, text) == names


@pytest.mark.parametrize(
    "text",
    [
        "市民課の窓口は、月曜、火曜、水曜の3日間開いています。",
        "東京、大阪、名古屋の3都市で開催。",
        "マイクロソフト・センターに行く。",
        "大林組の社員。",
    ],
)
def test_lists_and_org_names_without_a_person_are_left_alone(strict: Detector, text: str) -> None:
    assert _persons(strict, text) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a surname entry SudachiPy tags as a common noun (蛭田), after a staff role
        ("ケアマネの蛭田から報告があった。", "蛭田"),
        ("保健師・蛭田と訪問した。", "蛭田"),
        ("看護師蛭田が対応した。", "蛭田"),
        ("担当職員の蛭田です。", "蛭田"),
    ],
)
def test_surname_after_a_staff_role(strict: Detector, text: str, name: str) -> None:
    assert _persons(strict, text) == [name]


@pytest.mark.parametrize(
    "text",
    [
        "保健師の訪問は月1回です。",
        "看護師不足が続いている。",
        "ヘルパーの派遣を依頼した。",
        "職員の研修を行う。",
    ],
)
def test_staff_roles_alone_mask_nothing(strict: Detector, text: str) -> None:
    assert _persons(strict, text) == []


def test_head_count_trims_the_list_start(strict: Detector) -> None:
    # 4 comma parts, 3 people: 本日 is not one of them.
    assert _persons(strict, "本日、佐藤、高橋、田中の3名が欠席。") == ["佐藤", "高橋", "田中"]


@pytest.mark.parametrize(
    ("count", "value"),
    [
        ("の3人", 3),
        ("の三人", 3),
        ("ら十二名", 12),
        ("の十人", 10),
        ("二十人", 20),
        ("の１０名", 10),
        ("両名", 2),
        ("兄弟", 0),
    ],
)
def test_count_value(count: str, value: int) -> None:
    from jichitai_ai.privacy._coref import _count_value

    assert _count_value(count) == value
