"""Registers tuning: its table and console pages."""

from __future__ import annotations

from typing import TYPE_CHECKING

from jichitai_ai.hookspecs import hookimpl

if TYPE_CHECKING:
    from fastapi import FastAPI

    from jichitai_ai.services.platform import Platform


@hookimpl
def table_modules() -> list[str]:
    return ["jichitai_ai.tuning.tables"]


@hookimpl
def register_routes(app: FastAPI, platform: Platform) -> None:
    from jichitai_ai.tuning import pages

    app.include_router(pages.router)
