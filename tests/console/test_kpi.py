"""KPI (効果検証): SQL on both databases, JST days, prefecture totals, page, JSON, CSV, XLSX."""

from __future__ import annotations

import io
import re
from datetime import date, datetime

from fastapi.testclient import TestClient
from openpyxl import load_workbook

from jichitai_ai.domain.models import FaqRecord
from jichitai_ai.i18n import t
from jichitai_ai.services import faq as faq_service
from jichitai_ai.services import kpi
from jichitai_ai.services import tenants as tenant_service
from jichitai_ai.services.platform import Platform
from jichitai_ai.storage.tables import QuestionLog
from tests.console.helpers import World, login

PERIOD = kpi.Period(date(2025, 4, 1), date(2025, 4, 3))


def _log(
    tenant_id: int,
    asked_at: datetime,
    decision: str,
    resolved: bool | None = None,
    entry: int | None = None,
    text: str = "質問",
) -> QuestionLog:
    return QuestionLog(
        tenant_id=tenant_id,
        asked_at=asked_at,
        question=text,
        decision=decision,
        resolved=resolved,
        answer_entry_id=entry,
        candidates=[],
    )


def _seed_questions(platform: Platform, world: World) -> None:
    """あおば市: 6 questions in the period and 2 outside it; さくら町: 2 questions."""
    rows = [
        # 2025-03-31 15:30 UTC is 2025-04-01 00:30 in Japan: inside the period, on April 1.
        _log(world.aoba_id, datetime(2025, 3, 31, 15, 30), "answer", True, world.aoba_entry),
        _log(world.aoba_id, datetime(2025, 4, 1, 2, 0), "answer", False, world.aoba_entry),
        _log(world.aoba_id, datetime(2025, 4, 1, 3, 0), "answer", None, world.aoba_entry),
        _log(world.aoba_id, datetime(2025, 4, 2, 3, 0), "clarify", True),
        _log(world.aoba_id, datetime(2025, 4, 3, 3, 0), "no_answer", None, text="ドローンの許可"),
        _log(
            world.aoba_id, datetime(2025, 4, 3, 4, 0), "no_answer", None, text="ドローンの飛行許可"
        ),
        # 2025-03-31 14:59 UTC is still March 31 in Japan; April 3 15:00 UTC is April 4.
        _log(world.aoba_id, datetime(2025, 3, 31, 14, 59), "answer"),
        _log(world.aoba_id, datetime(2025, 4, 3, 15, 0), "answer"),
        _log(world.sakura_id, datetime(2025, 4, 2, 1, 0), "answer", True, world.sakura_entry),
        _log(world.sakura_id, datetime(2025, 4, 2, 2, 0), "no_answer"),
    ]
    with platform.db.write() as db:
        db.add_all(rows)


def test_report_counts_rates_days_and_time_saved(platform: Platform, world: World) -> None:
    _seed_questions(platform, world)
    with platform.db.read() as db:
        report = kpi.report(db, [world.aoba_id], PERIOD)
    totals = report.totals
    assert (totals.total, totals.answered, totals.clarified, totals.handed_over) == (6, 3, 1, 2)
    assert (totals.resolved, totals.not_resolved) == (2, 1)
    # Self-served: answered or clarified and not rated "not resolved" → 3; the time saved counts
    # only the 2 the residents confirmed (「解決した」), at 5 minutes each — not the silent answer.
    assert totals.self_served == 3 and totals.confirmed_resolved == 2
    assert totals.minutes_saved == 10.0
    # 自己解決率 = 自己解決件数 ÷ 利用件数 (3/6); the votes have their own figure (2/3).
    assert totals.self_resolution_rate == 50.0 and totals.resolved_vote_rate == 66.7
    assert totals.answered_rate == 50.0 and totals.handed_over_rate == 33.3
    assert [(d.day.isoformat(), d.answered, d.clarified, d.handed_over) for d in report.days] == [
        ("2025-04-01", 3, 0, 0),
        ("2025-04-02", 0, 1, 0),
        ("2025-04-03", 0, 0, 2),
    ]
    assert report.top_questions == [
        {"entry_id": world.aoba_entry, "question": "住民票の写しを取りたい", "count": 3}
    ]
    assert report.top_unanswered[0]["count"] == 2


