"""OpenAI-compatible chat client (vLLM, llama.cpp server, Ollama, Azure OpenAI) over httpx.

The transport is pluggable (``httpx.BaseTransport``) so tests and demos can run
without a network; the ``echo`` backend kind is an in-process transport that
answers with the (masked) text it received — enough to demonstrate the gateway.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import httpx

from ._config import BackendSpec
from ._errors import BackendFailed
from ._types import Usage


@dataclass(frozen=True)
class Completion:
    content: str
    model: str
    usage: Usage
    finish_reason: str
    tool_calls: tuple[dict[str, Any], ...] = ()


@dataclass(frozen=True)
class Delta:
    """One streamed piece; ``usage`` only on the last chunk when the server sends it."""

    content: str
    finish_reason: str | None = None
    usage: Usage | None = None
    tool_calls: tuple[dict[str, Any], ...] = ()


def _url(backend: BackendSpec) -> str:
    if backend.kind == "azure":
        return f"{backend.endpoint}/openai/deployments/{backend.model}/chat/completions"
    if backend.kind == "echo":
        return "http://echo.invalid/v1/chat/completions"
    return f"{backend.endpoint}/chat/completions"


def _headers(backend: BackendSpec) -> dict[str, str]:
    key = backend.api_key()
    if not key:
        return {}
    if backend.kind == "azure":
        return {"api-key": key}
    return {"Authorization": f"Bearer {key}"}


def _params(backend: BackendSpec) -> dict[str, str]:
    return {"api-version": backend.api_version} if backend.kind == "azure" else {}


def _usage(data: Any) -> Usage | None:
    if not isinstance(data, dict):
        return None
    return Usage(int(data.get("prompt_tokens") or 0), int(data.get("completion_tokens") or 0))


def echo_handler(request: httpx.Request) -> httpx.Response:
    """Answer with the last user message, as an OpenAI server would shape it."""
    body = json.loads(request.content)
    last = next((m for m in reversed(body["messages"]) if m["role"] == "user"), {"content": ""})
    text = f"受け付けた内容: {last['content']}"
    created = int(time.time())
    if not body.get("stream"):
        payload = {
            "id": "echo",
            "object": "chat.completion",
            "created": created,
            "model": body.get("model", "echo"),
            "choices": [
                {
                    "index": 0,
                    "message": {"role": "assistant", "content": text},
                    "finish_reason": "stop",
                }
            ],
            "usage": {"prompt_tokens": len(last["content"]), "completion_tokens": len(text)},
        }
        return httpx.Response(200, json=payload)
    lines = []
    for start in range(0, len(text), 8):
        chunk = {"choices": [{"index": 0, "delta": {"content": text[start : start + 8]}}]}
        lines.append("data: " + json.dumps(chunk, ensure_ascii=False))
    lines.append(
        "data: " + json.dumps({"choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}]})
    )
    lines.append("data: [DONE]")
    return httpx.Response(
        200, text="\n\n".join(lines) + "\n\n", headers={"content-type": "text/event-stream"}
    )


class ChatClient:
    """Sends masked messages to backends. One per :class:`Gateway`; thread-safe (httpx)."""

    def __init__(self, transport: httpx.BaseTransport | None = None) -> None:
        self._client = httpx.Client(transport=transport, timeout=60.0)
        self._named: dict[str, httpx.Client] = {}
        self._lock = threading.Lock()

    def close(self) -> None:
        self._client.close()
        for client in self._named.values():
            client.close()

    def _http(self, backend: BackendSpec) -> httpx.Client:
        name = "echo" if backend.kind == "echo" else backend.transport
        if not name:
            return self._client
        with self._lock:
            if name not in self._named:
                self._named[name] = httpx.Client(transport=_named_transport(name, backend))
            return self._named[name]

    def _body(
        self,
        backend: BackendSpec,
        messages: list[dict[str, Any]],
        options: dict[str, Any],
        stream: bool,
    ) -> dict[str, Any]:
        body: dict[str, Any] = {**options, "messages": messages, "stream": stream}
        if backend.kind != "azure":
            body["model"] = backend.model
        if stream and backend.stream_usage:
            body["stream_options"] = {"include_usage": True}
        return body

    def body(
        self,
        backend: BackendSpec,
        messages: list[dict[str, Any]],
        options: dict[str, Any],
        stream: bool,
    ) -> dict[str, Any]:
        """The JSON body a backend receives (what ``gateway preview`` shows)."""
        return self._body(backend, messages, options, stream)

    def complete(
        self, backend: BackendSpec, messages: list[dict[str, Any]], options: dict[str, Any]
    ) -> Completion:
        try:
            response = self._http(backend).post(
                _url(backend),
                json=self._body(backend, messages, options, False),
                headers=_headers(backend),
                params=_params(backend),
                timeout=backend.timeout_seconds,
            )
        except httpx.HTTPError as exc:
            raise BackendFailed("gateway.backend.unreachable", backend=backend.name) from exc
        if response.status_code != 200:
            raise BackendFailed(
                "gateway.backend.status", backend=backend.name, status=response.status_code
            )
        try:
            data = response.json()
            choice = data["choices"][0]
            content = choice["message"].get("content") or ""
            calls = choice["message"].get("tool_calls") or []
            tool_calls = tuple(dict(c) for c in calls)
        except (ValueError, KeyError, IndexError, TypeError) as exc:
            raise BackendFailed("gateway.backend.malformed", backend=backend.name) from exc
        return Completion(
            content=str(content),
            model=str(data.get("model") or backend.model),
            usage=_usage(data.get("usage")) or Usage(),
            finish_reason=str(choice.get("finish_reason") or "stop"),
            tool_calls=tool_calls,
        )

    def stream(
        self, backend: BackendSpec, messages: list[dict[str, Any]], options: dict[str, Any]
    ) -> Iterator[Delta]:
        """Server-sent events: ``data: {json}`` lines until ``data: [DONE]``."""
        try:
            with self._http(backend).stream(
                "POST",
                _url(backend),
                json=self._body(backend, messages, options, True),
                headers=_headers(backend),
                params=_params(backend),
                timeout=backend.timeout_seconds,
            ) as response:
                if response.status_code != 200:
                    raise BackendFailed(
                        "gateway.backend.status", backend=backend.name, status=response.status_code
                    )
                for line in response.iter_lines():
                    if not line.startswith("data:"):
                        continue
                    payload = line[5:].strip()
                    if payload == "[DONE]":
                        return
                    delta = _parse_delta(payload, backend)
                    if delta is not None:
                        yield delta
        except httpx.HTTPError as exc:
            raise BackendFailed("gateway.backend.unreachable", backend=backend.name) from exc


def _parse_delta(payload: str, backend: BackendSpec) -> Delta | None:
    try:
        data = json.loads(payload)
    except ValueError as exc:
        raise BackendFailed("gateway.backend.malformed", backend=backend.name) from exc
    if not isinstance(data, dict):
        return None
    usage = _usage(data.get("usage"))
    choices = data.get("choices") or []
    if not choices:
        return Delta("", None, usage) if usage else None
    choice = choices[0]
    delta = choice.get("delta") or {}
    content = delta.get("content") or ""
    calls = delta.get("tool_calls") or []
    tool_calls = tuple(dict(c) for c in calls if isinstance(c, dict))
    return Delta(str(content), choice.get("finish_reason"), usage, tool_calls)


def _named_transport(name: str, backend: BackendSpec) -> httpx.BaseTransport:
    """A transport contributed by a plugin (``chat_transports`` hook), e.g. ``echo``."""
    from jichitai_ai.plugins import plugin_manager

    for transports in plugin_manager().hook.chat_transports():
        if transports and name in transports:
            transport: httpx.BaseTransport = transports[name]
            return transport
    raise BackendFailed("gateway.backend.no_transport", backend=backend.name, transport=name)
