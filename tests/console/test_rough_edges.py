"""Rough edges: readable entry ids, clear CLI errors, ``serve --help``."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient
from typer.testing import CliRunner

from jichitai_ai.cli.main import app as cli
from jichitai_ai.domain.models import FaqRecord
from jichitai_ai.i18n import t
from jichitai_ai.services import faq as faq_service
from jichitai_ai.services import tenants as tenant_service
from jichitai_ai.services.platform import Platform
from tests.console.helpers import World, login


def test_new_entries_get_readable_numbered_ids(platform: Platform, world: World) -> None:
    with platform.db.write() as db:
        first = faq_service.create_entry(db, world.aoba_id, FaqRecord(question="a", answer="b"))
        second = faq_service.create_entry(db, world.aoba_id, FaqRecord(question="c", answer="d"))
        own = faq_service.create_entry(
            db, world.aoba_id, FaqRecord(question="e", answer="f", external_id="AOBA-77")
        )
        after = faq_service.create_entry(db, world.aoba_id, FaqRecord(question="g", answer="h"))
        tenant_service.update_settings(db, world.sakura_id, {"entry_prefix": "sk"})
        sakura = faq_service.create_entry(db, world.sakura_id, FaqRecord(question="i", answer="j"))
    assert (first.external_id, second.external_id) == ("AOBA-2", "AOBA-3")  # AOBA-1 is seeded
    assert own.external_id == "AOBA-77" and after.external_id == "AOBA-78"
    assert sakura.external_id == "SK-1"
    with platform.db.write() as db:
        padded = FaqRecord(question="k", answer="l", external_id="AOBA-0100")
        faq_service.create_entry(db, world.aoba_id, padded)
        after_padded = faq_service.create_entry(
            db, world.aoba_id, FaqRecord(question="m", answer="n")
        )
    assert after_padded.external_id == "AOBA-0101"  # a padded numbering stays padded


def test_export_to_a_missing_folder_is_a_clear_error(
    database_url: str, tmp_path: Path, platform: Platform, world: World
) -> None:
    result = CliRunner().invoke(
        cli,
        [
            "export",
            "--tenant",
            "aoba",
            "--out",
            str(tmp_path / "missing" / "faq.csv"),
            "--database-url",
            database_url,
        ],
    )
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert "フォルダ" in result.output and "does not exist" in result.output
    ok = CliRunner().invoke(
        cli,
        [
            "export",
            "--tenant",
            "aoba",
            "--out",
            str(tmp_path / "faq.csv"),
            "--database-url",
            database_url,
        ],
    )
    assert ok.exit_code == 0 and (tmp_path / "faq.csv").exists()


def test_serve_help_describes_options_and_defaults() -> None:
    result = CliRunner().invoke(cli, ["serve", "--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    assert "default 8000" in result.output and "default 127.0.0.1" in result.output
    assert "/console" in result.output and "/docs" in result.output


def test_console_widget_page_shows_snippet_and_allowed_origins(
    client: TestClient, world: World
) -> None:
    token = login(client, "aoba-editor")
    page = client.get("/console/t/aoba/widget")
    assert "data-tenant=&#34;aoba&#34;" in page.text and "/widget.js" in page.text
    assert 'id="no-origins"' in page.text
    refused = client.post(
        "/console/t/aoba/widget/origins",
        data={"csrf_token": token, "origin": "https://www.city.aoba.example.jp"},
    )
    assert refused.status_code == 403  # editors read; administrators allow sites
    client.cookies.clear()
    token = login(client, "pref-admin")
    done = client.post(
        "/console/t/aoba/widget/origins",
        data={"csrf_token": token, "origin": "https://WWW.City.Aoba.example.jp/"},
        follow_redirects=False,
    )
    assert done.status_code == 303
    page = client.get("/console/t/aoba/widget")
    assert "https://www.city.aoba.example.jp" in page.text and 'id="no-origins"' not in page.text
    allowed = client.get(
        "/t/aoba/widget-status", headers={"Origin": "https://www.city.aoba.example.jp"}
    )
    assert allowed.json()["allowed"] is True
    other = client.get("/t/aoba/widget-status", headers={"Origin": "https://evil.example.com"})
    assert other.json() == {"allowed": False, "origin": "https://evil.example.com"}
    bad = client.post(
        "/console/t/aoba/widget/origins", data={"csrf_token": token, "origin": "javascript:x"}
    )
    assert bad.status_code == 422
    # Shown on the widget page itself, next to the box, with what was typed (the newcomer
    # walkthrough got a bare error page and had to go back and type it again).
    assert 'id="origin-error"' in bad.text and 'id="widget-origins"' in bad.text
    assert 'value="javascript:x"' in bad.text and "https://www.city.aoba.example.jp" in bad.text
    # nc10: a page's address pasted from the browser allows its site, and the page says so.
    page_url = client.post(
        "/console/t/aoba/widget/origins",
        data={"csrf_token": token, "origin": "https://WWW.Sakura.example.jp:443/kurashi/?a=1"},
    )
    assert page_url.status_code == 200 and 'id="origin-error"' not in page_url.text
    note = t("console.widget.from_page", "ja", origin="https://www.sakura.example.jp")
    assert f'id="origin-from-page">{note}<' in page_url.text
    assert "<code>https://www.sakura.example.jp</code>" in page_url.text
    for not_a_site in ("ftp://files.example.jp/a", "https://user@evil.example.com/"):
        refused = client.post(
            "/console/t/aoba/widget/origins", data={"csrf_token": token, "origin": not_a_site}
        )
        assert refused.status_code == 422, not_a_site


def test_every_command_says_in_japanese_what_it_does() -> None:
    """nc11: `jichitai-ai --help` described pii-eval and synth-eval, and `hoiku --help` its
    three commands, in English only. Every command's first help line has Japanese."""
    import re

    import typer

    japanese = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
    english_only: list[str] = []

    def walk(command: object, path: list[str]) -> None:
        for name, sub in getattr(command, "commands", {}).items():
            first = (sub.help or sub.short_help or "").strip().split("\n")[0]
            if not japanese.search(first):
                english_only.append(f"{' '.join([*path, name])}: {first}")
            walk(sub, [*path, name])

    walk(typer.main.get_command(cli), [])
    assert english_only == []
