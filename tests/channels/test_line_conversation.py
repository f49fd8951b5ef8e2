"""A LINE conversation end to end: signed webhook → our app → the LINE stand-in over HTTP."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select

from jichitai_ai.channels.line import postback
from jichitai_ai.channels.tables import LineEvent
from jichitai_ai.domain.models import Decision, EmergencyContact
from jichitai_ai.services.answering import AskResult
from jichitai_ai.storage.tables import FeedbackEvent, QuestionLog
from tests.channels.conftest import Line
from tests.resident import helpers

USER = "U" + "1" * 32
OTHER = "U" + "2" * 32


def _quick(message: dict[str, Any]) -> list[dict[str, Any]]:
    return [item["action"] for item in message.get("quickReply", {}).get("items", [])]


def _questions(line: Line) -> list[QuestionLog]:
    with line.platform.db.read() as session:
        rows = list(session.execute(select(QuestionLog).order_by(QuestionLog.id)).scalars())
        session.expunge_all()
        return rows


def _flex_text(message: dict[str, Any]) -> str:
    """All text and button labels/URIs of a Flex message, flattened (for asserts)."""
    out: list[str] = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            for key in ("text", "label", "uri"):
                if isinstance(node.get(key), str):
                    out.append(node[key])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(message.get("contents"))
    return "\n".join(out)


def test_question_clarify_answer_feedback(line: Line) -> None:
    question = helpers.clarify(line.platform).question
    assert line.post([line.text(USER, question)]).status_code == 200
    first = line.standin.state.messages_to(USER)
    assert len(first) == 1 and first[0]["type"] == "text"
    choices = _quick(first[0])
    assert len(choices) >= 2 and all(c["type"] == "postback" for c in choices)
    asked = _questions(line)
    assert [q.channel for q in asked] == ["line"] and asked[0].decision == "clarify"

    pick = postback.decode(choices[1]["data"])
    assert pick["a"] == postback.CHOOSE and int(pick["q"]) == asked[0].id
    line.post([line.postback(USER, choices[1]["data"])])
    answer = line.standin.state.messages_to(USER)[1:]
    assert answer[0]["type"] == "flex" and answer[0]["contents"]["type"] == "bubble"
    assert choices[1]["displayText"] in _flex_text(answer[0])
    votes = _quick(answer[1])
    assert [postback.decode(v["data"])["k"] for v in votes] == ["resolved", "not_resolved"]

    line.post([line.postback(USER, votes[0]["data"])])
    thanks = line.standin.state.messages_to(USER)[-1]
    assert thanks["type"] == "text"
    with line.platform.db.read() as session:
        kinds = session.execute(select(FeedbackEvent.kind, FeedbackEvent.entry_id)).all()
        row = session.get(QuestionLog, asked[0].id)
        assert row is not None and row.resolved is True and row.chosen_entry_id == int(pick["e"])
    assert sorted(k for k, _ in kinds) == ["choice", "resolved"]
    assert {e for _, e in kinds} == {int(pick["e"])}


def test_answer_card_has_source_and_department_call_button(line: Line) -> None:
    probe = helpers.answer_with_source(line.platform)
    line.post([line.text(USER, probe.question)])
    card, vote = line.standin.state.messages_to(USER)
    entry = probe.result.answer.entry  # type: ignore[union-attr]
    flat = _flex_text(card)
    assert entry.source_url in flat
    assert entry.department is not None
    digits = "".join(ch for ch in entry.department.phone if ch.isdigit())
    assert f"tel:{digits}" in flat
    assert len(_quick(vote)) == 2


def test_not_resolved_gets_the_handover_card(line: Line) -> None:
    probe = helpers.answer_with_source(line.platform)
    line.post([line.text(USER, probe.question)])
    vote = line.standin.state.messages_to(USER)[1]
    line.post([line.postback(USER, _quick(vote)[1]["data"])])
    thanks, handover = line.standin.state.messages_to(USER)[2:]
    assert thanks["type"] == "text"
    assert handover["type"] == "flex"
    assert probe.result.answer is not None and probe.result.answer.entry.department is not None
    assert probe.result.answer.entry.department.name in _flex_text(handover)
    with line.platform.db.read() as session:
        assert session.execute(select(FeedbackEvent.kind)).scalars().all() == ["not_resolved"]

    # 他の候補を見る (as on the web): further candidates of the logged ranking, pickable.
    (more,) = _quick(handover)
    assert postback.decode(more["data"])["a"] == postback.MORE
    line.post([line.postback(USER, more["data"])])
    (offered,) = line.standin.state.messages_to(USER)[4:]
    picks = _quick(offered)
    answered = probe.result.answer.entry.id
    entries = [int(postback.decode(c["data"])["e"]) for c in picks]
    assert picks and answered not in entries and len(set(entries)) == len(entries)
    line.post([line.postback(USER, picks[0]["data"])])
    card, vote = line.standin.state.messages_to(USER)[5:]
    assert picks[0]["displayText"] in _flex_text(card)
    line.post([line.postback(USER, _quick(vote)[0]["data"])])
    with line.platform.db.read() as session:
        votes = session.execute(select(FeedbackEvent.kind, FeedbackEvent.entry_id)).all()
    assert sorted(votes) == sorted(
        [("not_resolved", answered), ("choice", entries[0]), ("resolved", entries[0])]
    )
    # Asking again offers the same entries (once per token), never a new search.
    line.post([line.postback(USER, more["data"])])
    again = line.standin.state.messages_to(USER)[-1]
    assert [int(postback.decode(c["data"])["e"]) for c in _quick(again)] == entries


def test_no_answer_hands_over_with_a_call_button(line: Line) -> None:
    question = helpers.no_answer(line.platform).question
    line.post([line.text(USER, question)])
    (card,) = line.standin.state.messages_to(USER)
    flat = _flex_text(card)
    assert "tel:0000001000" in flat  # the demo city's main number (no department fitted)
    assert _questions(line)[0].decision == "no_answer"
    (more,) = _quick(card)  # handed over: 他の候補を見る is offered
    assert postback.decode(more["data"])["a"] == postback.MORE


def test_emergency_card_comes_first(line: Line, monkeypatch: Any) -> None:
    """Issue 12 detects emergencies; here the answering result is built to contain one."""
    probe = helpers.answer_with_source(line.platform)
    real_ask = line.platform.answering.ask

    def ask(*args: Any, **kwargs: Any) -> AskResult:
        result = real_ask(*args, **kwargs)
        result.decision = Decision.EMERGENCY
        result.emergency = [
            EmergencyContact("火事・救急", "119", "24時間"),
            EmergencyContact("警察", "110"),
        ]
        return result

    monkeypatch.setattr(line.platform.answering, "ask", ask)
    line.post([line.text(USER, probe.question)])
    messages = line.standin.state.messages_to(USER)
    flat = _flex_text(messages[0])
    assert "tel:119" in flat and "tel:110" in flat
    assert messages[0]["contents"]["header"]["backgroundColor"] == "#B00020"
    # the answer still follows the emergency card
    assert probe.result.answer is not None
    assert probe.result.answer.entry.question in _flex_text(messages[1])


def test_emergency_without_answer_shows_only_the_numbers(line: Line, monkeypatch: Any) -> None:
    def ask(slug: str, text: str, **kwargs: Any) -> AskResult:
        return AskResult(
            question_id=0,
            decision=Decision.EMERGENCY,
            language="ja",
            emergency=[EmergencyContact("火事・救急", "119")],
        )

    monkeypatch.setattr(line.platform.answering, "ask", ask)
    line.post([line.text(USER, "家が燃えている")])
    (card,) = line.standin.state.messages_to(USER)
    assert "tel:119" in _flex_text(card)


def test_redelivery_is_not_answered_twice(line: Line) -> None:
    question = helpers.clarify(line.platform).question
    event = line.text(USER, question)
    line.post([event])
    again = {**event, "deliveryContext": {"isRedelivery": True}}
    assert line.post([again]).status_code == 200
    assert len(line.standin.state.deliveries()) == 1
    assert len(_questions(line)) == 1
    with line.platform.db.read() as session:
        assert session.execute(select(func.count()).select_from(LineEvent)).scalar() == 1


def test_failed_event_is_answered_on_redelivery(line: Line) -> None:
    """LINE keeps failing (5xx) past our retries: the event is marked failed, and LINE's
    redelivery (same webhookEventId, spent reply token) is answered by push."""
    state = line.standin.state
    state.failures["/v2/bot/message/reply"] = [500] * 4
    question = helpers.clarify(line.platform).question
    event = line.text(USER, question)
    line.post([event])
    assert state.deliveries() == []
    state.expired_tokens.add(event["replyToken"])
    line.post([{**event, "deliveryContext": {"isRedelivery": True}}])
    (push,) = state.deliveries()
    assert push.path == "/v2/bot/message/push" and push.body["to"] == USER
    assert push.headers["x-line-retry-key"]


def test_retries_429_and_5xx_then_succeeds(line: Line) -> None:
    state = line.standin.state
    state.failures["/v2/bot/message/reply"] = [429, 503]
    line.post([line.text(USER, helpers.clarify(line.platform).question)])
    replies = [c for c in state.calls if c.path == "/v2/bot/message/reply"]
    assert len(replies) == 3 and len(state.deliveries()) == 1


def test_bad_signature_is_rejected_before_anything_happens(line: Line) -> None:
    response = line.post([line.text(USER, "住民票")], secret="not-the-secret")
    assert response.status_code == 401
    assert line.standin.state.calls == [] and _questions(line) == []
    unsigned = line.client.post("/line/aoba-city/webhook", content=b'{"events":[]}')
    assert unsigned.status_code == 401


def test_body_altered_after_signing_is_rejected(line: Line) -> None:
    from jichitai_ai.channels.line.signature import sign

    from .conftest import SECRET

    body = b'{"events":[]}'
    response = line.client.post(
        "/line/aoba-city/webhook",
        content=body.replace(b"[]", b"[ ]"),
        headers={"X-Line-Signature": sign(SECRET, body)},
    )
    assert response.status_code == 401


def test_verify_button_empty_events_and_unknown_tenant(line: Line) -> None:
    assert line.post([]).status_code == 200
    assert line.post([], slug="sakura-town").status_code == 404  # LINE not set up there
    assert line.post([], slug="no-such-town").status_code == 404


def test_postback_for_someone_elses_question_does_nothing(line: Line) -> None:
    line.post([line.text(USER, helpers.clarify(line.platform).question)])
    choice = _quick(line.standin.state.messages_to(USER)[0])[0]["data"]
    line.post([line.postback(OTHER, choice)])
    (refusal,) = line.standin.state.messages_to(OTHER)
    assert refusal["type"] == "text" and "quickReply" not in refusal
    with line.platform.db.read() as session:
        assert session.execute(select(func.count()).select_from(FeedbackEvent)).scalar() == 0


def test_language_from_profile_and_switch_command(line: Line) -> None:
    line.standin.state.profiles[USER] = {"language": "en"}
    line.post([line.text(USER, helpers.no_answer(line.platform).question)])
    (card,) = line.standin.state.messages_to(USER)
    assert card["contents"]["header"]["contents"][0]["text"] == "Who can help you"
    assert _questions(line)[0].language == "en"

    line.post([line.text(USER, "言語")])
    menu = line.standin.state.messages_to(USER)[-1]
    options = {postback.decode(a["data"])["l"]: a for a in _quick(menu)}
    assert set(options) == {"ja", "ja-easy", "en", "zh-Hans", "zh-Hant", "ko"}
    line.post([line.postback(USER, options["ko"]["data"])])
    assert "한국어" in line.standin.state.messages_to(USER)[-1]["text"]
    line.post([line.text(USER, helpers.no_answer(line.platform).question)])
    card = line.standin.state.messages_to(USER)[-1]
    assert card["contents"]["header"]["contents"][0]["text"] == "담당 창구를 안내합니다"
    profile_calls = [c for c in line.standin.state.calls if c.path.startswith("/v2/bot/profile/")]
    assert len(profile_calls) == 1  # asked once, then remembered


def test_follow_event_greets_with_notice_and_language_menu(line: Line) -> None:
    line.post([line.event(USER, "follow")])
    welcome, menu = line.standin.state.messages_to(USER)
    assert "あおば市" in welcome["text"] and "119" in welcome["text"]
    assert len(_quick(menu)) == 6


def test_follow_greets_in_the_profile_language_with_the_tenant_name_for_it(line: Line) -> None:
    """The welcome names the city as the resident's language writes it (tenant setting
    ``names``: 아오바시), as the web page does, not "Aoba City"."""
    line.standin.state.profiles[USER] = {"language": "ko"}
    line.post([line.event(USER, "follow")])
    welcome, _menu = line.standin.state.messages_to(USER)
    assert "아오바시" in welcome["text"] and "Aoba City" not in welcome["text"]


def test_webhook_is_acknowledged_before_line_is_answered(line: Line) -> None:
    """Over a real server: the 200 reaches LINE while our reply is still waiting on LINE's API
    (the stand-in holds it), i.e. retrieval and sending happen after the acknowledgement."""
    import json as json_module
    import threading

    import httpx

    from jichitai_ai.channels.line.signature import sign
    from jichitai_ai.web.app import create_app
    from tests.browser import serve

    from .conftest import SECRET

    hold = threading.Event()
    line.standin.state.hold = hold
    question = helpers.clarify(line.platform).question
    body = json_module.dumps({"events": [line.text(USER, question)]}).encode()
    with serve(create_app(platform=line.platform)) as url:
        response = httpx.post(
            f"{url}/line/aoba-city/webhook",
            content=body,
            headers={"X-Line-Signature": sign(SECRET, body), "Content-Type": "application/json"},
            timeout=20,
        )
        assert response.status_code == 200
        assert line.standin.state.deliveries() == []  # acknowledged, answer not yet delivered
        hold.set()
        for _ in range(200):
            if line.standin.state.deliveries():
                break
            threading.Event().wait(0.05)
    assert len(line.standin.state.deliveries()) == 1


def test_event_lost_with_its_worker_is_retried_on_redelivery(line: Line) -> None:
    from datetime import timedelta

    from jichitai_ai.channels.line import events
    from jichitai_ai.services import tenants as tenant_service
    from jichitai_ai.timeutil import utcnow

    event = line.text(USER, "住民票")
    with line.platform.db.write() as session:
        tenant_id = tenant_service.get_tenant(session, "aoba-city").id
        session.add(
            LineEvent(
                tenant_id=tenant_id,
                event_id="lost",
                status=events.RECEIVED,
                received_at=utcnow() - timedelta(minutes=10),
            )
        )
        session.add(
            LineEvent(
                tenant_id=tenant_id, event_id="busy", status=events.RECEIVED, received_at=utcnow()
            )
        )
    fresh = events.claim(
        line.platform.db,
        tenant_id,
        [{**event, "webhookEventId": "lost"}, {**event, "webhookEventId": "busy"}],
    )
    assert [e["webhookEventId"] for e in fresh] == ["lost"]
