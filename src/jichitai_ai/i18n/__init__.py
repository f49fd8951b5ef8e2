"""Message catalogue: every user-facing string, Japanese first.

Catalogue files live in ``catalog/<area>.toml``, one per feature area so that
areas never edit each other's files. Each key is a TOML table whose fields are
language codes::

    [answer.no_match]
    ja = "該当する回答が見つかりませんでした。"
    en = "No matching answer was found."

Lookups fall back to Japanese when a language is missing, so a partially
translated catalogue still shows something meaningful.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from functools import lru_cache
from importlib import resources
from typing import Any

#: Supported UI languages. ``ja-easy`` is やさしい日本語 (plain Japanese).
LANGUAGES: tuple[str, ...] = ("ja", "en", "zh-Hans", "zh-Hant", "ko", "ja-easy")
DEFAULT_LANGUAGE = "ja"

_ALIASES = {
    "zh": "zh-Hans",
    "zh-cn": "zh-Hans",
    "zh-hans": "zh-Hans",
    "zh-sg": "zh-Hans",
    "zh-tw": "zh-Hant",
    "zh-hk": "zh-Hant",
    "zh-hant": "zh-Hant",
    "ko-kr": "ko",
    "en-us": "en",
    "en-gb": "en",
    "ja-jp": "ja",
    "easy": "ja-easy",
    "ja-easy": "ja-easy",
}


class CatalogError(RuntimeError):
    """The catalogue files are inconsistent (duplicate key, missing Japanese)."""


def normalize_language(code: str | None) -> str:
    """Map browser/Accept-Language style codes onto a supported language."""
    if not code:
        return DEFAULT_LANGUAGE
    raw = code.strip().split(",")[0].split(";")[0].strip()
    if raw in LANGUAGES:
        return raw
    lowered = raw.lower()
    if lowered in _ALIASES:
        return _ALIASES[lowered]
    base = lowered.split("-")[0]
    if base in LANGUAGES:
        return base
    return _ALIASES.get(base, DEFAULT_LANGUAGE)


def _flatten(
    prefix: str, node: dict[str, Any], out: dict[str, dict[str, str]], origin: str
) -> None:
    leaves = {k: v for k, v in node.items() if isinstance(v, str)}
    if leaves:
        if prefix in out:
            raise CatalogError(f"duplicate message key {prefix!r} in {origin}")
        if "ja" not in leaves:
            raise CatalogError(f"message {prefix!r} in {origin} has no Japanese text")
        out[prefix] = leaves
    for key, value in node.items():
        if isinstance(value, dict):
            _flatten(f"{prefix}.{key}" if prefix else key, value, out, origin)


@lru_cache(maxsize=1)
def catalog() -> dict[str, dict[str, str]]:
    """All messages, merged from every catalogue file."""
    merged: dict[str, dict[str, str]] = {}
    folder = resources.files(__package__).joinpath("catalog")
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if not entry.name.endswith(".toml"):
            continue
        data = tomllib.loads(entry.read_text(encoding="utf-8"))
        _flatten("", data, merged, entry.name)
    return merged


def t(key: str, lang: str | None = None, /, **params: object) -> str:
    """Translate ``key`` into ``lang`` (falling back to Japanese) and fill ``{params}``."""
    messages = catalog().get(key)
    if messages is None:
        return key
    language = normalize_language(lang)
    text = messages.get(language)
    if text is None and language == "ja-easy":
        text = messages.get("ja")
    if text is None:
        text = messages["ja"]
    if params:
        try:
            return text.format(**params)
        except (KeyError, IndexError, ValueError):
            return text
    return text


def pick(texts: Mapping[str, str], lang: str) -> str:
    """A tenant's own text in ``lang`` (settings give ``{"ja": …, "en": …}``): やさしい日本語
    readers get Japanese, other languages English, then Japanese, then whatever there is."""
    for code in (lang, "ja" if lang == "ja-easy" else "en", "en", "ja"):
        if texts.get(code):
            return texts[code]
    return next(iter(texts.values()), "")


def bilingual(key: str, /, **params: object) -> dict[str, str]:
    """Japanese and English text together, for API errors read by either audience."""
    return {"ja": t(key, "ja", **params), "en": t(key, "en", **params)}
