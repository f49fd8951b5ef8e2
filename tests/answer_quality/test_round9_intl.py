"""Round 9, English / Chinese / Korean (issue 12, i12s): Traditional characters read through
phrases written in Simplified, the way a procedure goes (join / cancel) for English word-match
answers, Japanese terms inside Chinese questions, and authorities foreign residents ask about.
The demo questions were written for this test, not taken from any tests/answer_quality/*.csv
set."""

from __future__ import annotations

from pathlib import Path

from jichitai_ai.domain.models import Decision
from jichitai_ai.services.search_index import meaning_script
from jichitai_ai.text.municipal_glossary import (
    MunicipalGlossary,
    cjk_glossary_words,
    glossary_words,
    parse,
)

from .demo_city import dense_demo_platform


def test_a_phrase_written_in_simplified_reads_traditional_text() -> None:
    vocabulary = MunicipalGlossary(parse(["医药费\t医療費", "户籍\t戸籍"]))
    assert vocabulary.cjk_terms("醫藥費太貴了") == ["医療費"]
    assert vocabulary.cjk_terms("要申請戶籍") == ["戸籍"]
    # Korean and kana are not touched by the folding.
    assert vocabulary.cjk_terms("의료비") == []


def test_cancelling_is_read_as_leaving_not_joining() -> None:
    assert "脱退" in glossary_words("how do I cancel my kokuho")
    assert "脱退" not in glossary_words("I want to join kokuho")


def test_japanese_terms_inside_chinese_and_korean_words_inside_phrases() -> None:
    assert cjk_glossary_words("想开一张住民票 要带什么") == "住民票"
    assert "水道" in cjk_glossary_words("이사 와서 수도 사용 시작하고 싶어요")
    # 「할 수도 있어요」 (may also) is not 수도 (水道).
    assert "水道" not in cjk_glossary_words("다음 달에 갈 수도 있어요")


def test_traditional_chinese_with_katakana_is_chinese_not_japanese() -> None:
    assert meaning_script("マイナンバー卡的通知書寄來了 要帶什麼") == "han"
    assert meaning_script("ゴミ的分類看不懂 這裡有說明嗎") == "han"
    assert meaning_script("マイナンバーカードの通知書が来ました") == "ja"
    assert meaning_script("死亡届って誰が出すの") == "ja"


def _ask(platform: object, text: str) -> tuple[Decision, set[str], object]:
    r = platform.answering.ask("aoba-city", text, record=False)  # type: ignore[attr-defined]
    shown = {r.answer.entry.external_id} if r.answer else {c.entry.external_id for c in r.choices}
    return r.decision, shown, r.other_authority


def test_demo_city_questions_fixed_in_round_9(tmp_path: Path) -> None:
    """On main: the first answered 国民健康保険に加入 (AOBA-0032, word matching on its English
    translation), the second was handed over (醫藥費 unread), the third got three unrelated
    choices."""
    with dense_demo_platform(tmp_path) as platform:
        text = "I joined my company's health insurance, how do I cancel national health insurance?"
        decision, shown, _ = _ask(platform, text)
        assert decision is not Decision.ANSWER or shown != {"AOBA-0032"}, shown
        assert "AOBA-0033" in shown, shown

        decision, shown, _ = _ask(platform, "爸爸住院 醫藥費好幾十萬 可以退一些嗎")
        assert decision is not Decision.NO_ANSWER
        assert "AOBA-0035" in shown, shown

        decision, shown, authority = _ask(platform, "回国后怎么申请脱退一时金")
        assert decision is Decision.NO_ANSWER, shown
        assert authority is not None and authority["phone"] == "0000-00-7200", authority
