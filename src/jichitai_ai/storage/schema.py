"""The deployment's full metadata: every plugin's table modules are imported here."""

from __future__ import annotations

import importlib

from jichitai_ai.storage import tables
from jichitai_ai.storage.tables import Base

__all__ = ["metadata", "tables"]


def _load_table_modules() -> None:
    from jichitai_ai.plugins import plugin_manager

    for names in plugin_manager().hook.table_modules():
        for name in names or []:
            importlib.import_module(name)


_load_table_modules()
metadata = Base.metadata
