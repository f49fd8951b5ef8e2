"""Read CSV/XLSX bytes into rows of text, whatever the office software saved.

Excel's default CSV export is Shift_JIS (cp932); it is accepted and decoded
rather than rejected. Headers are NFKC-normalised so full-width digits match.
"""

from __future__ import annotations

import csv
import io
import logging
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import overload

from jichitai_ai.faqio import FaqFileError
from jichitai_ai.faqio.decoding import detect_encoding
from jichitai_ai.faqio.errors import field_too_large
from jichitai_ai.i18n import t

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Issue:
    """One problem in one input row (row 1 is the header line)."""

    file: str
    row: int
    message: str

    def __str__(self) -> str:
        where = t("hoiku.err.where", file=self.file, row=self.row) if self.row else self.file
        return f"{where}: {self.message}"


#: Issues kept with their text; beyond this only the count grows.
MAX_ISSUES = 100


class IssueList:
    """Collects issues but keeps only the first :data:`MAX_ISSUES`; ``len`` counts them all.

    A valid header over megabytes of garbage yields one short report (the
    first hundred problems, then how many more), not a line per bad cell.
    """

    def __init__(self, items: list[Issue] | None = None) -> None:
        self.kept: list[Issue] = []
        self.total = 0
        self.unchecked: list[tuple[str, int]] = []  # (file, rows left unread after the cap)
        for i in items or ():
            self.append(i)

    @property
    def full(self) -> bool:
        """Enough to report: loaders stop reading rows (and say how many they skipped)."""
        return self.total >= MAX_ISSUES

    def stop(self, file: str, rows_left: int) -> None:
        if rows_left > 0:
            self.unchecked.append((file, rows_left))

    def append(self, issue: Issue) -> None:
        self.total += 1
        if len(self.kept) < MAX_ISSUES:
            self.kept.append(issue)

    def extend(self, issues: IssueList | list[Issue]) -> None:
        before = self.total
        for i in issues:
            self.append(i)
        if isinstance(issues, IssueList):  # count what the other list had dropped
            self.total = before + issues.total
            self.unchecked += issues.unchecked

    def __len__(self) -> int:
        return self.total

    def __bool__(self) -> bool:
        return self.total > 0

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(self.kept)


class HoikuInputError(ValueError):
    """The input files have problems; ``issues`` holds the first 100, ``total`` counts all."""

    def __init__(self, issues: IssueList | list[Issue]) -> None:
        collected = issues if isinstance(issues, IssueList) else IssueList(issues)
        self.issues: list[Issue] = list(collected.kept)
        self.total = collected.total
        self.notes = [t("hoiku.err.more", count=self.total - len(self.issues))] * (
            self.total > len(self.issues)
        )
        self.notes += [t("hoiku.err.unchecked", file=f, rows=n) for f, n in collected.unchecked]
        super().__init__("\n".join([*(str(i) for i in self.issues), *self.notes]))


class Rows(Sequence[tuple[int, dict[str, str]]]):
    """Non-blank data rows as (row number, column -> normalised text), built on access.

    Cells are normalised only when a loader reads the row, so a loader that
    stops after its first hundred problems never pays for the rest of a
    huge file.
    """

    def __init__(self, header: list[str], lines: list[tuple[int, list[str]]]) -> None:
        self._columns = [(k, h) for k, h in enumerate(header) if h]
        self._lines = lines

    def __len__(self) -> int:
        return len(self._lines)

    def _row(self, item: tuple[int, list[str]]) -> tuple[int, dict[str, str]]:
        n, line = item
        width = len(line)
        return n, {h: (_norm(line[k]) if k < width else "") for k, h in self._columns}

    @overload
    def __getitem__(self, index: int) -> tuple[int, dict[str, str]]: ...
    @overload
    def __getitem__(self, index: slice) -> list[tuple[int, dict[str, str]]]: ...
    def __getitem__(
        self, index: int | slice
    ) -> tuple[int, dict[str, str]] | list[tuple[int, dict[str, str]]]:
        if isinstance(index, slice):
            return [self._row(x) for x in self._lines[index]]
        return self._row(self._lines[index])

    def __iter__(self) -> Iterator[tuple[int, dict[str, str]]]:
        return (self._row(x) for x in self._lines)


