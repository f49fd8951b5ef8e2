"""Operations as a plugin: probes, metrics and telemetry middleware, backup commands."""

from __future__ import annotations

import typer
from fastapi import FastAPI

from jichitai_ai.hookspecs import hookimpl
from jichitai_ai.ops import cli as ops_cli
from jichitai_ai.ops import metrics, routes
from jichitai_ai.ops.middleware import RequestTelemetry
from jichitai_ai.services.platform import Platform


@hookimpl
def register_commands(cli: typer.Typer) -> None:
    ops_cli.register(cli)


@hookimpl
def register_routes(app: FastAPI, platform: Platform) -> None:
    routes.register(app, platform)
    app.add_middleware(RequestTelemetry)


@hookimpl
def record_event(name: str, value: float, labels: dict[str, str]) -> None:
    metrics.record(name, value, labels)
