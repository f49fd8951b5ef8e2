"""Where uploaded instances and their results live while staff review them (一時保管).

In memory only, per process, keyed by a random id, bound to one tenant, dropped after the
retention period or when a newer upload pushes the oldest out. Nothing is written to disk or
to the database, so a restart or a discard forgets every applicant's data.
"""

from __future__ import annotations

import secrets
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from jichitai_ai import hoiku

DEFAULT_RETENTION_MINUTES = 120
DEFAULT_MAX_RUNS_PER_TENANT = 5
DEFAULT_MAX_RUNS = 20
#: Allocations running at once in one process (the exact method uses a core for up to a minute).
DEFAULT_MAX_CONCURRENT = 1


@dataclass
class Run:
    """One uploaded instance and, once run, its allocation (one per upload)."""

    id: str
    tenant_id: int
    created_by: str
    filenames: tuple[str, ...]
    instance: hoiku.Instance
    created_at: float
    expires_at: float
    allocation: hoiku.Allocation | None = None
    wall_seconds: float = 0.0
    run_by: str = ""
    #: Derived views (outcomes per language, rosters…): rebuilt after every run.
    cache: dict[str, Any] = field(default_factory=dict)

    def cached(self, key: str, build: Callable[[], Any]) -> Any:
        if key not in self.cache:
            self.cache[key] = build()
        return self.cache[key]


class RunStore:
    """Thread-safe map of run id → :class:`Run` with expiry and per-tenant limits."""

    def __init__(
        self,
        retention_seconds: float = DEFAULT_RETENTION_MINUTES * 60,
        max_per_tenant: int = DEFAULT_MAX_RUNS_PER_TENANT,
        max_total: int = DEFAULT_MAX_RUNS,
        clock: Callable[[], float] = time.time,
        max_concurrent: int = DEFAULT_MAX_CONCURRENT,
    ) -> None:
        self.retention_seconds = retention_seconds
        self.max_per_tenant = max_per_tenant
        self.max_total = max_total
        self.clock = clock
        self._runs: dict[str, Run] = {}
        self._lock = threading.Lock()
        #: Taken without waiting by a run; a second run meanwhile is told to try again.
        self.slots = threading.BoundedSemaphore(max_concurrent)

    def _purge(self) -> None:
        now = self.clock()
        for key in [k for k, r in self._runs.items() if r.expires_at <= now]:
            del self._runs[key]

    def add(
        self, tenant_id: int, user: str, filenames: tuple[str, ...], instance: hoiku.Instance
    ) -> Run:
        now = self.clock()
        run = Run(
            id=secrets.token_urlsafe(18),
            tenant_id=tenant_id,
            created_by=user,
            filenames=filenames,
            instance=instance,
            created_at=now,
            expires_at=now + self.retention_seconds,
        )
        with self._lock:
            self._purge()
            self._runs[run.id] = run
            # Oldest first out: per tenant, then overall.
            mine = sorted(
                (r for r in self._runs.values() if r.tenant_id == tenant_id),
                key=lambda r: r.created_at,
            )
            for old in mine[: max(0, len(mine) - self.max_per_tenant)]:
                del self._runs[old.id]
            every = sorted(self._runs.values(), key=lambda r: r.created_at)
            for old in every[: max(0, len(every) - self.max_total)]:
                del self._runs[old.id]
        return run

    def get(self, tenant_id: int, run_id: str) -> Run | None:
        """The run if it exists, has not expired and belongs to this tenant."""
        with self._lock:
            self._purge()
            run = self._runs.get(run_id)
        return run if run is not None and run.tenant_id == tenant_id else None

    def list(self, tenant_id: int) -> list[Run]:
        with self._lock:
            self._purge()
            runs = [r for r in self._runs.values() if r.tenant_id == tenant_id]
        return sorted(runs, key=lambda r: r.created_at, reverse=True)

    def discard(self, tenant_id: int, run_id: str) -> bool:
        with self._lock:
            run = self._runs.get(run_id)
            if run is None or run.tenant_id != tenant_id:
                return False
            del self._runs[run_id]
            return True

    def set_allocation(
        self, run: Run, allocation: hoiku.Allocation, wall_seconds: float, user: str
    ) -> None:
        with self._lock:
            run.allocation = allocation
            run.wall_seconds = wall_seconds
            run.run_by = user
            run.cache = {}
