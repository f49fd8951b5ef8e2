"""简体 ↔ 繁體 conversion of approved translations (text.chinese_script)."""

from __future__ import annotations

from jichitai_ai.domain.models import DepartmentContact, FaqEntry, Link
from jichitai_ai.text import chinese_script


def _entry() -> FaqEntry:
    return FaqEntry(
        question="垃圾收集日是哪天？",
        answer="请在市民课窗口办理。受理时间：工作日 8:30–17:15。详见网站 https://example.jp/a?b=这",
        alternatives=["什么时候收垃圾"],
        links=[Link(url="https://example.jp/gomi", title="垃圾分类手册")],
        department=DepartmentContact(name="环境课", phone="0000-00-1101", hours="周六、周日休息"),
        language="zh-Hans",
        category="迁入・迁出",
        external_id="AOBA-0041",
        id=7,
    )


def test_every_text_a_reader_sees_is_converted_and_nothing_else() -> None:
    converted = chinese_script.converted_entry(_entry(), "zh-Hant")
    assert converted.question == "垃圾收集日是哪天？"
    # 窗口 stays 窗口 (the Taiwan-vocabulary table would make it 視窗, "software window").
    assert converted.answer.startswith("請在市民課窗口辦理。受理時間：工作日 8:30–17:15。")
    assert converted.alternatives == ["什麼時候收垃圾"]
    # The start screen names a 分野 button after a translated entry's category.
    assert converted.category == "遷入・遷出"
    assert converted.links == [Link(url="https://example.jp/gomi", title="垃圾分類手冊")]
    assert converted.department == DepartmentContact(
        name="環境課", phone="0000-00-1101", hours="週六、週日休息"
    )
    assert (converted.language, converted.external_id, converted.id) == ("zh-Hant", "AOBA-0041", 7)


def test_round_trip_gives_back_the_simplified_text() -> None:
    entry = _entry()
    back = chinese_script.converted_entry(
        chinese_script.converted_entry(entry, "zh-Hant"), "zh-Hans"
    )
    assert (back.question, back.alternatives, back.department) == (
        entry.question,
        entry.alternatives,
        entry.department,
    )


def test_other_languages_are_left_alone() -> None:
    assert chinese_script.convert("垃圾", "ko") == "垃圾"
    assert chinese_script.convert("", "zh-Hant") == ""
    assert not chinese_script.available("en")
