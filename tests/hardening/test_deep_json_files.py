"""JSON nested too deep, or with numbers too long, in files and form fields: a clear 4xx and
nothing changed (red team hr3). The contact-list file (console and CLI) and the FAQ import's
``mapping`` field raised RecursionError / ValueError: a 500, or a traceback."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient
from typer.testing import CliRunner

from jichitai_ai.cli.main import app as cli_app
from jichitai_ai.services import tenants as tenant_service
from jichitai_ai.services.platform import Platform
from tests.console.helpers import World
from tests.console.helpers import login as console_login

DEEP = "[" * 100_000 + "]" * 100_000
LONG_NUMBER = '{"emergency_contacts": [], "other_authorities": [' + "9" * 5_000 + "]}"


def _lists(platform: Platform) -> tuple[object, object]:
    with platform.db.read() as session:
        settings = tenant_service.get_tenant(session, "aoba").settings
    return settings.get("emergency_contacts"), settings.get("other_authorities")


def test_a_contact_list_file_too_deep_is_refused_on_the_page(
    client: TestClient, platform: Platform, world: World
) -> None:
    before = _lists(platform)
    csrf = console_login(client, "pref-admin")
    for content in (DEEP, LONG_NUMBER):
        response = client.post(
            "/console/t/aoba/contacts-import",
            data={"csrf_token": csrf},
            files={"file": ("contacts.json", content.encode(), "application/json")},
            follow_redirects=False,
        )
        assert response.status_code == 422, response.status_code
        assert "入れ子が深すぎる" in response.text
    assert _lists(platform) == before


def test_a_contact_list_file_too_deep_is_refused_by_the_cli(
    platform: Platform, world: World, tmp_path: Path
) -> None:
    path = tmp_path / "contacts.json"
    path.write_text(DEEP, encoding="utf-8")
    result = CliRunner().invoke(
        cli_app,
        ["contacts", "import", str(path), "--tenant", "aoba"],
        env={"JICHITAI_DATABASE_URL": platform.settings.database_url},
    )
    assert result.exit_code != 0
    assert "入れ子が深すぎる" in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_an_import_mapping_too_deep_is_a_validation_error(
    client: TestClient, key: dict[str, str]
) -> None:
    csv = "question,answer\n転入届の期限は,14日以内です。\n".encode()
    for mapping in (DEEP[:40_000], '{"question": ' + "9" * 5_000 + "}"):
        response = client.post(
            "/api/v1/tenants/aoba/faq/import",
            data={"mapping": mapping},
            files={"file": ("faq.csv", csv, "text/csv")},
            headers=key,
        )
        assert response.status_code == 422, response.text[:200]
        assert response.json()["error"]["code"] == "error.validation"
    assert client.get("/api/v1/tenants/aoba/faq", params={"q": "転入届"}, headers=key).json() == []
