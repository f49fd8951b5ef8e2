"""Documents whose text carries a NUL or other control characters (red team hr8).

A text or HTML file with a NUL byte (a file cut and joined by a tool, a binary pasted in) was
read with the NUL in its text; PostgreSQL refuses NUL in text columns, so ingesting it failed
with a database error instead of storing the readable text. Control characters other than
tab and line breaks are now dropped by every reader's text, on both backends.
"""

from __future__ import annotations

import pytest
from sqlalchemy import select

from jichitai_ai.documents._readers import parse
from jichitai_ai.documents.service import DocumentService
from jichitai_ai.documents.tables import DocumentChunk
from jichitai_ai.services.platform import Platform

FILES = [
    ("nul.txt", "第1条 住民票の写しの\x00交付手数料は300円とする。\n".encode()),
    ("nul.html", "<h1>手数料</h1><p>住民票の写しは\x00300円\x07です。</p>".encode()),
    ("nul.md", "# 手数料\n住民票の写しは\x00300円です。\n".encode()),
    ("sjis.txt", "第1条 住民票の写しの\x00交付手数料は300円とする。\n".encode("cp932")),
]


@pytest.mark.parametrize(("name", "data"), FILES, ids=[f[0] for f in FILES])
def test_control_characters_are_not_read_as_text(name: str, data: bytes) -> None:
    text = "\n".join(b.text for b in parse(name, data).blocks)
    assert "300円" in text and "住民票の写し" in text
    assert not any(ord(c) < 32 and c not in "\t\n\r" for c in text), repr(text)


@pytest.mark.parametrize(("name", "data"), FILES, ids=[f[0] for f in FILES])
def test_a_file_with_a_nul_is_stored_readable(
    platform: Platform, service: DocumentService, tenant: str, name: str, data: bytes
) -> None:
    item = service.ingest(tenant, name, data)
    assert item.status == "indexed", item
    with platform.db.read() as session:
        texts = (
            session.execute(
                select(DocumentChunk.text).where(DocumentChunk.document_id == item.document_id)
            )
            .scalars()
            .all()
        )
    assert any("300円" in t for t in texts) and not any("\x00" in t for t in texts)
