"""What staff type for one emergency contact or one other authority, checked and turned into
the settings item the answering path reads (emergency.contacts, services.other_authorities).

Every problem is reported at once, each as a catalogue message naming the field, so a form is
shown again with all its mistakes and nothing is stored. An item is written over the stored one
(``to_item(stored)``): keys and languages the form does not show are kept as they were.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from jichitai_ai.emergency.kinds import EmergencyKind
from jichitai_ai.i18n import LANGUAGES, t
from jichitai_ai.services.errors import Invalid

#: Languages edited in the console, Japanese first (the resident page's languages).
FORM_LANGUAGES: tuple[str, ...] = LANGUAGES
#: Kinds in the order the console lists them.
KINDS: tuple[str, ...] = tuple(k.value for k in EmergencyKind)
MAX_TEXT = 200
MAX_NOTE = 1000
MAX_LINES = 30
MAX_URL = 1000
#: Digits with the separators phone numbers are written with (0570-783-556, #7119, +81 …).
_PHONE = re.compile(r"^\+?[0-9#*(][0-9#*\-() ]{1,29}$")
#: Dashes typed in Japanese text (長音符 ー, 全角ハイフン …) stored as "-" in phone numbers.
_DASHES = str.maketrans(dict.fromkeys("ー‐‑–—―−", "-"))
_URL = re.compile(r"^https?://[^\s/$.?#][^\s]*$", re.IGNORECASE)


class Rejected(Invalid):
    """The form or file has mistakes; nothing was stored. ``errors``: one message each;
    ``places``: where each is in a file — (settings key, item number; 0 the whole list)."""

    def __init__(
        self, errors: Sequence[Invalid], places: Sequence[tuple[str, int] | None] = ()
    ) -> None:
        self.errors = list(errors)
        self.places = list(places) or [None] * len(self.errors)
        super().__init__("contact_settings.rejected", count=len(self.errors))

    def lines(self, lang: str) -> list[str]:
        """Every mistake as one sentence in ``lang``, with its place in the file."""
        found = []
        for error, place in zip(self.errors, self.places, strict=True):
            message = t(error.key, lang, **_named(error.params, lang))
            if place is not None:
                key, index = place
                where = t(f"contact_settings.key.{key}", lang)
                if index:
                    message = t(
                        "contact_settings.error.at_item",
                        lang,
                        where=where,
                        index=index,
                        message=message,
                    )
                else:
                    message = t(
                        "contact_settings.error.at_list", lang, where=where, message=message
                    )
            found.append(message)
        return found


def _named(params: Mapping[str, Any], lang: str) -> dict[str, Any]:
    """Field and kind names in ``lang`` (errors carry the names used in forms and files)."""
    named = dict(params)
    if "field" in named:
        named["field"] = t(f"contact_settings.field.{named['field']}", lang)
    if named.get("kind") in KINDS:
        named["kind"] = t(f"contact_settings.kind.{named['kind']}", lang)
    if "lang" in named and named["lang"] in LANGUAGES:
        named["lang"] = t(f"console.language.{named['lang']}", lang)
    return named


def clean(text: str) -> str:
    """NFKC (全角の数字・記号 → 半角) and trimmed: how a url is stored."""
    return unicodedata.normalize("NFKC", text).strip()


def clean_phone(text: str) -> str:
    """A phone number as stored: half-width, dashes as "-" (０１２０ー００ー７１００ → 0120-00-7100)."""
    return clean(text).translate(_DASHES)


def lines(text: str) -> list[str]:
    """One item per line, blank lines and repeats dropped (topics, words)."""
    return list(dict.fromkeys(x.strip() for x in text.splitlines() if x.strip()))


def texts_of(value: Any) -> dict[str, str]:
    """A stored per-language text (plain string → Japanese) as a table."""
    if isinstance(value, str):
        return {"ja": value} if value.strip() else {}
    if isinstance(value, Mapping):
        return {str(k): v for k, v in value.items() if isinstance(v, str) and v.strip()}
    return {}


def _merged_texts(stored: Any, edited: Mapping[str, str]) -> dict[str, str]:
    """The form's languages replace the stored ones; other languages stay."""
    kept = {k: v for k, v in texts_of(stored).items() if k not in FORM_LANGUAGES}
    shown = {lang: edited.get(lang, "").strip() for lang in FORM_LANGUAGES}
    return {**{k: v for k, v in shown.items() if v}, **kept}


def _check_texts(
    texts: Mapping[str, str], field_key: str, limit: int, required: bool
) -> list[Invalid]:
    errors: list[Invalid] = []
    if required and not texts.get("ja", "").strip():
        errors.append(Invalid("contact_settings.error.ja_required", field=field_key))
    for lang, text in texts.items():
        if len(text.strip()) > limit:
            errors.append(
                Invalid("contact_settings.error.too_long", field=field_key, limit=limit, lang=lang)
            )
    return errors


def _check_phone(number: str, field_key: str, required: bool) -> list[Invalid]:
    if not number:
        return [Invalid("contact_settings.error.required", field=field_key)] if required else []
    if not _PHONE.match(number) or not any(ch.isdigit() for ch in number):
        return [Invalid("contact_settings.error.phone", field=field_key, value=number[:40])]
    return []


