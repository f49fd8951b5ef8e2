"""Hostile webhook requests (red team hr5).

Found: a signature header with a non-ASCII byte made ``hmac.compare_digest`` raise TypeError (it
compares ``str`` only when both are ASCII): an unsigned request from anyone was a 500 instead of
the 401 every other wrong signature gets. And one resident's message with a control character
made the app-wide guard refuse the whole signed batch with 422 — every other resident's message
in it went unanswered (LINE does not send a refused batch again unless redelivery is on, and
then it is refused again). The webhook now takes the batch and leaves the control characters out
of the text; replays of a signed body are still answered once (the event id is recorded).
"""

from __future__ import annotations

import json

from sqlalchemy import select

from jichitai_ai.storage.tables import QuestionLog
from tests.channels.conftest import TENANT, Line


def test_a_non_ascii_signature_is_a_401_not_a_500(line: Line) -> None:
    body = json.dumps({"destination": "U" + "0" * 32, "events": []}).encode()
    for signature in (b"\xff" * 44, "署名".encode()):
        response = line.client.post(
            f"/line/{TENANT}/webhook",
            content=body,
            headers={b"Content-Type": b"application/json", b"X-Line-Signature": signature},
        )
        assert response.status_code == 401, response.status_code
        assert response.json()["error"] == "channels.line.bad_signature"


def test_a_replayed_body_is_answered_once_and_controls_stay_out_of_the_log(line: Line) -> None:
    event = line.text("U" + "1" * 32, '\x01=HYPERLINK("http://evil.example/","ごみの日")')
    assert line.post([event]).status_code == 200
    assert line.post([event]).status_code == 200  # the same signed body again
    with line.platform.db.read() as session:
        logged = session.execute(select(QuestionLog.question)).scalars().all()
    assert len(logged) == 1, logged
    assert not any(ord(ch) < 0x20 for ch in logged[0]), repr(logged[0])
