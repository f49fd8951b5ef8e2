"""Files the tests upload, generated in memory: a 例規 as DOCX and as PDF, a scan, a Q&A manual."""

from __future__ import annotations

import io
import tempfile
from pathlib import Path

from tests.documents.samples import QA_MANUAL, REIKI_TEXT, REIKI_TITLE, write_pdf, write_scanned_pdf

#: A second regulation, on two PDF pages, so a passage's link carries #page=2.
GOMI_PAGES = [
    [
        "あおば市廃棄物の処理及び清掃に関する条例",
        "第一条　この条例は、廃棄物の排出を抑制し、生活環境を清潔にすることを目的とする。",
        "第二条　市民は、廃棄物を分別して排出しなければならない。",
    ],
    [
        "第三条　粗大ごみを排出しようとする者は、あらかじめ市長に申し込まなければならない。",
        "２　粗大ごみの処理手数料は、一点につき五百円とする。",
        "第四条　家庭ごみは、市長が指定する日の午前八時までに集積所に出さなければならない。",
    ],
]


def reiki_docx() -> bytes:
    """The 勤務時間条例 of tests.documents.samples, one paragraph per line, as Word would hold it."""
    from docx import Document

    doc = Document()
    doc.core_properties.title = REIKI_TITLE
    for line in REIKI_TEXT.strip().splitlines():
        doc.add_paragraph(line)
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def gomi_pdf() -> bytes:
    with tempfile.TemporaryDirectory() as folder:
        return write_pdf(Path(folder) / "gomi.pdf", GOMI_PAGES).read_bytes()


def scanned_pdf() -> bytes:
    with tempfile.TemporaryDirectory() as folder:
        return write_scanned_pdf(Path(folder) / "scan.pdf").read_bytes()


def qa_manual() -> bytes:
    return QA_MANUAL.encode("utf-8")
