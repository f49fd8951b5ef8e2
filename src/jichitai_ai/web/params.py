"""Parsing numbers from query strings and forms (数値パラメータの検証).

``str.isdigit`` accepts superscripts and other Unicode digits (``"²".isdigit()`` is True but
``int("²")`` fails), and an id above the database's integer range crashes the query. Every hand-
parsed number goes through here: ASCII digits only, inside the range a database column holds.
"""

from __future__ import annotations

import re
from typing import Annotated

from fastapi import Path

#: PostgreSQL INTEGER (and the smallest id column we use); SQLite holds more, PostgreSQL not.
DB_INT_MAX = 2**31 - 1
_DIGITS = re.compile(r"[0-9]{1,10}")

#: A path id the database can hold: larger values are refused with 422, not a 500.
DbId = Annotated[int, Path(ge=0, le=DB_INT_MAX)]


def parse_int(raw: str | None, *, low: int = 0, high: int = DB_INT_MAX) -> int | None:
    """The number in ``raw`` when it is plain ASCII digits inside [low, high]; else None."""
    text = (raw or "").strip()
    if not _DIGITS.fullmatch(text):
        return None
    value = int(text)
    return value if low <= value <= high else None


def int_or(raw: str | None, default: int, *, low: int = 0, high: int = DB_INT_MAX) -> int:
    value = parse_int(raw, low=low, high=high)
    return default if value is None else value
