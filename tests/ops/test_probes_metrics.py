"""/healthz, /readyz and /metrics through the app, on SQLite and PostgreSQL."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from fastapi.testclient import TestClient

from jichitai_ai.config import Settings
from jichitai_ai.demo.loader import load_demo
from jichitai_ai.services.platform import Platform
from jichitai_ai.web.app import create_app


def _client(settings: Settings, **ops: object) -> TestClient:
    raw = {"ops": {"metrics_allow": ["*"], **ops}}
    return TestClient(create_app(replace(settings, raw=raw)))


def _sample(body: str, name: str, **labels: str) -> float:
    """The value of one sample in the Prometheus text format (0 when absent)."""
    for line in body.splitlines():
        if not line.startswith(name + "{"):
            continue
        found = dict(re.findall(r'(\w+)="([^"]*)"', line.rsplit("} ", 1)[0]))
        if all(found.get(k) == v for k, v in labels.items()):
            return float(line.rsplit(" ", 1)[1])
    return 0.0


def test_readyz_reports_database_and_schema(settings: Settings) -> None:
    client = _client(settings)
    assert client.get("/healthz").json()["status"] == "ok"
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json()["checks"] == {"database": "ok", "schema": "ok"}


def test_readyz_is_503_before_migration_and_without_database(tmp_path: Path) -> None:
    unmigrated = replace(
        Settings(), secret_key="t", database_url=f"sqlite:///{tmp_path / 'empty.db'}"
    )
    response = _client(unmigrated).get("/readyz")
    assert response.status_code == 503
    assert response.json()["checks"]["schema"].startswith("migration needed")

    unreachable = replace(
        Settings(),
        secret_key="t",
        database_url="postgresql+psycopg://nobody@127.0.0.1:1/none?connect_timeout=1",
    )
    response = _client(unreachable).get("/readyz")
    assert response.status_code == 503
    assert response.json()["checks"]["database"].startswith("unavailable")


def test_metrics_count_requests_decisions_and_index_builds(
    settings: Settings, platform: Platform
) -> None:
    with platform.db.write() as session:
        load_demo(session)
    client = _client(settings)
    before = client.get("/metrics").text
    for question in ("住民票を取りたい", "ごみ", "市長の好きな食べ物は何ですか"):
        response = client.post(
            "/api/v1/tenants/aoba-city/ask", json={"question": question, "language": "ja"}
        )
        assert response.status_code == 200
    after = client.get("/metrics").text

    route = "/api/v1/tenants/{slug}/ask"
    assert (
        _sample(after, "jichitai_http_requests_total", route=route, status="200")
        - _sample(before, "jichitai_http_requests_total", route=route, status="200")
        == 3
    )
    decisions = sum(
        _sample(after, "jichitai_answer_decisions_total", decision=d, channel="api")
        - _sample(before, "jichitai_answer_decisions_total", decision=d, channel="api")
        for d in ("answer", "clarify", "no_answer", "emergency")
    )
    assert decisions == 3
    assert _sample(after, "jichitai_index_rebuilds_total", kind="full") >= 1
    assert "jichitai_http_request_duration_seconds_bucket" in after
    # Labels are templates: nothing a resident typed, no tenant slug, appears in metrics.
    assert "住民票" not in after
    assert "aoba-city" not in after


def test_metrics_are_refused_to_other_addresses(settings: Settings) -> None:
    client = TestClient(create_app(replace(settings, raw={"ops": {}})))  # default: loopback
    response = client.get("/metrics")  # the test client's address is not loopback
    assert response.status_code == 403


def test_every_response_carries_a_request_id(settings: Settings) -> None:
    client = _client(settings)
    generated = client.get("/healthz").headers["x-request-id"]
    assert re.fullmatch(r"[0-9a-f]{16}", generated)
    echoed = client.get("/healthz", headers={"X-Request-ID": "lb-42"}).headers["x-request-id"]
    assert echoed == "lb-42"
    hostile = client.get("/healthz", headers={"X-Request-ID": "a b\\c"}).headers["x-request-id"]
    assert hostile != "a b\\c"
