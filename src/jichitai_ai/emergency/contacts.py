"""緊急連絡先: the numbers shown for an emergency, per tenant configurable.

Defaults are the national numbers: 119 (火事・救急), 110 (警察), いのちの電話 and よりそい
ホットライン (which also answers in foreign languages). A tenant replaces them with its own list
in ``settings["emergency_contacts"]``::

    [{"number": "119", "kinds": ["fire", "medical", "disaster"],
      "label": {"ja": "火事・救急", "en": "Fire / ambulance"}, "note": {"ja": "…"}}]

``label`` and ``note`` may be plain strings (shown in every language) or per-language tables;
a missing language falls back to English, then Japanese.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from jichitai_ai.domain.models import EmergencyContact
from jichitai_ai.emergency.kinds import EmergencyKind
from jichitai_ai.i18n import LANGUAGES, pick, t

SETTINGS_KEY = "emergency_contacts"


@dataclass(frozen=True)
class ContactSpec:
    """One configured contact: texts per language, and the kinds of emergency it is for."""

    number: str
    kinds: frozenset[EmergencyKind]
    label: Mapping[str, str]
    note: Mapping[str, str] = field(default_factory=dict)

    def localized(self, lang: str) -> EmergencyContact:
        return EmergencyContact(
            label=pick(self.label, lang), number=self.number, note=pick(self.note, lang)
        )


def _catalog(key: str) -> dict[str, str]:
    return {code: t(key, code) for code in LANGUAGES}


def _default(name: str, number: str, kinds: Sequence[EmergencyKind]) -> ContactSpec:
    return ContactSpec(
        number=number,
        kinds=frozenset(kinds),
        label=_catalog(f"emergency.contact.{name}.label"),
        note=_catalog(f"emergency.contact.{name}.note"),
    )


def default_contacts() -> list[ContactSpec]:
    K = EmergencyKind
    return [
        _default("fire_ambulance", "119", [K.FIRE, K.MEDICAL, K.DISASTER]),
        _default("police", "110", [K.CRIME, K.DISASTER]),
        _default("inochi", "0570-783-556", [K.SUICIDE]),
        _default("yorisoi", "0120-279-338", [K.SUICIDE]),
    ]


DEFAULT_CONTACTS: tuple[str, ...] = ("119", "110", "0570-783-556", "0120-279-338")


def _texts(value: Any) -> dict[str, str]:
    if isinstance(value, str):
        return {"ja": value, "en": value} if value else {}
    if isinstance(value, Mapping):
        return {str(k): str(v) for k, v in value.items() if isinstance(v, str) and v}
    return {}


def configured_contacts(settings: Mapping[str, Any]) -> list[ContactSpec]:
    """The tenant's own list when it has one (malformed items are skipped), else defaults."""
    raw = settings.get(SETTINGS_KEY)
    if not isinstance(raw, list) or not raw:
        return default_contacts()
    specs = []
    known = {k.value for k in EmergencyKind}
    for item in raw:
        if not isinstance(item, Mapping) or not str(item.get("number", "")).strip():
            continue
        kinds = item.get("kinds") or list(known)
        label = _texts(item.get("label"))
        specs.append(
            ContactSpec(
                number=str(item["number"]).strip(),
                kinds=frozenset(EmergencyKind(k) for k in kinds if k in known),
                label=label or {"ja": str(item["number"])},
                note=_texts(item.get("note")),
            )
        )
    return specs or default_contacts()


def contacts_for(
    kinds: Sequence[EmergencyKind], lang: str, settings: Mapping[str, Any]
) -> list[EmergencyContact]:
    """Contacts for the detected kinds, most urgent kind first; every contact when none fits."""
    specs = configured_contacts(settings)
    chosen: list[ContactSpec] = []
    for kind in kinds:
        chosen.extend(s for s in specs if kind in s.kinds and s not in chosen)
    if kinds and EmergencyKind.SUICIDE in kinds:
        # Someone in danger right now still needs 119.
        chosen.extend(s for s in specs if EmergencyKind.MEDICAL in s.kinds and s not in chosen)
    return [s.localized(lang) for s in (chosen or specs)]
