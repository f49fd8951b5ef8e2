"""Where uploaded instances and their results live while staff review them (一時保管).

In the database, so every worker serves every run (before: one process's memory, and 11 of 12
page loads failed on two workers). A run holds the uploaded files as sent and, once run, the
allocation as child → facility; each worker re-reads the files and rebuilds the allocation the
first time it serves a run, then keeps them in a small per-process cache keyed by the run's
version. Runs are bound to one tenant, deleted after the retention period (two hours by default),
on discard, or when newer uploads push the oldest out — applicants' data is kept no longer.
"""

from __future__ import annotations

import io
import secrets
import threading
import time
import zipfile
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import delete, select, update

from jichitai_ai import hoiku
from jichitai_ai.hoiku.console.tables import HoikuRun
from jichitai_ai.hoiku.console.uploads import UploadedFile
from jichitai_ai.storage.db import Database

DEFAULT_RETENTION_MINUTES = 120
DEFAULT_MAX_RUNS_PER_TENANT = 5
DEFAULT_MAX_RUNS = 20
#: Allocations running at once in one process (the exact method uses a core for up to a minute).
DEFAULT_MAX_CONCURRENT = 1
#: Runs whose instance and allocation one worker keeps parsed.
CACHED_RUNS = 8

Loader = Callable[[list[UploadedFile]], hoiku.Instance]


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
    version: int = 0
    #: Derived views (outcomes per language, rosters…): rebuilt after every run.
    cache: dict[str, Any] = field(default_factory=dict)

    def cached(self, key: str, build: Callable[[], Any]) -> Any:
        if key not in self.cache:
            self.cache[key] = build()
        return self.cache[key]


