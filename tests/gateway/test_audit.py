"""Audit log: hash chain, tamper detection (in the database), export, retention."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select, text, update
from sqlalchemy.exc import DBAPIError
from typer.testing import CliRunner

from jichitai_ai.config import Settings
from jichitai_ai.gateway import ChatMessage, ChatRequest, Gateway, HeldForReview, PolicyRefused
from jichitai_ai.gateway._audit import AuditEntry, append, verify
from jichitai_ai.gateway.cli import app as gateway_cli
from jichitai_ai.gateway.tables import GatewayAudit, GatewayReview
from jichitai_ai.storage.tables import FeedbackEvent, QuestionLog
from jichitai_ai.timeutil import utcnow

from .conftest import Staff

PII = "山田太郎様（電話 090-1234-5678、メール taro@example.jp）の件で回答案を作ってください。"


def tamper(gateway: Gateway, statement: str) -> None:
    """Edit the log directly, as someone with database rights could (bypassing the
    append-only trigger; on PostgreSQL only inside this transaction)."""
    with gateway.db.engine.begin() as conn:
        if gateway.db.is_sqlite:
            conn.execute(text("DROP TRIGGER IF EXISTS gateway_audit_append_only"))
        else:
            conn.execute(
                text("ALTER TABLE gateway_audit DISABLE TRIGGER gateway_audit_append_only")
            )
        conn.execute(text(statement))
        if not gateway.db.is_sqlite:
            conn.execute(text("ALTER TABLE gateway_audit ENABLE TRIGGER gateway_audit_append_only"))


def traffic(gateway: Gateway, staff: Staff) -> None:
    """A sent request, a refused one and a streamed one."""
    request = ChatRequest(staff.tenant_id, "alice", [ChatMessage("user", PII)], purpose="test")
    gateway.complete(request)
    with pytest.raises(PolicyRefused):
        gateway.complete(
            ChatRequest(staff.tenant_id, "alice", [ChatMessage("user", PII)], backend="abroad")
        )
    list(gateway.stream(request))


def rows(gateway: Gateway) -> list[dict[str, object]]:
    with gateway.db.read() as session:
        return [
            {
                c: getattr(r, c)
                for c in (
                    "seq",
                    "kind",
                    "decision",
                    "reason",
                    "username",
                    "entity_counts",
                    "prompt_tokens",
                    "data_class",
                )
            }
            for r in session.execute(select(GatewayAudit).order_by(GatewayAudit.seq)).scalars()
        ]


def test_records_who_what_and_never_the_personal_data(gateway: Gateway, staff: Staff) -> None:
    traffic(gateway, staff)
    records = rows(gateway)
    assert [(r["seq"], r["decision"]) for r in records] == [
        (1, "sent"),
        (2, "refused"),
        (3, "sent"),
    ]
    assert records[0]["entity_counts"] == {"email": 1, "person": 1, "phone": 1}
    assert records[0]["prompt_tokens"] == 11 and records[0]["username"] == "alice"
    assert records[1]["reason"] == "gateway.refused.abroad"
    with gateway.db.read() as session:
        dump = json.dumps(
            [
                r
                for r in __import__("jichitai_ai.gateway._audit", fromlist=["x"]).export_rows(
                    session
                )
            ],
            ensure_ascii=False,
        )
    for secret in ("山田", "太郎", "090-1234-5678", "taro@example.jp", "1234"):
        assert secret not in dump
    assert gateway.verify_audit().ok


def test_editing_one_record_in_the_database_breaks_verification(
    gateway: Gateway, staff: Staff, gw_settings: Settings
) -> None:
    traffic(gateway, staff)
    assert gateway.verify_audit().as_dict() == {
        "ok": True,
        "checked": 3,
        "first_broken": None,
        "problem": "",
    }
    with pytest.raises(DBAPIError, match="append-only"), gateway.db.engine.begin() as conn:
        conn.execute(text("UPDATE gateway_audit SET decision = 'sent' WHERE seq = 2"))
    tamper(gateway, "UPDATE gateway_audit SET decision = 'sent' WHERE seq = 2")
    assert gateway.verify_audit().first_broken == 2  # a refusal turned into "sent"
    tamper(gateway, "UPDATE gateway_audit SET decision = 'refused' WHERE seq = 2")
    assert gateway.verify_audit().ok  # restoring the content restores the hash
    tamper(gateway, "UPDATE gateway_audit SET username = 'mallory' WHERE seq = 2")
    report = gateway.verify_audit()
    assert not report.ok and report.first_broken == 2
    result = CliRunner().invoke(
        gateway_cli,
        ["audit", "verify", "--database-url", gw_settings.database_url],
        env={"JICHITAI_SECRET_KEY": "test-secret"},
    )
    assert result.exit_code == 1
    assert "2" in result.output and "Tampering" in result.output


def test_deleting_records_breaks_verification(gateway: Gateway, staff: Staff) -> None:
    traffic(gateway, staff)
    with gateway.db.engine.begin() as conn:
        conn.execute(text("DELETE FROM gateway_audit WHERE seq = 2"))
    report = gateway.verify_audit()
    assert (report.ok, report.first_broken) == (False, 3)
    traffic(gateway, staff)
    with gateway.db.engine.begin() as conn:
        conn.execute(text("DELETE FROM gateway_audit WHERE seq >= 2"))
    report = gateway.verify_audit()
    assert not report.ok and "newest" in report.problem


def test_cli_verify_and_export(
    gateway: Gateway, staff: Staff, gw_settings: Settings, tmp_path: Path
) -> None:
    traffic(gateway, staff)
    env = {"JICHITAI_SECRET_KEY": "test-secret", "JICHITAI_CONFIG": str(tmp_path / "none.toml")}
    runner = CliRunner()
    ok = runner.invoke(
        gateway_cli, ["audit", "verify", "--database-url", gw_settings.database_url], env=env
    )
    assert ok.exit_code == 0, ok.output
    assert "3" in ok.output
    out = tmp_path / "audit.jsonl"
    exported = runner.invoke(
        gateway_cli,
        ["audit", "export", "--out", str(out), "--database-url", gw_settings.database_url],
        env=env,
    )
    assert exported.exit_code == 0, exported.output
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["seq"] for r in lines] == [1, 2, 3]
    assert lines[1]["prev_hash"] == lines[0]["hash"]
    assert "山田" not in out.read_text(encoding="utf-8")


def test_retention_deletes_expired_records_and_keeps_the_chain_verifiable(
    gateway: Gateway, staff: Staff
) -> None:
    now = utcnow()
    old, recent = now - timedelta(days=400), now - timedelta(days=5)
    with gateway.db.write() as session:
        for when in (old, old, old, recent):
            append(session, AuditEntry(kind="request", decision="sent", username="alice"), now=when)
        for when in (old, recent):
            session.add(
                QuestionLog(
                    tenant_id=staff.tenant_id,
                    asked_at=when,
                    question="【氏名1】の件",
                    decision="answer",
                )
            )
        session.flush()
        question_ids = list(session.execute(select(QuestionLog.id)).scalars())
        for when in (old, recent):
            session.add(
                FeedbackEvent(
                    tenant_id=staff.tenant_id,
                    question_id=question_ids[-1],
                    entry_id=1,
                    kind="vote",
                    signal=1.0,
                    created_at=when,
                )
            )
    with pytest.raises(HeldForReview):
        gateway.complete(
            ChatRequest(staff.tenant_id, "alice", [ChatMessage("user", PII)], review=True)
        )
    with gateway.db.write() as session:
        session.execute(update(GatewayReview).values(created_at=old))
    config = gateway.config
    object.__setattr__(
        config,
        "retention",
        type(config.retention)(
            audit_days=365, reviews_days=30, questions_days=365, feedback_days=90
        ),
    )

    deleted = gateway.run_retention()
    assert deleted == {"feedback": 1, "questions": 1, "reviews": 1, "audit": 3}
    with gateway.db.read() as session:

        def count(model: type, *where: object) -> int:
            return int(
                session.execute(select(func.count()).select_from(model).where(*where)).scalar_one()
            )

        assert count(GatewayAudit, GatewayAudit.created_at < now - timedelta(days=365)) == 0
        assert count(QuestionLog, QuestionLog.asked_at < now - timedelta(days=365)) == 0
        assert count(QuestionLog) == 1
        assert count(FeedbackEvent, FeedbackEvent.created_at < now - timedelta(days=90)) == 0
        assert count(FeedbackEvent) == 1
        assert count(GatewayReview) == 0
        kinds = [
            r.kind
            for r in session.execute(select(GatewayAudit).order_by(GatewayAudit.seq)).scalars()
        ]
        # seq 4 (recent), 5 (held), then the checkpoint and the record of the run.
        assert kinds == ["request", "request", "checkpoint", "retention"]
        checkpoint = session.execute(
            select(GatewayAudit).where(GatewayAudit.kind == "checkpoint")
        ).scalar_one()
        assert checkpoint.details["deleted"] == 3 and checkpoint.details["anchor_seq"] == 3
        assert checkpoint.signature
        assert verify(session, config.secret).ok
        # A checkpoint signed with another key does not anchor the chain.
        assert not verify(session, b"another key").ok
    # Running again deletes nothing more but still records the run.
    assert gateway.run_retention() == {"feedback": 0, "questions": 0, "reviews": 0, "audit": 0}
    assert gateway.verify_audit().ok


def test_retention_of_everything_leaves_a_verifiable_checkpoint(
    gateway: Gateway, staff: Staff
) -> None:
    with gateway.db.write() as session:
        for _ in range(3):
            append(
                session,
                AuditEntry(kind="request", decision="sent"),
                now=utcnow() - timedelta(days=30),
            )
    object.__setattr__(gateway.config, "retention", type(gateway.config.retention)(audit_days=1))
    assert gateway.run_retention()["audit"] == 3
    assert gateway.verify_audit().ok
    tamper(gateway, "UPDATE gateway_audit SET details = '{}' WHERE kind = 'checkpoint'")
    assert not gateway.verify_audit().ok
