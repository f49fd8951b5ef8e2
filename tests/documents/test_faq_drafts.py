"""Q&A manuals become draft FAQ entries (the editors' approval queue); nothing is published."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import select

from jichitai_ai.config import Settings
from jichitai_ai.documents._qa import split_qa
from jichitai_ai.documents.service import DocumentService
from jichitai_ai.services import tenants as tenant_service
from jichitai_ai.services.platform import Platform
from jichitai_ai.storage.tables import FaqEntryRow
from tests.documents import samples
from tests.documents.fake_llm import FakeLLM, fake_llm


def _entries(platform: Platform) -> list[tuple[str, str, str]]:
    with platform.db.read() as session:
        rows = session.execute(
            select(FaqEntryRow.question, FaqEntryRow.answer, FaqEntryRow.status).order_by(
                FaqEntryRow.id
            )
        ).all()
    return [(q, a, s) for q, a, s in rows]


def test_rule_layouts_are_split() -> None:
    pairs = split_qa(samples.QA_MANUAL.splitlines())
    assert [p.question for p in pairs] == [
        "固定資産税の納期はいつですか。",
        "口座振替の申込み方法を教えてください。",
        "納税証明書はどこで取れますか。",
    ]
    assert pairs[0].answer == "四月、七月、十二月、翌年二月の年四回です。"
    assert (
        split_qa(
            ["質問：転入届は？", "回答：十四日以内です。", "Q. 休日窓口は？", "A. 第二日曜です。"]
        )[1].answer
        == "第二日曜です。"
    )
    assert (
        split_qa(["問い合わせ先：税務課", "答えは一つです。"]) == []
    )  # 問い合わせ is not a question mark-up


def test_qa_manual_becomes_drafts_once(
    tmp_path: Path, platform: Platform, service: DocumentService, tenant: str
) -> None:
    path = tmp_path / "zeimu-faq.txt"
    path.write_text(samples.QA_MANUAL, encoding="utf-8")
    item = service.ingest(tenant, path.name, path.read_bytes(), user="editor1")
    assert item.faq_drafts == 3
    entries = _entries(platform)
    assert [status for _q, _a, status in entries] == ["draft"] * 3
    assert entries[2][:2] == (
        "納税証明書はどこで取れますか。",
        "市役所税務課の窓口で取得できます。",
    )
    # Re-ingesting a changed copy adds only the new question; nothing is duplicated.
    path.write_text(
        samples.QA_MANUAL + "Q4. 督促状が届きました。\nA4. 納付書で至急納めてください。\n",
        encoding="utf-8",
    )
    again = service.ingest(tenant, path.name, path.read_bytes())
    assert again.faq_drafts == 1 and len(_entries(platform)) == 4
    # An ordinary manual produces no drafts.
    md = tmp_path / "madoguchi.md"
    md.write_text(samples.MARKDOWN, encoding="utf-8")
    assert service.ingest(tenant, md.name, md.read_bytes()).faq_drafts == 0


@pytest.fixture
def llm() -> Iterator[FakeLLM]:
    with fake_llm() as server:
        yield server


def test_model_proposals_are_validated_and_stored_as_drafts(
    tmp_path: Path, settings: Settings, llm: FakeLLM
) -> None:
    raw = {
        "gateway": {
            "backends": {
                "local": {
                    "kind": "openai",
                    "endpoint": llm.url,
                    "model": "m",
                    "in_country": True,
                    "on_premises": True,
                    "trains_on_inputs": False,
                    "max_class": "3A",
                }
            }
        },
        "documents": {"generative": True, "gateway_backend": "local"},
    }
    platform = Platform(replace(settings, raw=raw))
    try:
        with platform.db.write() as session:
            tenant_service.add_tenant(session, "aoba-city", "あおば市")
        from jichitai_ai.documents import documents_for

        service = documents_for(platform)
        md = tmp_path / "madoguchi.md"
        md.write_text(samples.MARKDOWN, encoding="utf-8")
        item = service.ingest("aoba-city", md.name, md.read_bytes())
        llm.behaviour = lambda _m: json.dumps(
            [
                {
                    "question": "転入届の期限は？",
                    "answer": "転入届は引っ越してから十四日以内に受け付けます。",
                },
                {
                    "question": "住民票は無料？",
                    "answer": "住民票の写しはすべて無料で交付します。",
                },  # not in the manual
            ],
            ensure_ascii=False,
        )
        assert service.propose_faq("aoba-city", item.document_id or 0, user="editor1") == 1
        assert _entries(platform) == [
            ("転入届の期限は？", "転入届は引っ越してから十四日以内に受け付けます。", "draft")
        ]
        assert "<<<資料ここから>>>" in llm.requests[-1]["body"]["messages"][-1]["content"]
    finally:
        platform.close()
