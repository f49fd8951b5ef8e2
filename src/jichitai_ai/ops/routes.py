"""HTTP endpoints of operations: /readyz and /metrics (``/healthz`` is the app's own)."""

from __future__ import annotations

import ipaddress
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, Response

from jichitai_ai.ops import metrics, probes
from jichitai_ai.services.platform import Platform

DEFAULT_METRICS_ALLOW = ("127.0.0.0/8", "::1/128")


def _networks(
    settings_section: dict[str, Any],
) -> list[ipaddress.IPv4Network | ipaddress.IPv6Network]:
    allowed = settings_section.get("metrics_allow", list(DEFAULT_METRICS_ALLOW))
    if isinstance(allowed, str):
        allowed = [allowed]
    if "*" in allowed:  # every address: only behind a proxy that guards /metrics
        return [ipaddress.ip_network("0.0.0.0/0"), ipaddress.ip_network("::/0")]
    return [ipaddress.ip_network(str(item), strict=False) for item in allowed]


def register(app: FastAPI, platform: Platform) -> None:
    networks = _networks(platform.settings.section("ops"))

    @app.get("/readyz", tags=["ops"])
    def readyz() -> JSONResponse:
        """Ready to serve: the database answers and its schema is current (else 503)."""
        result = probes.readiness(platform.db)
        body = {
            "status": "ready" if result.ready else "not ready",
            "checks": result.checks,
            "duration_ms": result.duration_ms,
        }
        return JSONResponse(body, status_code=200 if result.ready else 503)

    @app.get("/metrics", tags=["ops"], include_in_schema=False)
    def prometheus_metrics(request: Request) -> Response:
        """Prometheus text format; only for the addresses in ``[ops] metrics_allow``."""
        client = request.client.host if request.client else ""
        try:
            address = ipaddress.ip_address(client)
        except ValueError:
            address = None
        allow_any = len(networks) == 2 and networks[0].prefixlen == 0
        if not allow_any and (address is None or not any(address in net for net in networks)):
            return JSONResponse(
                {"error": {"code": "ops.metrics_forbidden", "message": "forbidden"}},
                status_code=403,
            )
        body, content_type = metrics.exposition()
        return Response(body, media_type=content_type)
