"""FAQ drafts from documents, stored through services.faq with status ``draft``."""

from __future__ import annotations

import hashlib

from sqlalchemy.orm import Session

from jichitai_ai.documents._qa import QAPair
from jichitai_ai.domain.models import EntryStatus, FaqRecord
from jichitai_ai.services import faq as faq_service
from jichitai_ai.services.errors import ServiceError


def store_drafts(
    session: Session, tenant_id: int, document_id: int, title: str, pairs: list[QAPair], user: str
) -> int:
    """Draft FAQ entries (status draft: the editors' approval queue); re-ingestion adds no duplicates."""
    created = 0
    for pair in pairs:
        digest = hashlib.sha1(pair.question.encode("utf-8")).hexdigest()[:10]
        external_id = f"doc{document_id}-{digest}"
        if faq_service.find_by_external_id(session, tenant_id, external_id, "ja") is not None:
            continue
        record = FaqRecord(
            question=pair.question,
            answer=pair.answer,
            external_id=external_id,
            category=title[:200],
            status=EntryStatus.DRAFT,
        )
        try:
            faq_service.create_entry(
                session, tenant_id, record, user=user or "documents", note=f"document {document_id}"
            )
        except ServiceError:
            continue
        created += 1
    return created
