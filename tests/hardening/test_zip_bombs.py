"""Decompression limits: a small DOCX/XLSX declaring tens of MB, or a PDF with thousands of
pages, is refused before any parser expands it (generated files). How long the refusal takes
(it was a timed test) is printed by ``benchmarks/hardening/suite_timings.py --only zip``."""

from __future__ import annotations

import io
import zipfile

import pytest
from fastapi.testclient import TestClient

from jichitai_ai import archives
from jichitai_ai.services import auth
from jichitai_ai.services.platform import Platform
from tests.console.helpers import World, seed
from tests.console.helpers import login as console_login
from tests.hoiku_console.conftest import hoiku_app


def _bomb(template: bytes, member: str, megabytes: int) -> bytes:
    """The template archive with ``member`` replaced by ``megabytes`` of repetitive XML."""
    paragraph = "<w:p><w:r><w:t>" + "規則" * 200 + "</w:t></w:r></w:p>"
    body = paragraph * (megabytes * 1024 * 1024 // len(paragraph.encode()))
    xml = (
        '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org'
        f'/wordprocessingml/2006/main"><w:body>{body}</w:body></w:document>'
    )
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(template)) as src,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as dst,
    ):
        for info in src.infolist():
            data = xml.encode() if info.filename == member else src.read(info.filename)
            dst.writestr(info.filename, data)
    return out.getvalue()


def _docx() -> bytes:
    import docx

    document = docx.Document()
    document.add_paragraph("第1条 この規則は、公布の日から施行する。")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _xlsx() -> bytes:
    import openpyxl

    book = openpyxl.Workbook()
    book.active.append(["施設ID", "施設名"])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def docx_bomb_bytes() -> bytes:
    return _bomb(_docx(), "word/document.xml", 50)


@pytest.fixture(scope="module")
def docx_bomb() -> bytes:
    return docx_bomb_bytes()


def test_the_generated_docx_is_a_bomb(docx_bomb: bytes) -> None:
    with zipfile.ZipFile(io.BytesIO(docx_bomb)) as archive:
        expanded = sum(i.file_size for i in archive.infolist())
    assert len(docx_bomb) < 1024 * 1024 and expanded > 50 * 1024 * 1024 * 0.95


def test_docx_bomb_is_refused_through_the_api(platform: Platform, docx_bomb: bytes) -> None:
    seed(platform)
    with platform.db.write() as session:
        key = {"Authorization": f"Bearer {auth.create_api_key(session, 'aoba-editor')}"}
    with TestClient(hoiku_app(platform)) as client:
        response = client.post(
            "/api/v1/tenants/aoba/documents",
            files={"file": ("reiki.docx", docx_bomb, "application/octet-stream")},
            headers=key,
        )
        assert response.json()["status"] == "error", response.text
        assert (
            "展開" in response.json()["message"]["ja"] or "圧縮" in response.json()["message"]["ja"]
        )
        # before: a minute of parsing into ~18,000 chunks
        listed = client.get("/api/v1/tenants/aoba/documents", headers=key).json()
        assert listed == []


def test_xlsx_bomb_is_refused_by_the_nursery_upload(platform: Platform) -> None:
    world: World = seed(platform)
    assert world.aoba_id
    bomb = _bomb(_xlsx(), "xl/worksheets/sheet1.xml", 40)
    with TestClient(hoiku_app(platform)) as client:
        csrf = console_login(client, "aoba-editor")
        response = client.post(
            "/console/t/aoba/hoiku",
            data={"csrf_token": csrf},
            files=[("files", ("facilities.xlsx", bomb)), ("files", ("children.xlsx", bomb))],
            follow_redirects=False,
        )
    assert response.status_code == 422
    assert "展開" in response.text or "圧縮" in response.text


def test_pdf_page_limit_and_chunk_limit() -> None:
    from pypdf import PdfWriter

    writer = PdfWriter()
    for _ in range(60):
        writer.add_blank_page(width=200, height=200)
    out = io.BytesIO()
    writer.write(out)
    limits = archives.ExpansionLimits(max_pdf_pages=50)
    with pytest.raises(archives.ExpansionRefused) as refused:
        archives.check_upload("big.pdf", out.getvalue(), limits)
    assert refused.value.key == "limits.pdf_pages" and refused.value.params["pages"] == 60
    archives.check_upload("big.pdf", out.getvalue())  # within the default limit
    with pytest.raises(archives.ExpansionRefused):
        archives.check_chunks(5001)
    archives.check_chunks(5000)
    # An ordinary, well-compressed document is not refused.
    archives.check_upload("plain.docx", _docx())
