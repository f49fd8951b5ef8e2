"""Rough edges: readable entry ids, clear CLI errors, ``serve --help``."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from jichitai_ai.cli.main import app as cli
from jichitai_ai.domain.models import FaqRecord
from jichitai_ai.services import faq as faq_service
from jichitai_ai.services import tenants as tenant_service
from jichitai_ai.services.platform import Platform
from tests.console.helpers import World


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
