"""``parse_faq_file``: bytes → validated records, every row error, and warnings.

Pure and all-or-nothing friendly: it never stops at the first bad row, so the
caller can show the editor the full list and import nothing until it is clean.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from jichitai_ai.domain.models import FaqRecord
from jichitai_ai.faqio.columns import ColumnMapping, ResolvedColumns, resolve_columns
from jichitai_ai.faqio.decoding import detect_encoding
from jichitai_ai.faqio.errors import FaqFileError, ParseWarning, RowError
from jichitai_ai.faqio.limits import DEFAULT_MAX_BYTES, DEFAULT_MAX_ROWS, MAX_HEADER_SEARCH_ROWS
from jichitai_ai.faqio.readers import RawRow, detect_format, read_text_rows, read_xlsx_rows
from jichitai_ai.faqio.rows import RowParser, cell_text, is_empty_row


@dataclass
class ImportParseResult:
    """``records[i]`` came from Excel row ``row_numbers[i]``; rows with errors yield no record."""

    records: list[FaqRecord] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    warnings: list[ParseWarning] = field(default_factory=list)
    row_numbers: list[int] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


def parse_faq_file(
    data: bytes,
    filename: str,
    mapping: ColumnMapping | None = None,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_rows: int = DEFAULT_MAX_ROWS,
    sheet_name: str | None = None,
) -> ImportParseResult:
    """Parse a CSV/TSV (any common Japanese encoding) or XLSX upload. Raises ``FaqFileError``."""
    if len(data) > max_bytes:
        raise FaqFileError("faqio.file_too_large", limit=max_bytes, size=len(data))
    result = ImportParseResult()
    rows: Iterator[RawRow]
    if detect_format(data, filename) == "xlsx":
        rows = read_xlsx_rows(data, sheet_name, max_bytes)
        csv_guard = False
    else:
        if not data.strip():
            raise FaqFileError("faqio.empty_file")
        detected = detect_encoding(data)
        if detected.guessed:
            result.warnings.append(
                ParseWarning("faqio.encoding_guessed", {"encoding": detected.encoding})
            )
        rows = read_text_rows(data, detected)
        csv_guard = True
    _consume(rows, mapping, max_rows, csv_guard, result)
    return result


def _consume(
    rows: Iterator[RawRow],
    mapping: ColumnMapping | None,
    max_rows: int,
    csv_guard: bool,
    result: ImportParseResult,
) -> None:
    parser: RowParser | None = None
    seen: dict[tuple[str, str], int] = {}
    questions: dict[tuple[str, str], int] = {}
    data_rows = 0
    header_errors: list[FaqFileError] = []
    id_column = "external_id"
    question_column = "question"
    for number, cells in rows:
        if is_empty_row(cells):
            continue
        if parser is None:
            columns = _header(cells, mapping, csv_guard, header_errors)
            if columns is None:
                continue
            if header_errors:
                result.warnings.append(
                    ParseWarning("faqio.rows_above_header_skipped", {"row": number}, number)
                )
            result.warnings.extend(columns.warnings)
            id_column = columns.header.get("external_id", id_column)
            question_column = columns.header.get("question", question_column)
            parser = RowParser(columns, csv_guard=csv_guard)
            continue
        data_rows += 1
        if data_rows > max_rows:
            raise FaqFileError("faqio.too_many_rows", limit=max_rows)
        row = parser.parse(number, cells)
        result.errors.extend(row.errors)
        result.warnings.extend(row.warnings)
        if row.record is None:
            continue
        if row.record.external_id:
            key = (row.record.external_id, row.record.language)
            first = seen.get(key)
            if first is not None:
                result.errors.append(
                    RowError(
                        number,
                        id_column,
                        "faqio.duplicate_id",
                        {
                            "external_id": row.record.external_id,
                            "language": row.record.language,
                            "first_row": first,
                        },
                    )
                )
                continue
            seen[key] = number
        twin = _same_question_row(questions, row.record.question, row.record.language, number)
        if twin is not None:
            result.warnings.append(
                ParseWarning(
                    "faqio.same_question_in_file", {"first_row": twin}, number, question_column
                )
            )
        result.records.append(row.record)
        result.row_numbers.append(number)
    if parser is None:
        raise header_errors[0] if header_errors else FaqFileError("faqio.empty_file")
    if data_rows == 0:
        # Only blank rows under the header: nothing to import is an error, not 「新規 0 件」.
        raise FaqFileError("faqio.no_rows")


def _same_question_row(
    first_rows: dict[tuple[str, str], int], question: str, language: str, number: int
) -> int | None:
    """ファイル内の重複質問: the earlier row of this file with the same question text and
    language (kept, not rejected: each row becomes its own entry, the editor is told)."""
    key = (question.strip(), language)
    if not key[0]:
        return None
    first = first_rows.setdefault(key, number)
    return None if first == number else first


def _header(
    cells: Sequence[object],
    mapping: ColumnMapping | None,
    csv_guard: bool,
    failures: list[FaqFileError],
) -> ResolvedColumns | None:
    """Resolve a candidate header row; title rows above the real header are tolerated."""
    headers = [cell_text(c) for c in cells]
    if csv_guard:
        headers = [h.lstrip("'") for h in headers]
    try:
        return resolve_columns(headers, mapping)
    except FaqFileError as exc:
        failures.append(exc)
        if len(failures) >= MAX_HEADER_SEARCH_ROWS:
            raise failures[0] from exc
        return None
