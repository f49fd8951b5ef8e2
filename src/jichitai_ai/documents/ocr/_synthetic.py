"""Synthetic scans of Japanese regulation text for measuring OCR (clean, rotated, noisy, vertical),
and character accuracy (1 − edit distance / reference length). ``jichitai-ai docs ocr-eval`` runs it
so an installation can check its Tesseract before trusting scanned 例規 to it."""

from __future__ import annotations

import io
import random
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

#: 行政手続法 (平成五年法律第八十八号) 第一条・第五条・第六条・第七条 — public law text (著作権法第13条).
SAMPLE_LINES = [
    "第一条　この法律は、処分、行政指導及び届出に関する手続並びに命令等を定める",
    "手続に関し、共通する事項を定めることによって、行政運営における公正の確保と",
    "透明性の向上を図り、もって国民の権利利益の保護に資することを目的とする。",
    "第五条　行政庁は、審査基準を定めるものとする。",
    "２　行政庁は、審査基準を定めるに当たっては、許認可等の性質に照らして",
    "できる限り具体的なものとしなければならない。",
    "第六条　行政庁は、申請がその事務所に到達してから当該申請に対する処分を",
    "するまでに通常要すべき標準的な期間を定めるよう努めるとともに、",
    "これを定めたときは、公にしておかなければならない。",
    "第七条　行政庁は、申請がその事務所に到達したときは遅滞なく当該申請の",
    "審査を開始しなければならない。",
]
FONTS = [
    "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
]
#: Index of the Japanese face inside the Noto CJK collections.
JP_FACE = 0
VARIANTS = ("clean", "rotated", "noisy", "vertical")


def font_path() -> str | None:
    return next((f for f in FONTS if Path(f).exists()), None)


def _font(size: int):  # type: ignore[no-untyped-def]
    from PIL import ImageFont

    path = font_path()
    if path is None:
        raise FileNotFoundError("Noto CJK font not found (apt install fonts-noto-cjk)")
    return ImageFont.truetype(path, size, index=JP_FACE)


def render(lines: list[str], variant: str = "clean", *, size: int = 40, seed: int = 0) -> bytes:
    """A PNG page of ``lines`` printed at about 300 dpi (A4 width) in the given condition."""
    from PIL import Image, ImageDraw, ImageFilter

    font = _font(size)
    rng = random.Random(seed)
    if variant == "vertical":
        height = 120 + size * max(len(line) for line in lines)
        width = 160 + int(size * 1.8) * len(lines)
        img = Image.new("L", (width, height), 255)
        draw = ImageDraw.Draw(img)
        for col, line in enumerate(lines):
            x = width - 100 - int(size * 1.8) * (col + 1)
            for row, ch in enumerate(line):
                draw.text((x, 60 + row * size), ch, font=font, fill=0)
    else:
        width = 2480
        img = Image.new("L", (width, 200 + int(size * 1.9) * len(lines)), 255)
        draw = ImageDraw.Draw(img)
        for row, line in enumerate(lines):
            draw.text((120, 100 + int(size * 1.9) * row), line, font=font, fill=0)
    if variant == "rotated":
        img = img.rotate(90, expand=True, fillcolor=255)
    elif variant == "noisy":
        img = img.rotate(1.2, expand=True, fillcolor=255, resample=Image.Resampling.BICUBIC)
        img = img.filter(ImageFilter.GaussianBlur(0.8))
        speckle(img, rng, 60, (0, 90, 180, 255))
    out = io.BytesIO()
    img.save(out, format="PNG")
    return out.getvalue()


def render_copy(
    lines: Sequence[tuple[str, int]],
    *,
    size: int = 36,
    seed: int = 5,
    angle: float = 0.8,
    dust: int = 80,
) -> bytes:
    """A photocopied page (PNG, about 300 dpi, A4 width): each line is (text, shrink), shrink 0
    printed as is, 2–4 printed that much smaller and enlarged again (a faded copy); then a slight
    skew, blur and dust. The same bytes for the same arguments."""
    from PIL import Image, ImageDraw, ImageFilter

    width, step = 2480, int(size * 1.9)
    rng = random.Random(seed)
    page = Image.new("L", (width, 200 + step * len(lines)), 255)
    for row, (text, shrink) in enumerate(lines):
        band = Image.new("L", (width, step), 255)
        if shrink:
            small = Image.new("L", (width // shrink, step // shrink), 255)
            ImageDraw.Draw(small).text(
                (120 // shrink, 8 // shrink), text, font=_font(size // shrink), fill=0
            )
            band = small.resize((width, step), Image.Resampling.NEAREST)
        else:
            ImageDraw.Draw(band).text((120, 8), text, font=_font(size), fill=0)
        page.paste(band, (0, 100 + step * row))
    page = page.rotate(angle, expand=True, fillcolor=255, resample=Image.Resampling.BICUBIC)
    page = page.filter(ImageFilter.GaussianBlur(0.3))
    speckle(page, rng, dust, (0, 120, 200))
    out = io.BytesIO()
    page.save(out, format="PNG")
    return out.getvalue()


def speckle(img, rng: random.Random, every: int, shades: tuple[int, ...]) -> None:  # type: ignore[no-untyped-def]
    """Dust on a scan: one pixel in ``every`` set to one of ``shades`` (in place)."""
    pixels = img.load()
    assert pixels is not None
    w, h = img.size
    for _ in range(w * h // every):
        x, y = rng.randrange(w), rng.randrange(h)
        pixels[x, y] = rng.choice(shades)


def _squeeze(text: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKC", text) if not ch.isspace())


def edit_distance(a: str, b: str) -> int:
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, start=1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, start=1):
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb))
        prev = cur
    return prev[-1]


def character_accuracy(reference: str, hypothesis: str) -> float:
    """1 − (Levenshtein distance / reference characters), spaces ignored, NFKC-normalised."""
    ref, hyp = _squeeze(reference), _squeeze(hypothesis)
    if not ref:
        return 1.0 if not hyp else 0.0
    return max(0.0, 1.0 - edit_distance(ref, hyp) / len(ref))


@dataclass
class VariantScore:
    variant: str
    accuracy: float
    confidence: float
    seconds: float
    vertical: bool
    rotation: int


def evaluate(
    variants: tuple[str, ...] = VARIANTS, lines: list[str] | None = None
) -> list[VariantScore]:
    """OCR each synthetic page and score it against the text it was rendered from."""
    import time

    from jichitai_ai.documents.ocr._engine import ocr_image

    lines = lines or SAMPLE_LINES
    out = []
    for n, variant in enumerate(variants):
        data = render(lines, variant, seed=n)
        started = time.perf_counter()
        result = ocr_image(data)
        seconds = time.perf_counter() - started
        text = "".join(line.text for line in result.lines)
        page = result.pages[0]
        out.append(
            VariantScore(
                variant,
                round(character_accuracy("".join(lines), text), 4),
                round(result.confidence, 1),
                round(seconds, 1),
                page.vertical,
                page.rotation,
            )
        )
    return out
