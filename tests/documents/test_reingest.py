"""Re-ingesting a changed file rewrites only the changed chunks; deleting removes its chunks."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import func, select

from jichitai_ai.documents import Viewer
from jichitai_ai.documents.service import DocumentService
from jichitai_ai.documents.tables import DocumentChunk
from jichitai_ai.services.platform import Platform
from tests.documents import samples


def _chunk_ids(platform: Platform, document_id: int) -> dict[str, int]:
    with platform.db.read() as session:
        rows = session.execute(
            select(DocumentChunk.location, DocumentChunk.id).where(
                DocumentChunk.document_id == document_id
            )
        ).all()
    return {location: cid for location, cid in rows}


def test_changed_article_is_the_only_chunk_replaced(
    tmp_path: Path, platform: Platform, service: DocumentService, tenant: str
) -> None:
    path = samples.write_reiki_txt(tmp_path)
    first = service.ingest(tenant, path.name, path.read_bytes())
    before = _chunk_ids(platform, first.document_id or 0)

    same = service.ingest(tenant, path.name, path.read_bytes())
    assert same.status == "unchanged" and same.document_id == first.document_id

    changed = samples.REIKI_TEXT.replace(
        "一の年において二十日とする", "一の年において二十二日とする"
    )
    path.write_text(changed, encoding="utf-8")
    second = service.ingest(tenant, path.name, path.read_bytes())
    assert (second.status, second.added, second.removed) == ("indexed", 1, 1)
    assert second.kept == len(before) - 1
    after = _chunk_ids(platform, first.document_id or 0)
    assert after.keys() == before.keys()
    assert after["第5条"] != before["第5条"]
    assert {k: v for k, v in after.items() if k != "第5条"} == {
        k: v for k, v in before.items() if k != "第5条"
    }
    # The search index sees the new text at once (collection version bumped).
    hit = service.search(tenant, "年次休暇の日数", Viewer.everything(), k=1)[0]
    assert "二十二日" in hit.text


def test_deleting_a_document_removes_its_chunks(
    tmp_path: Path, platform: Platform, service: DocumentService, tenant: str
) -> None:
    path = samples.write_reiki_txt(tmp_path)
    item = service.ingest(tenant, path.name, path.read_bytes())
    assert service.search(tenant, "介護休暇", Viewer.everything())
    service.delete(tenant, item.document_id or 0)
    with platform.db.read() as session:
        remaining = session.execute(select(func.count()).select_from(DocumentChunk)).scalar_one()
    assert remaining == 0
    assert service.search(tenant, "介護休暇", Viewer.everything()) == []
    assert service.list_documents(tenant, Viewer.everything()) == []
