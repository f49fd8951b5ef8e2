"""OCR for scanned pages (スキャンPDF・画像): Debian's Tesseract with its Japanese models
(tesseract-ocr-jpn, -jpn-vert), per-line and per-page confidence.

Lines the engine is unsure of go to a review queue where staff correct them (つくば市's AI-OCR
practice: what the machine cannot read goes to a person); corrected text is indexed.
"""

from __future__ import annotations

from jichitai_ai.documents.ocr._engine import (
    OcrLine,
    OcrPage,
    OcrResult,
    ocr_available,
    ocr_image,
    ocr_pdf_pages,
)

__all__ = ["OcrLine", "OcrPage", "OcrResult", "ocr_available", "ocr_image", "ocr_pdf_pages"]
