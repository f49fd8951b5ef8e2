"""KPIs per channel (web, widget, LINE, voice, phone) in the report, the dashboard and the files."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from openpyxl import load_workbook

from jichitai_ai.config import Settings
from jichitai_ai.demo.loader import DEMO_PASSWORD
from jichitai_ai.services import feedback as feedback_service
from jichitai_ai.services import kpi
from jichitai_ai.services import tenants as tenant_service
from jichitai_ai.services.platform import Platform
from jichitai_ai.web.app import create_app
from tests.channels.conftest import TENANT, demo_platform
from tests.console.helpers import login
from tests.resident import helpers


@pytest.fixture
def asked(settings: Settings, demo_sqlite: Path) -> Iterator[Platform]:
    """Questions through five channels; LINE gets two, one voted resolved, one not."""
    p = demo_platform(settings, demo_sqlite)
    answer = helpers.answer_with_source(p).question
    handover = helpers.no_answer(p).question
    for channel in ("web", "widget", "voice", "phone", "someone's-tool"):
        p.answering.ask(TENANT, answer, channel=channel)
    first = p.answering.ask(TENANT, answer, channel="line", session_key="line-a")
    second = p.answering.ask(TENANT, answer, channel="line", session_key="line-b")
    p.answering.ask(TENANT, handover, channel="line")
    feedback_service.submit(p.answering, TENANT, first.feedback_token, "resolved")
    feedback_service.submit(p.answering, TENANT, second.feedback_token, "not_resolved")
    yield p
    p.close()


def test_report_counts_each_channel(asked: Platform) -> None:
    with asked.db.read() as session:
        tenant = tenant_service.get_tenant(session, TENANT)
        report = kpi.report(session, [tenant.id], kpi.Period.last_days(7), with_themes=False)
    by = {c.channel: c.counts for c in report.channels}
    assert list(by)[:5] == ["web", "widget", "line", "voice", "phone"]
    line = by["line"]
    assert (line.total, line.answered, line.handed_over) == (3, 2, 1)
    assert (line.resolved, line.not_resolved, line.resolved_vote_rate) == (1, 1, 50.0)
    assert line.self_served == 1 and line.minutes_saved == 5.0  # demo default 5 minutes
    assert line.self_resolution_rate == 33.3  # self-served share of all LINE questions (percent)
    assert all(by[name].total == 1 for name in ("web", "widget", "voice", "phone"))
    assert by["other"].total == 1  # a free-form channel name from the API is not a row of its own
    assert sum(c.total for c in by.values()) == report.totals.total
    assert report.as_dict()["channels"][2]["channel"] == "line"


def test_dashboard_and_exports_show_channels(asked: Platform) -> None:
    with TestClient(create_app(platform=asked)) as client:
        login(client, "aoba-auditor", DEMO_PASSWORD)
        page = client.get(f"/console/t/{TENANT}/dashboard")
        assert page.status_code == 200 and 'id="channel-table"' in page.text
        row = page.text.split('data-channel="line"', 1)[1].split("</tr>", 1)[0]
        assert "LINE" in row and '<td class="num">3</td>' in row and "33.3%" in row
        csv_text = client.get(f"/console/t/{TENANT}/dashboard.csv").content.decode("utf-8-sig")
        assert "\r\nチャネル,質問数," in csv_text and ",回答率 (%)," in csv_text
        assert "\r\nLINE,3,2,0,1," in csv_text and "\r\n電話,1," in csv_text
        xlsx = client.get(f"/console/t/{TENANT}/dashboard.xlsx?lang=en").content
    sheet = load_workbook(io.BytesIO(xlsx))["Channels"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == "Channel" and rows[4][:2] == ("Voice kiosk", 1)
