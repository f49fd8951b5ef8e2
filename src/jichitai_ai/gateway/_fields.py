"""Which request fields may reach a backend, and the text inside them.

Every OpenAI request field the gateway forwards is on an allow-list; anything else is
refused (400, naming the field) rather than dropped or forwarded unchecked. Text inside
forwarded fields — ``stop`` sequences, tool descriptions and JSON-schema texts,
``response_format`` schemas, ``metadata`` values, ``user``, earlier tool-call arguments —
is found by :func:`collect` as *slots*: maskable slots are masked like message text,
structural slots (function names, schema keywords, object keys) must be free of personal
data or the request is refused, because masking them would break the request.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from jichitai_ai.services.errors import Invalid

NUMBER_OPTIONS = frozenset(
    {
        "temperature",
        "top_p",
        "max_tokens",
        "max_completion_tokens",
        "seed",
        "presence_penalty",
        "frequency_penalty",
        "n",
        "top_logprobs",
    }
)
BOOL_OPTIONS = frozenset({"logprobs", "parallel_tool_calls"})
TEXT_OPTIONS = frozenset(
    {"stop", "user", "metadata", "tools", "tool_choice", "response_format", "logit_bias"}
)
#: Every option a caller may send besides model, messages and stream(_options).
ALLOWED_OPTIONS = NUMBER_OPTIONS | BOOL_OPTIONS | TEXT_OPTIONS
#: Keys whose string values are structure, not prose: never masked, must hold no personal data.
_STRUCTURAL_KEYS = frozenset(
    {
        "type",
        "name",
        "format",
        "$ref",
        "$schema",
        "$id",
        "required",
        "strict",
        "additionalProperties",
        "id",
        "tool_call_id",
    }
)


@dataclass(frozen=True)
class Slot:
    """One string of a forwarded field: ``path`` for error messages, ``maskable`` or
    structural."""

    path: str
    text: str
    maskable: bool


def invalid(key: str, param: str, **params: Any) -> Invalid:
    error = Invalid(key, param=param, **params)
    error.status = 400
    return error


def check_options(options: Mapping[str, Any]) -> None:
    """Refuse unknown options and wrongly typed values (OpenAI answers both with 400)."""
    for name, value in options.items():
        if name not in ALLOWED_OPTIONS:
            raise invalid("gateway.invalid.unknown_field", name)
        if value is None:
            continue
        if name in NUMBER_OPTIONS and (
            isinstance(value, bool) or not isinstance(value, int | float)
        ):
            raise invalid("gateway.invalid.field_type", name, expected="number")
        if name in BOOL_OPTIONS and not isinstance(value, bool):
            raise invalid("gateway.invalid.field_type", name, expected="boolean")
    stop = options.get("stop")
    if stop is not None and not (
        isinstance(stop, str)
        or (isinstance(stop, list) and len(stop) <= 4 and all(isinstance(s, str) for s in stop))
    ):
        raise invalid("gateway.invalid.field_type", "stop", expected="string or list of ≤ 4")
    for name in ("metadata", "response_format", "logit_bias"):
        if options.get(name) is not None and not isinstance(options[name], dict):
            raise invalid("gateway.invalid.field_type", name, expected="object")
    tools = options.get("tools")
    if tools is not None:
        if not isinstance(tools, list):
            raise invalid("gateway.invalid.field_type", "tools", expected="array")
        for i, tool in enumerate(tools):
            if not isinstance(tool, dict) or tool.get("type") != "function":
                raise invalid("gateway.invalid.tool", f"tools[{i}]")
            function = tool.get("function")
            if not isinstance(function, dict) or not isinstance(function.get("name"), str):
                raise invalid("gateway.invalid.tool", f"tools[{i}].function")
    choice = options.get("tool_choice")
    if choice is not None and not (
        choice in ("none", "auto", "required") or isinstance(choice, dict)
    ):
        raise invalid("gateway.invalid.field_type", "tool_choice", expected="none|auto|required")
    bias = options.get("logit_bias") or {}
    for token, weight in bias.items():
        if (
            not str(token).isdigit()
            or isinstance(weight, bool)
            or not isinstance(weight, int | float)
        ):
            raise invalid("gateway.invalid.field_type", "logit_bias", expected="token id → number")


def _walk(
    value: Any,
    path: str,
    key: str,
    visit: Callable[[str, str, bool], str],
    structural: frozenset[str] = _STRUCTURAL_KEYS,
) -> Any:
    """Rebuild ``value`` with every string passed through ``visit(path, text, maskable)``.

    ``structural`` keys hold schema words (a tool's ``name``) that must stay as they are."""
    if isinstance(value, str):
        return visit(path, value, key not in structural)
    if isinstance(value, dict):
        out: dict[str, Any] = {}
        for k, v in value.items():
            visit(f"{path}.{k}(key)", str(k), False)
            out[k] = _walk(v, f"{path}.{k}", str(k), visit, structural)
        return out
    if isinstance(value, list):
        return [_walk(v, f"{path}[{i}]", key, visit, structural) for i, v in enumerate(value)]
    return value


def _arguments(text: str, path: str, visit: Callable[[str, str, bool], str]) -> str:
    """Tool-call arguments are a JSON string: mask its values, keep it valid JSON. They are
    data, not a schema: ``{"name": "Liu Yang"}`` is a person's name, masked, not refused."""
    try:
        data = json.loads(text)
        if not isinstance(data, dict | list):
            return visit(path, text, True)
        return json.dumps(_walk(data, path, "", visit, frozenset()), ensure_ascii=False)
    except (ValueError, RecursionError):  # not JSON, or nested too deep to walk: masked as text
        return visit(path, text, True)


def transform(
    options: Mapping[str, Any],
    tool_calls: list[tuple[dict[str, Any], ...]],
    visit: Callable[[str, str, bool], str],
) -> tuple[dict[str, Any], list[tuple[dict[str, Any], ...]]]:
    """Options and each message's tool calls, rebuilt through ``visit`` (same order every time)."""
    out: dict[str, Any] = {}
    for name, value in options.items():
        if name in TEXT_OPTIONS and name != "logit_bias":
            out[name] = _walk(value, name, name, visit)
        else:
            out[name] = value
    calls_out: list[tuple[dict[str, Any], ...]] = []
    for m, calls in enumerate(tool_calls):
        rebuilt = []
        for c, call in enumerate(calls):
            path = f"messages[{m}].tool_calls[{c}]"
            function = dict(call.get("function") or {})
            visit(f"{path}.function.name", str(function.get("name", "")), False)
            if "arguments" in function:
                function["arguments"] = _arguments(
                    str(function["arguments"]), f"{path}.function.arguments", visit
                )
            rebuilt.append({**call, "function": function})
        calls_out.append(tuple(rebuilt))
    return out, calls_out


def collect(options: Mapping[str, Any], tool_calls: list[tuple[dict[str, Any], ...]]) -> list[Slot]:
    """Every string that would reach the backend outside message contents, in order."""
    slots: list[Slot] = []

    def visit(path: str, text: str, maskable: bool) -> str:
        if text:
            slots.append(Slot(path, text, maskable))
        return text

    transform(options, tool_calls, visit)
    return slots
