"""Rate limits for public and gateway endpoints (流量制限), answered with 429 and Retry-After.

Token buckets keyed by client address and by tenant for the resident endpoints (ask, choice,
feedback, 他の候補 (more), public document search/answer, the resident pages' forms), and by API key for the
gateway. By default the buckets live in the database (services.rate_buckets), shared by every
worker: with ``--workers N`` an address still gets the configured rate, not N times it, however
connections are spread over the workers. ``shared = false`` keeps them in each worker's memory
instead (no database write per request; then an address gets up to N times the rate). Login is
limited separately by the database-backed lock-out (services.login_guard).

``[limits]`` in jichitai.toml, each a pair ``[requests, seconds]``::

    public_per_address = [30, 60]
    public_per_tenant = [600, 60]
    gateway_per_key = [60, 60]
    shared = true
    enabled = true

``JICHITAI_LIMITS_ENABLED=0`` in the environment turns them off (test suites, benchmarks).
"""

from __future__ import annotations

import hashlib
import logging
import math
import os
import re
import time
from dataclasses import dataclass
from typing import Any

import anyio.to_thread
from fastapi.responses import JSONResponse
from sqlalchemy.exc import SQLAlchemyError
from starlette.requests import HTTPConnection
from starlette.types import ASGIApp, Receive, Scope, Send

from jichitai_ai.i18n import bilingual
from jichitai_ai.services.rate_buckets import SharedBuckets
from jichitai_ai.storage.db import Database
from jichitai_ai.web.client_address import client_address

_PUBLIC = re.compile(
    r"^/api/v1/tenants/(?P<slug>[^/]+)/(?:ask|feedback|choice|more|public/documents/(?:search|answer))$"
    r"|^/t/(?P<page>[^/]+)/(?:embed/?)?(?:choice|feedback|more)?$"
)
_GATEWAY = re.compile(r"^/v1/|^/api/v1/gateway/")
log = logging.getLogger(__name__)
#: Buckets kept per worker; the least recently used are dropped beyond this.
MAX_BUCKETS = 50_000


@dataclass(frozen=True)
class Rate:
    requests: float
    seconds: float

    @property
    def per_second(self) -> float:
        return self.requests / self.seconds


@dataclass(frozen=True)
class Limits:
    public_per_address: Rate = Rate(30, 60)
    public_per_tenant: Rate = Rate(600, 60)
    gateway_per_key: Rate = Rate(60, 60)
    #: Buckets in the database, shared by every worker (False: per worker, in memory).
    shared: bool = True
    enabled: bool = True

    @classmethod
    def from_section(cls, section: dict[str, Any]) -> Limits:
        def rate(name: str, default: Rate) -> Rate:
            value = section.get(name)
            if value is None:
                return default
            requests, seconds = (float(v) for v in value)
            if requests <= 0 or seconds <= 0:
                raise ValueError(f"[limits] {name} must be two positive numbers")
            return Rate(requests, seconds)

        defaults = cls()
        return cls(
            public_per_address=rate("public_per_address", defaults.public_per_address),
            public_per_tenant=rate("public_per_tenant", defaults.public_per_tenant),
            gateway_per_key=rate("gateway_per_key", defaults.gateway_per_key),
            shared=bool(section.get("shared", True)),
            enabled=bool(section.get("enabled", True))
            and os.environ.get("JICHITAI_LIMITS_ENABLED", "1") != "0",
        )


class Buckets:
    """Token buckets: ``take`` returns 0 when allowed, else the seconds until a token is back."""

    def __init__(self, clock: Any = time.monotonic) -> None:
        self._state: dict[str, tuple[float, float]] = {}
        self._clock = clock

    def take(self, key: str, rate: Rate) -> float:
        now = self._clock()
        tokens, then = self._state.pop(key, (rate.requests, now))
        tokens = min(rate.requests, tokens + (now - then) * rate.per_second)
        if tokens < 1:
            self._state[key] = (tokens, now)
            return (1 - tokens) / rate.per_second
        self._state[key] = (tokens - 1, now)  # re-inserted last: dict order is LRU order
        if len(self._state) > MAX_BUCKETS:
            del self._state[next(iter(self._state))]
        return 0.0


class DatabaseBuckets:
    """:class:`Buckets`' interface over the shared buckets in the database."""

    #: Each take is a database write: run it off the event loop.
    blocking = True

    def __init__(self, db: Database) -> None:
        self.shared = SharedBuckets(db)

    def take(self, key: str, rate: Rate) -> float:
        try:
            return self.shared.take(key, rate.requests, rate.seconds)
        except SQLAlchemyError:
            # A limiter that cannot reach its store must not refuse residents: let it through.
            log.warning("rate limit store unavailable; request allowed", exc_info=True)
            return 0.0


class RateLimit:
    """ASGI middleware applying :class:`Limits` to the public and gateway paths."""

    def __init__(
        self,
        app: ASGIApp,
        limits: Limits,
        buckets: Buckets | DatabaseBuckets | None = None,
        db: Database | None = None,
    ) -> None:
        self.app = app
        self.limits = limits
        if buckets is None:
            shared = limits.shared and limits.enabled and db is not None
            buckets = DatabaseBuckets(db) if shared and db is not None else Buckets()
        self.buckets = buckets

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not self.limits.enabled:
            await self.app(scope, receive, send)
            return
        if getattr(self.buckets, "blocking", False):
            wait = await anyio.to_thread.run_sync(self._check, scope)
        else:
            wait = self._check(scope)
        if wait > 0:
            await _too_many(send, wait)
            return
        await self.app(scope, receive, send)

    def _check(self, scope: Scope) -> float:
        path: str = scope.get("path", "")
        method: str = scope.get("method", "GET")
        public = _PUBLIC.match(path)
        if public and (method == "POST" or "/public/documents/" in path):
            slug = public.group("slug") or public.group("page") or ""
            address = client_address(HTTPConnection(scope))
            wait = self.buckets.take(f"a|{address}", self.limits.public_per_address)
            if wait > 0:
                return wait  # a refused address does not spend the tenant's budget
            return self.buckets.take(f"t|{slug}", self.limits.public_per_tenant)
        if _GATEWAY.match(path):
            headers = dict(scope.get("headers") or [])
            credential = headers.get(b"authorization", b"")
            if credential:
                key = "k|" + hashlib.sha256(credential).hexdigest()[:32]
            else:
                key = "k|addr|" + client_address(HTTPConnection(scope))
            return self.buckets.take(key, self.limits.gateway_per_key)
        return 0.0


async def _too_many(send: Send, wait: float) -> None:
    seconds = max(1, math.ceil(wait))
    response = JSONResponse(
        {
            "error": {
                "code": "error.too_many_requests",
                "message": bilingual("error.too_many_requests", seconds=seconds),
            }
        },
        status_code=429,
        headers={"Retry-After": str(seconds)},
    )
    await send({"type": "http.response.start", "status": 429, "headers": response.raw_headers})
    await send({"type": "http.response.body", "body": response.body})
