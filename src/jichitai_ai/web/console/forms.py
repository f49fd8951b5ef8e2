"""The FAQ entry form (FAQ編集フォーム): HTML fields ↔ :class:`FaqRecord`.

Text areas hold one alternative phrasing (言い換え) per line and one link per line
(``URL title``), the way editors already keep them in spreadsheets.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from starlette.datastructures import FormData

from jichitai_ai.domain.models import DepartmentContact, EntryStatus, FaqRecord, Link
from jichitai_ai.services.errors import Invalid
from jichitai_ai.web.params import parse_int


@dataclass
class EntryForm:
    """The form's values as text, so a rejected form is shown again exactly as typed."""

    external_id: str = ""
    language: str = "ja"
    question: str = ""
    alternatives: str = ""
    answer: str = ""
    category: str = ""
    department: str = ""
    department_phone: str = ""
    department_email: str = ""
    department_hours: str = ""
    department_form_url: str = ""
    source_url: str = ""
    links: str = ""
    valid_from: str = ""
    valid_until: str = ""
    status: str = "draft"
    expected_version: str = ""
    note: str = ""
    errors: list[str] = field(default_factory=list)

    @classmethod
    def from_form(cls, form: FormData) -> EntryForm:
        values: dict[str, str] = {}
        for name in cls.__dataclass_fields__:
            if name == "errors":
                continue
            raw = form.get(name)
            values[name] = raw.replace("\r\n", "\n") if isinstance(raw, str) else ""
        result = cls(**values)  # type: ignore[arg-type]
        result.status = result.status or "draft"
        result.language = result.language or "ja"
        return result

    @classmethod
    def from_record(cls, record: FaqRecord, version: int | None = None) -> EntryForm:
        dept = record.department
        return cls(
            external_id=record.external_id,
            language=record.language,
            question=record.question,
            alternatives="\n".join(record.alternatives),
            answer=record.answer,
            category=record.category,
            department=dept.name if dept else "",
            department_phone=dept.phone if dept else "",
            department_email=dept.email if dept else "",
            department_hours=dept.hours if dept else "",
            department_form_url=dept.form_url if dept else "",
            source_url=record.source_url,
            links="\n".join(f"{link.url} {link.title}".strip() for link in record.links),
            valid_from=record.valid_from.isoformat() if record.valid_from else "",
            valid_until=record.valid_until.isoformat() if record.valid_until else "",
            status=str(record.status),
            expected_version=str(version) if version is not None else "",
        )

    def to_record(self) -> FaqRecord:
        """Parse into a record; field-level problems raise :class:`Invalid` (i18n key)."""
        try:
            status = EntryStatus(self.status)
        except ValueError as exc:
            raise Invalid("faq.invalid_status", status=self.status) from exc
        department = None
        if self.department.strip():
            department = DepartmentContact(
                name=self.department.strip(),
                phone=self.department_phone.strip(),
                email=self.department_email.strip(),
                hours=self.department_hours.strip(),
                form_url=self.department_form_url.strip(),
            )
        return FaqRecord(
            question=self.question,
            answer=self.answer,
            external_id=self.external_id.strip(),
            alternatives=[line.strip() for line in self.alternatives.split("\n") if line.strip()],
            links=_links(self.links),
            category=self.category.strip(),
            department=department,
            source_url=self.source_url.strip(),
            valid_from=_day(self.valid_from, "valid_from"),
            valid_until=_day(self.valid_until, "valid_until"),
            status=status,
            language=self.language.strip() or "ja",
        )

    def version(self) -> int | None:
        return parse_int(self.expected_version)


def _day(text: str, name: str) -> date | None:
    text = text.strip()
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise Invalid("console.error.bad_date", field=name) from exc


def _links(text: str) -> list[Link]:
    links = []
    for line in text.split("\n"):
        line = line.strip()
        if not line:
            continue
        url, _, title = line.partition(" ")
        links.append(Link(url=url.strip(), title=title.strip()))
    return links
