"""Nursery uploads expire from the database, not only from view (red team hr5).

Found: a run past its retention period (二時間 by default) was hidden from the pages but its row
— the uploaded children's file: ids, 指数, wishes, sibling conditions — stayed in ``hoiku_runs``
until somebody uploaded again. After the last allocation of the season nobody does: the
applicants' data stayed in the database indefinitely. The pages now delete expired runs when they
list them, and the daily retention run (``jichitai-ai gateway retention run``) deletes them too.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select, update

from jichitai_ai.gateway._config import GatewayConfig
from jichitai_ai.gateway._retention import run_retention
from jichitai_ai.hoiku.console.tables import HoikuRun
from jichitai_ai.services.platform import Platform
from jichitai_ai.timeutil import utcnow
from tests.console.helpers import login
from tests.hoiku_console.util import native_files, upload


@pytest.fixture(scope="module")
def instance_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from jichitai_ai.hoiku._generate import generate, write_native

    out = tmp_path_factory.mktemp("hoiku-instance")
    write_native(generate(30, 3, seed=5), out)
    return out


def _rows(platform: Platform) -> int:
    with platform.db.read() as session:
        return int(session.execute(select(func.count()).select_from(HoikuRun)).scalar_one())


def _expire_all(platform: Platform) -> None:
    with platform.db.write() as session:
        session.execute(update(HoikuRun).values(expires_at=utcnow() - timedelta(minutes=1)))


def test_an_expired_run_leaves_the_database_without_another_upload(
    client: TestClient, platform: Platform, instance_dir: Path
) -> None:
    csrf = login(client, "aoba-editor")
    path = upload(client, csrf, native_files(instance_dir))
    assert _rows(platform) == 1
    _expire_all(platform)
    assert client.get(path).status_code == 404
    assert client.get("/console/t/aoba/hoiku").status_code == 200
    assert _rows(platform) == 0


def test_the_retention_run_deletes_expired_runs(
    client: TestClient, platform: Platform, instance_dir: Path
) -> None:
    csrf = login(client, "aoba-editor")
    upload(client, csrf, native_files(instance_dir))
    kept = upload(client, csrf, native_files(instance_dir))
    with platform.db.write() as session:
        session.execute(
            update(HoikuRun)
            .where(HoikuRun.id != kept.rsplit("/", 1)[1])
            .values(expires_at=utcnow() - timedelta(minutes=1))
        )
    deleted = run_retention(platform.db, GatewayConfig.from_settings(platform.settings))
    assert deleted["hoiku_runs"] == 1
    assert _rows(platform) == 1  # the run still in its period stays
    assert client.get(kept).status_code == 200
