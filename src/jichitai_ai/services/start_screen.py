"""What a resident sees before asking: popular questions and category buttons.

Popular questions come from the question log (entries answered directly or picked from 更問
choices in the last 90 days); editors can pin entries, which come first in the order pinned.
Pins are stored in the tenant's settings (``pinned_entries``: external ids), so no schema
change is needed. A new tenant with no log and no pins shows one entry per category, so the
screen is never empty, and a short log is topped up the same way; questions in the resident's
language (a translated entry) come before those shown in Japanese. Everything is
shown in the resident's language when translated: a category is named by the tenant's own
translated entries, else by the catalogue's common category names (``start.category.<名>``),
else in Japanese.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from jichitai_ai.i18n import catalog, normalize_language
from jichitai_ai.services import tenants as tenant_service
from jichitai_ai.services.answering import AnsweringService
from jichitai_ai.services.errors import Invalid
from jichitai_ai.services.search_index import TenantIndex
from jichitai_ai.storage.tables import FeedbackEvent, QuestionLog
from jichitai_ai.timeutil import utcnow

PINNED_KEY = "pinned_entries"
MAX_PINNED = 10
POPULAR_DAYS = 90


@dataclass(frozen=True)
class StartItem:
    entry_id: int
    external_id: str
    question: str
    language: str
    pinned: bool = False


@dataclass(frozen=True)
class Category:
    name: str  # the Japanese category (what entries are grouped by)
    label: str  # shown in the resident's language when a translation names it
    items: list[StartItem] = field(default_factory=list)


@dataclass(frozen=True)
class StartScreen:
    popular: list[StartItem]
    categories: list[Category]


def pinned(session: Session, tenant_slug: str) -> list[str]:
    tenant = tenant_service.get_tenant(session, tenant_slug)
    raw = tenant.settings.get(PINNED_KEY, [])
    return [str(x) for x in raw] if isinstance(raw, list) else []


def set_pinned(session: Session, tenant_slug: str, external_ids: list[str]) -> list[str]:
    """Replace the pinned entries (editors; the console UI belongs to the staff console)."""
    cleaned = list(dict.fromkeys(x.strip() for x in external_ids if x and x.strip()))
    if len(cleaned) > MAX_PINNED:
        raise Invalid("start.too_many_pins", limit=MAX_PINNED)
    tenant = tenant_service.get_tenant(session, tenant_slug)
    tenant_service.update_settings(session, tenant.id, {PINNED_KEY: cleaned})
    return cleaned


def _log_counts(session: Session, tenant_id: int, days: int) -> Counter[int]:
    since = utcnow() - timedelta(days=days)
    counts: Counter[int] = Counter()
    answered = session.execute(
        select(QuestionLog.answer_entry_id, func.count())
        .where(
            QuestionLog.tenant_id == tenant_id,
            QuestionLog.asked_at >= since,
            QuestionLog.answer_entry_id.is_not(None),
        )
        .group_by(QuestionLog.answer_entry_id)
    ).all()
    for entry_id, n in answered:
        if entry_id is not None:
            counts[int(entry_id)] += int(n)
    chosen = session.execute(
        select(FeedbackEvent.entry_id, func.count())
        .where(
            FeedbackEvent.tenant_id == tenant_id,
            FeedbackEvent.kind == "choice",
            FeedbackEvent.created_at >= since,
        )
        .group_by(FeedbackEvent.entry_id)
    ).all()
    for entry_id, n in chosen:
        counts[int(entry_id)] += int(n)
    return counts


def start_screen(
    answering: AnsweringService, tenant_slug: str, lang: str, *, limit: int = 6
) -> StartScreen:
    with answering.db.read() as session:
        tenant = tenant_service.get_tenant(session, tenant_slug)
        index = answering.index_for(session, tenant)
        pins = pinned(session, tenant_slug)
        counts = _log_counts(session, tenant.id, POPULAR_DAYS)
    visible = index.entry_ids()
    by_external = {index.entry(i).external_id: i for i in visible}

    def item(entry_id: int, is_pinned: bool = False) -> StartItem:
        shown = answering.localize(index, entry_id, lang)
        return StartItem(
            entry_id, shown.entry.external_id, shown.entry.question, shown.language, is_pinned
        )

    popular = [item(by_external[x], True) for x in pins if x in by_external][:limit]
    taken = {p.entry_id for p in popular}
    shown = set(visible)
    logged = [
        item(entry_id)
        for entry_id, _n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
        if entry_id not in taken and entry_id in shown
    ]
    groups: dict[str, list[int]] = {}
    # The tenant's own entries first: a resident of a city sees the city's 住民票・ごみ before
    # the prefecture's inherited パスポート・県税 (categories and the first popular questions).
    for entry_id in sorted(visible, key=lambda i: (index.entry(i).inherited, i)):
        category = index.entry(entry_id).category.strip()
        if category:
            groups.setdefault(category, []).append(entry_id)
    # A short log (one question asked so far) is topped up with one entry per category, so the
    # list does not shrink from six questions to one; questions the resident can read come
    # first (an English or やさしい日本語 reader sees a translated entry before a popular Japanese
    # one). Pins stay first: an editor chose them.
    logged_ids = taken | {x.entry_id for x in logged}
    fill = [x for x in _one_per_category(groups, item, len(groups)) if x.entry_id not in logged_ids]
    candidates = logged + fill
    readable = [x for x in candidates if x.language == lang]
    others = [x for x in candidates if x.language != lang]
    popular += (readable + others)[: max(0, limit - len(popular))]
    categories = [
        Category(name, _label(index, name, ids, lang), [item(i) for i in ids])
        for name, ids in groups.items()
    ]
    return StartScreen(popular, categories)


def _one_per_category(
    groups: dict[str, list[int]], item: Callable[[int], StartItem], limit: int
) -> list[StartItem]:
    """The first entry of each category, those shown in the resident's language first (a
    resident reading English sees English questions before Japanese ones)."""
    firsts = []
    for ids in groups.values():
        items = [item(i) for i in ids]
        translated = [x for x in items if x.language != "ja"]
        firsts.append((translated or items)[0])
    return sorted(firsts, key=lambda x: x.language == "ja")[:limit]


def _label(index: TenantIndex, name: str, ids: list[int], lang: str) -> str:
    """The category's name in ``lang``: the tenant's translated entries, the catalogue, Japanese."""
    for i in ids:
        translated = index.translation(index.entry(i).external_id, lang)
        if translated is not None and translated.category.strip():
            return translated.category.strip()
    messages = catalog().get(f"start.category.{name}", {})
    language = normalize_language(lang)
    return messages.get(language) or name
