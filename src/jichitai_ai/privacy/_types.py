"""Value types shared by the detectors, the masking vault and the data-class helper."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class EntityType(StrEnum):
    """Kinds of personal data (個人情報) the detectors report."""

    PERSON = "person"  # 氏名
    ADDRESS = "address"  # 住所 (都道府県・市区町村・町名・番地・建物)
    LOCATION = "location"  # 地名 that is not a full address
    POSTAL_CODE = "postal_code"  # 郵便番号
    PHONE = "phone"  # 電話番号
    EMAIL = "email"  # メールアドレス
    BIRTHDATE = "birthdate"  # 生年月日
    MY_NUMBER = "my_number"  # マイナンバー (個人番号, 特定個人情報)
    PENSION_NUMBER = "pension_number"  # 基礎年金番号
    HEALTH_INSURANCE = "health_insurance"  # 健康保険 被保険者番号
    DRIVER_LICENSE = "driver_license"  # 運転免許証番号
    BANK_ACCOUNT = "bank_account"  # 口座番号
    CREDIT_CARD = "credit_card"  # クレジットカード番号
    RESIDENT_CODE = "resident_code"  # 住民票コード (11 桁, 検査数字)
    RESIDENCE_CARD = "residence_card"  # 在留カード番号 (AB12345678CD)
    CASE_NUMBER = "case_number"  # ケース番号・宛名番号 … (labelled municipal record numbers)
    ID_NUMBER = "id_number"  # 12 digits passing the 個人番号 check digit, no マイナンバー context
    SENSITIVE = "sensitive"  # 要配慮個人情報 (病歴・障害・生活保護・犯罪歴 …)


#: Identifiers issued to one person; their presence alone identifies someone.
IDENTIFIER_TYPES: frozenset[EntityType] = frozenset(
    {
        EntityType.MY_NUMBER,
        EntityType.PENSION_NUMBER,
        EntityType.HEALTH_INSURANCE,
        EntityType.DRIVER_LICENSE,
        EntityType.BANK_ACCOUNT,
        EntityType.CREDIT_CARD,
        EntityType.RESIDENT_CODE,
        EntityType.RESIDENCE_CARD,
        EntityType.CASE_NUMBER,
    }
)

#: Types replaced by ``MaskingSession.mask`` unless the caller says otherwise.
#: 要配慮 terms are flagged for the data class, not masked: masking "生活保護" would
#: destroy the meaning of an ordinary question about welfare.
MASKED_BY_DEFAULT: frozenset[EntityType] = frozenset(set(EntityType) - {EntityType.SENSITIVE})


@dataclass(frozen=True, slots=True)
class Entity:
    """One detected (or reviewer-supplied) piece of personal data.

    ``start``/``end`` are character offsets into the original text, end exclusive.
    ``source`` says which detector found it (``regex``, ``sudachi``, ``ginza``,
    ``cue``, ``reviewer`` …) so the review UI and audit log can explain a mask.
    """

    type: EntityType
    start: int
    end: int
    text: str
    confidence: float = 1.0
    source: str = "reviewer"
    detail: str = field(default="", compare=False)

    def __post_init__(self) -> None:
        if self.start < 0 or self.end <= self.start:
            raise ValueError(f"invalid span [{self.start}, {self.end})")
        if len(self.text) != self.end - self.start:
            raise ValueError("entity text does not match its span length")
        if not 0.0 <= self.confidence <= 1.0:
            raise ValueError("confidence must be within [0, 1]")

    @classmethod
    def from_span(
        cls,
        text: str,
        start: int,
        end: int,
        type: EntityType | str,
        *,
        confidence: float = 1.0,
        source: str = "reviewer",
    ) -> Entity:
        """Build an entity from a span of ``text`` (what a reviewer supplies)."""
        if not 0 <= start < end <= len(text):
            raise ValueError(f"span [{start}, {end}) outside text of length {len(text)}")
        return cls(EntityType(type), start, end, text[start:end], confidence, source)

    def overlaps(self, other: Entity) -> bool:
        return self.start < other.end and other.start < self.end

    def to_dict(self) -> dict[str, object]:
        """JSON-friendly form (for the review UI)."""
        return {
            "type": self.type.value,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "confidence": round(self.confidence, 3),
            "source": self.source,
        }
