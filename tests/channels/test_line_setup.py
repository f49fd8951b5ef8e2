"""LINE set-up: sealed credentials, the console page, the CLI, the rich menu, card limits."""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any

import pytest
from argon2 import PasswordHasher
from fastapi.testclient import TestClient
from sqlalchemy import select
from typer.testing import CliRunner

from jichitai_ai.channels import credentials
from jichitai_ai.channels.line import cards, richmenu
from jichitai_ai.channels.line.client import LineClient, LineOptions
from jichitai_ai.channels.tables import ChannelCredential
from jichitai_ai.cli.main import app as cli_app
from jichitai_ai.domain.models import Decision, DepartmentContact, EmergencyContact, FaqEntry
from jichitai_ai.services import auth
from jichitai_ai.services import tenants as tenant_service
from jichitai_ai.services.answering import AskResult, LocalizedEntry
from jichitai_ai.services.platform import Platform
from jichitai_ai.web.app import create_app
from tests.channels import line_standin
from tests.channels.conftest import SECRET, TENANT, TOKEN, Line
from tests.console.helpers import csrf_of, login


def test_credentials_are_sealed_and_bound_to_their_row(line: Line) -> None:
    p = line.platform
    with p.db.read() as session:
        rows = session.execute(select(ChannelCredential)).scalars().all()
        assert {r.name for r in rows} == {"channel_secret", "access_token"}
        for row in rows:
            assert SECRET.encode() not in row.sealed and TOKEN.encode() not in row.sealed
        tenant = tenant_service.get_tenant(session, TENANT)
        assert credentials.load(session, p.settings, tenant.id, "line", "channel_secret") == SECRET
    # a sealed value copied to another tenant's row does not open there
    with p.db.write() as session:
        other = tenant_service.get_tenant(session, "sakura-town")
        secret_row = next(
            r
            for r in session.execute(select(ChannelCredential)).scalars()
            if r.name == "channel_secret"
        )
        session.add(
            ChannelCredential(
                tenant_id=other.id, channel="line", name="channel_secret", sealed=secret_row.sealed
            )
        )
    with p.db.read() as session, pytest.raises(credentials.CredentialUnreadable):
        credentials.load(session, p.settings, other.id, "line", "channel_secret")


def test_another_secret_key_cannot_read_them_and_the_webhook_says_so(line: Line) -> None:
    other = Platform(replace(line.platform.settings, secret_key="a-different-key"))
    try:
        with TestClient(create_app(platform=other)) as client:
            response = client.post(
                "/line/aoba-city/webhook",
                content=b'{"events":[]}',
                headers={"X-Line-Signature": "x"},
            )
        assert response.status_code == 503
        assert response.json()["error"] == "channels.line.unreadable"
    finally:
        other.close()


@pytest.mark.parametrize("value", ["", "   ", "has space", "x" * 1001, "tab\tinside"])
def test_bad_credentials_are_refused(line: Line, value: str) -> None:
    from jichitai_ai.services.errors import Invalid

    with line.platform.db.write() as session, pytest.raises(Invalid):
        credentials.store(session, line.platform.settings, 1, "line", "channel_secret", value)


def test_console_page_sets_credentials_for_administrators_only(
    line: Line, monkeypatch: Any
) -> None:
    monkeypatch.setattr(
        auth, "_hasher", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    )
    with line.platform.db.write() as session:
        auth.create_user(session, "t14-admin", "correct-horse-battery")
        auth.grant(session, "t14-admin", TENANT, auth.Role.ADMIN)
        auth.create_user(session, "t14-editor", "correct-horse-battery")
        auth.grant(session, "t14-editor", TENANT, auth.Role.EDITOR)
    client = line.client
    csrf = login(client, "t14-editor", "correct-horse-battery")
    page = client.get(f"/console/t/{TENANT}/channels")
    assert page.status_code == 200 and "/line/aoba-city/webhook" in page.text
    assert 'name="channel_secret"' not in page.text
    refused = client.post(
        f"/console/t/{TENANT}/channels/line",
        data={"csrf_token": csrf, "channel_secret": "new-secret"},
    )
    assert refused.status_code == 403

    client.cookies.clear()
    csrf = login(client, "t14-admin", "correct-horse-battery")
    page = client.get(f"/console/t/{TENANT}/channels")
    assert SECRET not in page.text and TOKEN not in page.text  # never shown again
    no_csrf = client.post(
        f"/console/t/{TENANT}/channels/line", data={"channel_secret": "new-secret"}
    )
    assert no_csrf.status_code == 403
    saved = client.post(
        f"/console/t/{TENANT}/channels/line",
        data={"csrf_token": csrf_of(page.text), "channel_secret": "new-secret", "access_token": ""},
        follow_redirects=False,
    )
    assert saved.status_code == 303
    with line.platform.db.read() as session:
        tenant = tenant_service.get_tenant(session, TENANT)
        assert (
            credentials.load(session, line.platform.settings, tenant.id, "line", "channel_secret")
            == "new-secret"
        )
        assert (
            credentials.load(session, line.platform.settings, tenant.id, "line", "access_token")
            == TOKEN
        )
    # the old secret no longer verifies webhooks
    assert line.post([]).status_code == 401
    assert line.post([], secret="new-secret").status_code == 200