def _pack(files: list[UploadedFile]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for n, item in enumerate(files):
            # Numbered members keep the original names (any characters) in the comment.
            info = zipfile.ZipInfo(f"{n:04d}")
            info.comment = item.name.encode("utf-8")
            archive.writestr(info, item.data, zipfile.ZIP_DEFLATED)
    return out.getvalue()


def _unpack(data: bytes) -> list[UploadedFile]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return [
            UploadedFile(info.comment.decode("utf-8"), archive.read(info))
            for info in archive.infolist()
        ]


def _assignment(allocation: hoiku.Allocation) -> dict[str, str | None]:
    facilities = allocation.instance.facilities
    return {
        child.id: facilities[placed].id if placed >= 0 else None
        for child, placed in zip(allocation.instance.children, allocation.placed, strict=True)
    }


def _seconds(moment: datetime) -> float:
    return (moment - datetime(1970, 1, 1)).total_seconds()


class RunStore:
    """Runs in the database with expiry and per-tenant limits; parsed runs cached per process."""

    def __init__(
        self,
        db: Database,
        loader: Loader,
        retention_seconds: float = DEFAULT_RETENTION_MINUTES * 60,
        max_per_tenant: int = DEFAULT_MAX_RUNS_PER_TENANT,
        max_total: int = DEFAULT_MAX_RUNS,
        clock: Callable[[], float] = time.time,
        max_concurrent: int = DEFAULT_MAX_CONCURRENT,
    ) -> None:
        self.db = db
        self.loader = loader
        self.retention_seconds = retention_seconds
        self.max_per_tenant = max_per_tenant
        self.max_total = max_total
        self.clock = clock
        self._cache: OrderedDict[str, Run] = OrderedDict()
        self._lock = threading.Lock()
        #: Taken without waiting by a run; a second run meanwhile is told to try again.
        #: Per worker process: with N workers up to N allocations run at once.
        self.slots = threading.BoundedSemaphore(max_concurrent)

    def _now(self) -> datetime:
        return datetime(1970, 1, 1) + timedelta(seconds=self.clock())

    def _purge(self, session: Any) -> None:
        session.execute(delete(HoikuRun).where(HoikuRun.expires_at <= self._now()))

    def add(
        self, tenant_id: int, user: str, files: list[UploadedFile], instance: hoiku.Instance
    ) -> Run:
        now = self._now()
        files = [f for f in files if f.name]
        row = HoikuRun(
            id=secrets.token_urlsafe(18),
            tenant_id=tenant_id,
            created_by=user,
            filenames=[f.name for f in files],
            files=_pack(files),
            created_at=now,
            expires_at=now + timedelta(seconds=self.retention_seconds),
            version=0,
            assignment=None,
            method="",
            optimal=False,
            seconds=0.0,
            notes=[],
            wall_seconds=0.0,
            run_by="",
        )
        with self.db.write() as session:
            self._purge(session)
            session.add(row)
            session.flush()
            # Oldest first out: per tenant, then overall.
            mine = (
                session.execute(
                    select(HoikuRun.id)
                    .where(HoikuRun.tenant_id == tenant_id)
                    .order_by(HoikuRun.created_at.desc(), HoikuRun.id)
                    .offset(self.max_per_tenant)
                )
                .scalars()
                .all()
            )
            every = (
                session.execute(
                    select(HoikuRun.id)
                    .order_by(HoikuRun.created_at.desc(), HoikuRun.id)
                    .offset(self.max_total)
                )
                .scalars()
                .all()
            )
            gone = set(mine) | set(every)
            if gone:
                session.execute(delete(HoikuRun).where(HoikuRun.id.in_(gone)))
        run = self._run(row, instance)
        self._remember(run)
        return run

    def _run(self, row: HoikuRun, instance: hoiku.Instance) -> Run:
        allocation = None
        if row.assignment is not None:
            rebuilt = hoiku.from_assignment(instance, dict(row.assignment))
            allocation = replace(
                rebuilt,
                method=row.method,
                optimal=row.optimal,
                seconds=row.seconds,
                notes=list(row.notes or []),
            )
        return Run(
            id=row.id,
            tenant_id=row.tenant_id,
            created_by=row.created_by,
            filenames=tuple(row.filenames or ()),
            instance=instance,
            created_at=_seconds(row.created_at),
            expires_at=_seconds(row.expires_at),
            allocation=allocation,
            wall_seconds=row.wall_seconds,
            run_by=row.run_by,
            version=row.version,
        )

    def _remember(self, run: Run) -> None:
        with self._lock:
            self._cache[run.id] = run
            self._cache.move_to_end(run.id)
            while len(self._cache) > CACHED_RUNS:
                self._cache.popitem(last=False)

    def get(self, tenant_id: int, run_id: str) -> Run | None:
        """The run if it exists, has not expired and belongs to this tenant."""
        with self.db.read() as session:
            row = session.execute(
                select(HoikuRun).where(
                    HoikuRun.id == run_id,
                    HoikuRun.tenant_id == tenant_id,
                    HoikuRun.expires_at > self._now(),
                )
            ).scalar_one_or_none()
            if row is None:
                with self._lock:
                    self._cache.pop(run_id, None)
                return None
            with self._lock:
                cached = self._cache.get(run_id)
            if cached is not None and cached.version == row.version:
                return cached
            instance = cached.instance if cached is not None else self.loader(_unpack(row.files))
            run = self._run(row, instance)
        self._remember(run)
        return run

    def list(self, tenant_id: int) -> list[Run]:
        """The tenant's runs, newest first (summaries: the instance is only parsed on open).

        Expired runs are deleted here too: before (hr5) only the next upload deleted them, so
        the last upload of a season stayed in the database (the retention run deletes them
        as well, for a console nobody opens)."""
        with self.db.write() as session:
            self._purge(session)
        with self.db.read() as session:
            rows = (
                session.execute(
                    select(HoikuRun)
                    .where(HoikuRun.tenant_id == tenant_id, HoikuRun.expires_at > self._now())
                    .order_by(HoikuRun.created_at.desc(), HoikuRun.id)
                )
                .scalars()
                .all()
            )
            runs = []
            for row in rows:
                run = self.get(tenant_id, row.id)
                if run is not None:
                    runs.append(run)
        return runs

    def discard(self, tenant_id: int, run_id: str) -> bool:
        with self.db.write() as session:
            result = session.execute(
                delete(HoikuRun).where(HoikuRun.id == run_id, HoikuRun.tenant_id == tenant_id)
            )
            gone = int(getattr(result, "rowcount", 0) or 0)
        with self._lock:
            self._cache.pop(run_id, None)
        return bool(gone)

    def set_allocation(
        self, run: Run, allocation: hoiku.Allocation, wall_seconds: float, user: str
    ) -> None:
        with self.db.write() as session:
            session.execute(
                update(HoikuRun)
                .where(HoikuRun.id == run.id)
                .values(
                    assignment=_assignment(allocation),
                    method=allocation.method,
                    optimal=allocation.optimal,
                    seconds=allocation.seconds,
                    notes=list(allocation.notes),
                    wall_seconds=wall_seconds,
                    run_by=user,
                    version=HoikuRun.version + 1,
                )
            )
            version = session.execute(
                select(HoikuRun.version).where(HoikuRun.id == run.id)
            ).scalar_one_or_none()
        run.allocation = allocation
        run.wall_seconds = wall_seconds
        run.run_by = user
        run.cache = {}
        if version is not None:
            run.version = version
            self._remember(run)
