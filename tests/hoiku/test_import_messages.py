"""Nursery files a library refuses get a message saying what to check, never the library's
English (``field larger than field limit``, ``BadZipFile``, tomllib's ``Invalid value``); that
goes to the log (red team hr8, after nc7's document upload messages)."""

from __future__ import annotations

import csv
import logging
from pathlib import Path

import pytest

from jichitai_ai.hoiku._native import load_native_bytes
from jichitai_ai.hoiku._tabular import HoikuInputError, read_table
from jichitai_ai.i18n import t

TEMPLATES = Path(__file__).resolve().parents[2] / "src/jichitai_ai/hoiku/templates"
LIBRARY_WORDS = ("field larger", "BadZipFile", "zip file", "Invalid value", "codec", "Expected")


def _refused(call: object) -> str:
    assert callable(call)
    with pytest.raises(HoikuInputError) as info:
        call()
    return str(info.value)


def _templates() -> tuple[bytes, bytes]:
    return (TEMPLATES / "facilities.csv").read_bytes(), (TEMPLATES / "children.csv").read_bytes()


@pytest.mark.parametrize(
    ("name", "data", "message", "logged"),
    [
        (
            "children.csv",
            ('児童番号,氏名\n1,"' + "あ" * 140_000 + "\n").encode(),
            t("hoiku.err.csv_field_too_large", limit=csv.field_size_limit()),
            "field larger than field limit",
        ),
        ("children.xlsx", b"PK\x03\x04 cut short", t("hoiku.err.xlsx"), "BadZipFile"),
    ],
)
def test_a_refused_table_names_what_to_check(
    name: str, data: bytes, message: str, logged: str, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING):
        shown = _refused(lambda: read_table(data, name))
    assert shown == f"{name}: {message}"
    assert not any(word in shown for word in LIBRARY_WORDS), shown
    assert logged in caplog.text


@pytest.mark.parametrize(
    ("settings", "message", "logged"),
    [
        (b"[policy\n", t("hoiku.err.settings", line=1), "Expected ']'"),
        (b"sibling_policy = \n", t("hoiku.err.settings", line=1), "Invalid value"),
        ("説明 = '兄弟'".encode("cp932"), t("hoiku.err.settings_encoding"), "codec"),
    ],
)
def test_a_refused_settings_file_names_the_line_or_the_encoding(
    settings: bytes, message: str, logged: str, caplog: pytest.LogCaptureFixture
) -> None:
    facilities, children = _templates()
    with caplog.at_level(logging.WARNING):
        shown = _refused(lambda: load_native_bytes(facilities, children, None, settings))
    assert shown == f"settings.toml: {message}"
    assert "行目" in shown or "UTF-8" in shown
    assert not any(word in shown for word in LIBRARY_WORDS), shown
    assert logged in caplog.text
