"""A PDF page of absurd size is read at a lower resolution, not rasterised whole (red team hr3).

A scanned page saved with a tiny resolution setting (or a hostile 400-byte PDF with a 2 m page)
declares a page metres wide; pdftoppm at 300 dpi made one bitmap of it — 625 MP, 1.2 GB of
memory and ~14 s of CPU per blank page — and then Pillow refused the picture as a
decompression bomb, so even an honest scan failed. Now each page keeps under
``MAX_PAGE_PIXELS`` and is read.
"""

from __future__ import annotations

import io
import resource

import pytest

from jichitai_ai.documents.ocr import ocr_available
from jichitai_ai.documents.ocr._engine import MAX_PAGE_PIXELS, ocr_pdf_pages
from jichitai_ai.documents.ocr._synthetic import character_accuracy, font_path, render
from jichitai_ai.documents.service import DocumentService

pytestmark = pytest.mark.skipif(
    not ocr_available() or font_path() is None,
    reason="Tesseract jpn / Noto CJK missing: run scripts/ensure-services.sh",
)

LINES = [
    "第一条　この要綱は、地区集会所の貸出しに関し必要な事項を定める。",
    "第二条　集会所の利用時間は、午前九時から午後九時までとする。",
]


def _huge_page_scan() -> bytes:
    """The scan of one page, saved as if printed at 16 dpi: a page 3.9 m wide (307 MP at 300 dpi)."""
    from PIL import Image

    out = io.BytesIO()
    with Image.open(io.BytesIO(render(LINES, "clean"))) as img:
        img.convert("RGB").save(out, format="PDF", resolution=16.0)
    return out.getvalue()


def _blank_pages(count: int, points: int) -> bytes:
    from pypdf import PdfWriter

    writer = PdfWriter()
    for _ in range(count):
        writer.add_blank_page(points, points)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_a_scan_declared_metres_wide_is_still_read(service: DocumentService, tenant: str) -> None:
    data = _huge_page_scan()
    item = service.ingest(tenant, "shukaijo.pdf", data)
    assert item.status == "indexed", item.message
    result = ocr_pdf_pages(data)
    text = "".join(line.text for line in result.lines)
    assert character_accuracy("".join(LINES), text) >= 0.9
    # Tesseract's boxes are in raster pixels: the page it read was within the limit.
    right = max(line.box[0] + line.box[2] for line in result.lines)
    bottom = max(line.box[1] + line.box[3] for line in result.lines)
    assert right * bottom <= MAX_PAGE_PIXELS


def test_blank_pages_metres_wide_cost_no_giant_bitmap() -> None:
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    result = ocr_pdf_pages(_blank_pages(2, 6000))  # 2.1 m square: 625 MP each at 300 dpi
    assert result.readable().pages == []
    after = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    # pdftoppm held a 625 MB bitmap (1.8 GB measured); Tesseract on 18 MP stays far below.
    assert after <= max(before, 900 * 1024), (before, after)