def test_rich_menu_from_popular_questions_is_published(line: Line) -> None:
    with line.platform.db.read() as session:
        tenant = tenant_service.get_tenant(session, TENANT)
        menu = richmenu.definition(session, tenant)
    assert len(menu["areas"]) == 6 and menu["size"] == {"width": 2500, "height": 1686}
    for area in menu["areas"]:
        assert len(area["action"]["label"]) <= 20
        bounds = area["bounds"]
        assert bounds["x"] + bounds["width"] <= 2500 and bounds["y"] + bounds["height"] <= 1686
    client = LineClient(
        TOKEN, LineOptions(api_base_url=line.standin.url, data_base_url=line.standin.url)
    )
    image = richmenu.grid_png()
    assert image.startswith(b"\x89PNG") and len(image) < 1024 * 1024
    menu_id = richmenu.publish(client, menu, image)
    state = line.standin.state
    assert state.default_menu == menu_id and state.rich_menus[menu_id] == menu
    assert state.images[menu_id] == image


def test_popular_questions_lead_the_rich_menu(line: Line) -> None:
    from tests.resident import helpers

    probe = helpers.answer_with_source(line.platform)
    for _ in range(3):
        line.platform.answering.ask(TENANT, probe.question, channel="line")
    with line.platform.db.read() as session:
        tenant = tenant_service.get_tenant(session, TENANT)
        menu = richmenu.definition(session, tenant)
    assert probe.result.answer is not None
    assert menu["areas"][0]["action"]["text"] == probe.result.answer.entry.question


def test_cli_sets_credentials_and_publishes_the_menu(
    line: Line, monkeypatch: Any, tmp_path: Any
) -> None:
    monkeypatch.setenv("JICHITAI_DATABASE_URL", line.platform.settings.database_url)
    monkeypatch.setenv("JICHITAI_SECRET_KEY", line.platform.settings.secret_key)
    config = tmp_path / "jichitai.toml"
    config.write_text(
        f'[line]\napi_base_url = "{line.standin.url}"\ndata_base_url = "{line.standin.url}"\n',
        encoding="utf-8",
    )
    monkeypatch.setenv("JICHITAI_CONFIG", str(config))
    secret_file = tmp_path / "secret.txt"
    secret_file.write_text("cli-secret\n", encoding="utf-8")
    token_file = tmp_path / "token.txt"
    token_file.write_text(TOKEN, encoding="utf-8")
    runner = CliRunner()
    result = runner.invoke(
        cli_app,
        [
            "line",
            "set",
            "--tenant",
            TENANT,
            "--secret-file",
            str(secret_file),
            "--token-file",
            str(token_file),
        ],
    )
    assert result.exit_code == 0, result.output
    status = runner.invoke(cli_app, ["line", "status", "--tenant", TENANT])
    assert "cli-secret" not in status.output and "channel_secret" in status.output
    assert line.post([], secret="cli-secret").status_code == 200
    shown = runner.invoke(cli_app, ["line", "rich-menu", "--tenant", TENANT])
    assert len(json.loads(shown.output)["areas"]) == 6
    published = runner.invoke(cli_app, ["line", "rich-menu", "--tenant", TENANT, "--publish"])
    assert published.exit_code == 0, published.output
    assert line.standin.state.default_menu == published.output.strip()


def _entry(question: str, answer: str, **kw: Any) -> FaqEntry:
    return FaqEntry(question=question, answer=answer, id=7, **kw)