@dataclass(frozen=True)
class Table:
    name: str
    header: list[str]
    rows: Sequence[tuple[int, dict[str, str]]]  # (row number, column -> stripped text)


def _norm(text: str) -> str:
    if text.isascii():
        return text.strip()
    return unicodedata.normalize("NFKC", text).strip()


def _decode(data: bytes, name: str) -> str:
    """UTF-8 (BOM or not), Shift_JIS/CP932, and UTF-16 — Excel's 「Unicode テキスト」 — as the
    FAQ importer reads them (one detector: faqio.decoding)."""
    try:
        detected = detect_encoding(data)
        return data.decode(detected.encoding)
    except (FaqFileError, UnicodeDecodeError) as exc:
        raise HoikuInputError([Issue(name, 0, t("hoiku.err.encoding"))]) from exc


def _delimiter(text: str) -> str:
    """Tab-separated when the header line has more tabs than commas (Unicode text export)."""
    first = text.split("\n", 1)[0]
    return "\t" if first.count("\t") > first.count(",") else ","


def read_table(data: bytes, name: str) -> Table:
    """Parse CSV or XLSX (detected from the bytes, not the file name)."""
    if data[:2] == b"PK":
        return _read_xlsx(data, name)
    text = _decode(data, name)
    if "\x00" in text:
        raise HoikuInputError([Issue(name, 0, t("hoiku.err.binary"))])
    reader = csv.reader(io.StringIO(text), delimiter=_delimiter(text))
    try:
        lines = list(reader)
    except csv.Error as exc:  # the module's English to the log; staff read what to check
        log.warning("%s: CSV refused: %s", name, exc)
        message = (
            t("hoiku.err.csv_field_too_large", limit=csv.field_size_limit())
            if field_too_large(exc)
            else t("hoiku.err.csv")
        )
        raise HoikuInputError([Issue(name, 0, message)]) from exc
    return _to_table(name, lines)


def _read_xlsx(data: bytes, name: str) -> Table:
    from openpyxl import load_workbook

    try:
        wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        try:
            ws = wb.worksheets[0]
            ws.reset_dimensions()  # rows as stored, not padded to a declared A1:XFD1048576
            # Read-only sheets parse their XML while iterating: a broken sheet or one declaring
            # nested entities (expat's amplification limit) raises here, not on opening (hr5).
            lines = [
                ["" if v is None else _cell(v) for v in row]
                for row in ws.iter_rows(values_only=True)
            ]
        finally:
            wb.close()
    except Exception as exc:  # openpyxl raises many types for broken files
        log.warning("%s: XLSX unreadable: %s: %s", name, type(exc).__name__, str(exc)[:200])
        raise HoikuInputError([Issue(name, 0, t("hoiku.err.xlsx"))]) from exc
    return _to_table(name, lines)


def _cell(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _to_table(name: str, lines: list[list[str]]) -> Table:
    while lines and not any(c.strip() for c in lines[-1]):
        lines.pop()
    if not lines:
        raise HoikuInputError([Issue(name, 0, t("hoiku.err.empty"))])
    header = [_norm(h) for h in lines[0]]
    dup = sorted({h for h in header if h and header.count(h) > 1})
    if dup:
        raise HoikuInputError(
            [Issue(name, 1, t("hoiku.err.duplicate_column", columns=", ".join(dup)))]
        )
    kept = [(n, line) for n, line in enumerate(lines[1:], start=2) if "".join(line).strip()]
    return Table(name, header, Rows(header, kept))


def write_csv(header: list[str], rows: list[list[object]]) -> bytes:
    """UTF-8 with BOM so that Excel opens Japanese text correctly."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(header)
    for r in rows:
        w.writerow(["" if v is None else _safe_cell(v) for v in r])
    return buf.getvalue().encode("utf-8-sig")


def write_xlsx(sheets: list[tuple[str, list[str], list[list[object]]]]) -> bytes:
    """One workbook, one sheet per (title, header, rows)."""
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    for title, header, rows in sheets:
        ws = wb.create_sheet(title=title[:31])
        ws.append(header)
        for r in rows:
            ws.append([_safe_cell(v) for v in r])
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _safe_cell(value: object) -> object:
    """Neutralise spreadsheet formulas in text taken from uploaded files."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@") and not _is_number(value):
        return "'" + value
    return value


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True
