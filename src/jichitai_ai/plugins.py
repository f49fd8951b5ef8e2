"""The plugin manager: built-in feature plugins plus any installed through entry points."""

from __future__ import annotations

import importlib
import logging
from functools import lru_cache

import pluggy

from jichitai_ai import hookspecs

log = logging.getLogger(__name__)

#: The core's own features, in the order their hooks run.
BUILTIN_PLUGINS: tuple[str, ...] = (
    "jichitai_ai.cli.plugin",
    "jichitai_ai.web.api.plugin",
    "jichitai_ai.privacy.plugin",
    "jichitai_ai.gateway.plugin",
    "jichitai_ai.documents.plugin",
    "jichitai_ai.hoiku.plugin",
    "jichitai_ai.web.console.plugin",
    "jichitai_ai.web.resident.plugin",
    "jichitai_ai.channels.plugin",
    "jichitai_ai.approval.plugin",
    "jichitai_ai.departments.plugin",
    "jichitai_ai.contact_settings.plugin",
    "jichitai_ai.tuning.plugin",
    "jichitai_ai.staff.plugin",
    "jichitai_ai.ops.plugin",
)


@lru_cache(maxsize=1)
def plugin_manager() -> pluggy.PluginManager:
    pm = pluggy.PluginManager("jichitai_ai")
    pm.add_hookspecs(hookspecs)
    for name in BUILTIN_PLUGINS:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            # A feature whose optional dependencies are missing is simply absent.
            if exc.name and name.startswith(exc.name):
                continue
            log.warning("plugin %s not loaded: %s", name, exc)
            continue
        pm.register(module, name=name)
    pm.load_setuptools_entrypoints("jichitai_ai")
    return pm