def test_cards_respect_line_limits_and_put_emergency_first() -> None:
    long_q = "とても長い質問" * 20
    result = AskResult(
        question_id=3,
        decision=Decision.EMERGENCY,
        language="en",
        answer=LocalizedEntry(
            entry=_entry(
                long_q,
                "答え" * 2000,
                source_url="javascript:alert(1)",
                department=DepartmentContact(name="市民課", phone="０１２３－４５－６７８９"),
            ),
            language="ja",
            translated=False,
        ),
        emergency=[EmergencyContact("Fire/Ambulance", "119")],
        feedback_token="tok",
    )
    messages = cards.answer_messages(result, "en")
    assert [m["type"] for m in messages] == ["flex", "flex", "text"]
    assert "tel:119" in json.dumps(messages[0])
    card = json.dumps(messages[1], ensure_ascii=False)
    assert "javascript:" not in card  # only web links become buttons
    assert "tel:0123456789" in card  # full-width digits folded
    assert "Japanese only" in card
    assert len(messages[1]["altText"]) <= 400
    for item in messages[2]["quickReply"]["items"]:
        assert len(item["action"]["label"]) <= 20 and "t=tok" in item["action"]["data"]


def test_clarify_quick_replies_carry_the_feedback_token() -> None:
    choices = [
        LocalizedEntry(
            entry=replace(_entry(f"質問{i}" * 9, "答え"), id=i), language="ja", translated=False
        )
        for i in range(1, 8)
    ]
    result = AskResult(
        question_id=9,
        decision=Decision.CLARIFY,
        language="ja",
        choices=choices,
        feedback_token="abc",
    )
    (message,) = cards.answer_messages(result, "ja")
    items = message["quickReply"]["items"]
    # Five choices, then 「他の候補を見る」 (as on the web page).
    assert len(items) == cards.MAX_CHOICES + 1
    assert items[-1]["action"]["data"] == "a=mo&q=9&t=abc"
    assert all(len(i["action"]["label"]) <= 20 and "t=abc" in i["action"]["data"] for i in items)


def test_standin_requires_the_bearer_token() -> None:
    server = line_standin.start(TOKEN)
    try:
        from jichitai_ai.channels.line.client import LineApiError

        client = LineClient("wrong", LineOptions(api_base_url=server.url, attempts=1))
        with pytest.raises(LineApiError) as info:
            client.push("U1", [{"type": "text", "text": "x"}])
        assert info.value.status == 401
    finally:
        server.stop()


@pytest.mark.parametrize(
    ("tag", "ours"),
    [
        ("ja", "ja"),
        ("en-US", "en"),
        ("zh-Hant-TW", "zh-Hant"),
        ("zh-TW", "zh-Hant"),
        ("zh-Hans-CN", "zh-Hans"),
        ("ko-KR", "ko"),
        ("th", "ja"),
        ("", "ja"),
        (None, "ja"),
    ],
)
def test_profile_language_tags(tag: str | None, ours: str) -> None:
    from jichitai_ai.channels.line.users import profile_language

    assert profile_language(tag) == ours


def test_another_authoritys_business_is_handed_to_it_on_every_channel() -> None:
    """運転免許 is not the city's business: LINE names the authority and its number, not the
    city's department; the phone line tells the number rather than transferring to it."""
    from jichitai_ai.channels.contacts import handover_of

    result = AskResult(
        question_id=3,
        decision=Decision.NO_ANSWER,
        language="en",
        contact=DepartmentContact("市民課", phone="0000-00-1101"),
        general_contact={"name": "Aoba City Hall", "phone": "0000-00-1000"},
        other_authority={"name": "Driver's License Center", "phone": "0000-11-2222", "note": ""},
    )
    handover = handover_of(result)
    assert handover is not None and handover.external and not handover.general
    assert (handover.name, handover.dial) == ("Driver's License Center", "0000112222")
    card = json.dumps(cards.answer_messages(result, "en"), ensure_ascii=False)
    assert "Driver's License Center" in card and "tel:0000112222" in card
    assert "市民課" not in card and "0000-00-1101" not in card
    # The phone line: no transfer to another authority's number (the city's trunk is for its
    # own departments); a department is dialled.
    from jichitai_ai.channels.phone.call import PhoneCall

    class Agi:
        def __init__(self) -> None:
            self.dialled: list[str] = []

        def exec(self, app: str, args: str) -> None:
            self.dialled.append(args)

    class Call(PhoneCall):
        def say(self, text: str, escape: str = "") -> str:
            return ""

    agi = Agi()
    call = Call.__new__(Call)
    call.agi, call.options = agi, type("O", (), {"dial": "PJSIP/{number}@trunk"})()  # type: ignore[assignment]
    call.transfer(handover, "")
    assert agi.dialled == []
    result.other_authority = None
    handover = handover_of(result)
    assert handover is not None and not handover.external and handover.name == "市民課"
    call.transfer(handover, "")
    assert agi.dialled == ["PJSIP/0000001101@trunk,60"]
