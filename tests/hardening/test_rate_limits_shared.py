"""Rate limits are shared by every worker: two app instances on one database (two processes'
worth of state: separate platforms, pools and middleware) give an address the configured rate
in total, not twice it; concurrent takes never spend the same token twice."""

from __future__ import annotations

import threading
from dataclasses import replace

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from jichitai_ai.config import Settings
from jichitai_ai.services.platform import Platform
from jichitai_ai.services.rate_buckets import RateBucket, SharedBuckets
from jichitai_ai.web.app import create_app
from tests.console.helpers import seed

ASK = "/api/v1/tenants/aoba/ask"
# Windows of an hour: no token comes back while a slow (loaded) machine runs the test.
LIMITS = {"public_per_address": [4, 3600], "public_per_tenant": [7, 3600]}


def _worker(settings: Settings, raw: dict[str, object]) -> Platform:
    return Platform(replace(settings, raw=raw))


def test_two_workers_share_one_budget_per_address_and_tenant(
    settings: Settings, platform: Platform, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("JICHITAI_LIMITS_ENABLED", "1")
    seed(platform)
    workers = [_worker(settings, {"limits": LIMITS}) for _ in range(2)]
    apps = [create_app(platform=w) for w in workers]
    resident = [TestClient(app, client=("203.0.113.5", 40000)) for app in apps]
    codes = [resident[i % 2].post(ASK, json={"question": "住民票"}).status_code for i in range(6)]
    # Alternating workers: 4 in total for the address, then 429 on either worker.
    assert codes == [200, 200, 200, 200, 429, 429]
    refused = resident[1].post(ASK, json={"question": "住民票"})
    assert refused.status_code == 429 and int(refused.headers["retry-after"]) >= 1
    # The tenant's budget (7) was spent by the 4 allowed asks only: 3 left, for anyone.
    others = [
        TestClient(apps[i % 2], client=(f"203.0.113.{10 + i}", 40000)).post(
            ASK, json={"question": "住民票"}
        )
        for i in range(4)
    ]
    assert [r.status_code for r in others] == [200, 200, 200, 429]
    with platform.db.read() as session:
        keys = session.execute(select(func.count()).select_from(RateBucket)).scalar_one()
    assert keys == 1 + 4 + 1  # five addresses and one tenant, stored once for both workers
    for w in workers:
        w.db.dispose()


def test_per_worker_limits_when_sharing_is_off(
    settings: Settings, platform: Platform, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("JICHITAI_LIMITS_ENABLED", "1")
    seed(platform)
    raw = {"limits": {**LIMITS, "shared": False}}
    apps = [create_app(platform=_worker(settings, raw)) for _ in range(2)]
    resident = [TestClient(app, client=("203.0.113.6", 40000)) for app in apps]
    codes = [resident[i % 2].post(ASK, json={"question": "住民票"}).status_code for i in range(10)]
    assert codes == [200] * 8 + [429] * 2  # 4 per worker: twice the rate with two workers
    with platform.db.read() as session:
        assert session.execute(select(func.count()).select_from(RateBucket)).scalar_one() == 0


def test_concurrent_takes_from_two_pools_spend_each_token_once(
    settings: Settings, platform: Platform
) -> None:
    # Two Database objects (two pools, like two worker processes), 8 threads each.
    stores = [SharedBuckets(_worker(settings, {}).db) for _ in range(2)]
    allowed: list[bool] = []
    lock = threading.Lock()
    start = threading.Barrier(16)

    def hammer(store: SharedBuckets) -> None:
        start.wait()
        for _ in range(5):
            # 10 tokens; refilling one takes ~28 hours, so none comes back during the test.
            wait = store.take("burst", 10, 10 * 100_000)
            with lock:
                allowed.append(wait == 0)

    threads = [threading.Thread(target=hammer, args=(stores[i % 2],)) for i in range(16)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(allowed) == 80
    assert allowed.count(True) == 10
    for store in stores:
        store.db.dispose()


def test_shared_buckets_refill_and_idle_rows_are_swept(platform: Platform) -> None:
    now = [1_000_000.0]
    store = SharedBuckets(platform.db, horizon=100.0, clock=lambda: now[0])
    assert store.take("x", 2, 10) == 0 and store.take("x", 2, 10) == 0
    assert store.take("x", 2, 10) == pytest.approx(5.0)
    now[0] += 5.0
    assert store.take("x", 2, 10) == 0
    assert store.take("x", 2, 10) == pytest.approx(5.0)
    now[0] += 3600.0  # far past the horizon: the next take sweeps idle rows
    assert store.take("y", 1, 10) == 0
    with platform.db.read() as session:
        keys = set(session.execute(select(RateBucket.key)).scalars())
    assert keys == {"y"}
    # A clock running backwards (another host) never adds tokens.
    now[0] -= 50.0
    assert store.take("y", 1, 10) > 0
