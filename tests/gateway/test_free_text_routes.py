"""Free text that staff type outside the chat body (red team rt2's audit of raw-body routes,
docs/benchmarks.md §3): a reviewer's note when rejecting a held request is stored masked, and
a documents question goes to a remote embedding server masked. Both were stored or sent as
typed before."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from jichitai_ai.config import Settings
from jichitai_ai.documents import Viewer
from jichitai_ai.documents.service import DocumentService
from jichitai_ai.gateway import Gateway
from jichitai_ai.gateway.tables import GatewayReview
from jichitai_ai.retrieval import OpenAICompatibleEmbedder
from jichitai_ai.services.platform import Platform
from jichitai_ai.text import Tokenizer
from tests.documents import samples
from tests.retrieval.test_dense import _Handler, server  # noqa: F401 (fixture)

from .conftest import Staff
from .test_review import held


def test_a_reviewers_rejection_note_is_stored_masked(gateway: Gateway, staff: Staff) -> None:
    review_id = held(gateway, staff)
    note = "鰐淵 志津香さん（090-3317-2046）の住所が本文に残っているため却下"
    assert gateway.reject_review(review_id, "bob", note).status == "rejected"
    with gateway.db.read() as session:
        row = session.get(GatewayReview, review_id)
        assert row is not None
        stored = row.note
    assert "鰐淵" not in stored and "3317" not in stored, stored
    assert "却下" in stored and "【電話番号1】" in stored


def test_a_documents_question_reaches_a_remote_embedder_masked(
    platform: Platform,
    staff: Staff,
    server: str,  # noqa: F811 (the imported fixture)
) -> None:
    """Against a real OpenAI-compatible server on localhost that records what it receives
    (tests/retrieval/test_dense.py)."""
    embedder: Any = OpenAICompatibleEmbedder(server, "e5", dim=3)
    service = DocumentService(
        platform.db, platform.settings, tokenizer=Tokenizer(), embedder=embedder
    )
    service.ingest("aoba-city", "kinmu.txt", samples.REIKI_TEXT.encode("utf-8"))
    before = len(_Handler.requests)
    question = "勅使河原 澄子さん（090-3817-2264）の介護休暇の期間は？"
    service.search("aoba-city", question, Viewer.everything(), k=3, mode="dense")
    sent = [t for r in _Handler.requests[before:] for t in r["body"]["input"]]
    assert len(sent) == 1
    assert "勅使河原" not in sent[0] and "2264" not in sent[0], sent
    assert "介護休暇" in sent[0]


def test_an_approval_comment_and_change_note_are_stored_masked(platform: Platform) -> None:
    """承認フロー: the approver's comment and the editor's note are kept with the change; a
    resident named in them is masked, the place an editor refers to stays readable."""
    from jichitai_ai.approval import service as approval
    from jichitai_ai.services import faq as faq_service
    from tests.console.helpers import seed

    world = seed(platform)
    with platform.db.write() as db:
        record = faq_service.record_of(faq_service.get_entry(db, world.aoba_id, world.aoba_entry))
        record.answer = "窓口の受付時間を変更しました。"
        saved = approval.save(
            db,
            world.aoba_id,
            world.aoba_entry,
            record,
            user="aoba-editor",
            can_approve=False,
            note="住民の鰐淵 志津香さん（090-3317-2046）からの指摘で修正",
        )
        assert saved.change is not None
        change = approval.reject(
            db,
            world.aoba_id,
            saved.change.id,
            user="aoba-approver",
            comment="鰐淵さんの件は青葉区の窓口に確認してから。電話 090-3317-2046",
        )
    for text in (change.note, change.review_comment):
        assert "鰐淵" not in text and "3317" not in text, text
    assert "指摘で修正" in change.note and "青葉区の窓口" in change.review_comment


def test_a_change_note_of_a_direct_save_is_stored_masked(platform: Platform) -> None:
    """Red team rt3: an approver publishing at once (four-eyes rule off) or an editor's new
    entry (stored first as a draft) wrote the change note to the entry's version history
    (``faq_entry_versions.note``) as typed; only the approval row was masked."""
    from jichitai_ai.approval import service as approval
    from jichitai_ai.services import faq as faq_service
    from jichitai_ai.storage.tables import FaqEntryVersion
    from tests.console.helpers import seed

    world = seed(platform)
    note = "住民の鰐淵 志津香さん（090-3317-2046）からの指摘で修正、青葉区の窓口"
    with platform.db.write() as db:
        record = faq_service.record_of(faq_service.get_entry(db, world.aoba_id, world.aoba_entry))
        record.answer = "窓口の受付時間を変更しました。"
        new = replace(record, external_id="")
        approval.save(
            db, world.aoba_id, None, new, user="aoba-editor", can_approve=False, note=note
        )
        approval.set_four_eyes(db, world.aoba_id, False)
        approval.save(
            db,
            world.aoba_id,
            world.aoba_entry,
            record,
            user="aoba-approver",
            can_approve=True,
            publish=True,
            note=note,
        )
    with platform.db.read() as db:
        notes = [row.note for row in db.query(FaqEntryVersion).all() if "指摘" in row.note]
    assert len(notes) == 2, notes
    for text in notes:
        assert "鰐淵" not in text and "3317" not in text, text
        assert "青葉区の窓口" in text


def test_a_residents_question_reaches_a_remote_faq_embedder_masked(
    settings: Settings,
    server: str,  # noqa: F811 (the imported fixture)
) -> None:
    """Red team rt3: the FAQ retrieval text keeps name guesses without a cue (a kana name the
    question does not introduce: 「ほしかわ みなみ の じどうてあて」), which an in-process embedder
    may read; with ``embedder = "openai"`` that text went to the embedding server as typed."""
    from jichitai_ai.demo.loader import load_demo

    remote = replace(
        settings,
        embedder="openai",
        embedder_url=server,
        embedder_model="e5",
        raw={"core": {"embedder_dim": 3}},
    )
    platform = Platform(remote)
    try:
        with platform.db.write() as session:
            load_demo(session)
        platform.answering.ask(
            "aoba-city", "住民票の写しがほしい", channel="web"
        )  # builds the index
        before = len(_Handler.requests)
        platform.answering.ask(
            "aoba-city", "ほしかわ みなみ の じどうてあての しんせい", channel="web"
        )
        sent = [t for r in _Handler.requests[before:] for t in r["body"]["input"]]
    finally:
        platform.close()
    assert sent, "the question was not embedded"
    assert not any("ほしかわ" in t or "みなみ" in t for t in sent), sent
    assert any("じどうてあて" in t for t in sent), sent
