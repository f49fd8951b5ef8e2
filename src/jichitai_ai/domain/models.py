"""Domain dataclasses shared by services, storage and interfaces.

They carry no database or web types, so the retrieval and import code can be
tested without a database.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum


class EntryStatus(StrEnum):
    """Publication state: only ``published`` entries ever reach residents."""

    DRAFT = "draft"
    PUBLISHED = "published"
    ARCHIVED = "archived"


class Decision(StrEnum):
    """What the answering engine decided for one question."""

    ANSWER = "answer"  # one confident answer
    CLARIFY = "clarify"  # 更問: 2–5 choices
    NO_ANSWER = "no_answer"  # hand over to the department (担当課) or general contact
    EMERGENCY = "emergency"  # 緊急: emergency contacts (119 / 110 / …) before anything else


@dataclass(frozen=True)
class EmergencyContact:
    """緊急連絡先: a number shown first when a question describes an emergency."""

    label: str  # e.g. 火事・救急 (in the resident's language)
    number: str  # e.g. 119
    note: str = ""


@dataclass(frozen=True)
class Link:
    """A related page shown under an answer."""

    url: str
    title: str = ""


@dataclass(frozen=True)
class DepartmentContact:
    """担当課の連絡先: where a resident is handed over when the FAQ cannot help."""

    name: str
    phone: str = ""
    email: str = ""
    hours: str = ""
    form_url: str = ""

    def is_empty(self) -> bool:
        return not (self.name or self.phone or self.email or self.hours or self.form_url)


@dataclass
class FaqRecord:
    """One FAQ entry as edited and imported (no ids or audit fields)."""

    question: str
    answer: str
    external_id: str = ""
    alternatives: list[str] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    category: str = ""
    department: DepartmentContact | None = None
    source_url: str = ""
    valid_from: date | None = None
    valid_until: date | None = None
    status: EntryStatus = EntryStatus.PUBLISHED
    language: str = "ja"

    def is_valid_on(self, day: date) -> bool:
        """Within 掲載期間 (validity period); open ends are unlimited."""
        if self.valid_from is not None and day < self.valid_from:
            return False
        return not (self.valid_until is not None and day > self.valid_until)


@dataclass
class FaqEntry(FaqRecord):
    """A stored entry, seen from one tenant (inherited entries carry their owner)."""

    id: int = 0
    tenant_id: int = 0
    owner_slug: str = ""
    version: int = 1
    inherited: bool = False
    overrides_id: int | None = None
    updated_by: str = ""
    updated_at: datetime | None = None
