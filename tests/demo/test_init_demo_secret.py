"""`make run` on a fresh machine: the demo's held gateway request opens in `serve`.

``init`` built its platform before the schema existed, so with no JICHITAI_SECRET_KEY it
sealed the demo request with a key of its own process; `serve` reads the key stored in the
database and every reviewer got 「依頼 … の保存内容を復号できません（鍵が変更された可能性が
あります）」 — a dead end on the first page a newcomer opens in 生成AI送信の確認 (newcomer
walkthrough nc6). SQLite only: a fresh file is what `make run` makes."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from jichitai_ai.cli import core_commands
from jichitai_ai.cli.main import app
from jichitai_ai.config import load_settings
from jichitai_ai.demo import review_queues
from jichitai_ai.gateway import Gateway
from jichitai_ai.services import tenants as tenant_service
from jichitai_ai.services.platform import Platform

DEMO_CONFIG = Path(__file__).resolve().parents[2] / "deploy" / "demo.toml"


def test_the_held_demo_request_opens_after_a_fresh_init(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("JICHITAI_SECRET_KEY", raising=False)
    monkeypatch.delenv("JICHITAI_GATEWAY_SECRET", raising=False)
    monkeypatch.setenv("JICHITAI_CONFIG", str(DEMO_CONFIG))
    # Only the gateway part of the demo matters here (documents, OCR, index warm-up cost CPU).
    monkeypatch.setattr(core_commands, "demo_documents", lambda p: {})
    monkeypatch.setattr(core_commands, "warm_indexes", lambda p: None)
    monkeypatch.setattr(review_queues, "load_demo_scan", lambda documents: "skipped")
    url = f"sqlite:///{tmp_path / 'fresh.db'}"
    done = CliRunner().invoke(app, ["init", "--demo", "--database-url", url])
    assert done.exit_code == 0, done.output
    assert "held for review" in done.output

    # What `serve` does: a new process, the configuration, the key from the database.
    serve = Platform(load_settings(DEMO_CONFIG, env={"JICHITAI_DATABASE_URL": url}))
    gateway = Gateway(serve.db, serve.settings)
    try:
        with serve.db.read() as session:
            aoba = tenant_service.get_tenant(session, "aoba-city").id
        held = gateway.pending_reviews(aoba)
        assert [h.username for h in held] == ["aoba-editor"]
        masked = gateway.review_detail(held[0].id, {aoba}).masked[0].content
        assert masked and "090-1234-5678" not in masked
    finally:
        gateway.close()
        serve.close()
