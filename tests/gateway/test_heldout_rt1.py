"""Red-team sets rt1 (tests/gateway/heldout_prompts_18.py with heldout_residents_18.py, and
set 19 in heldout_prompts_19.py, written after the set-18 fixes, and set 20 in
heldout_prompts_20.py, written after the set-19 fixes), each committed before its first run; first-run and later figures in docs/benchmarks.md §3.

Staff prompts go through ``Gateway.preview_body`` (the code path of ``jichitai-ai gateway
preview``): a prompt holding a マイナンバー must be refused (特定個人情報 is never sent), every
other prompt must be sent with no annotated item visible. Residents' questions go through the
public ``/ask`` path (``AnsweringService.ask``); the row written to the question log must show
no annotated item. Run with ``-s`` to see every leaked item."""

from __future__ import annotations

from typing import Any

import pytest

from jichitai_ai.demo.loader import load_demo
from jichitai_ai.gateway import Gateway
from jichitai_ai.privacy._tokens import SudachiTokenizer
from jichitai_ai.services.platform import Platform
from jichitai_ai.storage.tables import QuestionLog

from . import heldout_prompts_19, heldout_prompts_20
from .conftest import Staff
from .heldout_prompts_18 import prompts
from .heldout_residents_18 import questions
from .staff_prompts import Prompt
from .test_heldout_sets import body_text
from .test_staff_corpus import leaks, ordinary_words


def _report(title: str, total: int, found: list[str], extra: str = "") -> None:
    print(f"\n{title}: {total} items, {len(found)} leaked{extra}")
    for leak in found:
        print("  LEAK", leak)


#: Set-20 items still visible after its fixes (docs/benchmarks.md §3). こはね of 「こはねです😊」
#: was listed here until rt2 (a hiragana word SudachiPy only cuts into a noun and particles
#: before です is a name); kept as a list so that any new leak changes the test.
KNOWN_SET_20: list[str] = []


def run_staff_prompts(
    gateway: Gateway, corpus: list[Prompt], keeps: list[list[str]] | None = None
) -> tuple[list[str], list[str], int, int]:
    """Every prompt through ``preview_body``: (leaks — and look-alikes from ``keeps``, one list
    per prompt, that did not arrive as written —, wrong refusals, readable words, words)."""
    tokenizer = SudachiTokenizer()
    found: list[str] = []
    wrong_refusals: list[str] = []
    readable = total = 0
    for i, prompt in enumerate(corpus):
        body: dict[str, Any] = {
            "model": "onprem",
            "messages": [{"role": "user", "content": prompt.text}],
        }
        result = gateway.preview_body(body, "aoba-city", "alice", backend="onprem")
        my_number = any(kind == "M" for kind, *_ in prompt.items)
        if result["refused"]:
            if not (my_number and result["reason"] == "gateway.refused.my_number"):
                wrong_refusals.append(f"{result['reason']}: {prompt.text[:40]}")
            continue
        sent = body_text(result["sent"])
        where = f"  <- {prompt.text[:30]!r}"
        found += [leak + where for leak in leaks(prompt, sent)]
        if keeps is not None:
            found += [
                f"OVER-MASK {keep}" + where
                for keep in keeps[i]
                if sent.count(keep) < prompt.text.count(keep)
            ]
        if my_number:
            found.append("M: sent, not refused" + where)
        words = ordinary_words(prompt, tokenizer)
        total += len(words)
        readable += sum(1 for w in words if w in sent)
    return found, wrong_refusals, readable, total


def _staff_prompts(
    gateway: Gateway, corpus: list[Prompt], title: str, known: list[str] | None = None
) -> None:
    found, wrong_refusals, readable, total = run_staff_prompts(gateway, corpus)
    items = sum(len(p.items) for p in corpus)
    _report(
        title,
        items,
        found,
        f", wrong refusals {len(wrong_refusals)} {wrong_refusals}, readable {readable}/{total}",
    )
    assert [f.split("  <- ")[0] for f in found] == (known or [])
    assert wrong_refusals == []
    assert readable / total >= 0.95, (readable, total)


