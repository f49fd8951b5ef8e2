"""What an approval changes for residents, field by field (変更点の比較).

Both sides are what a resident would see: an entry that is not published shows nothing,
so publishing a new entry shows every field as added and archiving one as removed.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import Any

from jichitai_ai.domain.models import EntryStatus, FaqRecord

#: Fields residents see, in the order the answer card shows them (i18n: approval.field.*).
FIELDS = (
    "question",
    "answer",
    "alternatives",
    "category",
    "department",
    "links",
    "source_url",
    "valid_from",
    "valid_until",
    "status",
    "language",
    "external_id",
)


@dataclass(frozen=True)
class Segment:
    text: str
    kind: str  # same | del | ins


@dataclass(frozen=True)
class FieldDiff:
    field: str
    before: str
    after: str
    before_parts: tuple[Segment, ...]
    after_parts: tuple[Segment, ...]

    @property
    def changed(self) -> bool:
        return self.before != self.after


def field_text(record: FaqRecord | None, name: str) -> str:
    """One field as plain text, as staff would read it on the answer card."""
    if record is None:
        return ""
    value: Any = getattr(record, name)
    if name == "alternatives":
        return "\n".join(value)
    if name == "links":
        return "\n".join(f"{link.title} {link.url}".strip() for link in value)
    if name == "department":
        # Contact details live on the department record (one place for every entry), so a
        # change to an entry can only change which department it names.
        return value.name if value is not None else ""
    if value is None:
        return ""
    return str(value)


def _segments(before: str, after: str) -> tuple[tuple[Segment, ...], tuple[Segment, ...]]:
    """Character-level marks (Japanese has no spaces to split words on)."""
    left: list[Segment] = []
    right: list[Segment] = []
    matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            left.append(Segment(before[i1:i2], "same"))
            right.append(Segment(after[j1:j2], "same"))
            continue
        if i2 > i1:
            left.append(Segment(before[i1:i2], "del"))
        if j2 > j1:
            right.append(Segment(after[j1:j2], "ins"))
    return tuple(left), tuple(right)


def diff_records(before: FaqRecord | None, after: FaqRecord | None) -> list[FieldDiff]:
    """Every field of both sides, with marks on what changed."""
    rows = []
    for name in FIELDS:
        old, new = field_text(before, name), field_text(after, name)
        left, right = _segments(old, new)
        rows.append(FieldDiff(name, old, new, left, right))
    return rows


def resident_view(record: FaqRecord | None) -> FaqRecord | None:
    """The record as residents meet it: nothing unless it is published."""
    if record is None or record.status != EntryStatus.PUBLISHED:
        return None
    return record


def resident_diff(live: FaqRecord | None, proposed: FaqRecord | None) -> list[FieldDiff]:
    """What approving ``proposed`` over ``live`` changes for residents."""
    return diff_records(resident_view(live), resident_view(proposed))
