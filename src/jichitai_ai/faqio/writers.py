"""Records → CSV or XLSX bytes that ``parse_faq_file`` reads back exactly.

Round-trip rules (documented in docs of this package's ``__init__``):
- multi-valued cells are ``\\n``-joined; a link is ``title | url`` or a bare URL;
- CSV cells starting with ``= + - @`` tab, CR or ``'`` get one leading ``'``
  (formula-injection guard); CSV import removes one leading ``'``;
- XLSX cells are always typed as strings (never formulas) and dangerous ones
  get Excel's quote-prefix style, so the stored value is unchanged;
- dates are ISO ``YYYY-MM-DD`` in CSV and real date cells in XLSX.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from datetime import date

from jichitai_ai.domain.models import FaqRecord
from jichitai_ai.faqio.columns import FIELDS
from jichitai_ai.faqio.errors import FaqFileError
from jichitai_ai.faqio.text import FORMULA_TRIGGERS, GUARD, guard_formula

_XLSX_CELL_LIMIT = 32_767
Cell = str | date | None


def record_cells(record: FaqRecord) -> list[Cell]:
    """Values in ``FIELDS`` order (dates stay dates so XLSX can type them)."""
    dept = record.department
    return [
        record.external_id,
        record.question,
        "\n".join(record.alternatives),
        record.answer,
        "\n".join(
            f"{link.title} | {link.url}" if link.title else link.url for link in record.links
        ),
        record.category,
        dept.name if dept else "",
        dept.phone if dept else "",
        dept.email if dept else "",
        dept.hours if dept else "",
        dept.form_url if dept else "",
        record.source_url,
        record.valid_from,
        record.valid_until,
        str(record.status),
        record.language,
    ]


def write_csv(records: Iterable[FaqRecord], *, encoding: str = "utf-8-sig") -> bytes:
    """CSV for Excel: UTF-8 with BOM by default, or ``encoding="cp932"`` for old tools."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(FIELDS)
    check = encoding.replace("_", "-").lower() not in ("utf-8", "utf-8-sig", "utf8")
    for row_number, record in enumerate(records, start=2):
        cells: list[str] = []
        for column, value in zip(FIELDS, record_cells(record), strict=True):
            text = value.isoformat() if isinstance(value, date) else (value or "")
            if check:
                check_encodable(text, encoding, row_number, column)
            cells.append(guard_formula(text))
        writer.writerow(cells)
    return buffer.getvalue().encode(encoding)


def check_encodable(text: str, encoding: str, row: int, column: str) -> None:
    """Fail clearly on characters the encoding lacks or maps lossily (cp932: − → －)."""
    for char in text:
        try:
            ok = char.encode(encoding).decode(encoding) == char
        except UnicodeError:
            ok = False
        if not ok:
            raise FaqFileError(
                "faqio.unencodable",
                char=char,
                codepoint=f"U+{ord(char):04X}",
                encoding=encoding,
                row=row,
                column=column,
            )


def write_xlsx(records: Iterable[FaqRecord], *, sheet_title: str = "FAQ") -> bytes:
    """An XLSX workbook (write-only mode, so memory stays flat for large exports)."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(sheet_title)
    sheet.append(list(FIELDS))
    for row_number, record in enumerate(records, start=2):
        row: list[WriteOnlyCell] = []
        for column, value in zip(FIELDS, record_cells(record), strict=True):
            cell = WriteOnlyCell(sheet, value=value)
            if isinstance(value, date):
                cell.number_format = "yyyy-mm-dd"
            elif isinstance(value, str):
                if len(value) > _XLSX_CELL_LIMIT:
                    raise FaqFileError(
                        "faqio.cell_too_long", row=row_number, column=column, limit=_XLSX_CELL_LIMIT
                    )
                cell.data_type = "s"  # never a formula, whatever the text starts with
                if value.startswith((*FORMULA_TRIGGERS, GUARD)):
                    cell.quotePrefix = True
            row.append(cell)
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
