"""The command line as an operator uses it: a real database file, real files."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from jichitai_ai.cli.main import app

runner = CliRunner()


@pytest.fixture
def db_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "cli.db"
    monkeypatch.setenv("JICHITAI_DATABASE_URL", f"sqlite:///{path}")
    monkeypatch.chdir(tmp_path)
    return path


def run(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.output


def test_init_is_idempotent_and_loads_demo(db_env: Path) -> None:
    code, out = run("init", "--demo")
    assert code == 0, out
    assert "aoba-city" in out and db_env.exists()
    code, out = run("init", "--demo")
    assert code == 0 and "exists" in out
    code, out = run("tenant", "list")
    assert "mizuho-pref" in out and "sakura-town" in out


def test_init_demo_ends_with_where_to_go_and_how_to_log_in(db_env: Path) -> None:
    """The demo accounts were printed before the index warm-up, whose lines pushed them out of
    sight: a newcomer reached the console login not knowing any account."""
    from jichitai_ai.demo.loader import DEMO_PASSWORD, DEMO_USERS

    code, out = run("init", "--demo")
    assert code == 0, out
    tail = out[out.index("次に / next") :]  # the last block, after the summary and warm-up
    assert "user aoba-editor" not in tail and "search indexes ready" not in tail
    assert "/t/aoba-city/" in tail and "/console" in tail and DEMO_PASSWORD in tail
    assert [u for u, _t, _r in DEMO_USERS if f"{u}:" not in tail] == []
    code, out = run("init")  # without --demo nothing about demo accounts
    assert code == 0 and DEMO_PASSWORD not in out


def test_tenant_add_and_ask(db_env: Path) -> None:
    assert run("init")[0] == 0
    code, out = run("tenant", "add", "pref", "--name", "県")
    assert code == 0, out
    code, out = run("tenant", "add", "city", "--parent", "pref", "--name", "市")
    assert code == 0, out
    code, out = run("tenant", "add", "city", "--name", "市")
    assert code == 1 and "既に" in out and "already exists" in out
    code, out = run("tenant", "add", "x", "--parent", "missing")
    assert code == 1 and "missing" in out
    code, out = run("ask", "何か", "--tenant", "city", "--json")
    assert code == 0 and '"decision": "no_answer"' in out


def test_demo_answers_a_resident_question(db_env: Path) -> None:
    assert run("init", "--demo")[0] == 0
    code, out = run("ask", "粗大ごみを出したい", "--tenant", "aoba-city", "--json")
    assert code == 0, out
    assert '"decision"' in out and "粗大ごみ" in out
