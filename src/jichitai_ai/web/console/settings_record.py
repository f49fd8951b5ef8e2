"""The change record (変更履歴) of tenant settings edited on console pages: who changed the
synonym groups, pinned questions, 行政以外の話題の判定, the four-eyes rule (四つの目の原則) or the
websites allowed to embed the chat, when, and from what to what.

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
from jichitai_ai.tuning.service import PINNED_KEY

SYNONYMS = "synonyms"
PINS = PINNED_KEY
OUTSIDE = outside_topics.MARGIN_KEY
FOUR_EYES = FOUR_EYES_SETTING
WIDGET_ORIGINS = "widget_origins"
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


def record(
    session: Session, tenant_id: int, key: str, username: str, before: list[Any], after: list[Any]
) -> None:
    """One line for a save that changed something (saving the same values records nothing)."""
    if before == after:
        return
    audit.record(
        session, tenant_id, key, "saved", subject="", username=username, before=before, after=after
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
        )
        for c in audit.recent(session, tenant_id, keys)
    ]


def _summary(key: str, values: list[Any], lang: str) -> str:
    if key == OUTSIDE:
        return _margin(values[0] if values else None, lang)
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