def test_an_answer_and_its_translations_are_one_top_question(
    platform: Platform, world: World
) -> None:
    """Residents shown the English and the Japanese version of one answer asked about one
    thing: the KPI page counts one item (3 views), not two; another tenant's entry with the
    same external id stays apart."""
    with platform.db.write() as db:
        english = faq_service.create_entry(
            db,
            world.aoba_id,
            FaqRecord(
                external_id="AOBA-1",
                language="en",
                question="I want a copy of my residence certificate",
                answer="Ask at the Citizens Division counter with photo ID.",
            ),
            user="seed",
        )
        other = faq_service.create_entry(
            db,
            world.sakura_id,
            FaqRecord(
                external_id="AOBA-1", question="同じ番号の別の回答", answer="別の町の回答です。"
            ),
            user="seed",
        )
        db.add_all(
            [
                _log(world.aoba_id, datetime(2025, 4, 1, 2, 0), "answer", None, english.id),
                _log(world.aoba_id, datetime(2025, 4, 1, 3, 0), "answer", None, english.id),
                _log(world.aoba_id, datetime(2025, 4, 2, 3, 0), "answer", None, world.aoba_entry),
                _log(world.sakura_id, datetime(2025, 4, 2, 4, 0), "answer", None, other.id),
                _log(world.sakura_id, datetime(2025, 4, 2, 5, 0), "answer", None, other.id),
            ]
        )
    with platform.db.read() as db:
        top = kpi.report(db, [world.aoba_id, world.sakura_id], PERIOD).top_questions
    assert top == [
        {"entry_id": world.aoba_entry, "question": "住民票の写しを取りたい", "count": 3},
        {"entry_id": other.id, "question": "同じ番号の別の回答", "count": 2},
    ]


def test_minutes_per_inquiry_comes_from_tenant_settings(platform: Platform, world: World) -> None:
    _seed_questions(platform, world)
    with platform.db.write() as db:
        tenant_service.update_settings(db, world.aoba_id, {kpi.MINUTES_SETTING: 12})
    with platform.db.read() as db:
        report = kpi.report(db, [world.aoba_id], PERIOD, with_themes=False)
    assert report.totals.minutes_saved == 24.0 and report.tenants[0].minutes_per_inquiry == 12.0
    assert kpi.minutes_per_inquiry({kpi.MINUTES_SETTING: "abc"}) == kpi.DEFAULT_MINUTES_PER_INQUIRY


def test_period_parsing_is_forgiving() -> None:
    assert kpi.Period.parse("2025-04-03", "2025-04-01") == kpi.Period(
        date(2025, 4, 1), date(2025, 4, 3)
    )
    fallback = kpi.Period.parse("yesterday", None)
    assert (fallback.end - fallback.start).days == 29


def test_prefecture_sees_its_members_totals(
    client: TestClient, platform: Platform, world: World
) -> None:
    _seed_questions(platform, world)
    login(client, "pref-admin")
    data = client.get("/console/t/pref/dashboard.json?from=2025-04-01&to=2025-04-03").json()
    assert data["totals"]["total"] == 8
    assert {t["slug"]: t["total"] for t in data["tenants"]} == {"pref": 0, "aoba": 6, "sakura": 2}
    own = client.get(
        "/console/t/pref/dashboard.json?from=2025-04-01&to=2025-04-03&members=0"
    ).json()
    assert own["totals"]["total"] == 0
    page = client.get("/console/t/pref/dashboard?from=2025-04-01&to=2025-04-03")
    assert 'data-kpi="total">8<' in page.text and "団体別" in page.text and "さくら町" in page.text


def test_dashboard_page_and_files(client: TestClient, platform: Platform, world: World) -> None:
    _seed_questions(platform, world)
    login(client, "aoba-editor")
    page = client.get("/console/t/aoba/dashboard?from=2025-04-01&to=2025-04-03")
    assert page.status_code == 200
    assert 'data-kpi="total">6<' in page.text and 'data-kpi="answered_rate">50.0%<' in page.text
    assert 'data-kpi="self_resolution_rate">50.0%<' in page.text and 'id="kpi-data"' in page.text
    assert 'data-kpi="resolved_vote_rate">66.7%<' in page.text
    assert "住民票の写しを取りたい" in page.text
    csv_text = client.get(
        "/console/t/aoba/dashboard.csv?from=2025-04-01&to=2025-04-03"
    ).content.decode("utf-8-sig")
    assert csv_text.splitlines()[0].startswith("団体,開始日,終了日,1件あたりの分数,質問数")
    assert (
        "あおば市,2025-04-01,2025-04-03,5.0,6,3,1,2,50.0,16.7,33.3,3,50.0,2,1,66.7,10.0,"
        in csv_text
    )
    assert "2025-04-01,3,3,0,0" in csv_text
    xlsx = client.get("/console/t/aoba/dashboard.xlsx?from=2025-04-01&to=2025-04-03&lang=en")
    book = load_workbook(io.BytesIO(xlsx.content))
    assert book.sheetnames == ["Summary", "Per day", "Top", "Channels"]
    summary = list(book["Summary"].iter_rows(values_only=True))
    assert summary[0][0] == "Tenant" and summary[1][0] == "Aoba City" and summary[1][4] == 6


