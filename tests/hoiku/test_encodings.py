"""Nursery files saved the ways Excel on Japanese Windows saves them read the same (hr3).

「Unicode テキスト」 is UTF-16 with tabs; 「CSV」 is CP932, where 機種依存文字 (①, ㈱, 髙) live.
Found: UTF-16 was refused as "unknown text encoding" though the FAQ and department importers
read it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from jichitai_ai.hoiku._native import load_native_bytes
from jichitai_ai.hoiku._tabular import HoikuInputError

TEMPLATES = Path(__file__).resolve().parents[2] / "src/jichitai_ai/hoiku/templates"


def _texts() -> tuple[str, str, str]:
    facilities, children, quotas = (
        (TEMPLATES / f"{stem}.csv").read_bytes().decode("utf-8-sig")
        for stem in ("facilities", "children", "shared_quotas")
    )
    # A facility name with characters only CP932 (not plain Shift_JIS) can hold.
    return facilities.replace("あおば保育園", "㈱髙橋①保育園"), children, quotas


def _saved(text: str, how: str) -> bytes:
    if how == "utf16_tabs":
        return text.replace(",", "\t").encode("utf-16")
    if how == "utf16be_tabs":
        return "\ufeff".encode("utf-16-be") + text.replace(",", "\t").encode("utf-16-be")
    if how == "cp932":
        return text.encode("cp932")
    if how == "utf8_bom_crlf":
        return text.replace("\n", "\r\n").encode("utf-8-sig")
    raise AssertionError(how)


@pytest.mark.parametrize("how", ["utf16_tabs", "utf16be_tabs", "cp932", "utf8_bom_crlf"])
def test_an_excel_export_loads_as_the_utf8_file_does(how: str) -> None:
    texts = _texts()
    expected = load_native_bytes(*(text.encode() for text in texts))
    loaded = load_native_bytes(*(_saved(text, how) for text in texts))
    assert loaded == expected
    # Cells are NFKC-normalised as from any file (㈱ → (株), ① → 1); 髙 stays 髙.
    assert any(f.name == "(株)髙橋1保育園" for f in loaded.facilities)


def test_bytes_that_are_no_text_are_still_refused() -> None:
    facilities, _, quotas = _texts()
    with pytest.raises(HoikuInputError):
        load_native_bytes(facilities.encode(), bytes(range(256)) * 40, quotas.encode())
