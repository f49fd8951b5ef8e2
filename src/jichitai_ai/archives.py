"""Limits on what an uploaded office file or PDF may expand to (zip bombs, 展開後サイズ制限).

DOCX and XLSX are ZIP archives: a 190 KB file can declare 50 MB of XML, which then takes a
minute to parse into tens of thousands of chunks. Python's zipfile never inflates a member
past its declared size, so checking the declared sizes before any parser opens the archive
bounds the work. PDFs are bounded by their page count (checked before text extraction).
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from pathlib import PurePath

ZIP_SUFFIXES = frozenset({".docx", ".xlsx", ".xlsm", ".pptx", ".odt", ".ods"})


@dataclass(frozen=True)
class ExpansionLimits:
    #: Total declared size of all members.
    max_expanded_bytes: int = 64 * 1024 * 1024
    #: Expanded / compressed, checked once the expansion is past ``ratio_floor_bytes``.
    max_ratio: float = 100.0
    ratio_floor_bytes: int = 8 * 1024 * 1024
    max_members: int = 10_000
    max_pdf_pages: int = 3_000
    #: Chunks one document may produce after parsing.
    max_chunks: int = 5_000


class ExpansionRefused(ValueError):
    """The file would expand past a limit; ``key`` and ``params`` name which (i18n)."""

    def __init__(self, key: str, **params: object) -> None:
        self.key = key
        self.params = params
        super().__init__(key)


def check_zip(data: bytes, limits: ExpansionLimits) -> None:
    """Refuse an archive whose members declare too much (or too many members)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return  # not a readable archive: the format's own parser reports it
    if len(infos) > limits.max_members:
        raise ExpansionRefused("limits.zip_members", count=len(infos), limit=limits.max_members)
    expanded = sum(info.file_size for info in infos)
    limit_mb = limits.max_expanded_bytes // (1024 * 1024)
    if expanded > limits.max_expanded_bytes:
        raise ExpansionRefused("limits.expanded_size", mb=expanded // (1024 * 1024), limit=limit_mb)
    ratio = expanded / max(1, len(data))
    if expanded > limits.ratio_floor_bytes and ratio > limits.max_ratio:
        raise ExpansionRefused(
            "limits.expansion_ratio", ratio=int(ratio), limit=int(limits.max_ratio)
        )


def check_pdf(data: bytes, limits: ExpansionLimits) -> None:
    try:
        from pypdf import PdfReader

        pages = len(PdfReader(io.BytesIO(data)).pages)
    except Exception:  # broken PDFs are reported by the reader that extracts text
        return
    if pages > limits.max_pdf_pages:
        raise ExpansionRefused("limits.pdf_pages", pages=pages, limit=limits.max_pdf_pages)


def check_upload(name: str, data: bytes, limits: ExpansionLimits | None = None) -> None:
    """Check a file by its name's suffix (or ZIP/PDF magic) before it is parsed."""
    limits = limits or ExpansionLimits()
    suffix = PurePath(name).suffix.lower()
    if suffix in ZIP_SUFFIXES or data[:4] == b"PK\x03\x04":
        check_zip(data, limits)
    elif suffix == ".pdf" or data[:5] == b"%PDF-":
        check_pdf(data, limits)


def check_chunks(count: int, limits: ExpansionLimits | None = None) -> None:
    limits = limits or ExpansionLimits()
    if count > limits.max_chunks:
        raise ExpansionRefused("limits.chunks", count=count, limit=limits.max_chunks)
