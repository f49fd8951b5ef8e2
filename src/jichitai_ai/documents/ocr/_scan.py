"""Scans as a municipality's copier makes them, for measuring OCR on something closer to real
paper than a drawn image: law text typeset by LibreOffice (DOCX → PDF), rasterised by pdftoppm at
150–200 dpi, then a skew of 1–3°, speckle, a 受付印-style stamp and a ruled line, and JPEG
compression. ``jichitai-ai docs ocr-eval --scan`` reports character accuracy per page."""

from __future__ import annotations

import io
import random
import resource
import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from jichitai_ai.documents.ocr._synthetic import character_accuracy

#: Characters per generated page: well under what an A4 page at 10.5 pt holds, so every
#: paragraph stays on the page it was put on and the reference text per page is exact.
PAGE_CHARS = 700
FONT = "Noto Serif CJK JP"


def scan_tools_available() -> bool:
    return shutil.which("soffice") is not None and shutil.which("pdftoppm") is not None


def paginate(paragraphs: Sequence[str], page_chars: int = PAGE_CHARS) -> list[list[str]]:
    """Paragraphs grouped into pages of at most ``page_chars`` characters (a longer paragraph
    gets a page of its own, cut at ``page_chars``)."""
    pages: list[list[str]] = []
    current: list[str] = []
    size = 0
    for para in paragraphs:
        para = para.strip()[:page_chars]
        if not para:
            continue
        if current and size + len(para) > page_chars:
            pages.append(current)
            current, size = [], 0
        current.append(para)
        size += len(para)
    if current:
        pages.append(current)
    return pages


def typeset_pdf(pages: Sequence[Sequence[str]], *, timeout: float = 180.0) -> bytes:
    """A PDF typeset by LibreOffice from a DOCX with one page per group of paragraphs."""
    from docx import Document
    from docx.enum.text import WD_BREAK
    from docx.oxml.ns import qn
    from docx.shared import Pt

    doc = Document()
    style = doc.styles["Normal"]
    style.font.name = FONT
    style.font.size = Pt(10.5)
    style.element.rPr.rFonts.set(qn("w:eastAsia"), FONT)
    for n, page in enumerate(pages):
        for para in page:
            doc.add_paragraph(para)
        if n < len(pages) - 1:
            doc.paragraphs[-1].add_run().add_break(WD_BREAK.PAGE)
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "law.docx"
        doc.save(str(src))
        profile = Path(tmp) / "profile"
        subprocess.run(
            [
                "soffice",
                f"-env:UserInstallation=file://{profile}",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                tmp,
                str(src),
            ],
            check=True,
            capture_output=True,
            timeout=timeout,
        )
        return (Path(tmp) / "law.pdf").read_bytes()


def rasterise(pdf: bytes, dpi: int) -> list[bytes]:
    """PNG pages of ``pdf`` at ``dpi`` (greyscale, as a copier scans text)."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "in.pdf"
        path.write_bytes(pdf)
        subprocess.run(
            ["pdftoppm", "-r", str(dpi), "-gray", "-png", str(path), str(Path(tmp) / "p")],
            check=True,
            capture_output=True,
            timeout=300,
        )
        return [p.read_bytes() for p in sorted(Path(tmp).glob("p-*.png"))]


def degrade(png: bytes, *, seed: int, jpeg_quality: int = 55) -> tuple[bytes, float]:
    """Skew 1–3°, speckle, a round stamp and a ruled line over the text, then JPEG artefacts;
    returns the JPEG and the skew angle in degrees."""
    from PIL import Image, ImageDraw, ImageFilter

    from jichitai_ai.documents.ocr._synthetic import _font

    rng = random.Random(seed)
    with Image.open(io.BytesIO(png)) as opened:
        img = opened.convert("L")
    w, h = img.size
    draw = ImageDraw.Draw(img)
    # A faint ruled line (binder edge / form rule) across the text block.
    y = int(h * rng.uniform(0.3, 0.6))
    draw.line([(int(w * 0.08), y), (int(w * 0.92), y)], fill=150, width=max(1, w // 800))
    # A 受付印: a grey circle with text, overlapping the top right of the text.
    r = w // 14
    cx, cy = int(w * rng.uniform(0.7, 0.85)), int(h * rng.uniform(0.1, 0.2))
    draw.ellipse([cx - r, cy - r, cx + r, cy + r], outline=110, width=max(2, w // 400))
    stamp_font = _font(max(10, r // 3))
    draw.text((cx - r * 0.6, cy - r * 0.2), "受付", font=stamp_font, fill=110)
    # Speckle: dust and toner dots.
    pixels = img.load()
    assert pixels is not None
    for _ in range(w * h // 900):
        x, yy = rng.randrange(w), rng.randrange(h)
        pixels[x, yy] = rng.choice((0, 60))
    img = img.filter(ImageFilter.GaussianBlur(0.5))
    angle = rng.choice((-1, 1)) * rng.uniform(1.0, 3.0)
    img = img.rotate(angle, expand=True, fillcolor=235, resample=Image.Resampling.BICUBIC)
    out = io.BytesIO()
    img.save(out, format="JPEG", quality=jpeg_quality)
    return out.getvalue(), angle


@dataclass
class ScanScore:
    page: int
    dpi: int
    accuracy: float
    confidence: float
    skew_degrees: float
    seconds: float
    characters: int


def evaluate_scans(
    paragraphs: Sequence[str], *, dpis: Sequence[int] = (150, 200), max_pages: int = 2
) -> list[ScanScore]:
    """Typeset, rasterise, degrade and OCR each page; accuracy against the page's own text."""
    from jichitai_ai.documents.ocr._engine import ocr_image

    pages = paginate(paragraphs)[:max_pages]
    pdf = typeset_pdf(pages)
    out: list[ScanScore] = []
    for dpi in dpis:
        images = rasterise(pdf, dpi)
        if len(images) != len(pages):
            raise RuntimeError(f"expected {len(pages)} pages, LibreOffice made {len(images)}")
        for n, (page, image) in enumerate(zip(pages, images, strict=True), start=1):
            seed = dpi * 100 + n
            scanned, angle = degrade(image, seed=seed)
            started = _child_cpu()
            result = ocr_image(scanned, n)
            seconds = _child_cpu() - started
            text = "".join(line.text for line in result.lines)
            reference = "".join(page)
            out.append(
                ScanScore(
                    n,
                    dpi,
                    round(character_accuracy(reference, text), 4),
                    round(result.confidence, 1),
                    round(angle, 2),
                    round(seconds, 1),
                    len(reference),
                )
            )
    return out


def _child_cpu() -> float:
    """CPU seconds of finished child processes (Tesseract runs as one): wall time is unreliable
    on a shared machine."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def paragraphs_of(path: Path) -> list[str]:
    """Provisions of a document (any format the readers know) as 「第N条　text」 paragraphs."""
    from jichitai_ai.documents._chunking import chunk_document
    from jichitai_ai.documents._readers import parse

    chunks = chunk_document(parse(path.name, path.read_bytes()))
    return [f"{c.location}　{c.text}".replace("\n", "") for c in chunks if c.text.strip()]
