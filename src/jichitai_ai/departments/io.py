"""The department list as CSV (UTF-8 with BOM, or Shift_JIS/CP932 for old tools) and XLSX,
read with the same encoding detection and limits as FAQ files (faqio)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from typing import Any

from jichitai_ai.departments.service import TRANSLATED, DepartmentInfo, DepartmentInput
from jichitai_ai.faqio import FaqFileError
from jichitai_ai.faqio.decoding import detect_encoding
from jichitai_ai.faqio.limits import DEFAULT_MAX_BYTES
from jichitai_ai.faqio.readers import detect_format, read_text_rows, read_xlsx_rows
from jichitai_ai.faqio.rows import cell_text, is_empty_row
from jichitai_ai.faqio.text import guard_formula, unguard_formula
from jichitai_ai.faqio.writers import check_encodable

#: Columns in file order: (field, Japanese header). English field names are accepted too.
COLUMNS: tuple[tuple[str, str], ...] = (
    ("name", "部署名"),
    ("phone", "電話番号"),
    ("email", "メールアドレス"),
    ("hours", "受付時間"),
    ("form_url", "問い合わせフォーム"),
    ("parent", "上位部署"),
)
#: The department's name and 受付時間 in residents' other languages (departments.names), after
#: the contact columns; a file without them leaves the stored ones as they are.
_LANGUAGE_HEADERS = {
    "en": "英語",
    "zh-Hans": "中国語簡体字",
    "zh-Hant": "中国語繁体字",
    "ko": "韓国語",
    "ja-easy": "やさしい日本語",
}
NAME_COLUMNS: tuple[tuple[str, str], ...] = tuple(
    (f"name_{lang}", f"部署名（{_LANGUAGE_HEADERS[lang]}）") for lang in TRANSLATED
) + tuple((f"hours_{lang}", f"受付時間（{_LANGUAGE_HEADERS[lang]}）") for lang in TRANSLATED)
#: Characters Unicode has twice, written as the form Shift_JIS (Windows' cp932) stores: a
#: 受付時間 such as 「8:30〜17:15」 (WAVE DASH) would otherwise stop the whole export.
_CP932_FORMS = str.maketrans(
    {
        "\u301c": "\uff5e",  # 〜 → ～
        "\u2212": "\uff0d",  # − → －
        "\u2016": "\u2225",  # ‖ → ∥
        "\u2014": "\u2015",  # — → ―
        "\u00a2": "\uffe0",  # ¢ → ￠
        "\u00a3": "\uffe1",  # £ → ￡
        "\u00ac": "\uffe2",  # ¬ → ￢
    }
)
_ALIASES = {header: field for field, header in COLUMNS + NAME_COLUMNS}
_ALIASES |= {f: f for f, _ in COLUMNS + NAME_COLUMNS}
_ALIASES |= {"担当課": "name", "部署": "name", "電話": "phone", "メール": "email"}


class DepartmentRowError(Exception):
    """Rows of the department list that cannot be stored (nothing was stored)."""

    def __init__(self, errors: list[tuple[int, str]]) -> None:
        self.errors = errors
        super().__init__("; ".join(f"row {r}: {m}" for r, m in errors))


def write_csv(departments: Iterable[DepartmentInfo], *, encoding: str = "utf-8-sig") -> bytes:
    """The list for Excel; ``encoding="cp932"`` fails clearly on characters Shift_JIS lacks.

    Shift_JIS has no Hangul and few simplified characters, so that file leaves out the names in
    other languages (imported again, it leaves them as they are); 〜 is written as cp932's ～."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    strict = encoding.replace("_", "-").lower() not in ("utf-8", "utf-8-sig", "utf8")
    columns = COLUMNS if strict else COLUMNS + NAME_COLUMNS
    writer.writerow([header for _, header in columns])
    for row_number, info in enumerate(departments, start=2):
        cells = _cells(info)[: len(columns)]
        if strict:
            cells = [c.translate(_CP932_FORMS) for c in cells]
            for (field, _), text in zip(columns, cells, strict=True):
                check_encodable(text, encoding, row_number, field)
        writer.writerow([guard_formula(c) for c in cells])
    return buffer.getvalue().encode(encoding)


def _cells(info: DepartmentInfo) -> list[str]:
    contact = [info.name, info.phone, info.email, info.hours, info.form_url, info.parent_name]
    translated = {f"name_{lang}": name for lang, name in info.names.items()}
    translated |= {f"hours_{lang}": hours for lang, hours in info.hours_in.items()}
    return contact + [translated.get(f, "") for f, _ in NAME_COLUMNS]


def write_xlsx(departments: Iterable[DepartmentInfo]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "部署"
    sheet.append([header for _, header in COLUMNS + NAME_COLUMNS])
    for info in departments:
        # Characters XML cannot hold (a NUL stored before the console's guard) are left out,
        # before the formula guard (a control character in front of "=" hid it: hr5).
        sheet.append([guard_formula(ILLEGAL_CHARACTERS_RE.sub("", c)) for c in _cells(info)])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _rows(data: bytes, filename: str) -> Iterator[tuple[int, tuple[object, ...]]]:
    if len(data) > DEFAULT_MAX_BYTES:
        raise FaqFileError("faqio.file_too_large", size=len(data), limit=DEFAULT_MAX_BYTES)
    if detect_format(data, filename) == "xlsx":
        for number, row in read_xlsx_rows(data, None, DEFAULT_MAX_BYTES):
            yield number, tuple(row)
    else:
        for number, row in read_text_rows(data, detect_encoding(data)):
            yield number, tuple(row)


def parse(data: bytes, filename: str) -> list[tuple[int, DepartmentInput]]:
    """Rows of the file as department inputs with their row numbers (header row required)."""
    fields: list[str | None] | None = None
    parsed: list[tuple[int, DepartmentInput]] = []
    for number, row in _rows(data, filename):
        if is_empty_row(row):
            continue
        cells = [cell_text(c).strip() for c in row]
        if fields is None:
            fields = [_ALIASES.get(c.lstrip("\ufeff")) for c in cells]
            if "name" not in fields:
                raise FaqFileError("departments.no_name_column")
            continue
        values: dict[str, Any] = {
            f: unguard_formula(c) for f, c in zip(fields, cells, strict=False) if f is not None
        }
        names = {
            f.removeprefix("name_"): values.pop(f, "")
            for f in fields
            if f is not None and f.startswith("name_")
        }
        hours = {
            f.removeprefix("hours_"): values.pop(f, "")
            for f in fields
            if f is not None and f.startswith("hours_")
        }
        parsed.append(
            (number, DepartmentInput(**values, names=names or None, hours_in=hours or None))
        )
    if fields is None:
        raise FaqFileError("departments.no_name_column")
    return parsed
