"""Hostile or odd files get a clear message and never crash the upload (red team hr3).

Found: a password-protected PDF was reported with pypdf's English "File has not been
decrypted"; a PNG whose chunks are intact but whose picture data is corrupt passed the check
and then crashed the upload inside OCR (500) — OCR failing now leaves the file 要OCR.
"""

from __future__ import annotations

import io
import struct
import zlib
from importlib.util import find_spec
from pathlib import Path

import pytest

from jichitai_ai.documents import Viewer
from jichitai_ai.documents.ocr import ocr_available
from jichitai_ai.documents.service import DocumentService
from tests.documents.samples import write_pdf

#: Text of the copy-protected 例規 below (written for this test, not taken from src/).
_KIYAKU = [
    "○みなと町集会所使用規程",
    "第一条　集会所の鍵は自治会長が預かる。",
    "第二条　使用は午後九時までとする。",
]


def _protected_pdf() -> bytes:
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    writer.encrypt("kanri-2026", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _encrypted_pdf(tmp_path: Path, algorithm: str, user_password: str) -> bytes:
    """A real text PDF encrypted by pypdf's writer (owner password set, as 例規集 do)."""
    from pypdf import PdfReader, PdfWriter

    if algorithm.startswith("AES"):
        assert find_spec("cryptography"), "pyproject's documents extra installs cryptography"
    plain = write_pdf(tmp_path / "plain.pdf", [_KIYAKU])
    writer = PdfWriter(clone_from=PdfReader(plain))
    writer.encrypt(user_password, owner_password="kanri-2026", algorithm=algorithm)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _png_with_corrupt_pixels() -> bytes:
    """A valid PNG signature and chunk CRCs around picture data that does not inflate."""
    from PIL import Image

    out = io.BytesIO()
    Image.new("L", (400, 300), 255).save(out, format="PNG")
    png = bytearray(out.getvalue())
    at = png.index(b"IDAT")
    length = struct.unpack(">I", png[at - 4 : at])[0]
    data = bytes(png[at + 4 : at + 4 + length])
    broken = data[:2] + bytes(b ^ 0x5A for b in data[2:])
    assert broken != data
    with pytest.raises(zlib.error):
        zlib.decompress(broken)
    crc = struct.pack(">I", zlib.crc32(b"IDAT" + broken))
    png[at + 4 : at + 4 + length] = broken
    png[at + 4 + length : at + 8 + length] = crc
    return bytes(png)


def test_a_password_protected_pdf_is_named_as_such(service: DocumentService, tenant: str) -> None:
    item = service.ingest(tenant, "kiyaku.pdf", _protected_pdf())
    assert item.status == "error"
    assert "パスワード" in item.message["ja"] and "password" in item.message["en"]
    assert "decrypted" not in item.message["en"]
    assert service.list_documents(tenant, Viewer.everything()) == []


@pytest.mark.parametrize("algorithm", ["AES-128", "AES-256", "RC4-128"])
def test_a_copy_protected_pdf_with_an_empty_password_is_read(
    tmp_path: Path, service: DocumentService, tenant: str, algorithm: str
) -> None:
    """Found (hr3/hr4): AES needs ``cryptography``, which the documents extra did not install,
    so every copy-protected (empty user password) 例規 PDF was refused as password-protected."""
    data = _encrypted_pdf(tmp_path, algorithm, user_password="")
    assert b"/Encrypt" in data
    item = service.ingest(tenant, "minato-kiyaku.pdf", data)
    assert item.status == "indexed", item.message
    hits = service.search(tenant, "集会所の鍵は誰が預かる", Viewer.everything(), k=3)
    assert hits and hits[0].document == "みなと町集会所使用規程"
    assert "自治会長" in hits[0].text


@pytest.mark.parametrize("algorithm", ["AES-128", "AES-256"])
def test_an_aes_pdf_with_a_real_password_is_named_as_such(
    tmp_path: Path, service: DocumentService, tenant: str, algorithm: str
) -> None:
    item = service.ingest(tenant, "secret.pdf", _encrypted_pdf(tmp_path, algorithm, "himitsu"))
    assert item.status == "error"
    assert item.message["ja"].startswith("「secret.pdf」はパスワードで保護されている")
    assert "password-protected" in item.message["en"]
    assert service.list_documents(tenant, Viewer.everything()) == []


@pytest.mark.skipif(not ocr_available(), reason="Tesseract missing")
def test_a_picture_ocr_cannot_decode_stays_to_be_read_not_a_crash(
    service: DocumentService, tenant: str
) -> None:
    item = service.ingest(tenant, "scan.png", _png_with_corrupt_pixels())
    assert item.status in ("needs_ocr", "error"), item
    assert item.message["ja"]
    # The next upload still works.
    fine = service.ingest(tenant, "memo.txt", "第一条　集会所の鍵は管理人が保管する。".encode())
    assert fine.status == "indexed"
