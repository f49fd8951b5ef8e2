"""Shared helpers: tests write real files to disk and parse what they read back."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from pathlib import Path

from openpyxl import Workbook

from jichitai_ai.faqio import (
    DEFAULT_MAX_BYTES,
    DEFAULT_MAX_ROWS,
    ColumnMapping,
    ImportParseResult,
    parse_faq_file,
)


def csv_text(rows: Sequence[Sequence[object]], delimiter: str = ",") -> str:
    buffer = io.StringIO(newline="")
    csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    return buffer.getvalue()


def write_file(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def parse_path(
    path: Path,
    mapping: ColumnMapping | None = None,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_rows: int = DEFAULT_MAX_ROWS,
    sheet_name: str | None = None,
) -> ImportParseResult:
    return parse_faq_file(
        path.read_bytes(),
        path.name,
        mapping,
        max_bytes=max_bytes,
        max_rows=max_rows,
        sheet_name=sheet_name,
    )


def write_csv_file(
    path: Path, rows: Sequence[Sequence[object]], encoding: str = "utf-8", delimiter: str = ","
) -> Path:
    return write_file(path, csv_text(rows, delimiter).encode(encoding))


def write_xlsx_file(path: Path, sheets: dict[str, Sequence[Sequence[object]]]) -> Path:
    workbook = Workbook()
    workbook.remove(workbook.active)
    for title, rows in sheets.items():
        sheet = workbook.create_sheet(title)
        for row in rows:
            sheet.append(list(row))
    workbook.save(path)
    return path
