"""Without JICHITAI_SECRET_KEY every worker signs sessions with the same stored key."""

from __future__ import annotations

from dataclasses import replace

from fastapi.testclient import TestClient

from jichitai_ai.config import Settings, load_settings
from jichitai_ai.services.platform import Platform
from tests.console.helpers import PASSWORD, csrf_of, make_app, seed


def test_load_settings_no_longer_invents_a_per_process_key() -> None:
    assert load_settings(env={"JICHITAI_CONFIG": "/nonexistent-dir/x.toml"}).secret_key == ""


def test_two_workers_without_a_configured_key_accept_each_others_sessions(
    database_url: str,
) -> None:
    unset = replace(Settings(), database_url=database_url, secret_key="")
    first, second = Platform(unset), Platform(unset)
    try:
        assert first.settings.secret_key and first.settings.secret_key == second.settings.secret_key
        seed(first)
        with TestClient(make_app(first)) as one, TestClient(make_app(second)) as two:
            page = one.get("/console/login")
            response = one.post(
                "/console/login",
                data={
                    "username": "aoba-editor",
                    "password": PASSWORD,
                    "csrf_token": csrf_of(page.text),
                },
                follow_redirects=False,
            )
            assert response.status_code == 303
            two.cookies.update(one.cookies)
            assert two.get("/console/t/aoba/faq", follow_redirects=False).status_code == 200
        # A third process started later still reads the same key.
        third = Platform(unset)
        assert third.settings.secret_key == first.settings.secret_key
        third.close()
    finally:
        first.close()
        second.close()