def test_rt1_staff_prompts(gateway: Gateway, staff: Staff) -> None:
    corpus = prompts()
    assert len(corpus) >= 60 and sum(len(p.items) for p in corpus) >= 150
    _staff_prompts(gateway, corpus, "rt1 staff prompts (set 18)")


def test_rt1_second_set_staff_prompts(gateway: Gateway, staff: Staff) -> None:
    corpus = heldout_prompts_19.prompts()
    assert len(corpus) >= 24 and sum(len(p.items) for p in corpus) >= 50
    _staff_prompts(gateway, corpus, "rt1 staff prompts (set 19)")


def test_rt1_third_set_staff_prompts(gateway: Gateway, staff: Staff) -> None:
    corpus = heldout_prompts_20.prompts()
    assert len(corpus) >= 20 and sum(len(p.items) for p in corpus) >= 50
    _staff_prompts(gateway, corpus, "rt1 staff prompts (set 20)", KNOWN_SET_20)


@pytest.fixture
def demo_platform(platform: Platform) -> Platform:
    with platform.db.write() as session:
        load_demo(session)
    return platform


def _logged(platform: Platform, corpus: list[Prompt], title: str) -> None:
    found: list[str] = []
    for question in corpus:
        result = platform.answering.ask("aoba-city", question.text, channel="web")
        with platform.db.read() as session:
            row = session.get(QuestionLog, result.question_id)
            assert row is not None
            stored = row.question
        found += [f"{leak}  <- {question.text[:30]!r}" for leak in leaks(question, stored)]
    _report(title, sum(len(q.items) for q in corpus), found)
    assert found == []


def test_rt1_resident_questions_logged_masked(demo_platform: Platform) -> None:
    corpus = questions()
    assert len(corpus) >= 40 and sum(len(q.items) for q in corpus) >= 60
    _logged(demo_platform, corpus, "rt1 resident questions (set 18, question log)")


def test_rt1_second_set_resident_questions_logged_masked(demo_platform: Platform) -> None:
    corpus = heldout_prompts_19.questions()
    assert len(corpus) >= 10
    _logged(demo_platform, corpus, "rt1 resident questions (set 19, question log)")


def test_rt1_third_set_resident_questions_logged_masked(demo_platform: Platform) -> None:
    corpus = heldout_prompts_20.questions()
    assert len(corpus) >= 10
    _logged(demo_platform, corpus, "rt1 resident questions (set 20, question log)")


def test_a_residents_feedback_comment_is_stored_masked(demo_platform: Platform) -> None:
    """The public /feedback takes free text (``comment``, up to 2,000 characters) next to the
    vote; it is stored like the question: masked (it was stored as typed)."""
    from jichitai_ai.services import feedback as feedback_service
    from jichitai_ai.storage.tables import FeedbackEvent

    asked = demo_platform.answering.ask("aoba-city", "住民票の写しを取得したい", channel="web")
    assert asked.feedback_token
    comment = (
        "解決しませんでした。鰐淵 志津香です、090-3317-2046 に電話ください。住所は本宮町13番地の2"
    )
    feedback_service.submit(
        demo_platform.answering,
        "aoba-city",
        asked.feedback_token,
        "not_resolved",
        entry_id=asked.answer.entry.id if asked.answer else asked.choices[0].entry.id,
        client_address="192.0.2.7",
        comment=comment,
    )
    with demo_platform.db.read() as session:
        stored = [row.comment for row in session.query(FeedbackEvent).all()]
    assert len(stored) == 1
    assert "鰐淵" not in stored[0] and "3317" not in stored[0] and "13番地" not in stored[0]
    assert "解決しませんでした" in stored[0] and "【電話番号1】" in stored[0]
