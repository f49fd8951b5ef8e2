"""Tesseract through its command line (no Python binding needed): rasterise PDF pages with
pdftoppm, find the page's rotation (OSD), read horizontal and, when that reads poorly, vertical
Japanese (縦書き), and keep the reading with the higher confidence."""

from __future__ import annotations

import functools
import io
import math
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from jichitai_ai.documents.ocr._deskew import deskewed
from jichitai_ai.documents.ocr._tsv import lines_from_tsv

#: Below this mean confidence a horizontal reading is retried despeckled and as vertical (縦書き).
RETRY_BELOW = 85.0
#: Mean characters per line below which a horizontal reading looks like columns read across.
SHORT_LINE_CHARS = 5
#: A page whose reading is less confident than this (or shorter) is not text: it stays 要OCR.
MIN_PAGE_CONFIDENCE = 40.0
MIN_PAGE_CHARS = 10
DPI = 300
TIMEOUT_SECONDS = 120
MAX_PAGES = 200
#: Pixels of one rasterised page (A3 at 300 dpi is ~17.4 MP). A bigger page is read at a lower
#: resolution: a 400-byte PDF with a 2 m page would otherwise be a 1.6 GB bitmap per page.
MAX_PAGE_PIXELS = 18_000_000
#: pdftoppm never renders more than this many pixels across or down (a page whose size pypdf
#: could not read is cropped there rather than rasterised whole).
MAX_PAGE_SIDE = 15_000


@dataclass(frozen=True)
class OcrLine:
    """One line as read, with Tesseract's confidence (0–100, mean of its words)."""

    page: int
    number: int
    text: str
    confidence: float
    box: tuple[int, int, int, int] = (0, 0, 0, 0)


@dataclass
class OcrPage:
    number: int
    lines: list[OcrLine] = field(default_factory=list)
    rotation: int = 0
    vertical: bool = False

    @property
    def confidence(self) -> float:
        """Mean line confidence weighted by characters (0 for an empty page)."""
        chars = sum(len(line.text) for line in self.lines)
        if not chars:
            return 0.0
        return sum(line.confidence * len(line.text) for line in self.lines) / chars


@dataclass
class OcrResult:
    pages: list[OcrPage] = field(default_factory=list)

    def readable(self) -> OcrResult:
        """Only pages that read as text: drawings and photos give a few symbols at very low
        confidence, which must not be indexed as if they were the page's text."""
        return OcrResult(
            [
                p
                for p in self.pages
                if p.confidence >= MIN_PAGE_CONFIDENCE
                and sum(len(line.text) for line in p.lines) >= MIN_PAGE_CHARS
            ]
        )

    @property
    def lines(self) -> list[OcrLine]:
        return [line for page in self.pages for line in page.lines]

    @property
    def confidence(self) -> float:
        chars = sum(len(line.text) for line in self.lines)
        if not chars:
            return 0.0
        return sum(line.confidence * len(line.text) for line in self.lines) / chars


@functools.lru_cache(maxsize=1)
def ocr_available() -> bool:
    """Tesseract with the Japanese model is installed (scripts/ensure-services.sh installs it)."""
    if shutil.which("tesseract") is None:
        return False
    try:
        out = subprocess.run(
            ["tesseract", "--list-langs"], capture_output=True, text=True, timeout=30
        )
    except (OSError, subprocess.TimeoutExpired):
        return False
    return "jpn" in out.stdout.split()


def _tesseract(image: Path, lang: str, psm: int) -> str:
    out = subprocess.run(
        ["tesseract", str(image), "stdout", "-l", lang, "--psm", str(psm), "tsv"],
        capture_output=True,
        text=True,
        timeout=TIMEOUT_SECONDS,
        check=False,
    )
    return out.stdout


def _rotation(image: Path) -> int:
    """Degrees the page is rotated (0/90/180/270) according to Tesseract's OSD; 0 if unsure."""
    out = subprocess.run(
        ["tesseract", str(image), "stdout", "--psm", "0", "-l", "osd"],
        capture_output=True,
        text=True,
        timeout=TIMEOUT_SECONDS,
        check=False,
    )
    rotate = 0
    confident = False
    for line in out.stdout.splitlines():
        key, _, value = line.partition(":")
        if key.strip() == "Rotate":
            rotate = int(value.strip() or 0)
        elif key.strip() == "Orientation confidence":
            confident = float(value.strip() or 0) >= 2.0
    return rotate if confident else 0


