"""Choosing the text encoding of a CSV/TSV upload.

Order: BOM → UTF-16 without BOM → ISO-2022-JP escapes → strict UTF-8 → strict CP932 (Excel's "CSV" on Japanese Windows)
→ charset-normalizer. Validation runs incrementally so a 20 MB file is never
held twice as ``str``; rows are decoded later while streaming.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

from jichitai_ai.faqio.errors import FaqFileError

_CHUNK = 1 << 20
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


@dataclass(frozen=True)
class Detected:
    """Encoding to stream with; ``guessed`` when only charset-normalizer vouched for it."""

    encoding: str
    guessed: bool = False


def _decodes(data: bytes, encoding: str) -> bool:
    decoder = codecs.getincrementaldecoder(encoding)(errors="strict")
    try:
        for start in range(0, len(data), _CHUNK):
            decoder.decode(data[start : start + _CHUNK])
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    return True


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text without BOM shows NULs in every other byte of ASCII."""
    sample = data[:4096]
    if len(sample) < 4 or b"\x00" not in sample:
        return None
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    half = len(sample) // 2
    if odd > half * 0.3 and even < odd / 4:
        return "utf-16-le"
    if even > half * 0.3 and odd < even / 4:
        return "utf-16-be"
    return None


def _sensible(sample: str) -> bool:
    """Reject decodings that are mostly control characters (binary data)."""
    if not sample:
        return True
    bad = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\r\n")
    return bad / len(sample) < 0.05


def detect_encoding(data: bytes) -> Detected:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            if not _decodes(data, encoding):
                raise FaqFileError("faqio.undecodable")
            return Detected(encoding)
    utf16 = _utf16_without_bom(data)
    if utf16 is not None and _decodes(data, utf16):
        return Detected(utf16)
    if (b"\x1b$B" in data or b"\x1b$@" in data) and _decodes(data, "iso2022_jp_ext"):
        return Detected("iso2022_jp_ext")  # 7-bit JIS (old mail systems) is valid ASCII too
    for encoding in ("utf-8", "cp932"):
        if _decodes(data, encoding):
            if not _sensible(data[:65536].decode(encoding, errors="ignore")):
                raise FaqFileError("faqio.undecodable")
            return Detected(encoding)
    return _guess(data)


def _guess(data: bytes) -> Detected:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.encoding is None or best.chaos > 0.3:
        raise FaqFileError("faqio.undecodable")
    encoding = codecs.lookup(best.encoding).name
    sample = data[:65536].decode(encoding, errors="ignore")
    if not _decodes(data, encoding) or not _sensible(sample):
        raise FaqFileError("faqio.undecodable")
    return Detected(encoding, guessed=True)
