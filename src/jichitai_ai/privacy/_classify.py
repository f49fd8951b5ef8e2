"""Minimum 自治体機密性 class implied by detections, and the number of persons.

Rules (strictest first; documented in docs/privacy.md, the gateway policy may be stricter):
- 3A: マイナンバー (特定個人情報), or 要配慮個人情報 together with anything that
  identifies a person.
- 3B: an official identifier (基礎年金番号, 被保険者番号, 免許証番号, 口座番号, カード番号),
  or two or more kinds of personal data about someone (氏名 + 住所, 氏名 + 電話 …).
- 3C: a single kind of personal data (only a name, only a phone number …).
- 2: 要配慮 terms with nobody identifiable ("生活保護の申請方法は？").
- Place names (地名) and unlabelled 12-digit numbers are masked but are not personal data:
  they never raise the class on their own.
- 1: nothing detected.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from ._masking import normalize_surface
from ._types import IDENTIFIER_TYPES, Entity, EntityType

#: Per-request cap on distinct persons (the gateway rejects requests above it).
PERSON_CAP = 1000

_PERSONAL = frozenset(
    {
        EntityType.PERSON,
        EntityType.ADDRESS,
        EntityType.POSTAL_CODE,
        EntityType.PHONE,
        EntityType.EMAIL,
        EntityType.BIRTHDATE,
    }
    | IDENTIFIER_TYPES
)


class ConfidentialityClass(StrEnum):
    """自治体機密性 classes; compare with :meth:`at_least`."""

    C1 = "1"
    C2 = "2"
    C3C = "3C"
    C3B = "3B"
    C3A = "3A"

    @property
    def rank(self) -> int:
        return _RANK[self]

    def at_least(self, other: ConfidentialityClass) -> bool:
        """True if this class is as strict as ``other`` or stricter."""
        return self.rank >= other.rank


_RANK = {c: i for i, c in enumerate(ConfidentialityClass)}


@dataclass(frozen=True, slots=True)
class DataClassAssessment:
    """What the gateway policy needs: the class, the flags behind it, the person count."""

    level: ConfidentialityClass
    specific_personal_information: bool  # 特定個人情報 (マイナンバー)
    sensitive: bool  # 要配慮個人情報 terms present
    persons: int
    reasons: tuple[str, ...]  # i18n keys (privacy.reason.*)

    @property
    def over_person_cap(self) -> bool:
        return self.persons > PERSON_CAP


def count_persons(entities: Iterable[Entity]) -> int:
    """Distinct persons: distinct normalised names, at least the number of distinct
    マイナンバー, and at least 1 when any identifying data has no name attached."""
    items = list(entities)
    names = _distinct_names({_name_key(e.text) for e in items if e.type is EntityType.PERSON})
    per_identifier = [
        len({normalize_surface(kind, e.text) for e in items if e.type is kind})
        for kind in _ONE_PER_PERSON
    ]
    identifying = any(e.type in _PERSONAL for e in items)
    return max(len(names), *per_identifier, 1 if identifying else 0)


#: Identifiers of which one person has exactly one: distinct values mean distinct persons.
_ONE_PER_PERSON = (
    EntityType.MY_NUMBER,
    EntityType.RESIDENT_CODE,
    EntityType.RESIDENCE_CARD,
    EntityType.PENSION_NUMBER,
    EntityType.DRIVER_LICENSE,
)


def _distinct_names(keys: set[str]) -> set[str]:
    """A surname alone (佐々木) next to the full name (佐々木里美) is the same person."""
    if len(keys) > 5000:  # hostile input: plain distinct count, already far over any cap
        return keys
    kept: list[str] = []
    for key in sorted(keys, key=len, reverse=True):
        # Only a whole half of a longer name: 佐々木 / 里美 in 佐々木里美, not 林太郎 in 小林太郎.
        if not any(
            len(longer) - len(key) >= 2 and (longer.startswith(key) or longer.endswith(key))
            for longer in kept
        ):
            kept.append(key)
    return set(kept)


def _name_key(surface: str) -> str:
    """One key per written name, whatever the script's case or spacing (Sato Yuko = SATO YUKO)."""
    return "".join(
        ch for ch in normalize_surface(EntityType.PERSON, surface) if ch.isalnum()
    ).casefold()


def assess(entities: Iterable[Entity]) -> DataClassAssessment:
    """Minimum confidentiality class implied by ``entities`` (see module docstring)."""
    items = list(entities)
    kinds = {e.type for e in items}
    personal = kinds & _PERSONAL
    my_number = EntityType.MY_NUMBER in kinds
    sensitive = EntityType.SENSITIVE in kinds
    reasons: list[str] = []
    if my_number:
        reasons.append("privacy.reason.my_number")
    if sensitive and personal:
        reasons.append("privacy.reason.sensitive_person")
    if reasons:
        level = ConfidentialityClass.C3A
    elif kinds & IDENTIFIER_TYPES or len(personal) >= 2:
        level = ConfidentialityClass.C3B
        reasons.append(
            "privacy.reason.identifier" if kinds & IDENTIFIER_TYPES else "privacy.reason.combined"
        )
    elif personal:
        level = ConfidentialityClass.C3C
        reasons.append("privacy.reason.single")
    elif sensitive:
        # Place names and unlabelled numbers are masked for safety but are not personal
        # data: alone they never raise the class.
        level = ConfidentialityClass.C2
        reasons.append("privacy.reason.sensitive_only")
    else:
        level = ConfidentialityClass.C1
        reasons.append("privacy.reason.none")
    return DataClassAssessment(level, my_number, sensitive, count_persons(items), tuple(reasons))