@dataclass
class ContactForm:
    """One emergency contact: the number, the kinds it is shown for, label and note."""

    number: str = ""
    kinds: list[str] = field(default_factory=list)
    label: dict[str, str] = field(default_factory=dict)
    note: dict[str, str] = field(default_factory=dict)

    @classmethod
    def of(cls, item: Mapping[str, Any]) -> ContactForm:
        """A stored item as the form shows it (no kinds stored: every kind, as read)."""
        kinds = item.get("kinds") or list(KINDS)
        return cls(
            number=str(item.get("number", "")),
            kinds=[k for k in KINDS if k in kinds],
            label=texts_of(item.get("label")),
            note=texts_of(item.get("note")),
        )

    def validate(self) -> None:
        self.number = clean_phone(self.number)
        errors = _check_phone(self.number, "number", required=True)
        if not self.kinds:
            errors.append(Invalid("contact_settings.error.no_kind"))
        unknown = [k for k in self.kinds if k not in KINDS]
        if unknown:
            errors.append(Invalid("contact_settings.error.unknown_kind", kind=unknown[0][:40]))
        errors += _check_texts(self.label, "label", MAX_TEXT, required=True)
        errors += _check_texts(self.note, "note", MAX_NOTE, required=False)
        if errors:
            raise Rejected(errors)

    def to_item(self, stored: Mapping[str, Any] | None = None) -> dict[str, Any]:
        """The settings item (emergency.contacts format), over the stored one."""
        base = dict(stored or {})
        raw_kinds = base.get("kinds")
        stored_kinds: list[Any] = raw_kinds if isinstance(raw_kinds, list) else []
        base.update(
            number=self.number,
            # Kinds this version does not know (a later one may) are kept as they were.
            kinds=[k for k in KINDS if k in self.kinds]
            + [k for k in stored_kinds if isinstance(k, str) and k not in KINDS],
            label=_merged_texts(base.get("label"), self.label),
            note=_merged_texts(base.get("note"), self.note),
        )
        if not base["note"]:
            base.pop("note")
        return base


@dataclass
class AuthorityForm:
    """One other authority: names, topics, words (exclusive ones apart), contact and note."""

    name: dict[str, str] = field(default_factory=dict)
    topics: list[str] = field(default_factory=list)
    words: list[str] = field(default_factory=list)
    exclusive_words: list[str] = field(default_factory=list)
    phone: str = ""
    url: str = ""
    note: dict[str, str] = field(default_factory=dict)

    @classmethod
    def of(cls, item: Mapping[str, Any]) -> AuthorityForm:
        def strings(value: Any) -> list[str]:
            return [str(x) for x in value] if isinstance(value, list) else []

        return cls(
            name=texts_of(item.get("name")),
            topics=strings(item.get("topics")),
            words=strings(item.get("words")),
            exclusive_words=strings(item.get("exclusive_words")),
            phone=str(item.get("phone", "")),
            url=str(item.get("url", "")),
            note=texts_of(item.get("note")),
        )

    def validate(self) -> None:
        self.phone, self.url = clean_phone(self.phone), clean(self.url)
        self.topics = lines("\n".join(self.topics))
        self.words = lines("\n".join(self.words))
        self.exclusive_words = lines("\n".join(self.exclusive_words))
        errors = _check_texts(self.name, "name", MAX_TEXT, required=True)
        if not self.topics:
            errors.append(Invalid("contact_settings.error.no_topic"))
        for key, values in (
            ("topics", self.topics),
            ("words", self.words),
            ("exclusive_words", self.exclusive_words),
        ):
            if len(values) > MAX_LINES:
                errors.append(
                    Invalid("contact_settings.error.too_many", field=key, limit=MAX_LINES)
                )
            long = [v for v in values if len(v) > MAX_TEXT]
            if long:
                errors.append(
                    Invalid("contact_settings.error.line_too_long", field=key, limit=MAX_TEXT)
                )
        errors += _check_phone(self.phone, "phone", required=False)
        if self.url and (len(self.url) > MAX_URL or not _URL.match(self.url)):
            errors.append(Invalid("contact_settings.error.url", value=self.url[:80]))
        if not self.phone and not self.url:
            errors.append(Invalid("contact_settings.error.no_contact"))
        errors += _check_texts(self.note, "note", MAX_NOTE, required=False)
        if errors:
            raise Rejected(errors)

    def to_item(self, stored: Mapping[str, Any] | None = None) -> dict[str, Any]:
        """The settings item (services.other_authorities format), over the stored one."""
        base = dict(stored or {})
        base.update(
            name=_merged_texts(base.get("name"), self.name),
            topics=list(self.topics),
            words=list(self.words),
            exclusive_words=list(self.exclusive_words),
            phone=self.phone,
            url=self.url,
            note=_merged_texts(base.get("note"), self.note),
        )
        # Optional keys left empty are not written (the settings read the same without them).
        optional = ("words", "exclusive_words", "phone", "url", "note")
        return {k: v for k, v in base.items() if v or k not in optional}
