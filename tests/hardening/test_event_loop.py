"""Imports through the API run off the event loop: /healthz answers while one is in progress.

The import is held (a stand-in around the service call waits) until /healthz has answered: run
on the event loop, the import would block /healthz, whose answer would come only after the wait
gave up. How quick /healthz stays during a 6,000-row import (it was a timed test) is printed by
``benchmarks/hardening/suite_timings.py --only import`` (``make bench``).
"""

from __future__ import annotations

import threading

import pytest
from fastapi.testclient import TestClient

from jichitai_ai.approval import service as approval
from jichitai_ai.services import auth
from jichitai_ai.services import tenants as tenant_service
from jichitai_ai.services.platform import Platform
from jichitai_ai.web.app import create_app

ROWS = 200


def _csv(rows: int) -> bytes:
    lines = ["管理番号,質問,回答,分類"]
    lines += [
        f"Q{i},ごみの出し方 その{i} について,第{i}地区の収集日は毎週{i % 7}曜日です。,ごみ"
        for i in range(rows)
    ]
    return ("\n".join(lines) + "\n").encode("utf-8")


def editor_key(platform: Platform) -> dict[str, str]:
    with platform.db.write() as session:
        tenant_service.add_tenant(session, "aoba", "あおば市")
        auth.create_user(session, "editor", "correct-horse-battery")
        auth.grant(session, "editor", "aoba", auth.Role.EDITOR)
        return {"Authorization": f"Bearer {auth.create_api_key(session, 'editor')}"}


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_healthz_answers_while_an_import_runs(
    platform: Platform, monkeypatch: pytest.MonkeyPatch
) -> None:
    key = editor_key(platform)
    started, answered = threading.Event(), threading.Event()
    held: dict[str, object] = {}
    original = approval.staff_import

    def held_import(*args: object, **kwargs: object) -> object:
        started.set()
        held["healthz answered meanwhile"] = answered.wait(timeout=30)
        return original(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(approval, "staff_import", held_import)
    with TestClient(create_app(platform=platform)) as client:

        def do_import() -> None:
            response = client.post(
                "/api/v1/tenants/aoba/faq/import",
                files={"file": ("faq.csv", _csv(ROWS), "text/csv")},
                headers=key,
            )
            held["status"] = response.status_code
            held["created"] = response.json().get("created")

        worker = threading.Thread(target=do_import)
        worker.start()
        assert started.wait(timeout=30), "the import never reached the service"
        assert client.get("/healthz").status_code == 200
        answered.set()
        worker.join()
    assert held["healthz answered meanwhile"] is True
    assert held["status"] == 200 and held["created"] == ROWS, held