def test_minutes_setting_needs_an_administrator(
    client: TestClient, platform: Platform, world: World
) -> None:
    token = login(client, "aoba-editor")
    assert (
        client.post(
            "/console/t/aoba/settings/kpi", data={"minutes": "8", "csrf_token": token}
        ).status_code
        == 403
    )
    client.cookies.clear()
    token = login(client, "pref-admin")
    assert (
        client.post(
            "/console/t/aoba/settings/kpi",
            data={"minutes": "8", "csrf_token": token},
            follow_redirects=False,
        ).status_code
        == 303
    )
    assert (
        client.post(
            "/console/t/aoba/settings/kpi", data={"minutes": "-3", "csrf_token": token}
        ).status_code
        == 422
    )
    with platform.db.read() as db:
        assert tenant_service.get_tenant(db, "aoba").settings[kpi.MINUTES_SETTING] == 8.0


def test_kpi_json_api_with_api_keys(app: object, platform: Platform, world: World) -> None:
    from jichitai_ai.services import auth

    _seed_questions(platform, world)
    with platform.db.write() as db:
        auditor = auth.create_api_key(db, "aoba-auditor")
        other = auth.create_api_key(db, "sakura-editor")
        admin = auth.create_api_key(db, "pref-admin")
    query = "?from=2025-04-01&to=2025-04-03"
    with TestClient(app) as api:  # type: ignore[arg-type]
        ok = api.get(
            "/api/v1/tenants/aoba/kpi" + query, headers={"Authorization": f"Bearer {auditor}"}
        )
        assert ok.status_code == 200 and ok.json()["totals"]["total"] == 6
        refused = api.get(
            "/api/v1/tenants/aoba/kpi" + query, headers={"Authorization": f"Bearer {other}"}
        )
        assert refused.status_code == 403
        assert api.get("/api/v1/tenants/aoba/kpi" + query).status_code == 401
        pref = api.get(
            "/api/v1/tenants/pref/kpi" + query, headers={"Authorization": f"Bearer {admin}"}
        )
        assert pref.json()["totals"]["total"] == 8
        own = api.get(
            "/api/v1/tenants/pref/kpi" + query + "&members=0",
            headers={"Authorization": f"Bearer {admin}"},
        )
        assert own.json()["totals"]["total"] == 0


def _fixed_log(platform: Platform, world: World) -> None:
    """80 questions: 29 answered, 16 clarified, 35 handed over; 4 votes (1 resolved, 3 not),
    the not-resolved votes all on answered questions → 自己解決件数 29 + 16 − 3 = 42."""
    rows = []
    for i in range(80):
        at = datetime(2025, 4, 1 + i % 3, 1, i % 60)
        if i < 29:
            rows.append(_log(world.aoba_id, at, "answer", False if i < 3 else None))
        elif i < 45:
            rows.append(_log(world.aoba_id, at, "clarify", True if i == 29 else None))
        else:
            rows.append(_log(world.aoba_id, at, "no_answer"))
    with platform.db.write() as db:
        db.add_all(rows)


def test_kpi_definitions_are_pinned_on_a_fixed_log(platform: Platform, world: World) -> None:
    """One definition each, rounded once: 29/80 = 36.25 % → 36.3 % (half up) everywhere."""
    _fixed_log(platform, world)
    with platform.db.read() as db:
        totals = kpi.report(db, [world.aoba_id], PERIOD, with_themes=False).totals
    assert (totals.total, totals.answered, totals.clarified, totals.handed_over) == (80, 29, 16, 35)
    assert totals.answered_rate == 36.3  # '%.1f' % 36.25 would print 36.2
    assert totals.clarified_rate == 20.0 and totals.handed_over_rate == 43.8
    assert totals.self_served == 42 and totals.self_resolution_rate == 52.5
    assert (totals.resolved, totals.not_resolved, totals.resolved_vote_rate) == (1, 3, 25.0)
    # 削減時間 from the one confirmed self-resolution (5 minutes), not the 42 self-served (210).
    assert totals.confirmed_resolved == 1
    assert totals.minutes_saved == 5.0 and totals.hours_saved == 0.1
    assert kpi.percent(1, 3) == 33.3 and kpi.percent(2, 3) == 66.7 and kpi.percent(0, 0) is None


