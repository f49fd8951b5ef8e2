"""OCR of scanned pages (issue 15): Tesseract reads generated scans (clean, rotated, vertical),
confidences per line and page, scanned PDFs and images are indexed instead of 要OCR, low-confidence
lines wait for review and a correction is what search finds."""

from __future__ import annotations

import io

import pytest

from jichitai_ai.documents import Viewer, _ocr_store
from jichitai_ai.documents.ocr import ocr_available, ocr_image
from jichitai_ai.documents.ocr._synthetic import character_accuracy, font_path, render
from jichitai_ai.documents.ocr._tsv import lines_from_tsv
from jichitai_ai.documents.service import DocumentService

pytestmark = pytest.mark.skipif(
    not ocr_available() or font_path() is None,
    reason="Tesseract jpn / Noto CJK missing: run scripts/ensure-services.sh",
)

LINES = [
    "第一条　この条例は、町営駐車場の設置及び管理に関し必要な事項を定める。",
    "第二条　駐車場の供用時間は、午前七時から午後十時までとする。",
    "第三条　使用料は、別表に定める額とする。",
]


def _pdf_of(png: bytes) -> bytes:
    """A scanned PDF: the page is an image, there is no text layer."""
    from PIL import Image

    out = io.BytesIO()
    with Image.open(io.BytesIO(png)) as img:
        img.convert("RGB").save(out, format="PDF", resolution=300.0)
    return out.getvalue()


def test_tsv_lines_join_japanese_words_and_weigh_confidence() -> None:
    tsv = (
        "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n"
        "5\t1\t1\t1\t1\t1\t10\t10\t20\t20\t90\t駐車\n"
        "5\t1\t1\t1\t1\t2\t30\t10\t10\t20\t30\t場\n"
        "5\t1\t1\t1\t2\t1\t10\t40\t20\t20\t95\tJR\n"
        "5\t1\t1\t1\t2\t2\t40\t40\t20\t20\t95\tline\n"
    )
    lines = lines_from_tsv(tsv, 3, lambda *a: a)
    assert [(p, n, text) for p, n, text, _, _ in lines] == [(3, 1, "駐車場"), (3, 2, "JR line")]
    assert lines[0][3] == pytest.approx((90 * 2 + 30) / 3, abs=0.1)


@pytest.mark.parametrize("variant", ["clean", "rotated"])
def test_printed_page_is_read_at_95_percent_or_better(variant: str) -> None:
    result = ocr_image(render(LINES, variant))
    text = "".join(line.text for line in result.lines)
    assert character_accuracy("".join(LINES), text) >= 0.95
    assert result.pages[0].confidence > 70 and all(0 <= ln.confidence <= 100 for ln in result.lines)
    if variant == "rotated":
        assert result.pages[0].rotation in (90, 270)


def test_vertical_writing_is_read_as_vertical() -> None:
    result = ocr_image(render(LINES[:2], "vertical"))
    assert result.pages[0].vertical
    text = "".join(line.text for line in result.lines)
    assert character_accuracy("".join(LINES[:2]), text) >= 0.9


def test_character_accuracy_is_edit_distance_based() -> None:
    assert character_accuracy("駐車場使用料", "駐車場使用料") == 1.0
    assert character_accuracy("駐車場使用料", "駐車場使周料") == pytest.approx(5 / 6)
    assert character_accuracy("駐車場", "") == 0.0


def test_scanned_pdf_is_indexed_queued_and_corrections_are_searched(
    service: DocumentService, tenant: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(_ocr_store, "REVIEW_BELOW", 101.0)  # every line waits for a person
    item = service.ingest(tenant, "scan.pdf", _pdf_of(render(LINES, "clean")))
    assert item.status == "indexed", item.message
    assert item.ocr_review >= 3 and "OCR" in item.message["ja"]
    hits = service.search(tenant, "駐車場の供用時間", Viewer.everything(), k=3)
    assert hits and hits[0].location.startswith("第2条") and hits[0].page == 1

    queue = service.ocr_queue(tenant, Viewer.everything())
    assert len(queue) == item.ocr_review and queue[0].document == "scan"
    # Residents' viewer sees no staff collection lines.
    assert service.ocr_queue(tenant, Viewer.resident()) == []
    target = next(q for q in queue if "使用料" in q.text)
    service.review_ocr_line(
        tenant, target.id, "第三条　使用料は、別表に定める額とし、前納とする。", Viewer.everything()
    )
    accepted = next(q for q in queue if q.id != target.id)
    service.review_ocr_line(tenant, accepted.id, None, Viewer.everything())
    remaining = {q.id for q in service.ocr_queue(tenant, Viewer.everything())}
    assert target.id not in remaining and accepted.id not in remaining
    hits = service.search(tenant, "前納", Viewer.everything(), k=3)
    assert hits and hits[0].location.startswith("第3条") and "前納とする" in hits[0].text


def test_image_file_is_read_and_broken_image_reported(
    service: DocumentService, tenant: str
) -> None:
    item = service.ingest(tenant, "page.png", render(LINES[:2], "clean"))
    assert item.status == "indexed" and item.added >= 1
    bad = service.ingest(tenant, "broken.png", b"\x89PNG\r\n\x1a\nnot really")
    assert bad.status == "error" and bad.message["ja"]


def test_without_tesseract_scans_stay_marked_needs_ocr(
    service: DocumentService, tenant: str
) -> None:
    service.ocr_enabled = False
    item = service.ingest(tenant, "scan.pdf", _pdf_of(render(LINES[:1], "clean")))
    assert item.status == "needs_ocr" and item.added == 0


@pytest.mark.parametrize(
    ("read", "fixed"),
    [
        ("第一条この条例は", "第一条　この条例は"),
        ("第三条の規定により", "第三条の規定により"),
        ("第十五条第一項の", "第十五条第一項の"),
        ("２使用料は", "２　使用料は"),
        ("2人以上の", "2人以上の"),
    ],
)
def test_ocr_lost_spaces_after_article_numbers_are_restored(read: str, fixed: str) -> None:
    assert _ocr_store.restore_spaces(read) == fixed


def test_a_page_of_drawings_is_not_indexed_as_text(service: DocumentService, tenant: str) -> None:
    """Rectangles read as 「|mm】m】」 at confidence < 20: the scan stays 要OCR, no junk passages."""
    from pathlib import Path
    from tempfile import TemporaryDirectory

    from tests.documents.samples import write_scanned_pdf

    with TemporaryDirectory() as folder:
        data = write_scanned_pdf(Path(folder) / "drawings.pdf").read_bytes()
    item = service.ingest(tenant, "drawings.pdf", data)
    assert item.status == "needs_ocr" and item.added == 0
