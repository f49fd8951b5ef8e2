"""Who a resident is handed over to, the same way for every channel (担当課 → 代表)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from jichitai_ai.domain.models import DepartmentContact
from jichitai_ai.services.answering import AskResult


@dataclass(frozen=True)
class Handover:
    """The department (or the general contact) a resident should call or visit."""

    name: str
    phone: str
    hours: str
    general: bool
    #: Another authority's business (運転免許センター…): its own number, which the city's
    #: phone line tells the caller rather than transferring to.
    external: bool = False

    @property
    def dial(self) -> str:
        return dial_digits(self.phone)


def dial_digits(phone: str) -> str:
    """What a phone dials: digits and a leading + only (全角 digits folded)."""
    folded = phone.translate(str.maketrans("０１２３４５６７８９＋", "0123456789+"))
    digits = re.sub(r"[^0-9+]", "", folded)
    return digits[:1] + digits[1:].replace("+", "") if digits else ""


def handover_of(result: AskResult) -> Handover | None:
    """The other authority the question belongs to, else the result's department, else the
    tenant's general contact, else None."""
    authority = result.other_authority or {}
    if authority.get("name") or authority.get("phone"):
        return Handover(
            authority.get("name", ""), authority.get("phone", ""), "", general=False, external=True
        )
    contact: DepartmentContact | None = result.contact
    if contact is None and result.answer is not None:
        contact = result.answer.entry.department
    if contact is not None and (contact.name or contact.phone):
        return Handover(contact.name, contact.phone, contact.hours, general=False)
    general = result.general_contact
    if general.get("name") or general.get("phone"):
        return Handover(
            general.get("name", ""), general.get("phone", ""), general.get("hours", ""), True
        )
    return None
