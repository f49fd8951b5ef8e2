"""「FAQ の下書きを作成」: split a stored Q&A manual into FAQ drafts by the documents module's rules.

Ingestion already does this for new files; the button re-runs it on demand (e.g. after a draft
was deleted). Entries are stored with status draft, the editors' approval queue; questions that
already have a draft from this document are skipped.
"""

from __future__ import annotations

from dataclasses import dataclass

from jichitai_ai.documents import Viewer
from jichitai_ai.documents._drafts import store_drafts
from jichitai_ai.documents._qa import split_qa
from jichitai_ai.documents._readers import parse
from jichitai_ai.documents.service import DocumentService


@dataclass(frozen=True)
class DraftOutcome:
    found: int
    created: int


def draft_faq(
    service: DocumentService, slug: str, document_id: int, viewer: Viewer, user: str
) -> DraftOutcome:
    """Pairs found in the document and drafts newly created (403/404 as ``open_document``)."""
    row, _chunks = service.open_document(slug, document_id, viewer)
    parsed = parse(row.source_name, row.content)
    pairs = split_qa(block.text for block in parsed.blocks)
    if not pairs:
        return DraftOutcome(0, 0)
    with service.db.write() as session:
        created = store_drafts(session, row.tenant_id, row.id, row.title, pairs, user)
    return DraftOutcome(len(pairs), created)
