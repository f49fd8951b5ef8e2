"""Parsing single cell values: dates (incl. 和暦 and Excel serials), URLs, enums."""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime, timedelta
from urllib.parse import urlsplit

from jichitai_ai.domain.models import EntryStatus

_EXCEL_EPOCH = date(1899, 12, 30)  # serial 1 = 1900-01-01 (Excel's leap-year bug included)
_ERAS = {"令和": 2018, "平成": 1988, "昭和": 1925, "大正": 1911, "明治": 1867}
_ERA_LETTERS = {"r": "令和", "h": "平成", "s": "昭和", "t": "大正", "m": "明治"}
_TIME_SUFFIX = r"(?:\s+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?"
_WESTERN_RE = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})" + _TIME_SUFFIX)
_KANJI_RE = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日")
_ERA_RE = re.compile(r"(令和|平成|昭和|大正|明治)(\d{1,2}|元)年(\d{1,2})月(\d{1,2})日")
_ERA_SHORT_RE = re.compile(r"([rhstm])(\d{1,2})[./-](\d{1,2})[./-](\d{1,2})")

STATUS_ALIASES: dict[str, EntryStatus] = {
    "draft": EntryStatus.DRAFT,
    "下書き": EntryStatus.DRAFT,
    "published": EntryStatus.PUBLISHED,
    "公開": EntryStatus.PUBLISHED,
    "archived": EntryStatus.ARCHIVED,
    "アーカイブ": EntryStatus.ARCHIVED,
}
LANGUAGE_ALIASES: dict[str, str] = {
    "ja": "ja",
    "en": "en",
    "zh-hans": "zh-Hans",
    "zh-hant": "zh-Hant",
    "ko": "ko",
    "ja-easy": "ja-easy",
    "日本語": "ja",
    "英語": "en",
    "中国語(簡体字)": "zh-Hans",
    "中国語(繁体字)": "zh-Hant",
    "韓国語": "ko",
    "やさしい日本語": "ja-easy",
}
_URL_FORBIDDEN = re.compile(r"[\s<>\"{}|\\^`]")


def parse_date_text(text: str) -> date | None:
    """``YYYY-MM-DD``, ``YYYY/MM/DD``, ``2024年4月1日``, ``令和6年4月1日``, ``R6.4.1``; None if not a date."""
    folded = unicodedata.normalize("NFKC", text).strip().replace(" ", "")
    folded_spaced = unicodedata.normalize("NFKC", text).strip()
    try:
        if m := _WESTERN_RE.fullmatch(folded_spaced):
            return date(int(m[1]), int(m[2]), int(m[3]))
        if m := _KANJI_RE.fullmatch(folded):
            return date(int(m[1]), int(m[2]), int(m[3]))
        if m := _ERA_RE.fullmatch(folded):
            year = 1 if m[2] == "元" else int(m[2])
            return date(_ERAS[m[1]] + year, int(m[3]), int(m[4]))
        if m := _ERA_SHORT_RE.fullmatch(folded.casefold()):
            year = int(m[2])
            return date(_ERAS[_ERA_LETTERS[m[1]]] + year, int(m[3]), int(m[4]))
    except ValueError:
        return None
    return None


def excel_serial_to_date(serial: float) -> date | None:
    """Excel's day count (Windows 1900 system) for cells that lost their date format."""
    if not 1 <= serial < 2958466:  # up to 9999-12-31
        return None
    return _EXCEL_EPOCH + timedelta(days=int(serial))


def cell_to_date(value: object) -> date | None:
    """A date from an XLSX/CSV cell value; raises ValueError when it is not a date."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        parsed = excel_serial_to_date(float(value))
    else:
        parsed = parse_date_text(str(value))
    if parsed is None:
        raise ValueError(str(value))
    return parsed


def is_http_url(url: str) -> bool:
    """Only absolute http(s) URLs with a host; no whitespace or characters RFC 3986 forbids."""
    if not url or _URL_FORBIDDEN.search(url):
        return False
    try:
        parts = urlsplit(url)
        _ = parts.port  # raises ValueError on a malformed port
    except ValueError:
        return False
    return parts.scheme.lower() in ("http", "https") and bool(parts.hostname)


_EMAIL_RE = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")


def is_email(value: str) -> bool:
    return _EMAIL_RE.fullmatch(value) is not None


def parse_status(value: str) -> EntryStatus | None:
    return STATUS_ALIASES.get(unicodedata.normalize("NFKC", value).strip().casefold())


def parse_language(value: str) -> str | None:
    key = unicodedata.normalize("NFKC", value).strip().casefold().replace("_", "-")
    return LANGUAGE_ALIASES.get(key)
