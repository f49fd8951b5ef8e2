"""自己解決率（確認済み）: outcomes from the residents' stored signals, beside the old rate.

The demo's 83 % counted 更問 nobody answered as 自己解決. Here the questions are stored logs
with feedback tokens, and the choices and votes go through the real feedback service."""

from __future__ import annotations

import io
import json
from datetime import datetime

from fastapi.testclient import TestClient
from openpyxl import load_workbook
from typer.testing import CliRunner

from jichitai_ai.cli.main import app as cli_app
from jichitai_ai.i18n import t
from jichitai_ai.services import feedback, kpi
from jichitai_ai.services.platform import Platform
from jichitai_ai.storage.tables import QuestionLog
from tests.console.helpers import World, login
from tests.console.test_kpi import PERIOD

QUERY = "?from=2025-04-01&to=2025-04-03"


def _asked(platform: Platform, world: World, decision: str, minute: int) -> str:
    """Store one question as the answering service does (token hash, entries shown)."""
    token, token_hash = feedback.new_token()
    shown = [] if decision == "no_answer" else [world.aoba_entry]
    with platform.db.write() as db:
        db.add(
            QuestionLog(
                tenant_id=world.aoba_id,
                asked_at=datetime(2025, 4, 2, 1, minute),
                question=f"住民の質問 {minute}",
                decision=decision,
                answer_entry_id=world.aoba_entry if decision == "answer" else None,
                candidates=[{"entry_id": e, "offered": True} for e in shown],
                shown_entry_ids=shown,
                feedback_token_hash=token_hash,
            )
        )
    return token


def _vote(platform: Platform, world: World, token: str, kind: str) -> None:
    now = datetime(2025, 4, 2, 2, 0)
    entry = world.aoba_entry if kind == "choice" else None
    with platform.db.write() as db:
        feedback.record(db, world.aoba_id, token, kind, entry_id=entry, now=now)


def _demo_log(platform: Platform, world: World) -> None:
    """12 questions: 7 更問 never answered, 1 answer nobody rated (結果不明 8); a choice picked
    and an answer rated 解決した (確認済み 2); a choice picked then 解決しなかった and a hand-over
    (未解決 2). The old 自己解決率 says 10 / 12 = 83.3 %."""
    for minute in range(7):
        _asked(platform, world, "clarify", minute)
    _asked(platform, world, "answer", 7)
    _vote(platform, world, _asked(platform, world, "clarify", 8), "choice")
    _vote(platform, world, _asked(platform, world, "answer", 9), "resolved")
    picked = _asked(platform, world, "clarify", 10)
    _vote(platform, world, picked, "choice")
    _vote(platform, world, picked, "not_resolved")
    _asked(platform, world, "no_answer", 11)


def test_outcomes_split_confirmed_unknown_and_unresolved(platform: Platform, world: World) -> None:
    _demo_log(platform, world)
    with platform.db.read() as db:
        totals = kpi.report(db, [world.aoba_id], PERIOD, with_themes=False).totals
    assert (totals.total, totals.self_served, totals.self_resolution_rate) == (12, 10, 83.3)
    assert (totals.confirmed_resolved, totals.outcome_unknown, totals.unresolved) == (2, 8, 2)
    assert totals.confirmed_resolution_rate == 16.7 and totals.resolution_rate_upper == 83.3


def test_dashboard_exports_and_cli_show_the_confirmed_rate_and_range(
    client: TestClient, platform: Platform, world: World, database_url: str
) -> None:
    _demo_log(platform, world)
    login(client, "aoba-editor")
    page = client.get("/console/t/aoba/dashboard" + QUERY).text
    assert 'data-kpi="confirmed_resolution_rate">16.7%<' in page
    assert '範囲 16.7% 〜 <span data-kpi="resolution_rate_upper">83.3%</span>' in page
    assert "確認済み 2 件・結果不明 8 件・未解決 2 件" in page
    assert 'data-kpi="self_resolution_rate">83.3%<' in page  # the old figure stays
    data = client.get("/console/t/aoba/dashboard.json" + QUERY).json()["totals"]
    assert data["display"]["confirmed_resolution_rate"] == "16.7%"
    assert (data["confirmed_resolved"], data["outcome_unknown"], data["unresolved"]) == (2, 8, 2)
    csv_rows = [
        line.split(",")
        for line in client.get("/console/t/aoba/dashboard.csv" + QUERY)
        .content.decode("utf-8-sig")
        .splitlines()
    ]
    csv_row = dict(zip(csv_rows[0], csv_rows[1], strict=True))
    book = load_workbook(io.BytesIO(client.get("/console/t/aoba/dashboard.xlsx" + QUERY).content))
    xlsx = dict(zip(*list(book.worksheets[0].iter_rows(values_only=True))[:2], strict=True))
    for lang, labels in (("ja", csv_row), ("ja", xlsx)):
        name = t("console.kpi.col.confirmed_resolution_rate", lang) + " (%)"
        upper = t("console.kpi.col.resolution_rate_upper", lang) + " (%)"
        assert float(labels[name]) == 16.7 and float(labels[upper]) == 83.3
        assert int(labels[t("console.kpi.col.outcome_unknown", lang)]) == 8
    english = client.get("/console/t/aoba/dashboard.csv" + QUERY + "&lang=en").content
    assert "Self-resolution rate (confirmed) (%)" in english.decode("utf-8-sig")

    args = ["kpi", "-t", "aoba", "--from", "2025-04-01", "--to", "2025-04-03"]
    shown = CliRunner().invoke(cli_app, [*args, "--database-url", database_url])
    assert shown.exit_code == 0, shown.output
    assert "自己解決率（確認済み） / Self-resolution rate (confirmed): 16.7%" in shown.output
    assert "自己解決率（上限） / Self-resolution rate (upper bound): 83.3%" in shown.output
    assert "自己解決率 / Self-resolution rate: 83.3%" in shown.output
    raw = CliRunner().invoke(cli_app, [*args, "--json", "--database-url", database_url])
    assert json.loads(raw.output)["totals"]["confirmed_resolved"] == 2


def test_time_saved_counts_only_confirmed_self_resolutions(
    client: TestClient, platform: Platform, world: World
) -> None:
    """削減時間 = 確認済み 2 × 5 minutes = 10, not the old 自己解決 10 × 5 = 50: the 7 更問 nobody
    answered and the silent answer saved no one a phone call we know of. The tenant row, the
    channel row, the card and the exports all say 10."""
    _demo_log(platform, world)
    with platform.db.read() as db:
        report = kpi.report(db, [world.aoba_id], PERIOD, with_themes=False)
    assert report.totals.minutes_saved == 10.0 and report.tenants[0].counts.minutes_saved == 10.0
    assert sum(c.counts.minutes_saved for c in report.channels) == 10.0
    login(client, "aoba-editor")
    page = client.get("/console/t/aoba/dashboard" + QUERY).text
    assert 'data-kpi="minutes_saved">10.0 分</span>' in page
    assert "0.2 時間。確認済み自己解決 2 件から推計" in page
    english = client.get("/console/t/aoba/dashboard" + QUERY + "&lang=en").text
    assert "estimated from 2 confirmed self-resolutions" in english
    data = client.get("/console/t/aoba/dashboard.json" + QUERY).json()
    assert data["totals"]["minutes_saved"] == 10.0 and data["totals"]["hours_saved"] == 0.2
    assert data["tenants"][0]["minutes_saved"] == 10.0
