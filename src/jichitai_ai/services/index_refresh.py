"""Refreshing a tenant's search index after edits without redoing all of it (差分更新).

Every entry change is logged in ``entry_change_log`` in the same transaction as the change
(services.faq.note_changes). A worker whose index is older replays the log: it re-reads only the
changed external ids from the database and replaces just those entries' postings, statistics
and derived data (``SearchIndexFactory.update``; retrieval._lexical ``updated``), with scores
identical to a full rebuild. Sudachi runs only on changed text. Before, every FAQ edit made
every worker rebuild the tenant's whole index.

Large tenants (``background_above`` entries, ``[answering] background_refresh_above``) are
refreshed in a background thread while the previous index keeps answering, at most once per
``min_interval`` seconds (``[answering] refresh_interval_seconds``), so a burst of saves costs
one update and residents see an edit within a few seconds. Smaller tenants are refreshed
inline, so staff see their edit at once. A change the log does not describe (tenant settings,
a log gap, more than ``MAX_REPLAY`` external ids) falls back to reloading every entry, still
with memoised tokens.

This layer sits beside services.search_index (which owns how an index is built and ranks):
it only decides *which entries* to hand to ``SearchIndexFactory.build`` and when.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from jichitai_ai import telemetry
from jichitai_ai.domain.models import FaqEntry
from jichitai_ai.services import faq as faq_service
from jichitai_ai.services import synonyms as synonym_service
from jichitai_ai.services.search_index import SearchIndexFactory, TenantIndex
from jichitai_ai.services.tenants import TenantInfo
from jichitai_ai.storage.db import Database
from jichitai_ai.storage.tables import EntryChangeLog
from jichitai_ai.text import Tokenizer

#: More changed external ids than this since the last refresh: reload everything instead
#: (a large import is still cheaper to replay: unchanged entries keep their derived data).
MAX_REPLAY = 5000
#: Tokenised texts kept per process (a tenant's FAQ is a few thousand texts).
MEMO_TEXTS = 200_000

ContentKey = tuple[int, int]


def _by_id(entry: FaqEntry) -> int:
    return entry.id


class MemoTokenizer(Tokenizer):
    """A tokenizer that remembers document texts, so rebuilding after an edit only runs
    Sudachi on the changed entry. Same terms as the plain tokenizer, by construction."""

    def __init__(self, base: Tokenizer) -> None:
        super().__init__(base.config)
        self._memo: dict[str, tuple[str, ...]] = {}
        self._memo_lock = threading.Lock()

    def tokenize(self, text: str) -> list[str]:
        hit = self._memo.get(text)
        if hit is None:
            hit = tuple(super().tokenize(text))
            with self._memo_lock:
                if len(self._memo) >= MEMO_TEXTS:
                    self._memo.clear()
                self._memo[text] = hit
        return list(hit)


@dataclass
class _State:
    key: ContentKey
    last_change: int
    entries: list[FaqEntry]
    groups: list[list[str]]
    index: TenantIndex


class IndexRefresher:
    """Per-process index state per tenant, refreshed from the change log."""

    def __init__(
        self,
        db: Database,
        factory: SearchIndexFactory,
        *,
        background_above: int = 300,
        min_interval: float = 2.0,
        on_built: Callable[[], None] | None = None,
    ) -> None:
        self.db = db
        self.factory = factory
        self.background_above = background_above
        #: Background refreshes of one tenant start at most this often (seconds): a burst of
        #: saves is folded into one rebuild instead of keeping a core busy per worker.
        self.min_interval = min_interval
        self._built_at: dict[int, float] = {}
        self.on_built = on_built
        self._states: dict[int, _State] = {}
        self._running: set[int] = set()
        self._lock = threading.Lock()
        #: How each refresh was done, for tests and the benchmark: full / replay / reload.
        self.counts = {"full": 0, "replay": 0, "reload": 0, "background": 0}

    @staticmethod
    def latest_change(session: Session, chain: Sequence[int]) -> int:
        value = session.execute(
            select(func.max(EntryChangeLog.id)).where(EntryChangeLog.tenant_id.in_(chain))
        ).scalar_one()
        return int(value or 0)

    def index(
        self, session: Session, tenant: TenantInfo, key: ContentKey
    ) -> tuple[TenantIndex, bool]:
        """The index for ``key``, and whether it is current (False: the previous index,
        served while a background refresh runs)."""
        state = self._states.get(tenant.id)
        if state is not None and state.key == key:
            return state.index, True
        if state is None or state.key[1] != key[1]:
            # First use, or the synonyms changed (every text's terms may change): full build.
            self._states[tenant.id] = self._full(session, tenant, key)
            return self._states[tenant.id].index, True
        if len(state.entries) < self.background_above:
            self._states[tenant.id] = self._refresh(session, tenant, key, state)
            return self._states[tenant.id].index, True
        self._start_background(tenant, key, state)
        return state.index, False

    def _full(self, session: Session, tenant: TenantInfo, key: ContentKey) -> _State:
        last = self.latest_change(session, tenant.chain)
        entries = faq_service.visible_entries(session, tenant.id, residents=True)
        groups = synonym_service.groups_for(session, tenant.chain)
        self.counts["full"] += 1
        return _State(
            key, last, entries, groups, self._build(entries, groups, "full", tenant_id=tenant.id)
        )

    def _refresh(
        self, session: Session, tenant: TenantInfo, key: ContentKey, state: _State
    ) -> _State:
        rows = session.execute(
            select(EntryChangeLog.id, EntryChangeLog.external_id)
            .where(
                EntryChangeLog.tenant_id.in_(tenant.chain), EntryChangeLog.id > state.last_change
            )
            .order_by(EntryChangeLog.id)
        ).all()
        changed = {external_id for _, external_id in rows}
        if not rows or len(changed) > MAX_REPLAY:
            # Not described by the log (settings, a gap) or too much: reload every entry.
            last = self.latest_change(session, tenant.chain)
            entries = faq_service.visible_entries(session, tenant.id, residents=True)
            self.counts["reload"] += 1
            return _State(
                key,
                last,
                entries,
                state.groups,
                self._build(entries, state.groups, tenant_id=tenant.id),
            )
        last = max(change_id for change_id, _ in rows)
        fresh = faq_service.visible_entries(
            session, tenant.id, residents=True, external_ids=changed
        )
        entries = sorted(
            [e for e in state.entries if e.external_id not in changed] + fresh, key=_by_id
        )
        self.counts["replay"] += 1
        started = time.perf_counter()
        # Only the changed entries' postings are replaced (retrieval._lexical.updated).
        index = self.factory.update(
            state.index, entries, changed, tenant_id=tenant.id, synonym_groups=state.groups
        )
        telemetry.event("index.build", time.perf_counter() - started, kind="replay")
        return _State(key, last, entries, state.groups, index)

    def _build(
        self,
        entries: list[FaqEntry],
        groups: list[list[str]],
        kind: str = "reload",
        *,
        tenant_id: int | None = None,
    ) -> TenantIndex:
        started = time.perf_counter()
        index = self.factory.build(entries, groups, tenant_id=tenant_id)
        # index.build{kind=full|replay|reload} on /metrics (jichitai_ai.ops).
        telemetry.event("index.build", time.perf_counter() - started, kind=kind)
        return index

    def _start_background(self, tenant: TenantInfo, key: ContentKey, state: _State) -> None:
        with self._lock:
            if tenant.id in self._running:
                return
            self._running.add(tenant.id)

        def work() -> None:
            try:
                wait = self._built_at.get(tenant.id, 0.0) + self.min_interval - time.monotonic()
                if wait > 0:
                    time.sleep(wait)
                with self.db.read() as session:
                    from jichitai_ai.services import tenants as tenant_service

                    # The newest key at the time of reading (more edits may have come in).
                    content, _learning = tenant_service.versions(session, tenant.chain)
                    latest = (content, synonym_service.version(session, tenant.chain))
                    current = self._states.get(tenant.id, state)
                    if latest[1] != current.key[1]:
                        fresh = self._full(session, tenant, latest)
                    else:
                        fresh = self._refresh(session, tenant, latest, current)
                self._states[tenant.id] = fresh
                self._built_at[tenant.id] = time.monotonic()
                self.counts["background"] += 1
                if self.on_built is not None:
                    self.on_built()
            finally:
                with self._lock:
                    self._running.discard(tenant.id)

        threading.Thread(target=work, name=f"index-refresh-{tenant.id}", daemon=True).start()

    def forget(self, tenant_id: int | None = None) -> None:
        if tenant_id is None:
            self._states.clear()
        else:
            self._states.pop(tenant_id, None)
