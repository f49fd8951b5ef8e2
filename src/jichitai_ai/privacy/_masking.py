"""Consistent placeholders (【氏名1】) and their restoration, per conversation.

A :class:`MaskingSession` is the vault for one conversation: the same person or
number gets the same placeholder in every message, and the model's answer can be
restored for the authorised user. It serialises to JSON so the gateway can keep it
server-side between requests (it holds raw personal data: store it like the data).
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from ._canonical import canonical_key
from ._spans import SpanSet
from ._types import MASKED_BY_DEFAULT, Entity, EntityType

#: Placeholder label per type; the number makes each entity distinct (【氏名1】).
LABELS: dict[EntityType, str] = {
    EntityType.PERSON: "氏名",
    EntityType.ADDRESS: "住所",
    EntityType.LOCATION: "地名",
    EntityType.POSTAL_CODE: "郵便番号",
    EntityType.PHONE: "電話番号",
    EntityType.EMAIL: "メール",
    EntityType.BIRTHDATE: "生年月日",
    EntityType.MY_NUMBER: "個人番号",
    EntityType.PENSION_NUMBER: "基礎年金番号",
    EntityType.HEALTH_INSURANCE: "被保険者番号",
    EntityType.DRIVER_LICENSE: "免許証番号",
    EntityType.BANK_ACCOUNT: "口座番号",
    EntityType.CREDIT_CARD: "カード番号",
    EntityType.RESIDENT_CODE: "住民票コード",
    EntityType.RESIDENCE_CARD: "在留カード番号",
    EntityType.CASE_NUMBER: "管理番号",
    EntityType.ID_NUMBER: "番号",
    EntityType.SENSITIVE: "要配慮情報",
}
_LABEL_TYPES = {label: kind for kind, label in LABELS.items()}
_NUMERIC = frozenset(LABELS) - {
    EntityType.PERSON,
    EntityType.ADDRESS,
    EntityType.LOCATION,
    EntityType.SENSITIVE,
}
_FORMAT_VERSION = 1
# Models sometimes rewrite brackets, add spaces or widen digits: 【氏名 1】, [氏名１].
_PLACEHOLDER = re.compile(
    r"[【\[［〔]\s?("
    + "|".join(sorted(map(re.escape, _LABEL_TYPES), key=len, reverse=True))
    + r")\s?([0-9０-９]{1,4})\s?[】\]］〕]"
)
_SPACES = re.compile(r"[\s・･]+")


def normalize_surface(kind: EntityType, surface: str) -> str:
    """Key for "the same entity": NFKC, no spaces; digits only for numbers.

    "山田 太郎" = "山田太郎"; "03-1234-5678" = "０３（１２３４）５６７８".
    """
    value = canonical_key(surface)
    if kind in (EntityType.RESIDENCE_CARD, EntityType.CASE_NUMBER):
        return "".join(ch for ch in value if ch.isalnum()).upper()
    if kind in _NUMERIC and kind is not EntityType.EMAIL and kind is not EntityType.BIRTHDATE:
        digits = "".join(ch for ch in value if ch.isdigit())
        return digits or value
    if kind is EntityType.EMAIL:
        return value.strip().lower()
    return _SPACES.sub("", value)


@dataclass(frozen=True, slots=True)
class MaskResult:
    """Masked text plus what was replaced (for the audit log and the review UI)."""

    text: str
    replacements: tuple[tuple[Entity, str], ...]

    @property
    def placeholders(self) -> tuple[str, ...]:
        return tuple(p for _, p in self.replacements)


class MaskingSession:
    """Vault of placeholder ↔ original for one conversation (会話単位の置換表)."""

    def __init__(self) -> None:
        self._by_key: dict[tuple[EntityType, str], str] = {}
        self._originals: dict[str, str] = {}
        self._counters: dict[EntityType, int] = {}

    # --- vault ---------------------------------------------------------------
    def placeholder_for(self, kind: EntityType, surface: str) -> str:
        """The placeholder for this entity, creating 【label n】 on first sight."""
        key = (kind, normalize_surface(kind, surface))
        existing = self._by_key.get(key)
        if existing is not None:
            return existing
        number = self._counters.get(kind, 0) + 1
        self._counters[kind] = number
        placeholder = f"【{LABELS[kind]}{number}】"
        self._by_key[key] = placeholder
        self._originals[placeholder] = surface
        return placeholder

    def reserve(self, label: str, number: int) -> None:
        """Continue numbering ``label`` (氏名 …) after ``number``: placeholders another
        step already handed out (Dify output after input moderation) keep their meaning."""
        kind = _LABEL_TYPES.get(label)
        if kind is not None:
            self._counters[kind] = max(self._counters.get(kind, 0), int(number))

    def reserve_used(self, text: str) -> None:
        """Reserve every placeholder number already present in ``text``."""
        for match in _PLACEHOLDER.finditer(text):
            self.reserve(match.group(1), int(unicodedata.normalize("NFKC", match.group(2))))

    def counters(self) -> dict[str, int]:
        """Highest number handed out per label."""
        return {LABELS[kind]: number for kind, number in self._counters.items()}

    def __len__(self) -> int:
        return len(self._originals)

    @property
    def mapping(self) -> dict[str, str]:
        """Placeholder → original surface (a copy)."""
        return dict(self._originals)

    # --- masking -------------------------------------------------------------
    def mask(
        self,
        text: str,
        entities: Iterable[Entity],
        *,
        types: frozenset[EntityType] | None = MASKED_BY_DEFAULT,
        mask_known: bool = True,
    ) -> MaskResult:
        """Replace ``entities`` (from ``detect()`` or a reviewer) with placeholders.

        Spans are checked against ``text``; overlapping spans keep the earliest,
        longest one. ``types=None`` masks every given entity, including 要配慮 flags.
        With ``mask_known``, surfaces already in the vault are masked again wherever
        they reappear, even if this message's detection missed them.
        """
        chosen = [e for e in entities if types is None or e.type in types]
        for e in chosen:
            if e.end > len(text) or text[e.start : e.end] != e.text:
                raise ValueError(f"entity {e.text!r} does not match text at [{e.start}, {e.end})")
        spans = _non_overlapping(chosen)
        if mask_known:
            spans = _non_overlapping(spans + self._known_occurrences(text, spans, types))
        pieces: list[str] = []
        replacements: list[tuple[Entity, str]] = []
        cursor = 0
        for e in spans:
            placeholder = self.placeholder_for(e.type, e.text)
            pieces.append(text[cursor : e.start])
            pieces.append(placeholder)
            replacements.append((e, placeholder))
            cursor = e.end
        pieces.append(text[cursor:])
        return MaskResult("".join(pieces), tuple(replacements))

    def _known_occurrences(
        self, text: str, taken: list[Entity], types: frozenset[EntityType] | None
    ) -> list[Entity]:
        """Vault surfaces reappearing in ``text``: one pass, indexed by first character."""
        by_first: dict[str, list[tuple[str, EntityType]]] = {}
        for placeholder, surface in self._originals.items():
            kind = _LABEL_TYPES[placeholder[1:].rstrip("】0123456789")]
            if len(surface) >= 2 and (types is None or kind in types):
                by_first.setdefault(surface[0], []).append((surface, kind))
        if not by_first:
            return []
        for candidates in by_first.values():
            candidates.sort(key=lambda item: -len(item[0]))
        occupied = SpanSet()
        for e in taken:
            occupied.add(e.start, e.end)
        found: list[Entity] = []
        position = 0
        while position < len(text):
            advance = 1
            for surface, kind in by_first.get(text[position], ()):
                end = position + len(surface)
                if text.startswith(surface, position) and not occupied.overlaps(position, end):
                    occupied.add(position, end)
                    found.append(Entity(kind, position, end, surface, 1.0, "vault"))
                    advance = len(surface)
                    break
            position += advance
        return found

    # --- restoring -------------------------------------------------------------
    def restore(self, text: str) -> str:
        """Put the originals back into a model's answer (for the authorised user only).

        Unknown placeholders are left untouched, so a model cannot invent data.
        """

        def replace(match: re.Match[str]) -> str:
            number = unicodedata.normalize("NFKC", match.group(2))
            return self._originals.get(f"【{match.group(1)}{int(number)}】", match.group(0))

        return _PLACEHOLDER.sub(replace, text)

    # --- storage -------------------------------------------------------------
    def to_json(self) -> str:
        """Serialise the vault (contains raw personal data: encrypt at rest)."""
        entries = [
            {
                "type": kind.value,
                "key": key,
                "placeholder": placeholder,
                "original": self._originals[placeholder],
            }
            for (kind, key), placeholder in self._by_key.items()
        ]
        return json.dumps({"version": _FORMAT_VERSION, "entries": entries}, ensure_ascii=False)

    @classmethod
    def from_json(cls, data: str) -> MaskingSession:
        payload = json.loads(data)
        if payload.get("version") != _FORMAT_VERSION:
            raise ValueError(f"unsupported masking session format {payload.get('version')!r}")
        session = cls()
        for entry in payload["entries"]:
            kind = EntityType(entry["type"])
            placeholder = str(entry["placeholder"])
            session._by_key[(kind, str(entry["key"]))] = placeholder
            session._originals[placeholder] = str(entry["original"])
            number = int(placeholder[1:-1].removeprefix(LABELS[kind]))
            session._counters[kind] = max(session._counters.get(kind, 0), number)
        return session


def _non_overlapping(entities: list[Entity]) -> list[Entity]:
    kept: list[Entity] = []
    for e in sorted(entities, key=lambda e: (e.start, -(e.end - e.start))):
        if kept and e.start < kept[-1].end:
            continue
        kept.append(e)
    return kept
