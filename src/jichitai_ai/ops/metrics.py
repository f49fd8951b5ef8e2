"""Prometheus metrics for the monitoring stack a municipality already runs.

Each worker process counts in its own registry; with several workers ``serve`` sets
``PROMETHEUS_MULTIPROC_DIR`` so every worker writes to shared files and ``/metrics`` on any
worker reports the sum. Labels are route templates and decision names, never paths or text
a resident typed, so metrics cannot carry personal data.
"""

from __future__ import annotations

import os

from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Counter,
    Histogram,
    generate_latest,
)

LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.15, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)

HTTP_REQUESTS = Counter(
    "jichitai_http_requests_total",
    "HTTP requests by method, route template and status code.",
    ["method", "route", "status"],
)
HTTP_LATENCY = Histogram(
    "jichitai_http_request_duration_seconds",
    "Time to answer an HTTP request, by method and route template.",
    ["method", "route"],
    buckets=LATENCY_BUCKETS,
)
ANSWER_DECISIONS = Counter(
    "jichitai_answer_decisions_total",
    "Resident questions by decision (answer, clarify, no_answer, emergency) and channel.",
    ["decision", "channel"],
)
ANSWER_LATENCY = Histogram(
    "jichitai_answer_duration_seconds",
    "Time the answering engine took for one question.",
    ["channel"],
    buckets=LATENCY_BUCKETS,
)
GATEWAY_REQUESTS = Counter(
    "jichitai_gateway_requests_total",
    "Generative-AI gateway requests by outcome (sent, refused, error).",
    ["outcome"],
)
GATEWAY_REFUSALS = Counter(
    "jichitai_gateway_refusals_total",
    "Gateway requests refused before reaching a model, by reason.",
    ["reason"],
)
INDEX_REBUILDS = Counter(
    "jichitai_index_rebuilds_total",
    "Search index builds by kind (full, incremental, learning).",
    ["kind"],
)
INDEX_BUILD_SECONDS = Histogram(
    "jichitai_index_build_duration_seconds",
    "Time to build or update a tenant's search index.",
    ["kind"],
    buckets=(0.01, 0.05, 0.1, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0, 120.0),
)


def record(name: str, value: float, labels: dict[str, str]) -> None:
    """Turn a telemetry event into metric updates; unknown events are ignored."""
    if name == "answer.decision":
        ANSWER_DECISIONS.labels(
            decision=labels.get("decision", "unknown"), channel=labels.get("channel", "api")
        ).inc()
    elif name == "answer.latency":
        ANSWER_LATENCY.labels(channel=labels.get("channel", "api")).observe(value)
    elif name == "gateway.request":
        GATEWAY_REQUESTS.labels(outcome=labels.get("outcome", "unknown")).inc()
    elif name == "gateway.refusal":
        GATEWAY_REFUSALS.labels(reason=labels.get("reason", "unknown")).inc()
    elif name == "index.build":
        kind = labels.get("kind", "full")
        INDEX_REBUILDS.labels(kind=kind).inc()
        INDEX_BUILD_SECONDS.labels(kind=kind).observe(value)


def exposition() -> tuple[bytes, str]:
    """The text exposition format: this process, or every worker in multiprocess mode."""
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        from prometheus_client import multiprocess

        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)
        return generate_latest(registry), CONTENT_TYPE_LATEST
    return generate_latest(), CONTENT_TYPE_LATEST
