"""Pick test questions by the decision the answering service really returns today.

Thresholds are still being calibrated, so tests never hard-code that a question gets an
answer: they try candidates and use the first whose decision (and card) fits the scenario.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest

from jichitai_ai.services.answering import AskResult
from jichitai_ai.services.platform import Platform

TENANT = "aoba-city"

ANSWER_CANDIDATES = [
    "子犬をもらったんだけど届出いる？",
    "燃えるゴミの曜日を教えて",
    "マイナカードのパスワード間違えすぎてロックされた",
    "赤ちゃんが産まれたら何日以内に届けるの",
    "原付を廃車にしたい",
    "台風のとき逃げる場所はどこ",
    "壊れた冷蔵庫はどうやって捨てる？",
    "公民館の会議室を借りたい",
    "妊娠がわかったら母子手帳はどこでもらうの",
    "引っ越しの手続き",
    "子どもを預けたい",
]
CLARIFY_CANDIDATES = [
    "証明書がほしい",
    "住民票の写しを取得したい。",
    "フライパンは何ごみで出せばいいですか",
    "Where can I get a residence certificate?",
    "手当について教えて",
    "子どもの手当の申請",
    "戸籍の証明がほしい",
    "医療費の助成を受けたい",
    "部屋や施設を予約したい",
    "車の税金",
]
NO_ANSWER_CANDIDATES = [
    "明日の天気は？",
    "株式投資でおすすめの銘柄を教えて",
    "駅前においしいラーメン屋はありますか",
    "市長の給料はいくらですか",
    "宇宙船の操縦免許を取りたい",
]
#: Entries translated into English in the demo (AOBA-0039, -0041, -0068 …) and not.
EN_CANDIDATES = [
    "燃えるゴミの曜日を教えて",
    "台風のとき逃げる場所はどこ",
    "マイナカードってどうやって作るんですか",
    "子犬をもらったんだけど届出いる？",
    "原付を廃車にしたい",
    "壊れた冷蔵庫はどうやって捨てる？",
    "Which day is burnable garbage collected?",
    "東京から引越してきました。手続きは？",
    "公民館の会議室を借りたい",
    "子どもを預けたい",
    "引っ越しの手続き",
    "マイナンバーカードを落としてしまいました",
    "妊娠がわかったら母子手帳はどこでもらうの",
]


@dataclass(frozen=True)
class Probe:
    question: str
    result: AskResult


def find(
    platform: Platform,
    candidates: list[str],
    accept: Callable[[AskResult], bool],
    *,
    language: str = "ja",
    what: str = "",
) -> Probe:
    """The first candidate whose live result ``accept``s (asked without recording it)."""
    for question in candidates:
        result = platform.answering.ask(TENANT, question, language=language, record=False)
        if accept(result):
            return Probe(question, result)
    pytest.fail(f"no demo question currently gives {what or 'the wanted decision'}")


def answer_with_source(platform: Platform, language: str = "ja") -> Probe:
    def ok(r: AskResult) -> bool:
        return (
            str(r.decision) == "answer"
            and r.answer is not None
            and bool(r.answer.entry.source_url)
            and r.answer.entry.department is not None
            and bool(r.answer.entry.department.phone)
        )

    return find(platform, ANSWER_CANDIDATES, ok, language=language, what="an answer with source")


def clarify(platform: Platform, language: str = "ja") -> Probe:
    return find(
        platform,
        CLARIFY_CANDIDATES,
        lambda r: str(r.decision) == "clarify" and len(r.choices) >= 2,
        language=language,
        what="a clarifying choice",
    )


def no_answer(platform: Platform, language: str = "ja") -> Probe:
    return find(
        platform,
        NO_ANSWER_CANDIDATES,
        lambda r: str(r.decision) == "no_answer",
        language=language,
        what="no answer",
    )


def english_answer(platform: Platform, translated: bool) -> Probe:
    return find(
        platform,
        EN_CANDIDATES,
        lambda r: (
            str(r.decision) == "answer"
            and r.answer is not None
            and r.answer.translated is translated
        ),
        language="en",
        what=f"an English-UI answer with translated={translated}",
    )
