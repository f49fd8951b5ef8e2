"""Property: personal data in a request never reaches the model server.

Hypothesis writes inquiries with names (from lists), phone numbers, addresses,
e-mail addresses, birthdates and identifiers, and each one goes through the
service (complete and stream) and the exposed OpenAI-compatible endpoint. The
local test server records every body it receives; none may contain the data.
A request the policy refuses (マイナンバー) must not reach the server at all.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jichitai_ai.gateway import ChatMessage, ChatRequest, Gateway, PolicyRefused
from jichitai_ai.privacy.checksums import luhn_check_digit, my_number_check_digit
from jichitai_ai.privacy.synthetic import DOMAINS, FOREIGN_NAMES, GIVEN_NAMES, PLACES, SURNAMES

from .conftest import Staff, bearer
from .fake_llm import FakeLLM

WIDE = str.maketrans("0123456789-", "０１２３４５６７８９－")
digits = st.text(alphabet="0123456789", min_size=1, max_size=1)


def n_digits(n: int) -> st.SearchStrategy[str]:
    return st.text(alphabet="0123456789", min_size=n, max_size=n)


@st.composite
def maybe_wide(draw: st.DrawFn, value: str) -> str:
    return value.translate(WIDE) if draw(st.booleans()) else value


names = st.one_of(
    st.builds(
        lambda s, sep, g: s + sep + g,
        st.sampled_from(SURNAMES),
        st.sampled_from(["", " ", "　"]),
        st.sampled_from(GIVEN_NAMES),
    ),
    st.sampled_from(FOREIGN_NAMES),
)
phones = st.one_of(
    st.builds(lambda a, b: f"090-{a}-{b}", n_digits(4), n_digits(4)),
    st.builds(lambda a, b: f"03-{a}-{b}", n_digits(4), n_digits(4)),
    st.builds(lambda a, b: f"080{a}{b}", n_digits(4), n_digits(4)),
    st.builds(lambda a, b: f"0120-{a}-{b}", n_digits(3), n_digits(3)),
).flatmap(maybe_wide)
addresses = st.builds(
    lambda place, a, b, c: f"{place[0]}{place[1]}{place[2]}{a}丁目{b}番{c}号",
    st.sampled_from(PLACES),
    st.integers(1, 9),
    st.integers(1, 30),
    st.integers(1, 20),
)
emails = st.builds(
    lambda local, n, domain: f"{local}{n}@{domain}",
    st.sampled_from(["taro", "hanako.y", "k-suzuki", "m.tanaka"]),
    st.integers(1, 999),
    st.sampled_from(DOMAINS),
)
birthdates = st.builds(
    lambda y, m, d: f"{y}年{m}月{d}日",
    st.integers(1940, 2010),
    st.integers(1, 12),
    st.integers(1, 28),
)
cards = st.builds(
    lambda p: "-".join((p + str(luhn_check_digit(p)))[i : i + 4] for i in range(0, 16, 4)),
    st.builds(lambda head, rest: head + rest, st.sampled_from(["4", "5"]), n_digits(14)),
)
pensions = st.builds(lambda a, b: f"{a}-{b}", n_digits(4), n_digits(6))
accounts = n_digits(7)

# (template, slot kinds); every value appears after a cue a staff member would write.
TEMPLATES = [
    ("{0}様の住所は{1}です。電話番号は{2}です。", ("name", "address", "phone")),
    ("氏名：{0}\n生年月日：{1}\nメール：{2}", ("name", "birth", "email")),
    ("{0}さんから{1}に折り返しの依頼がありました。", ("name", "phone")),
    ("申請者 {0}（{1}生まれ）、連絡先 {2}", ("name", "birth", "email")),
    ("基礎年金番号{0}の{1}様から年金の相談です。", ("pension", "name")),
    ("還付金の振込先は普通預金 口座番号{0}、名義は{1}です。", ("account", "name")),
    ("クレジットカード{0}で納付したいと{1}様から電話がありました。", ("card", "name")),
    ("{0}在住の{1}さん（{2}）の件で案内文を作ってください。", ("address", "name", "phone")),
]
VALUES = {
    "name": names,
    "address": addresses,
    "phone": phones,
    "email": emails,
    "birth": birthdates,
    "pension": pensions,
    "account": accounts,
    "card": cards,
}


@st.composite
def inquiries(draw: st.DrawFn) -> tuple[str, list[str]]:
    template, kinds = draw(st.sampled_from(TEMPLATES))
    values = [draw(VALUES[kind]) for kind in kinds]
    return template.format(*values), values


def _squash(text: str) -> str:
    return re.sub(r"[\s　]", "", unicodedata.normalize("NFKC", text))


def _digits(text: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKC", text) if ch.isdigit())


def leaked(values: list[str], sent: str) -> list[str]:
    """Values found in what the server received: as written, without spaces, or as digits."""
    flat, sent_digits = _squash(sent), _digits(sent)
    found = []
    for value in values:
        number = _digits(value)
        if value in sent or _squash(value) in flat or (len(number) >= 6 and number in sent_digits):
            found.append(value)
    return found


def _settings(examples: int) -> Any:
    return settings(
        max_examples=examples,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
        derandomize=True,
    )


@_settings(50)
@given(inquiry=inquiries())
def test_no_personal_data_reaches_the_model(
    inquiry: tuple[str, list[str]], gateway: Gateway, client: TestClient, staff: Staff, llm: FakeLLM
) -> None:
    text, values = inquiry
    llm.reset()
    request = ChatRequest(staff.tenant_id, "alice", [ChatMessage("user", text)])
    result = gateway.complete(request)
    streamed = "".join(c.content for c in gateway.stream(request))
    r = client.post(
        "/v1/chat/completions",
        json={"model": "auto", "messages": [{"role": "user", "content": text}], "stream": False},
        headers=bearer(staff.keys["alice"]),
    )
    assert r.status_code == 200, r.text
    assert len(llm.received) == 3
    assert leaked(values, llm.raw_bodies()) == [], text
    # …and the requester still gets an answer with the originals back.
    for answer in (result.content, streamed, r.json()["choices"][0]["message"]["content"]):
        assert text in answer


@_settings(20)
@given(inquiry=inquiries(), body=n_digits(11), wide=st.booleans())
def test_my_number_requests_never_reach_the_model(
    inquiry: tuple[str, list[str]],
    body: str,
    wide: bool,
    gateway: Gateway,
    client: TestClient,
    staff: Staff,
    llm: FakeLLM,
) -> None:
    number = body + str(my_number_check_digit(body))
    if wide:
        number = number.translate(WIDE)
    text = inquiry[0] + f"マイナンバーは{number}です。"
    llm.reset()
    request = ChatRequest(staff.tenant_id, "alice", [ChatMessage("user", text)])
    for call in (gateway.complete, gateway.stream):
        try:
            call(request)
        except PolicyRefused as exc:
            assert exc.key == "gateway.refused.my_number"
        else:
            raise AssertionError("a マイナンバー request was accepted")
    r = client.post(
        "/v1/chat/completions",
        json={"messages": [{"role": "user", "content": text}], "stream": True},
        headers=bearer(staff.keys["alice"]),
    )
    assert r.status_code == 403
    assert llm.received == []
