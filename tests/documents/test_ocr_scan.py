"""Copier-like scans (issue 15): real law text typeset by LibreOffice, rasterised by pdftoppm,
skewed, speckled, stamped and JPEG-compressed, then read back by Tesseract."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from jichitai_ai.documents.ocr import ocr_available
from jichitai_ai.documents.ocr._scan import (
    degrade,
    evaluate_scans,
    paginate,
    paragraphs_of,
    rasterise,
    scan_tools_available,
)
from jichitai_ai.documents.ocr._synthetic import font_path, render

FIXTURES = Path(__file__).parent / "fixtures"


def test_paginate_keeps_paragraphs_whole_and_pages_bounded() -> None:
    paras = ["あ" * 300, "い" * 300, "う" * 300, "", "え" * 1000]
    pages = paginate(paras, page_chars=700)
    assert pages == [["あ" * 300, "い" * 300], ["う" * 300], ["え" * 700]]
    assert all(sum(map(len, p)) <= 700 for p in pages)


def test_paragraphs_of_a_real_law_are_its_provisions() -> None:
    paras = paragraphs_of(FIXTURES / "405AC0000000088_gyosei_tetsuzuki.xml")
    assert paras[0].startswith("第1条　この法律は、処分、行政指導及び届出に関する手続")
    assert not any("目次" in p[:4] for p in paras)


@pytest.mark.skipif(font_path() is None, reason="Noto CJK font missing")
def test_degrade_skews_1_to_3_degrees_and_writes_jpeg() -> None:
    from PIL import Image

    page = render(["第一条　この条例は、町営駐車場の設置に関し必要な事項を定める。"])
    angles = []
    for seed in range(6):
        data, angle = degrade(page, seed=seed)
        angles.append(angle)
        assert data[:3] == b"\xff\xd8\xff"  # JPEG
        with Image.open(io.BytesIO(data)) as img:
            assert img.width > 2480  # expanded by the rotation
    assert all(1.0 <= abs(a) <= 3.0 for a in angles)
    assert len({round(a, 3) for a in angles}) == len(angles)  # seeds differ


@pytest.mark.skipif(
    not (scan_tools_available() and ocr_available() and font_path() is not None),
    reason="LibreOffice / poppler / Tesseract jpn missing: run scripts/ensure-services.sh",
)
def test_a_typeset_law_page_survives_a_copier_scan() -> None:
    paras = paragraphs_of(FIXTURES / "405AC0000000088_gyosei_tetsuzuki.xml")[1:3]
    scores = evaluate_scans(paras, dpis=(200,), max_pages=1)
    assert len(scores) == 1 and scores[0].characters == sum(map(len, paginate(paras)[0]))
    assert 1.0 <= abs(scores[0].skew_degrees) <= 3.0
    assert scores[0].accuracy >= 0.9, scores[0]


@pytest.mark.skipif(not scan_tools_available(), reason="poppler missing")
def test_rasterise_gives_one_png_per_pdf_page() -> None:
    from PIL import Image

    buf = io.BytesIO()
    Image.new("L", (200, 300), 255).save(
        buf, format="PDF", save_all=True, append_images=[Image.new("L", (200, 300), 255)]
    )
    pngs = rasterise(buf.getvalue(), 150)
    assert len(pngs) == 2 and all(p[:4] == b"\x89PNG" for p in pngs)


@pytest.mark.skipif(font_path() is None, reason="Noto CJK font missing")
@pytest.mark.parametrize("angle", [-2.6, -1.3, 1.8, 3.0])
def test_deskew_finds_the_copier_skew(angle: float) -> None:
    from PIL import Image

    from jichitai_ai.documents.ocr._deskew import deskewed, skew_angle

    lines = ["第五条　行政庁は、審査基準を定めるものとする。"] * 6
    with Image.open(io.BytesIO(render(lines))) as page:
        straight = page.convert("L")
    assert abs(skew_angle(straight)) < 0.4
    tilted = straight.rotate(angle, expand=True, fillcolor=255, resample=Image.Resampling.BICUBIC)
    assert skew_angle(tilted) == pytest.approx(-angle, abs=0.4)
    _, applied = deskewed(tilted)
    assert applied == pytest.approx(-angle, abs=0.4)
    assert deskewed(straight)[1] == 0.0  # a level page is left alone
