"""Nursery runs live in the database: any worker serves any run (before: 11 of 12 page loads
404 on two workers), and they still expire."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from jichitai_ai.config import Settings
from jichitai_ai.hoiku.console.tables import HoikuRun
from jichitai_ai.services.platform import Platform
from tests.console.helpers import login, seed
from tests.hoiku_console.conftest import hoiku_app
from tests.hoiku_console.util import native_files, run, upload


@pytest.fixture(scope="module")
def instance_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from jichitai_ai.hoiku._generate import generate, write_native

    out = tmp_path_factory.mktemp("hoiku-instance")
    write_native(generate(60, 5, seed=3), out)
    return out


def test_two_workers_serve_the_same_run(
    settings: Settings, platform: Platform, instance_dir: Path
) -> None:
    seed(platform)
    second = Platform(settings)  # another worker process: its own memory, the same database
    try:
        one = TestClient(hoiku_app(platform))
        two = TestClient(hoiku_app(second))
        csrf = login(one, "aoba-editor")
        two.cookies.update(one.cookies)
        path = upload(one, csrf, native_files(instance_dir))
        page = two.get(path)
        assert page.status_code == 200, page.text[:300]
        run(two, csrf, path)  # run on the second worker …
        result = one.get(path)  # … the first shows the result
        assert result.status_code == 200 and 'id="hoiku-summary"' in result.text
        assert one.get(path + "/result.csv").status_code == 200
        listed = two.get("/console/t/aoba/hoiku")
        assert path.rsplit("/", 1)[1] in listed.text
        done = two.post(path + "/discard", data={"csrf_token": csrf})
        assert done.status_code == 200
        assert one.get(path).status_code == 404
        with platform.db.read() as session:
            assert session.execute(select(func.count()).select_from(HoikuRun)).scalar_one() == 0
    finally:
        second.close()
