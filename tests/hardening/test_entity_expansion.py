"""Entity expansion ("billion laughs") and external entities in the XML inside Office files
(red team hr5): every reader refuses them with a clear message and keeps what was stored.

Found: the nursery upload read an XLSX whose sheet declares nested entities as far as opening the
workbook, then iterated the rows outside its error handling: expat's amplification limit raised
a ``ParseError`` and the upload was a 500. The FAQ import and the document library already
refused such files; external entities (``SYSTEM "file:///…"``) are never read.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

from fastapi.testclient import TestClient

from jichitai_ai.documents._read_office import read_docx
from jichitai_ai.services import faq as faq_service
from jichitai_ai.services.platform import Platform
from tests.console.helpers import World
from tests.console.helpers import login as console_login

LAUGHS = (
    '<!DOCTYPE d [<!ENTITY l0 "笑笑笑笑笑笑笑笑笑笑">'
    + "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10))
    + "]>"
)


def _with_doctype(template: bytes, member: str, doctype: str, reference: str) -> bytes:
    """The archive with ``doctype`` declared in ``member`` and ``reference`` for its marker."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(template)) as src,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst,
    ):
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == member:
                text = data.decode()
                assert "MARKER" in text
                text = re.sub(r"^(<\?xml[^>]*\?>)?", lambda m: (m.group(0) or "") + doctype, text)
                data = text.replace("MARKER", reference).encode()
            dst.writestr(info, data)
    return out.getvalue()


def _xlsx_laughs() -> bytes:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["施設ID", "施設名"])
    sheet.append(["F1", "MARKER"])
    out = io.BytesIO()
    book.save(out)
    member = "xl/sharedStrings.xml"
    with zipfile.ZipFile(io.BytesIO(out.getvalue())) as archive:
        if member not in archive.namelist():
            member = "xl/worksheets/sheet1.xml"
    return _with_doctype(out.getvalue(), member, LAUGHS, "&l9;")


def _docx(doctype: str, reference: str) -> bytes:
    import docx

    document = docx.Document()
    document.add_paragraph("第1条 MARKER")
    out = io.BytesIO()
    document.save(out)
    return _with_doctype(out.getvalue(), "word/document.xml", doctype, reference)


def test_nursery_upload_refuses_entity_expansion(client: TestClient) -> None:
    bomb = _xlsx_laughs()
    form = {"csrf_token": console_login(client, "aoba-editor")}
    files = [("files", (f"{name}.xlsx", bomb)) for name in ("facilities", "children")]
    response = client.post("/console/t/aoba/hoiku", data=form, files=files)
    assert response.status_code == 422, response.status_code
    assert "facilities.xlsx" in response.text


def test_faq_import_and_documents_refuse_it_and_keep_what_was_stored(
    client: TestClient, platform: Platform, world: World, key: dict[str, str]
) -> None:
    with platform.db.read() as session:
        before = faq_service.get_entry(session, world.aoba_id, world.aoba_entry)
    bomb = _xlsx_laughs()
    imported = client.post(
        "/api/v1/tenants/aoba/faq/import", files={"file": ("faq.xlsx", bomb)}, headers=key
    )
    assert imported.status_code == 422, imported.text
    assert imported.json()["error"]["message"]["ja"]
    for name, data in (("faq.xlsx", bomb), ("reiki.docx", _docx(LAUGHS, "&l9;"))):
        uploaded = client.post(
            "/api/v1/tenants/aoba/documents", files={"file": (name, data)}, headers=key
        )
        assert uploaded.json()["status"] == "error", uploaded.text
        assert name in uploaded.json()["message"]["ja"]
    assert client.get("/api/v1/tenants/aoba/documents", headers=key).json() == []
    with platform.db.read() as session:
        after = faq_service.get_entry(session, world.aoba_id, world.aoba_entry)
    assert after == before


def test_external_entities_are_never_read(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("庁内の秘密", encoding="utf-8")
    doctype = f'<!DOCTYPE d [<!ENTITY x SYSTEM "{secret.as_uri()}">]>'
    parsed = read_docx(_docx(doctype, "&x;"), "reiki")
    assert "庁内の秘密" not in " ".join(block.text for block in parsed.blocks)