def _reading(image: Path, number: int, rotation: int, *, vertical: bool) -> OcrPage:
    lang, psm = ("jpn_vert", 5) if vertical else ("jpn", 6)
    page = OcrPage(number, lines_from_tsv(_tesseract(image, lang, psm), number, OcrLine), rotation)
    page.vertical = vertical
    return page


def _read_page(image: Path, number: int) -> OcrPage:
    """The most confident of: horizontal; if that reads poorly, horizontal after a median filter
    (speckle noise of fax and photocopies); vertical when it still reads poorly or looks like
    columns read across."""
    from PIL import Image, ImageFilter

    rotation = _rotation(image)
    if rotation:
        with Image.open(image) as img:
            img.rotate(-rotation, expand=True, fillcolor="white").save(image)
    with Image.open(image) as img:
        level, correction = deskewed(img)
        if correction:
            level.save(image)
    page = _reading(image, number, rotation, vertical=False)
    if page.confidence < RETRY_BELOW:
        cleaned = image.with_name(f"m-{image.stem}.png")
        with Image.open(image) as img:
            img.filter(ImageFilter.MedianFilter(3)).save(cleaned)
        despeckled = _reading(cleaned, number, rotation, vertical=False)
        if despeckled.confidence > page.confidence:
            page = despeckled
    chars = sum(len(line.text) for line in page.lines)
    # Vertical text read across comes out as many one- or two-character "lines".
    looks_vertical = bool(page.lines) and chars / len(page.lines) < SHORT_LINE_CHARS
    if page.confidence < RETRY_BELOW or looks_vertical:
        vertical = _reading(image, number, rotation, vertical=True)
        if vertical.confidence > page.confidence:
            page = vertical
    return page


def ocr_image(data: bytes, page_number: int = 1) -> OcrResult:
    """Read one image (PNG, JPEG, TIFF …)."""
    from PIL import Image

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "page.png"
        with Image.open(io.BytesIO(data)) as img:
            img.convert("L").save(path)
        return OcrResult([_read_page(path, page_number)])


def ocr_pdf_pages(data: bytes, pages: list[int] | None = None) -> OcrResult:
    """Rasterise the PDF's pages (all, or the given 1-based numbers) and read each."""
    with tempfile.TemporaryDirectory() as tmp:
        pdf = Path(tmp) / "in.pdf"
        pdf.write_bytes(data)
        wanted = pages or []
        count, lowered = _oversized_pages(data)
        if not wanted and lowered:
            wanted = list(range(1, min(count, MAX_PAGES) + 1))  # one call per page
        result = OcrResult()
        ranges = [(n, n) for n in wanted[:MAX_PAGES]] or [(0, 0)]
        for first, last in ranges:
            prefix = Path(tmp) / f"p{first}"
            args = ["pdftoppm", "-r", str(lowered.get(first, DPI)), "-gray", "-png"]
            args += ["-W", str(MAX_PAGE_SIDE), "-H", str(MAX_PAGE_SIDE)]
            span = ["-f", str(first), "-l", str(last)] if first else ["-l", str(MAX_PAGES)]
            subprocess.run(
                [*args, *span, str(pdf), str(prefix)],
                capture_output=True,
                timeout=TIMEOUT_SECONDS * 5,
                check=True,
            )
        images = sorted(Path(tmp).glob("p*.png"), key=_page_of)
        for image in images:
            result.pages.append(_read_page(image, _page_of(image)))
        return result


def _oversized_pages(data: bytes) -> tuple[int, dict[int, int]]:
    """The page count, and the pages whose raster at ``DPI`` would pass ``MAX_PAGE_PIXELS``
    with the resolution that keeps each under it (pdftoppm renders the media box)."""
    from pypdf import PdfReader

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            reader.decrypt("")
        lowered: dict[int, int] = {}
        for number, page in enumerate(reader.pages[:MAX_PAGES], start=1):
            unit = float(page.user_unit or 1)
            box = page.mediabox
            pixels = (abs(float(box.width)) * unit * DPI / 72) * (
                abs(float(box.height)) * unit * DPI / 72
            )
            if pixels > MAX_PAGE_PIXELS:
                lowered[number] = max(1, int(DPI * math.sqrt(MAX_PAGE_PIXELS / pixels)))
        return len(reader.pages), lowered
    except Exception:  # pypdf read this file before (read_pdf); MAX_PAGE_SIDE still holds
        return 0, {}


def _page_of(image: Path) -> int:
    """pdftoppm names pages ``<prefix>-<n>.png`` (n zero-padded)."""
    return int(image.stem.rsplit("-", 1)[-1])
