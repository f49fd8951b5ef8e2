"""An OpenAI chat request body → the gateway's :class:`ChatRequest` parts.

Shared by the OpenAI-compatible API and ``gateway preview`` (CLI and console), so the
preview goes through exactly the parsing a real request does. Unknown message fields are
refused here; unknown top-level fields go on as options and are refused by the field
allow-list (:mod:`._fields`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from jichitai_ai.services.errors import Invalid

from ._types import ChatMessage

_MESSAGE_FIELDS = frozenset({"role", "content", "name", "tool_calls", "tool_call_id"})
_BODY_FIELDS = frozenset({"model", "messages", "stream", "stream_options"})
AUTO_MODELS = frozenset({"", "auto", "jichitai-auto"})


@dataclass(frozen=True)
class ParsedBody:
    model: str
    messages: list[ChatMessage]
    stream: bool
    include_usage: bool
    options: dict[str, Any]


def _bad(key: str, param: str, **params: Any) -> Invalid:
    return Invalid(key, param=param, **params)


def _text(content: Any, where: str) -> str:
    """Plain text of a message; image or audio parts cannot be checked, so they are refused."""
    if content is None or isinstance(content, str):
        return content or ""
    if not isinstance(content, list):
        raise _bad("gateway.invalid.field_type", where, expected="string or array of text parts")
    parts = []
    for part in content:
        if not isinstance(part, dict) or part.get("type") != "text":
            raise Invalid("gateway.invalid.content", param=where)
        parts.append(str(part.get("text", "")))
    return "\n".join(parts)


def _message(raw: Any, index: int) -> ChatMessage:
    where = f"messages[{index}]"
    if not isinstance(raw, dict) or not isinstance(raw.get("role"), str):
        raise _bad("gateway.invalid.field_type", where, expected="object with a role")
    for key in raw:
        if key not in _MESSAGE_FIELDS:
            raise _bad("gateway.invalid.unknown_field", f"{where}.{key}")
    calls = raw.get("tool_calls") or []
    if not isinstance(calls, list) or not all(isinstance(c, dict) for c in calls):
        raise _bad("gateway.invalid.field_type", f"{where}.tool_calls", expected="array")
    for key in ("name", "tool_call_id"):
        if raw.get(key) is not None and not isinstance(raw[key], str):
            raise _bad("gateway.invalid.field_type", f"{where}.{key}", expected="string")
    return ChatMessage(
        raw["role"],
        _text(raw.get("content"), f"{where}.content"),
        raw.get("name") or "",
        tuple(calls),
        raw.get("tool_call_id") or "",
    )


#: NUL and the other C0 controls (tab and line breaks excepted), DEL, and unpaired surrogates
#: (\ud800 in JSON): no prompt needs them, PostgreSQL cannot store NUL, a surrogate cannot be
#: encoded for the backend, and a control character inside a name hides it from detection.
_BAD_TEXT = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")


def _check_text(value: Any, where: str) -> None:
    """Refuse a body holding a control character or an unpaired surrogate in any string
    (keys included), naming where it is."""
    if isinstance(value, str):
        if _BAD_TEXT.search(value):
            raise _bad("gateway.invalid.control_character", where)
    elif isinstance(value, dict):
        for key, item in value.items():
            _check_text(key, where or "body")
            _check_text(item, f"{where}.{key}" if where else str(key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            _check_text(item, f"{where}[{i}]")


def parse_chat_body(body: Any) -> ParsedBody:
    """(model, messages, stream, include_usage, options) of an OpenAI chat request body;
    options are everything else and are checked against the gateway's allow-list."""
    if not isinstance(body, dict):
        raise _bad("gateway.invalid.field_type", "body", expected="JSON object")
    _check_text(body, "")
    model = body.get("model", "")
    if not isinstance(model, str):
        raise _bad("gateway.invalid.field_type", "model", expected="string")
    raw_messages = body.get("messages")
    if not isinstance(raw_messages, list):
        raise _bad("gateway.invalid.field_type", "messages", expected="array")
    if not raw_messages:
        raise _bad("gateway.invalid.no_messages", "messages")
    stream = body.get("stream", False)
    if not isinstance(stream, bool) and stream is not None:
        raise _bad("gateway.invalid.field_type", "stream", expected="boolean")
    stream_options = body.get("stream_options") or {}
    if not isinstance(stream_options, dict) or set(stream_options) - {"include_usage"}:
        raise _bad("gateway.invalid.field_type", "stream_options", expected="{include_usage}")
    options = {k: v for k, v in body.items() if k not in _BODY_FIELDS}
    messages = [_message(m, i) for i, m in enumerate(raw_messages)]
    return ParsedBody(
        model, messages, bool(stream), bool(stream_options.get("include_usage")), options
    )
