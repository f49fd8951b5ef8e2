"""One raw row → a validated ``FaqRecord`` or the list of everything wrong with it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time

from jichitai_ai.domain.models import DepartmentContact, EntryStatus, FaqRecord, Link
from jichitai_ai.faqio.columns import ResolvedColumns
from jichitai_ai.faqio.errors import ParseWarning, RowError
from jichitai_ai.faqio.limits import MAX_ALTERNATIVES, MAX_LENGTH, MAX_LINKS
from jichitai_ai.faqio.text import clean_text, split_lines, unguard_formula
from jichitai_ai.faqio.values import (
    cell_to_date,
    is_email,
    is_http_url,
    parse_language,
    parse_status,
)

_DATE_FIELDS = ("valid_from", "valid_until")


def cell_text(value: object) -> str:
    """Text of an XLSX/CSV cell; whole numbers lose the ``.0`` Excel adds."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime) and value.time() == time(0):
        return value.date().isoformat()
    if isinstance(value, date | time):
        return value.isoformat()
    return str(value)


def is_empty_row(cells: Sequence[object]) -> bool:
    return all(cell_text(c).strip() == "" for c in cells)


@dataclass
class RowResult:
    record: FaqRecord | None
    errors: list[RowError] = field(default_factory=list)
    warnings: list[ParseWarning] = field(default_factory=list)


class RowParser:
    """Validates rows against the resolved columns; ``csv_guard`` undoes the export ``'`` prefix."""

    def __init__(self, columns: ResolvedColumns, *, csv_guard: bool) -> None:
        self._columns = columns
        self._csv_guard = csv_guard

    def parse(self, row: int, cells: Sequence[object]) -> RowResult:
        result = RowResult(record=None)
        texts: dict[str, str] = {}
        dates: dict[str, date | None] = {}
        for name, position in self._columns.index.items():
            raw = cells[position] if position < len(cells) else None
            if name in _DATE_FIELDS and raw is not None and not isinstance(raw, str):
                dates[name] = self._date(row, name, raw, result)
                continue
            text, stripped = clean_text(cell_text(raw))
            if stripped:
                result.warnings.append(
                    ParseWarning(
                        "faqio.control_chars_stripped", {}, row, self._columns.header[name]
                    )
                )
            if self._csv_guard:
                text = unguard_formula(text)
            if name in _DATE_FIELDS:
                dates[name] = self._date(row, name, text, result) if text else None
            else:
                texts[name] = text
        record = self._build(row, texts, dates, result)
        if not result.errors:
            result.record = record
        return result

    def _error(self, result: RowResult, row: int, name: str, key: str, **params: object) -> None:
        column = self._columns.header.get(name, name)
        result.errors.append(RowError(row, column, key, params))

    def _date(self, row: int, name: str, raw: object, result: RowResult) -> date | None:
        try:
            return cell_to_date(raw)
        except ValueError:
            self._error(result, row, name, "faqio.bad_date", value=cell_text(raw))
            return None

    def _text(self, row: int, name: str, texts: dict[str, str], result: RowResult) -> str:
        value = texts.get(name, "")
        limit = MAX_LENGTH.get(name)
        if limit is not None and len(value) > limit:
            self._error(result, row, name, "faqio.too_long", limit=limit, length=len(value))
        return value

    def _url(self, row: int, name: str, value: str, result: RowResult) -> str:
        if value and not is_http_url(value):
            self._error(result, row, name, "faqio.bad_url", value=value[:200])
        return value

    def _build(
        self,
        row: int,
        texts: dict[str, str],
        dates: dict[str, date | None],
        result: RowResult,
    ) -> FaqRecord:
        question = self._text(row, "question", texts, result)
        answer = self._text(row, "answer", texts, result)
        for name, value in (("question", question), ("answer", answer)):
            if not value:
                self._error(result, row, name, "faqio.required")
        record = FaqRecord(question=question, answer=answer)
        record.external_id = self._text(row, "external_id", texts, result)
        record.category = self._text(row, "category", texts, result)
        record.alternatives = self._alternatives(row, texts, result)
        record.links = self._links(row, texts, result)
        record.department = self._department(row, texts, result)
        record.source_url = self._url(
            row, "source_url", self._text(row, "source_url", texts, result), result
        )
        record.valid_from = dates.get("valid_from")
        record.valid_until = dates.get("valid_until")
        if (
            record.valid_from is not None
            and record.valid_until is not None
            and record.valid_from > record.valid_until
        ):
            self._error(
                result,
                row,
                "valid_until",
                "faqio.date_order",
                valid_from=record.valid_from.isoformat(),
                valid_until=record.valid_until.isoformat(),
            )
        record.status = self._status(row, texts, result)
        record.language = self._language(row, texts, result)
        return record

    def _alternatives(self, row: int, texts: dict[str, str], result: RowResult) -> list[str]:
        lines = split_lines(texts.get("alternatives", ""))
        if len(lines) > MAX_ALTERNATIVES:
            self._error(
                result,
                row,
                "alternatives",
                "faqio.too_many",
                limit=MAX_ALTERNATIVES,
                count=len(lines),
            )
        limit = MAX_LENGTH["alternatives"]
        for line in lines:
            if len(line) > limit:
                self._error(
                    result, row, "alternatives", "faqio.too_long", limit=limit, length=len(line)
                )
                break
        return lines

    def _links(self, row: int, texts: dict[str, str], result: RowResult) -> list[Link]:
        links: list[Link] = []
        lines = split_lines(texts.get("links", ""))
        if len(lines) > MAX_LINKS:
            self._error(result, row, "links", "faqio.too_many", limit=MAX_LINKS, count=len(lines))
        for line in lines:
            title, sep, url = line.rpartition("|")
            title, url = (title.strip(), url.strip()) if sep else ("", line)
            if not is_http_url(url) or len(url) > MAX_LENGTH["link_url"]:
                self._error(result, row, "links", "faqio.bad_url", value=url[:200])
            elif len(title) > MAX_LENGTH["link_title"]:
                self._error(
                    result,
                    row,
                    "links",
                    "faqio.too_long",
                    limit=MAX_LENGTH["link_title"],
                    length=len(title),
                )
            else:
                links.append(Link(url=url, title=title))
        return links

    def _department(
        self, row: int, texts: dict[str, str], result: RowResult
    ) -> DepartmentContact | None:
        contact = DepartmentContact(
            name=self._text(row, "department", texts, result),
            phone=self._text(row, "department_phone", texts, result),
            email=self._text(row, "department_email", texts, result),
            hours=self._text(row, "department_hours", texts, result),
            form_url=self._text(row, "department_form_url", texts, result),
        )
        if contact.email and not is_email(contact.email):
            self._error(
                result, row, "department_email", "faqio.bad_email", value=contact.email[:200]
            )
        self._url(row, "department_form_url", contact.form_url, result)
        return None if contact.is_empty() else contact

    def _status(self, row: int, texts: dict[str, str], result: RowResult) -> EntryStatus:
        value = texts.get("status", "")
        if not value:
            return EntryStatus.PUBLISHED
        status = parse_status(value)
        if status is None:
            self._error(result, row, "status", "faqio.bad_status", value=value[:50])
            return EntryStatus.PUBLISHED
        return status

    def _language(self, row: int, texts: dict[str, str], result: RowResult) -> str:
        value = texts.get("language", "")
        if not value:
            return "ja"
        language = parse_language(value)
        if language is None:
            self._error(result, row, "language", "faqio.bad_language", value=value[:50])
            return "ja"
        return language
