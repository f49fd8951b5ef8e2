"""Bytes → text for plain-text formats: UTF-8 (with or without BOM), else Shift_JIS (cp932)."""

from __future__ import annotations


def decode_text(data: bytes) -> str:
    for encoding in ("utf-8-sig", "cp932", "euc_jp"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("utf-8", errors="replace")