def test_cards_json_csv_and_xlsx_show_the_same_figures(
    client: TestClient, platform: Platform, world: World
) -> None:
    _fixed_log(platform, world)
    login(client, "aoba-editor")
    query = "?from=2025-04-01&to=2025-04-03"
    page = client.get("/console/t/aoba/dashboard" + query).text
    data = client.get("/console/t/aoba/dashboard.json" + query).json()["totals"]
    csv_rows = [
        line.split(",")
        for line in client.get("/console/t/aoba/dashboard.csv" + query)
        .content.decode("utf-8-sig")
        .splitlines()
    ]
    header, values = csv_rows[0], csv_rows[1]
    book = load_workbook(io.BytesIO(client.get("/console/t/aoba/dashboard.xlsx" + query).content))
    xlsx = dict(zip(*list(book.worksheets[0].iter_rows(values_only=True))[:2], strict=True))
    for key in kpi.RATE_KEYS:
        label = t(f"console.kpi.col.{key}", "ja") + " (%)"
        card = re.search(rf'data-kpi="{key}">([^<]+)<', page)
        assert card is not None
        assert card.group(1) == data["display"][key] == f"{data[key]:.1f}%"
        assert float(values[header.index(label)]) == data[key] == xlsx[label]
    assert data["answered_rate"] == 36.3 and data["display"]["answered_rate"] == "36.3%"
    assert data["self_served"] == 42 and "自己解決 42 件 / 利用 80 件" in page
    assert "「解決した」1 票 / 「解決しなかった」3 票" in page
    minutes_label = t("console.kpi.col.minutes_saved", "ja")
    assert float(values[header.index(minutes_label)]) == data["minutes_saved"] == 5.0
    assert xlsx[minutes_label] == 5.0
    # The minutes are the card's figure; the hours go on the line below (one line each).
    assert 'data-kpi="minutes_saved">5.0 分</span>' in page
    assert "0.1 時間。確認済み自己解決 1 件から推計" in page


def test_a_zero_answered_rate_after_only_choices_says_where_they_count(
    client: TestClient, platform: Platform, world: World
) -> None:
    """nc9: only 更問 cards (one picked) → 回答率 stays 0.0 % by its definition (decision
    ``answer`` ÷ 利用件数, as in the exports), and the card says where the choices count."""
    with platform.db.write() as db:
        db.add_all(
            [
                _log(world.aoba_id, datetime(2025, 4, 1, 1, 0), "clarify", True),
                _log(world.aoba_id, datetime(2025, 4, 1, 2, 0), "clarify"),
            ]
        )
    login(client, "aoba-editor")
    query = "?from=2025-04-01&to=2025-04-03"
    page = client.get("/console/t/aoba/dashboard" + query).text
    data = client.get("/console/t/aoba/dashboard.json" + query).json()["totals"]
    assert data["answered_rate"] == 0.0 and data["clarified_rate"] == 100.0
    assert 'data-kpi="answered_rate">0.0%<' in page
    note = t("console.kpi.answered_zero_note", "ja", clarified=2)
    assert f'data-kpi="answered_note">{note}<' in page
    assert "住民がその一つを選んでも回答率ではなく選択肢提示率" in page  # 指標の定義
    # nc10: the per-channel table (and the per-tenant one) showed 回答率 0.0% without
    # 選択肢提示率 beside it; each row now has that column, the same figure as the export.
    row = page.split('<tr data-channel="api">', 1)[1].split("</tr>", 1)[0]
    assert '<td class="num" data-kpi="answered_rate">0.0%</td>' in row
    assert '<td class="num" data-kpi="clarified_rate">100.0%</td>' in row
    head = page.split('id="channel-table">', 1)[1].split("</thead>", 1)[0]
    assert t("console.kpi.col.clarified_rate", "ja") in head
    # Where something was answered, the card has no such note.
    _seed_questions(platform, world)
    assert 'data-kpi="answered_note"' not in client.get("/console/t/aoba/dashboard" + query).text
