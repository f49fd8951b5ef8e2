"""The tuning page's change record (変更履歴): who changed the tenant's synonym groups, pinned
questions or 行政以外の話題の判定, when, and from what to what.

These settings change every resident's answers at once, so staff must be able to see who changed
them; they go into the same table as the contact lists' record (contact_settings.audit)."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from jichitai_ai.contact_settings import audit
from jichitai_ai.i18n import t
from jichitai_ai.services import outside_topics
from jichitai_ai.tuning.service import PINNED_KEY

SYNONYMS = "synonyms"
PINS = PINNED_KEY
OUTSIDE = outside_topics.MARGIN_KEY
KEYS = (SYNONYMS, PINS, OUTSIDE)
#: How many pinned ids or synonym groups a line lists before "…".
SHOWN = 5


@dataclass(frozen=True)
class ChangeLine:
    created_at: datetime
    username: str
    key: str
    before: str
    after: str


def record(
    session: Session,
    tenant_id: int,
    key: str,
    *,
    username: str,
    before: list[Any],
    after: list[Any],
) -> None:
    """One line for a save that changed something (saving the same values records nothing)."""
    if before == after:
        return
    audit.record(
        session, tenant_id, key, "saved", subject="", username=username, before=before, after=after
    )


def lines(session: Session, tenant_id: int, lang: str) -> list[ChangeLine]:
    """The tenant's latest tuning changes, newest first, each side summarised for the page."""
    return [
        ChangeLine(
            created_at=c.created_at,
            username=c.username,
            key=c.key,
            before=_summary(c.key, c.before, lang),
            after=_summary(c.key, c.after, lang),
        )
        for c in audit.recent(session, tenant_id, KEYS)
    ]


def _summary(key: str, values: list[Any], lang: str) -> str:
    if key == OUTSIDE:
        return _margin(values[0] if values else None, lang)
    if not values:
        return t("tuning.changes.none", lang)
    if key == SYNONYMS:
        shown = [", ".join(str(term) for term in group) for group in values[:SHOWN]]
    else:
        shown = [str(v) for v in values[:SHOWN]]
    more = "…" if len(values) > SHOWN else ""
    return t("tuning.changes.items", lang, count=len(values), items=" / ".join(shown) + more)


def _margin(stored: Any, lang: str) -> str:
    if stored is None:
        return t("tuning.changes.margin_default", lang, default=outside_topics.DEFAULT_MARGIN)
    margin = outside_topics.margin({OUTSIDE: stored})
    return t("tuning.changes.margin_off", lang) if math.isinf(margin) else f"{margin:g}"
