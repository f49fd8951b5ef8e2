"""The change record (変更履歴) of tenant settings edited on console pages: who changed the
synonym groups, pinned questions, 行政以外の話題の判定, the four-eyes rule (四つの目の原則) or the
websites allowed to embed the chat, staff accounts (created, role, disabled, new password,
departments) and the LINE credentials (never their values), when, and from what to what.

These settings change every resident's answers or who may publish, so staff must be able to see
who changed them; they go into the same table as the contact lists' record
(contact_settings.audit), and each page lists the lines of the settings it edits."""

from __future__ import annotations

import math
from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from jichitai_ai.approval.service import FOUR_EYES_SETTING
from jichitai_ai.contact_settings import audit
from jichitai_ai.i18n import t
from jichitai_ai.services import outside_topics
from jichitai_ai.staff import service as staff
from jichitai_ai.tuning.service import PINNED_KEY

SYNONYMS = "synonyms"
PINS = PINNED_KEY
OUTSIDE = outside_topics.MARGIN_KEY
FOUR_EYES = FOUR_EYES_SETTING
WIDGET_ORIGINS = "widget_origins"
#: The LINE channel secret / access token were replaced (values: the names entered).
LINE_CREDENTIALS = "line_credentials"
TUNING_KEYS = (SYNONYMS, PINS, OUTSIDE)
#: How many items (pinned ids, synonym groups, websites) a line lists before "…".
SHOWN = 5


@dataclass(frozen=True)
class ChangeLine:
    created_at: datetime
    username: str
    key: str
    before: str
    after: str
    #: What the line is about when the setting has several (the staff account's username).
    subject: str = ""


def record(
    session: Session,
    tenant_id: int,
    key: str,
    username: str,
    before: list[Any],
    after: list[Any],
    *,
    subject: str = "",
) -> None:
    """One line for a save that changed something (saving the same values records nothing)."""
    if before == after:
        return
    audit.record(
        session,
        tenant_id,
        key,
        "saved",
        subject=subject,
        username=username,
        before=before,
        after=after,
    )


def lines(session: Session, tenant_id: int, keys: Collection[str], lang: str) -> list[ChangeLine]:
    """The tenant's latest changes of ``keys``, newest first, each side summarised for a page."""
    return [
        ChangeLine(
            created_at=c.created_at,
            username=c.username,
            key=c.key,
            before=_summary(c.key, c.before, lang),
            after=_summary(c.key, c.after, lang),
            subject=c.subject,
        )
        for c in audit.recent(session, tenant_id, keys)
    ]


def _summary(key: str, values: list[Any], lang: str) -> str:
    if key == OUTSIDE:
        return _margin(values[0] if values else None, lang)
    if key in _WORDS:
        return _words(key, values, lang)
    if key == staff.DEPARTMENTS and not values:
        return t("staff.all_departments", lang)
    if key == FOUR_EYES:
        on = bool(values[0]) if values and values[0] is not None else True
        return t("console.record.on" if on else "console.record.off", lang)
    if not values:
        return t("console.record.none", lang)
    if key == SYNONYMS:
        shown = [", ".join(str(term) for term in group) for group in values[:SHOWN]]
    else:
        shown = [str(v) for v in values[:SHOWN]]
    more = "…" if len(values) > SHOWN else ""
    return t("console.record.items", lang, count=len(values), items=" / ".join(shown) + more)


def _margin(stored: Any, lang: str) -> str:
    if stored is None:
        return t("console.record.margin_default", lang, default=outside_topics.DEFAULT_MARGIN)
    margin = outside_topics.margin({OUTSIDE: stored})
    return t("console.record.margin_off", lang) if math.isinf(margin) else f"{margin:g}"


#: Settings whose stored values are codes (a role, on/off, a credential's name) shown as words.
_WORDS = {staff.CREATED, staff.ROLE, staff.ACTIVE, staff.PASSWORD, LINE_CREDENTIALS}


def _words(key: str, values: list[Any], lang: str) -> str:
    if not values:
        return t("console.record.none", lang)
    if key in (staff.CREATED, staff.ROLE):
        return _sep(lang).join(t(f"console.role.{v}", lang) for v in values)
    if key == staff.ACTIVE:
        return t("staff.state.active" if values[0] else "staff.state.disabled", lang)
    if key == staff.PASSWORD:
        return t("console.record.password_reset", lang)
    return _sep(lang).join(_credential(str(v), lang) for v in values)


def _sep(lang: str) -> str:
    return ", " if lang == "en" else "、"


def _credential(token: str, lang: str) -> str:
    """``channel_secret=new`` → 「チャネルシークレット: 新しい値」 (values are never stored)."""
    name, _, state = token.partition("=")
    return t(
        "console.record.credential",
        lang,
        name=t(f"console.record.credential.{name}", lang),
        state=t(f"console.record.credential_state.{state}", lang),
    )


def credential_tokens(
    configured: Collection[str], names: Collection[str], entered: Collection[str]
) -> list[str]:
    """What the record keeps of a LINE credentials save: per credential unset / set / new."""
    return [
        f"{n}={'new' if n in entered else 'set' if n in configured else 'unset'}" for n in names
    ]
