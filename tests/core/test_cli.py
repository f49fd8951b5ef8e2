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
