"""LINE records under retention (hr6, finding H5-15 of hr5), on SQLite and PostgreSQL.

``line_events`` (webhook event ids) and ``line_users`` (hashed LINE ids → language) were never
deleted. Deleting event ids alone would let a captured signed body be answered again once its id
is gone, so the webhook now refuses events whose ``timestamp`` is older than the replay window
(``[gateway.retention] line_events_days``, default 7) — logged, not answered, the batch still
gets its 200 — and retention deletes ids only past that window; friends not seen for
``line_users_days`` are deleted too.
"""

from __future__ import annotations

import logging
import time
from dataclasses import replace
from datetime import timedelta

import pytest
from sqlalchemy import select

from jichitai_ai.channels.line import users
from jichitai_ai.channels.tables import LineEvent, LineUser
from jichitai_ai.gateway._config import ConfigError, GatewayConfig, retention_of
from jichitai_ai.gateway._retention import RetentionRow, retention_status, run_retention
from jichitai_ai.services import tenants as tenant_service
from jichitai_ai.storage.tables import QuestionLog
from jichitai_ai.timeutil import utcnow
from tests.channels.conftest import TENANT, Line

OLD = "U" + "7" * 32
NEW = "U" + "8" * 32
DAY_MS = 86_400_000


def _questions(line: Line) -> list[str]:
    with line.platform.db.read() as session:
        return list(session.execute(select(QuestionLog.question)).scalars())


def _event_ids(line: Line) -> set[str]:
    with line.platform.db.read() as session:
        return set(session.execute(select(LineEvent.event_id)).scalars())


def test_a_signed_event_older_than_the_window_is_refused_and_the_batch_still_answered(
    line: Line, caplog: pytest.LogCaptureFixture
) -> None:
    now_ms = int(time.time() * 1000)
    stale = line.text(OLD, "ごみの日はいつ", event_id="01STALE")
    stale["timestamp"] = now_ms - 8 * DAY_MS  # a captured body from last week
    fresh = line.text(NEW, "住民票の写し", event_id="01FRESH")
    with caplog.at_level(logging.WARNING, logger="jichitai_ai.channels.line.events"):
        response = line.post([stale, fresh])
    assert response.status_code == 200  # LINE must not redeliver the batch
    assert _questions(line) == ["住民票の写し"]
    assert line.standin.state.messages_to(OLD) == []
    assert line.standin.state.messages_to(NEW)
    assert _event_ids(line) == {"01FRESH"}  # the refused one is not recorded either
    assert any("01STALE" in r.getMessage() and "replay" in r.getMessage() for r in caplog.records)


def test_a_replay_after_retention_deleted_its_id_is_not_answered(line: Line) -> None:
    """The attack the window closes: the body was answered once, retention deleted its id after
    the window, and the same signed bytes come again."""
    event = line.text(OLD, "ごみの日はいつ", event_id="01REPLAY")
    event["timestamp"] = int(time.time() * 1000) - 8 * DAY_MS
    with line.platform.db.write() as session:  # answered 8 days ago, as it was then
        tenant_id = tenant_service.get_tenant(session, TENANT).id
        session.add(
            LineEvent(
                tenant_id=tenant_id,
                event_id="01REPLAY",
                status="done",
                received_at=utcnow() - timedelta(days=8),
            )
        )
    deleted = run_retention(line.platform.db, GatewayConfig.from_settings(line.platform.settings))
    assert deleted["line_events"] == 1
    assert _event_ids(line) == set()
    assert line.post([event]).status_code == 200
    assert _questions(line) == []
    assert line.standin.state.deliveries() == []
    assert _event_ids(line) == set()


def test_retention_deletes_old_event_ids_and_unseen_friends_and_keeps_recent_ones(
    line: Line,
) -> None:
    settings = replace(
        line.platform.settings,
        raw={**line.platform.settings.raw, "gateway": {"retention": {"questions_days": 365}}},
    )
    config = GatewayConfig.from_settings(settings)
    assert (config.retention.line_events_days, config.retention.line_users_days) == (7, 365)
    # A real conversation: the recent friend and event go through the webhook.
    assert line.post([line.text(NEW, "住民票の写し", event_id="01RECENT")]).status_code == 200
    now = utcnow()
    with line.platform.db.write() as session:
        tenant_id = tenant_service.get_tenant(session, TENANT).id
        session.add_all(
            [
                LineEvent(tenant_id=tenant_id, event_id="01OLD", received_at=now - timedelta(8)),
                # within the window plus the clock skew: still needed against a replay
                LineEvent(
                    tenant_id=tenant_id,
                    event_id="01EDGE",
                    received_at=now - timedelta(days=7, minutes=30),
                ),
                LineUser(
                    tenant_id=tenant_id,
                    user_hash=users.user_hash(tenant_id, OLD),
                    language="en",
                    updated_at=now - timedelta(days=400),
                ),
            ]
        )
    status = {r.kind: r for r in retention_status_of(line, config, tenant_id)}
    assert (status["line_events"].records, status["line_events"].expired) == (3, 1)
    assert (status["line_users"].records, status["line_users"].expired) == (2, 1)

    deleted = run_retention(line.platform.db, config)
    assert (deleted["line_events"], deleted["line_users"]) == (1, 1)
    assert _event_ids(line) == {"01RECENT", "01EDGE"}
    with line.platform.db.read() as session:
        kept = set(session.execute(select(LineUser.user_hash)).scalars())
    assert kept == {users.user_hash(tenant_id, NEW)}


def test_a_friend_who_writes_again_is_seen(line: Line) -> None:
    """``updated_at`` is the last sighting: a friend who keeps writing is not deleted."""
    assert line.post([line.text(NEW, "住民票の写し")]).status_code == 200
    with line.platform.db.write() as session:
        row = session.execute(select(LineUser)).scalar_one()
        row.updated_at = utcnow() - timedelta(days=300)
    assert line.post([line.text(NEW, "印鑑登録")]).status_code == 200
    with line.platform.db.read() as session:
        seen = session.execute(select(LineUser.updated_at)).scalar_one()
    assert seen > utcnow() - timedelta(hours=1)


def test_the_window_is_configurable_and_never_zero(line: Line) -> None:
    raw = line.platform.settings.raw
    three = replace(
        line.platform.settings, raw={**raw, "gateway": {"retention": {"line_events_days": 3}}}
    )
    assert retention_of(three).line_events_days == 3
    assert retention_of(line.platform.settings).line_users_days is None  # questions kept for ever
    zero = replace(
        line.platform.settings, raw={**raw, "gateway": {"retention": {"line_events_days": 0}}}
    )
    with pytest.raises(ConfigError):
        retention_of(zero)


def retention_status_of(line: Line, config: GatewayConfig, tenant_id: int) -> list[RetentionRow]:
    with line.platform.db.read() as session:
        return retention_status(session, config, {tenant_id}).rows
