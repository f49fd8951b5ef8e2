"""Red-team set rt7 (set 24): staff prompts in tests/gateway/heldout_prompts_24.py and residents'
questions in heldout_residents_24.py, committed before their first run; figures in
docs/benchmarks.md §3 ("Red team rt7"). Harness as rt1–rt5: staff prompts go through
``Gateway.preview_body`` (the code path of ``jichitai-ai gateway preview``; a マイナンバー must be
refused, nothing else may be), residents' questions through ``AnsweringService.ask`` and the
question-log row actually stored. New here: every ⟪look-alike⟫ (a place inside a 市役所 name, an
animal, a product, a department, a rōmaji service) must reach the model / the log as written —
an over-mask is counted like a leak. Run with ``-s`` to see every leaked item and over-mask."""

from __future__ import annotations

from typing import Any

from jichitai_ai.gateway import Gateway
from jichitai_ai.services.platform import Platform
from jichitai_ai.storage.tables import QuestionLog

from . import heldout_prompts_24, heldout_residents_24
from .conftest import Staff
from .staff_prompts import Prompt
from .test_heldout_rt1 import demo_platform, run_staff_prompts  # noqa: F401
from .test_heldout_sets import body_text
from .test_staff_corpus import leaks

#: Items still visible after the fixes (docs/benchmarks.md §3, "Red team rt7"); a list, so
#: that any new leak changes the test.
#: ロキソニン and カロナール (medicines) were over-masked until rt8 read what the sentence does
#: with them (privacy/_thing_contexts.py: …と…の違い, …は 薬局で 買えますか). しおり of
#: 「…です。しおり です。」 is the common noun 栞 standing alone before です.
KNOWN_STAFF: list[str] = []
# rt8b: 「ロキソニンは 薬局で 買えますか」 reads as 「ロレンゾは 薬局で 買えますか」 (the buyer): masked.
KNOWN_RESIDENTS: list[str] = ["OVER-MASK ロキソニン", "P:しおり"]


def over_masks(prompt: Prompt, keeps: list[str], sent: str) -> list[str]:
    """Look-alikes that did not arrive as written (each must appear as often as in the text)."""
    return [f"OVER-MASK {keep}" for keep in keeps if sent.count(keep) < prompt.text.count(keep)]


def _report(title: str, items: int, keeps: int, found: list[str], extra: str = "") -> None:
    leaked = [f for f in found if not f.startswith("OVER-MASK")]
    print(
        f"\n{title}: {items} items, {len(leaked)} leaked, {keeps} look-alikes, "
        f"{len(found) - len(leaked)} over-masked{extra}"
    )
    for line in found:
        print("  ", line)


Corpus = list[tuple[Prompt, list[str]]]


def run_staff(
    gateway: Gateway, corpus: Corpus | None = None
) -> tuple[list[str], list[str], int, int]:
    """(leaks and over-masks, wrong refusals, readable words, ordinary words)."""
    corpus = corpus if corpus is not None else heldout_prompts_24.prompts_with_keeps()
    return run_staff_prompts(gateway, [p for p, _ in corpus], [k for _, k in corpus])


def run_residents(platform: Platform, corpus: Corpus | None = None) -> list[str]:
    found: list[str] = []
    corpus = corpus if corpus is not None else heldout_residents_24.questions_with_keeps()
    for question, keeps in corpus:
        result = platform.answering.ask("aoba-city", question.text, channel="web")
        with platform.db.read() as session:
            row = session.get(QuestionLog, result.question_id)
            assert row is not None
            stored = row.question
        where = f"  <- {question.text[:30]!r}"
        found += [leak + where for leak in leaks(question, stored)]
        found += [over + where for over in over_masks(question, keeps, stored)]
    return found


def test_rt7_staff_prompts(gateway: Gateway, staff: Staff) -> None:
    corpus = heldout_prompts_24.prompts_with_keeps()
    items = sum(len(p.items) for p, _ in corpus)
    keeps = sum(len(k) for _, k in corpus)
    assert len(corpus) >= 70 and items >= 190 and keeps >= 40
    found, wrong, readable, total = run_staff(gateway)
    _report(
        "rt7 staff prompts (set 24)",
        items,
        keeps,
        found,
        f", wrong refusals {len(wrong)} {wrong}, readable {readable}/{total}",
    )
    assert [f.split("  <- ")[0] for f in found] == KNOWN_STAFF
    assert wrong == []
    assert readable / total >= 0.95, (readable, total)


def test_rt7_resident_questions_logged_masked(demo_platform: Platform) -> None:  # noqa: F811
    corpus = heldout_residents_24.questions_with_keeps()
    items = sum(len(q.items) for q, _ in corpus)
    keeps = sum(len(k) for _, k in corpus)
    assert len(corpus) >= 50 and items >= 80 and keeps >= 15
    found = run_residents(demo_platform)
    _report("rt7 resident questions (set 24, question log)", items, keeps, found)
    assert [f.split("  <- ")[0] for f in found] == KNOWN_RESIDENTS


def test_the_demo_request_reaches_the_model_with_its_office_and_crow(
    gateway: Gateway, staff: Staff
) -> None:
    """The newcomer's finding: the demo's held request (demo/review_queues.HELD_TEXT) was sent
    as 「【氏名1】市役所 環境課 御中 … 【氏名2】が散らかして…」 — あおば read as a given name
    before 市役所, カラス as a foreign name by the strict katakana rule. Both reach the model
    now; the resident's name and phone number do not."""
    from jichitai_ai.demo.review_queues import HELD_TEXT

    body: dict[str, Any] = {"model": "onprem", "messages": [{"role": "user", "content": HELD_TEXT}]}
    result = gateway.preview_body(body, "aoba-city", "alice", backend="onprem")
    assert not result["refused"]
    sent = body_text(result["sent"])
    assert "あおば市役所 環境課 御中" in sent and "カラスが散らかして" in sent
    assert "山田" not in sent and "花子" not in sent and "1234-5678" not in sent


def test_an_imperative_before_a_service_name_reaches_the_model(
    gateway: Gateway, staff: Staff
) -> None:
    """rt6's known over-mask: "Contact Mynaportal needed" was sent as "【氏名1】 needed"."""
    text = "Translate: Contact Mynaportal needed. Aldrin Dimaculangan forgot the password."
    body: dict[str, Any] = {"model": "onprem", "messages": [{"role": "user", "content": text}]}
    sent = body_text(gateway.preview_body(body, "aoba-city", "alice", backend="onprem")["sent"])
    assert "Contact Mynaportal needed" in sent
    assert "Dimaculangan" not in sent
