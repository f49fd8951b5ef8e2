"""Which catalogue message explains a file its reader could not read.

Staff read a message in their language that says what to do; the library's own English text
(pypdf's "Stream has ended unexpectedly", zipfile's "File is not a zip file") goes to the log
only, where an administrator can look it up.
"""

from __future__ import annotations

import logging

from jichitai_ai.documents.errors import DocumentUnreadable

log = logging.getLogger(__name__)

#: Pixels above this are refused (decompression bombs); an A4 page at 600 dpi is ~35 MP.
MAX_IMAGE_PIXELS = 80_000_000

_IMAGE = "documents.unreadable_image"
_OFFICE = "documents.unreadable_office"
#: Extension → the known failure class of its reader.
KEYS: dict[str, str] = {
    ".pdf": "documents.unreadable_pdf",
    ".docx": _OFFICE,
    ".xlsx": _OFFICE,
    ".xml": "documents.unreadable_law_xml",
    ".png": _IMAGE,
    ".jpg": _IMAGE,
    ".jpeg": _IMAGE,
    ".tif": _IMAGE,
    ".tiff": _IMAGE,
}


class ImageTooLarge(ValueError):
    """An image with more pixels than :data:`MAX_IMAGE_PIXELS` (a decompression bomb)."""


def _too_large(exc: Exception) -> bool:
    if isinstance(exc, ImageTooLarge):
        return True
    from PIL import Image

    return isinstance(exc, Image.DecompressionBombError)


def unreadable(name: str, suffix: str, exc: Exception) -> DocumentUnreadable:
    """The error shown for ``name``; the library detail is logged, never shown."""
    log.warning("document %r unreadable: %s: %s", name, type(exc).__name__, str(exc)[:200])
    if _too_large(exc):
        return DocumentUnreadable(
            "documents.image_too_large",
            name=name,
            man=MAX_IMAGE_PIXELS // 10_000,
            megapixels=MAX_IMAGE_PIXELS // 1_000_000,
        )
    return DocumentUnreadable(KEYS.get(suffix, "documents.unreadable"), name=name)
