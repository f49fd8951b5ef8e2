"""Red-team set rt5 (set 23): staff prompts in tests/gateway/heldout_prompts_23.py and residents'
questions in heldout_residents_23.py, committed before their first run; figures in
docs/benchmarks.md §3 ("Red team rt5"). Same harness as test_heldout_rt1.py: staff prompts go
through ``Gateway.preview_body`` (a マイナンバー must be refused, nothing else may be), residents'
questions through ``AnsweringService.ask`` and the question-log row actually stored. Run with
``-s`` to see every leaked item."""

from __future__ import annotations

from jichitai_ai.gateway import Gateway
from jichitai_ai.services.platform import Platform

from . import heldout_prompts_23, heldout_residents_23
from .conftest import Staff
from .test_heldout_rt1 import _logged, _staff_prompts, demo_platform  # noqa: F401


def test_rt5_staff_prompts(gateway: Gateway, staff: Staff) -> None:
    corpus = heldout_prompts_23.prompts()
    assert len(corpus) >= 50 and sum(len(p.items) for p in corpus) >= 180
    _staff_prompts(gateway, corpus, "rt5 staff prompts (set 23)")


def test_rt5_resident_questions_logged_masked(demo_platform: Platform) -> None:  # noqa: F811
    corpus = heldout_residents_23.questions()
    assert len(corpus) >= 40 and sum(len(q.items) for q in corpus) >= 80
    _logged(demo_platform, corpus, "rt5 resident questions (set 23, question log)")


def test_a_reviewers_reject_note_with_a_split_my_number_is_stored_masked(
    gateway: Gateway, staff: Staff
) -> None:
    """Route audit rt5: a reviewer rejecting a held request may quote what was wrong with it;
    the note was masked with ``detect`` alone, so a 個人番号 split over lines (the form OCR case
    of set 22/23) was stored as typed. It is masked like the question log now."""
    import pytest
    from sqlalchemy import select

    from jichitai_ai.gateway import ChatMessage, ChatRequest, HeldForReview
    from jichitai_ai.gateway.tables import GatewayReview

    with pytest.raises(HeldForReview) as info:
        gateway.complete(
            ChatRequest(
                staff.tenant_id,
                "alice",
                [ChatMessage("user", "申請書の個人番号欄の扱いを教えて")],
                review=True,
            )
        )
    review_id = info.value.review_id
    note = "個人番号\n8336\n5164\n6806 が本文に残っていたので差し戻し"
    assert gateway.reject_review(review_id, "bob", note).status == "rejected"
    with gateway.db.read() as session:
        stored = session.execute(
            select(GatewayReview.note).where(GatewayReview.id == review_id)
        ).scalar_one()
    digits = "".join(ch for ch in stored if ch.isdigit())
    assert "833651646806" not in digits and "8336" not in stored, stored
    assert "差し戻し" in stored
