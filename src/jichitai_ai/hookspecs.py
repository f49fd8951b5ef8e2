"""Every extension point of jichitai-ai, declared in one place (pluggy hook specifications).

The core's own features are plugins too: the CLI commands, the API routers, the console,
the gateway, documents and nursery allocation each implement these hooks in a ``plugin``
module listed in :mod:`jichitai_ai.plugins`. A third-party package extends a deployment by
declaring an entry point in the ``jichitai_ai`` group, e.g. a municipality's own embedder.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pluggy

if TYPE_CHECKING:
    import typer
    from fastapi import FastAPI

    from jichitai_ai.services.platform import Platform

hookspec = pluggy.HookspecMarker("jichitai_ai")
hookimpl = pluggy.HookimplMarker("jichitai_ai")


@hookspec
def register_commands(cli: typer.Typer) -> None:
    """Add commands or sub-apps to the ``jichitai-ai`` command."""


@hookspec
def register_routes(app: FastAPI, platform: Platform) -> None:
    """Add routers, pages or static files to the web application."""


@hookspec
def table_modules() -> list[str]:  # type: ignore[empty-body]
    """Dotted names of modules that declare tables on the shared metadata."""


@hookspec
def embedders() -> dict[str, Any]:  # type: ignore[empty-body]
    """Dense embedders by name: a callable ``(settings) -> Embedder`` for ``[core] embedder``."""


@hookspec
def chat_transports() -> dict[str, Any]:  # type: ignore[empty-body]
    """Named httpx transports for generative backends (e.g. a mock for demos)."""


@hookspec
def record_event(name: str, value: float, labels: dict[str, str]) -> None:
    """A countable thing happened (an answer decision, a gateway refusal, an index rebuild).

    ``value`` is 1 for a count or a duration in seconds; monitoring plugins turn these into
    metrics. Called on the request path: implementations must be cheap and never raise.
    """
