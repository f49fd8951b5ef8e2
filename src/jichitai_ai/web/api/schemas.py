"""JSON shapes of the HTTP API (pydantic), kept apart from domain dataclasses."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from pydantic import BaseModel, Field

from jichitai_ai.domain.models import DepartmentContact, EntryStatus, FaqEntry, FaqRecord, Link
from jichitai_ai.web.params import DB_INT_MAX


class LinkModel(BaseModel):
    url: str = Field(max_length=1000)
    title: str = Field(default="", max_length=300)


class DepartmentModel(BaseModel):
    """担当課 and its contact."""

    name: str = Field(max_length=200)
    phone: str = Field(default="", max_length=100)
    email: str = Field(default="", max_length=200)
    hours: str = Field(default="", max_length=200)
    form_url: str = Field(default="", max_length=1000)

    @classmethod
    def of(cls, contact: DepartmentContact | None) -> DepartmentModel | None:
        if contact is None:
            return None
        return cls(**contact.__dict__)


class EmergencyContactModel(BaseModel):
    """緊急連絡先 shown before anything else (label and note in the resident's language)."""

    label: str
    number: str
    note: str = ""


class EntryIn(BaseModel):
    question: str = Field(min_length=1, max_length=500)
    answer: str = Field(min_length=1, max_length=20_000)
    external_id: str = Field(default="", max_length=100)
    alternatives: list[str] = Field(default_factory=list, max_length=50)
    links: list[LinkModel] = Field(default_factory=list, max_length=50)
    category: str = Field(default="", max_length=200)
    department: DepartmentModel | None = None
    source_url: str = Field(default="", max_length=1000)
    valid_from: date | None = None
    valid_until: date | None = None
    status: EntryStatus = EntryStatus.DRAFT
    language: str = Field(default="ja", max_length=16)
    expected_version: int | None = Field(default=None, ge=0, le=DB_INT_MAX)
    #: ``change_token`` of the change waiting for approval that this edit revises ("" for none).
    expected_change: str | None = Field(default=None, max_length=40)

    def to_record(self) -> FaqRecord:
        return FaqRecord(
            question=self.question,
            answer=self.answer,
            external_id=self.external_id,
            alternatives=list(self.alternatives),
            links=[Link(url=link.url, title=link.title) for link in self.links],
            category=self.category,
            department=DepartmentContact(**self.department.model_dump())
            if self.department
            else None,
            source_url=self.source_url,
            valid_from=self.valid_from,
            valid_until=self.valid_until,
            status=self.status,
            language=self.language,
        )


class EntryOut(BaseModel):
    id: int
    external_id: str
    language: str
    question: str
    alternatives: list[str]
    answer: str
    links: list[LinkModel]
    category: str
    department: DepartmentModel | None
    source_url: str
    valid_from: date | None
    valid_until: date | None
    status: EntryStatus
    version: int
    owner: str
    inherited: bool
    updated_by: str
    updated_at: datetime | None
    #: The change waiting for approval (承認待ち) when the save did not publish.
    pending_change_id: int | None = None
    change_state: str | None = None
    #: Identifies that change's current revision (send it back as ``expected_change``).
    change_token: str | None = None

    @classmethod
    def of(cls, entry: FaqEntry, change: Any = None) -> EntryOut:
        return cls(
            pending_change_id=change.id if change is not None else None,
            change_state=str(change.state) if change is not None else None,
            change_token=change.token if change is not None else None,
            id=entry.id,
            external_id=entry.external_id,
            language=entry.language,
            question=entry.question,
            alternatives=entry.alternatives,
            answer=entry.answer,
            links=[LinkModel(url=link.url, title=link.title) for link in entry.links],
            category=entry.category,
            department=DepartmentModel.of(entry.department),
            source_url=entry.source_url,
            valid_from=entry.valid_from,
            valid_until=entry.valid_until,
            status=entry.status,
            version=entry.version,
            owner=entry.owner_slug,
            inherited=entry.inherited,
            updated_by=entry.updated_by,
            updated_at=entry.updated_at,
        )


class AskIn(BaseModel):
    question: str = Field(min_length=1, max_length=4000)
    language: str | None = Field(default=None, max_length=16)
    session_id: str = Field(default="", max_length=200)
    channel: str = Field(default="api", max_length=32)
    #: The start screen's question the resident pressed (popular or in a category): its entry
    #: is the answer, whatever ranking ``question`` would give.
    entry_id: int | None = Field(default=None, ge=1)


class AnswerCard(BaseModel):
    """An entry as shown to a resident: only what they need, with its source."""

    entry_id: int
    external_id: str
    question: str
    answer: str
    links: list[LinkModel]
    source_url: str
    department: DepartmentModel | None
    language: str
    translated: bool


class AskOut(BaseModel):
    question_id: int
    #: Present it with feedback or a choice for this question (bound to what was shown).
    feedback_token: str = ""
    decision: str
    language: str
    answer: AnswerCard | None = None
    choices: list[AnswerCard] = Field(default_factory=list)
    contact: DepartmentModel | None = None
    general_contact: dict[str, str] = Field(default_factory=dict)
    #: 他機関の所管: the authority handling the question's topic (name, note, phone, url), when
    #: the question is about its business (decision "no_answer").
    other_authority: dict[str, str] | None = None
    message: dict[str, str] = Field(default_factory=dict)
    latency_ms: float
    #: Decision "emergency": call these first (119 / 110 / いのちの電話 …); no FAQ is shown.
    emergency: list[EmergencyContactModel] = Field(default_factory=list)
    #: Personal data was found in the question (removed for the search, masked in the log);
    #: ``privacy_notice`` asks the resident not to write it.
    personal_data: bool = False
    privacy_notice: dict[str, str] = Field(default_factory=dict)


class FeedbackIn(BaseModel):
    #: The ``feedback_token`` of the answer being rated (not a question id or session id).
    token: str = Field(min_length=16, max_length=200)
    kind: str = Field(pattern="^(resolved|not_resolved)$")
    entry_id: int | None = Field(default=None, ge=0, le=DB_INT_MAX)
    comment: str = Field(default="", max_length=2000)


class ChoiceIn(BaseModel):
    token: str = Field(min_length=16, max_length=200)
    entry_id: int = Field(ge=0, le=DB_INT_MAX)
    language: str | None = Field(default=None, max_length=16)


class MoreIn(BaseModel):
    """「他の候補を見る」 for the question the token was issued for (issue 16)."""

    token: str = Field(min_length=16, max_length=200)
    language: str | None = Field(default=None, max_length=16)
    #: 2: the next page (the tenant's ``learning.more_pages``; otherwise no entries).
    page: int = Field(default=1, ge=1, le=10)


class MoreOut(BaseModel):
    #: Further candidates after those shown; pick one with ``/choice`` and the same token.
    choices: list[AnswerCard] = Field(default_factory=list)
    message: dict[str, str] = Field(default_factory=dict)


class TenantIn(BaseModel):
    slug: str = Field(min_length=1, max_length=64)
    name: str = Field(default="", max_length=200)
    name_en: str = Field(default="", max_length=200)
    parent: str | None = Field(default=None, max_length=64)
    settings: dict[str, Any] = Field(default_factory=dict)


class TenantOut(BaseModel):
    slug: str
    name: str
    name_en: str
    parent_id: int | None
    id: int


class SynonymsIn(BaseModel):
    groups: list[list[str]] = Field(max_length=5000)
