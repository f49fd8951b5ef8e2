"""Fidelity with the official ``openai`` Python client: our app is served on a local port
and the client talks to it exactly as Dify, Open WebUI or a script would."""

from __future__ import annotations

import json
from collections.abc import Iterator

import openai
import pytest
from fastapi import FastAPI

from jichitai_ai.config import Settings
from jichitai_ai.gateway import Gateway
from jichitai_ai.services.platform import Platform
from jichitai_ai.web.errors import install_error_handlers

from ..browser import serve
from .conftest import Staff
from .fake_llm import FakeLLM

TEXT = "鈴木花子様（090-1234-5678）への回答案を作ってください。"


@pytest.fixture
def base_url(gw_settings: Settings, staff: Staff) -> Iterator[str]:
    from jichitai_ai.web.api.gateway import router, staff_router

    platform = Platform(gw_settings)
    app = FastAPI()
    app.state.platform = platform
    install_error_handlers(app)
    app.include_router(router)
    app.include_router(staff_router)
    try:
        with serve(app) as url:
            yield url
    finally:
        Gateway.from_platform(platform).close()
        platform.close()


def client(base_url: str, key: str) -> openai.OpenAI:
    return openai.OpenAI(base_url=f"{base_url}/v1", api_key=key, max_retries=0, timeout=30)


def test_non_streaming_and_models(base_url: str, staff: Staff, llm: FakeLLM) -> None:
    ai = client(base_url, staff.keys["alice"])
    answer = ai.chat.completions.create(
        model="auto", messages=[{"role": "user", "content": TEXT}], temperature=0.2
    )
    assert "鈴木花子" in (answer.choices[0].message.content or "")
    assert answer.usage is not None and answer.usage.total_tokens == 18
    assert "鈴木花子" not in llm.raw_bodies()
    names = [m.id for m in ai.models.list()]
    assert "auto" in names and "onprem" in names
    assert ai.models.retrieve("onprem").id == "onprem"
    with pytest.raises(openai.NotFoundError):
        ai.models.retrieve("gpt-unknown")


def test_streaming_with_role_and_usage(base_url: str, staff: Staff, llm: FakeLLM) -> None:
    ai = client(base_url, staff.keys["alice"])
    chunks = list(
        ai.chat.completions.create(
            model="auto",
            messages=[{"role": "user", "content": TEXT}],
            stream=True,
            stream_options={"include_usage": True},
        )
    )
    assert chunks[0].choices[0].delta.role == "assistant"
    text = "".join(c.choices[0].delta.content or "" for c in chunks if c.choices)
    assert "鈴木花子" in text and "090-1234-5678" in text and "【" not in text
    assert chunks[-1].choices == [] and chunks[-1].usage is not None
    assert chunks[-1].usage.completion_tokens == 9
    assert "鈴木花子" not in llm.raw_bodies()


def test_errors_are_readable_openai_errors(base_url: str, staff: Staff, llm: FakeLLM) -> None:
    with pytest.raises(openai.AuthenticationError) as auth:
        client(base_url, "jai_wrong").chat.completions.create(
            model="auto", messages=[{"role": "user", "content": "x"}]
        )
    ja, en = auth.value.message.split("\n")
    assert auth.value.status_code == 401 and ja and en.isascii()
    assert isinstance(auth.value.body, dict) and auth.value.body["type"] == "authentication_error"
    ai = client(base_url, staff.keys["alice"])
    with pytest.raises(openai.NotFoundError) as missing:
        ai.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": "x"}])
    assert missing.value.code == "gateway.invalid.model_unknown"
    with pytest.raises(openai.BadRequestError) as empty:
        ai.chat.completions.create(model="auto", messages=[])
    assert empty.value.param == "messages"
    with pytest.raises(openai.BadRequestError) as unknown:
        ai.chat.completions.create(
            model="auto",
            messages=[{"role": "user", "content": "x"}],
            extra_body={"api_base": "http://evil"},
        )
    assert unknown.value.param == "api_base" and "api_base" in unknown.value.message
    with pytest.raises(openai.PermissionDeniedError) as refused:
        ai.chat.completions.create(
            model="auto",
            messages=[{"role": "user", "content": "マイナンバー 1234 5678 9018 の件"}],
        )
    assert refused.value.code == "gateway.refused.my_number"
    assert "マイナンバー" in refused.value.message
    with pytest.raises(openai.APIStatusError) as large:
        ai.chat.completions.create(
            model="auto", messages=[{"role": "user", "content": "あ" * 30_000}]
        )
    assert large.value.status_code == 413
    assert llm.received == []


def test_mid_stream_error_is_raised_by_the_client(
    base_url: str, staff: Staff, llm: FakeLLM
) -> None:
    llm.fail_with = 503
    ai = client(base_url, staff.keys["alice"])
    stream = ai.chat.completions.create(
        model="auto", messages=[{"role": "user", "content": "こんにちは"}], stream=True
    )
    with pytest.raises(openai.APIError) as failed:
        list(stream)
    assert "503" in failed.value.message


def test_tools_round_trip(base_url: str, staff: Staff, llm: FakeLLM) -> None:
    ai = client(base_url, staff.keys["alice"])
    tools = [
        {
            "type": "function",
            "function": {
                "name": "draft_reply",
                "description": "鈴木花子様への返信を作る",
                "parameters": {"type": "object", "properties": {"text": {"type": "string"}}},
            },
        }
    ]
    answer = ai.chat.completions.create(
        model="auto", messages=[{"role": "user", "content": TEXT}], tools=tools, tool_choice="auto"
    )
    [call] = answer.choices[0].message.tool_calls or []
    assert call.function.name == "draft_reply"
    assert "鈴木花子" in json.loads(call.function.arguments)["text"]
    assert "鈴木花子" not in llm.raw_bodies()
    streamed = list(
        ai.chat.completions.create(
            model="auto", messages=[{"role": "user", "content": TEXT}], tools=tools, stream=True
        )
    )
    arguments = "".join(
        (tc.function.arguments or "")
        for c in streamed
        if c.choices
        for tc in (c.choices[0].delta.tool_calls or [])
        if tc.function
    )
    assert "鈴木花子" in json.loads(arguments)["text"]
    assert "鈴木花子" not in llm.raw_bodies()
