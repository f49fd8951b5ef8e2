"""Round 12, Japanese / やさしい日本語 (issue 12, i12ad): a 手帳 or 手当 asked for is a service
question, the 関西弁 connective やけど before a new clause is no burn, いくつか質問 announces a
topic without diluting it, and the tenant's katakana words typed in hiragana are read. The
sentences were written for this test, not taken from any tests/answer_quality/*.csv set."""

from __future__ import annotations

from pathlib import Path

import pytest

from jichitai_ai.domain.models import Decision
from jichitai_ai.emergency.detector import detect_emergency
from jichitai_ai.emergency.kinds import EmergencyKind
from jichitai_ai.text.kana_loanwords import KanaLoanwords, to_hiragana
from jichitai_ai.text.topic_filler import topic_only

from .demo_city import dense_demo_platform


@pytest.mark.parametrize(
    "text",
    [
        # On main: the medical card (半身が … is a described situation; no service word).
        "母が脳出血で左半身がマヒした。身体障害者手帳ってもらえるやろか",
        "夫が事故で半身が動かなくなって、障害の手当ってあるんですか",
        # On main: the medical card (近くやけど read as a burn, すぐ as "now").
        "実家が海のすぐ近くやけど津波の浸水範囲って地図で見れるんかな",
    ],
)
def test_service_questions_get_no_emergency_card(text: str) -> None:
    assert detect_emergency(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "今、うちの子が熱湯でやけどした",
        "熱い鍋で大やけど、今も皮がめくれて痛がってる",
        "父が急に倒れて手当てしてるけど意識がない",
    ],
)
def test_burns_and_first_aid_are_still_emergencies(text: str) -> None:
    assert EmergencyKind.MEDICAL in detect_emergency(text)


def test_asking_words_are_fillers() -> None:
    assert topic_only(["税金", "幾", "つ", "質問"]) == ["税金"]
    assert topic_only(["質問"]) == ["質問"]  # nothing else: kept


def test_katakana_words_typed_in_hiragana() -> None:
    texts = ["マイナンバーカードの申請", "マイナンバーカードを受け取る", "カードとタンス", "タンス"]
    words = KanaLoanwords(texts)
    assert to_hiragana("マイナンバーカード") == "まいなんばーかーど"
    assert words.convert("まいなんばーかーどってスマホで") == "マイナンバーカードってスマホで"
    # Three kana without ー (たんす) and a word seen once (かーど) stay as typed; a match
    # must start a hiragana run (こまいなんばーかーど is not one).
    assert words.convert("たんすとかーど") == "たんすとかーど"
    assert words.convert("こまいなんばーかーど") == "こまいなんばーかーど"


def test_demo_city_questions_fixed_in_round_12(tmp_path: Path) -> None:
    with dense_demo_platform(tmp_path) as platform:
        ask = platform.answering.ask
        # On main: handed over (いくつか → 幾 + つ, 質問: words no entry's question holds).
        r = ask("aoba-city", "水道のことでいくつか質問があるんやけど", record=False)
        assert r.decision is Decision.CLARIFY, r.decision
        assert {c.entry.external_id for c in r.choices} <= {"AOBA-0072", "AOBA-0073", "AOBA-0074"}
        # On main: handed over (ぱすぽーと read as no word); now パスポート.
        r = ask("aoba-city", "ぱすぽーとって県庁で申請するの？", record=False)
        shown = (
            {r.answer.entry.external_id} if r.answer else {c.entry.external_id for c in r.choices}
        )
        assert r.decision in (Decision.ANSWER, Decision.CLARIFY), r.decision
        assert "MIZUHO-0001" in shown, shown
        # An out-of-scope question that announces questions stays handed over.
        r = ask("aoba-city", "選挙についていくつか質問があります", record=False)
        assert r.decision is Decision.NO_ANSWER, r.decision
