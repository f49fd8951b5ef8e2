"""Backup and restore of the whole deployment's database, online (no need to stop serving).

SQLite uses the online backup API, which copies a consistent snapshot while writers go on;
PostgreSQL uses ``pg_dump`` in its custom format (a consistent snapshot too) and
``pg_restore`` in one transaction. Either way a backup is written to a temporary file and
renamed, so a failed backup never leaves a half-written file that looks complete.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.engine import make_url

SQLITE_MAGIC = b"SQLite format 3\x00"
PG_MAGIC = b"PGDMP"


class BackupError(RuntimeError):
    """A backup or restore could not be done; the message says why (ja / en)."""


@dataclass(frozen=True)
class BackupResult:
    path: Path
    kind: str  # "sqlite" or "postgresql"
    size_bytes: int


def _sqlite_path(url: str) -> Path:
    database = make_url(url).database
    if not database or database == ":memory:":
        raise BackupError("SQLite のファイルがありません / no SQLite file to back up")
    return Path(database)


def _libpq_url(url: str) -> str:
    """``postgresql+psycopg://…`` → ``postgresql://…`` for pg_dump and pg_restore."""
    parsed = make_url(url).set(drivername="postgresql")
    return parsed.render_as_string(hide_password=False)


def _tool(name: str) -> str:
    found = shutil.which(name)
    if not found:
        raise BackupError(
            f"{name} が見つかりません。PostgreSQL のクライアントを入れてください / "
            f"{name} not found: install the PostgreSQL client tools"
        )
    return found


def backup(database_url: str, out: Path) -> BackupResult:
    """Write a consistent snapshot of the database to ``out``."""
    out = Path(out)
    if not out.parent.is_dir():
        raise BackupError(
            f"保存先のフォルダがありません: {out.parent} / folder does not exist: {out.parent}"
        )
    backend = make_url(database_url).get_backend_name()
    fd, tmp_name = tempfile.mkstemp(prefix=".backup-", dir=out.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        if backend == "sqlite":
            source_path = _sqlite_path(database_url)
            if not source_path.is_file():
                raise BackupError(f"データベースがありません: {source_path} / no database")
            source = sqlite3.connect(f"file:{source_path}?mode=ro", uri=True)
            target = sqlite3.connect(tmp)
            try:
                source.backup(target)
                check = target.execute("PRAGMA integrity_check").fetchone()
                if not check or check[0] != "ok":
                    raise BackupError(f"バックアップの検査に失敗 / integrity check failed: {check}")
            finally:
                target.close()
                source.close()
            kind = "sqlite"
        elif backend == "postgresql":
            completed = subprocess.run(
                [
                    _tool("pg_dump"),
                    "--format=custom",
                    "--no-owner",
                    "--file",
                    str(tmp),
                    _libpq_url(database_url),
                ],
                capture_output=True,
                text=True,
                check=False,
            )
            if completed.returncode != 0:
                raise BackupError(f"pg_dump に失敗 / pg_dump failed: {completed.stderr.strip()}")
            kind = "postgresql"
        else:
            raise BackupError(f"未対応のデータベース / unsupported database: {backend}")
        tmp.replace(out)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return BackupResult(path=out, kind=kind, size_bytes=out.stat().st_size)


def backup_kind(path: Path) -> str:
    """Which database a backup file is for, by its first bytes."""
    with open(path, "rb") as handle:
        head = handle.read(16)
    if head.startswith(SQLITE_MAGIC):
        return "sqlite"
    if head.startswith(PG_MAGIC):
        return "postgresql"
    raise BackupError(
        f"バックアップファイルではありません: {path} / not a jichitai-ai backup file: {path}"
    )


def restore(database_url: str, source: Path) -> str:
    """Replace the database's contents with the backup's; all or nothing."""
    source = Path(source)
    if not source.is_file():
        raise BackupError(f"ファイルがありません: {source} / file not found: {source}")
    kind = backup_kind(source)
    backend = make_url(database_url).get_backend_name()
    if kind != backend:
        raise BackupError(
            f"{kind} のバックアップは {backend} に戻せません / "
            f"a {kind} backup cannot be restored into {backend}"
        )
    if backend == "sqlite":
        target_path = _sqlite_path(database_url)
        backup_db = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
        try:
            check = backup_db.execute("PRAGMA integrity_check").fetchone()
            if not check or check[0] != "ok":
                raise BackupError(f"バックアップが壊れています / backup is damaged: {check}")
            target = sqlite3.connect(target_path, timeout=30)
            try:
                # The backup API replaces every page under the target's write lock.
                backup_db.backup(target)
            finally:
                target.close()
        finally:
            backup_db.close()
        return kind
    completed = subprocess.run(
        [
            _tool("pg_restore"),
            "--clean",
            "--if-exists",
            "--no-owner",
            "--exit-on-error",
            "--single-transaction",
            "--dbname",
            _libpq_url(database_url),
            str(source),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    if completed.returncode != 0:
        raise BackupError(f"pg_restore に失敗 / pg_restore failed: {completed.stderr.strip()}")
    return kind
