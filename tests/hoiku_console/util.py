"""Helpers of the nursery console tests: upload the generated files, run, find the run id."""

from __future__ import annotations

import re
from pathlib import Path

from fastapi.testclient import TestClient

NATIVE = ("facilities.csv", "children.csv", "settings.toml")
RUN_RE = re.compile(r"/console/t/(\w+)/hoiku/runs/([\w-]+)")

Files = list[tuple[str, tuple[str, bytes]]]


def native_files(folder: Path, names: tuple[str, ...] = NATIVE) -> Files:
    return [("files", (name, (folder / name).read_bytes())) for name in names]


def upload(client: TestClient, csrf: str, files: Files, slug: str = "aoba") -> str:
    """Upload and return the run's page path."""
    response = client.post(
        f"/console/t/{slug}/hoiku", data={"csrf_token": csrf}, files=files, follow_redirects=False
    )
    assert response.status_code == 303, response.text
    location = response.headers["location"]
    assert RUN_RE.fullmatch(location), location
    return location


def run(client: TestClient, csrf: str, path: str, method: str = "fast") -> None:
    response = client.post(
        path + "/run",
        data={"csrf_token": csrf, "method": method, "time_limit": "10"},
        follow_redirects=False,
    )
    assert response.status_code == 303, response.text
    assert response.headers["location"] == path + "?done=run"
