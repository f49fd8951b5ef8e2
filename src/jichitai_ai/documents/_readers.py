"""Choose a reader by file extension; every reader returns a :class:`ParsedDocument`."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from pathlib import PurePath

from jichitai_ai.documents._model import ParsedDocument
from jichitai_ai.documents._read_egov import read_egov_xml
from jichitai_ai.documents._read_markup import read_csv, read_html, read_markdown, read_text
from jichitai_ai.documents._read_office import read_docx, read_xlsx
from jichitai_ai.documents._read_pdf import EncryptedPdf, read_pdf
from jichitai_ai.documents._unreadable import MAX_IMAGE_PIXELS, ImageTooLarge, unreadable
from jichitai_ai.documents.errors import UnsupportedFormat

Reader = Callable[[bytes, str], ParsedDocument]


def read_image(data: bytes, fallback_title: str) -> ParsedDocument:
    """A scanned page as an image: nothing to read until OCR (要OCR)."""
    import io

    from PIL import Image

    with Image.open(io.BytesIO(data)) as img:
        width, height = img.size
        if width * height > MAX_IMAGE_PIXELS:
            raise ImageTooLarge(f"image too large: {width}x{height}")
        img.verify()
    return ParsedDocument(title=fallback_title, format="image", pages=1, needs_ocr=True)


READERS: dict[str, tuple[Reader, str]] = {
    ".pdf": (read_pdf, "application/pdf"),
    ".docx": (read_docx, "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    ".xlsx": (read_xlsx, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    ".csv": (read_csv, "text/csv"),  # no charset: stored as uploaded (Shift_JIS or UTF-8)
    ".html": (read_html, "text/html; charset=utf-8"),
    ".htm": (read_html, "text/html; charset=utf-8"),
    ".md": (read_markdown, "text/markdown; charset=utf-8"),
    ".markdown": (read_markdown, "text/markdown; charset=utf-8"),
    ".txt": (read_text, "text/plain; charset=utf-8"),
    ".xml": (read_egov_xml, "application/xml"),
    ".png": (read_image, "image/png"),
    ".jpg": (read_image, "image/jpeg"),
    ".jpeg": (read_image, "image/jpeg"),
    ".tif": (read_image, "image/tiff"),
    ".tiff": (read_image, "image/tiff"),
}


def supported(name: str) -> bool:
    return PurePath(name).suffix.lower() in READERS


def media_type(name: str) -> str:
    entry = READERS.get(PurePath(name).suffix.lower())
    return entry[1] if entry else "application/octet-stream"


def parse(name: str, data: bytes) -> ParsedDocument:
    """Extract text and structure; raises UnsupportedFormat or DocumentUnreadable."""
    from jichitai_ai.documents.errors import DocumentUnreadable

    suffix = PurePath(name).suffix.lower()
    if suffix not in READERS:
        raise UnsupportedFormat("documents.unsupported_format", name=name, suffix=suffix or "-")
    reader = READERS[suffix][0]
    try:
        doc = reader(data, PurePath(name).stem)
    except EncryptedPdf as exc:
        raise DocumentUnreadable("documents.pdf_encrypted", name=name) from exc
    except Exception as exc:  # every library raises its own types for broken files
        raise unreadable(name, suffix, exc) from exc
    return with_reiki_title(_without_controls(doc))


#: Control characters other than tab and line breaks, and lone surrogates (a PDF's broken
#: character map): no reader's text needs them, and PostgreSQL refuses a NUL in a text column
#: (a .txt with one NUL failed to store at all: red team hr8).
_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")


def _without_controls(doc: ParsedDocument) -> ParsedDocument:
    if not _CONTROLS.search(doc.title) and not any(_CONTROLS.search(b.text) for b in doc.blocks):
        return doc
    doc.title = _CONTROLS.sub("", doc.title)
    doc.blocks = [replace(b, text=_CONTROLS.sub("", b.text)) for b in doc.blocks]
    return doc


#: 「○城崎温泉供給条例」: 例規集 mark a regulation's title with ○ (one of the first lines).
_MARKED_TITLE = re.compile(
    r"^[○◯〇]\s*(\S.*(?:条例|規則|規程|要綱|要領|訓令|告示|法律|法|令|規約))$"
)


def with_reiki_title(doc: ParsedDocument, lines: int = 3) -> ParsedDocument:
    """Use a 例規集 title line (○…条例) among the first lines as the title, without its ○, in
    every format: a 例規 pasted as text or saved from a 例規集 page keeps its real name."""
    for block in doc.blocks[:lines]:
        m = _MARKED_TITLE.match(block.text.strip())
        if m:
            doc.title = m.group(1).strip()
            return doc
    doc.title = doc.title.lstrip("○◯ 　") or doc.title
    return doc
