"""Backup and restore round trips, on SQLite and PostgreSQL, idle and under load."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, select
from typer.testing import CliRunner

from jichitai_ai.cli.main import app as cli_app
from jichitai_ai.demo.loader import load_demo
from jichitai_ai.ops import backup as backups
from jichitai_ai.services import faq as faq_service
from jichitai_ai.services import tenants as tenant_service
from jichitai_ai.services.platform import Platform
from jichitai_ai.storage import migrate
from jichitai_ai.storage.db import Database
from jichitai_ai.storage.tables import FaqEntryRow, FaqEntryVersion
from tests.conftest import scratch_postgres
from tests.core.helpers import record
from tests.ops.dumps import table_rows


@pytest.fixture
def empty_target(database_url: str, tmp_path: Path) -> Iterator[str]:
    """A second, migrated database of the same kind to restore into."""
    if database_url.startswith("sqlite"):
        url = f"sqlite:///{tmp_path / 'restored.db'}"
        db = Database(url)
        migrate.upgrade(db)
        db.dispose()
        yield url
        return
    with scratch_postgres("jichitai_restore") as url:
        yield url


def test_round_trip_is_identical(
    platform: Platform, database_url: str, empty_target: str, tmp_path: Path
) -> None:
    with platform.db.write() as session:
        load_demo(session)
    platform.answering.ask("aoba-city", "住民票を取りたい", session_key="s1")
    before = table_rows(database_url)
    assert sum(len(rows) for rows in before.values()) > 100  # demo content really is there

    result = backups.backup(database_url, tmp_path / "backup.bin")
    assert result.size_bytes > 0
    assert backups.backup_kind(result.path) == result.kind

    backups.restore(empty_target, result.path)
    assert table_rows(empty_target) == before


def test_backup_under_load_restores_a_consistent_snapshot(
    platform: Platform, database_url: str, empty_target: str, tmp_path: Path
) -> None:
    with platform.db.write() as session:
        load_demo(session)
        tenant = tenant_service.add_tenant(session, "load-city", "負荷市")
    stop = threading.Event()
    written: list[int] = []
    errors: list[BaseException] = []

    def write_entries() -> None:
        n = 0
        try:
            while not stop.is_set() and n < 400:
                with platform.db.write() as session:
                    faq_service.create_entry(
                        session,
                        tenant.id,
                        record(f"L{n}", f"負荷テストの質問 {n}", f"回答 {n}"),
                        user="load",
                    )
                written.append(n)
                n += 1
        except BaseException as exc:  # surfaced below
            errors.append(exc)

    def ask_questions() -> None:
        try:
            for i in range(200):
                if stop.is_set():
                    return
                platform.answering.ask("aoba-city", f"ごみの出し方 {i}", session_key=f"k{i}")
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=write_entries), threading.Thread(target=ask_questions)]
    for thread in threads:
        thread.start()
    while len(written) < 20 and not errors:
        threading.Event().wait(0.01)
    snapshot = backups.backup(database_url, tmp_path / "under-load.bin")
    stop.set()
    for thread in threads:
        thread.join()
    assert not errors
    final = table_rows(database_url)

    backups.restore(empty_target, snapshot.path)
    restored = table_rows(empty_target)
    # A snapshot: every restored row of what the load appends is in the final database
    # unchanged, and the load went on after the snapshot, so the snapshot is a real prefix.
    for table in ("faq_entries", "faq_entry_versions", "questions"):
        assert set(restored[table]) <= set(final[table]), table
    for table, rows in restored.items():  # tenants' version counters move on; ids stay
        assert {row[0] for row in rows} <= {row[0] for row in final[table]}, table
    engine = create_engine(empty_target)
    with engine.connect() as conn:
        entries = (
            conn.execute(select(FaqEntryRow.id).where(FaqEntryRow.tenant_id == tenant.id))
            .scalars()
            .all()
        )
        versions = set(conn.execute(select(FaqEntryVersion.entry_id)).scalars().all())
    engine.dispose()
    assert 20 <= len(entries) < len(written)
    # All-or-nothing: no entry without its first version in the snapshot.
    assert set(entries) <= versions
    # Restoring the snapshot twice gives the same database.
    second = tmp_path / "again.bin"
    backups.backup(empty_target, second)
    assert table_rows(empty_target) == restored


def test_restore_refuses_the_wrong_kind_and_garbage(database_url: str, tmp_path: Path) -> None:
    garbage = tmp_path / "garbage.bin"
    garbage.write_bytes(b"not a backup at all")
    with pytest.raises(backups.BackupError, match="not a jichitai-ai backup"):
        backups.restore(database_url, garbage)
    other = tmp_path / "other.bin"
    other.write_bytes(
        backups.PG_MAGIC + b"x" if database_url.startswith("sqlite") else backups.SQLITE_MAGIC
    )
    with pytest.raises(backups.BackupError, match="cannot be restored"):
        backups.restore(database_url, other)


def test_cli_backup_and_restore(database_url: str, tmp_path: Path) -> None:
    if not database_url.startswith("sqlite"):
        pytest.skip("the CLI path is the same for both; PostgreSQL is covered above")
    runner = CliRunner()
    out = tmp_path / "cli.bin"
    result = runner.invoke(cli_app, ["backup", str(out), "--database-url", database_url])
    assert result.exit_code == 0, result.output
    assert '"kind": "sqlite"' in result.output
    refused = runner.invoke(cli_app, ["restore", str(out), "--database-url", database_url])
    assert refused.exit_code == 2
    assert "--yes" in refused.output
    done = runner.invoke(cli_app, ["restore", str(out), "--yes", "--database-url", database_url])
    assert done.exit_code == 0, done.output
    missing = runner.invoke(
        cli_app, ["backup", str(tmp_path / "no" / "such" / "x.bin"), "--database-url", database_url]
    )
    assert missing.exit_code == 1
    assert "folder does not exist" in missing.output
