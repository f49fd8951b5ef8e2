"""Request and result value types of the gateway's public API."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class ChatMessage:
    """One chat message (OpenAI roles: system, developer, user, assistant, tool).

    ``name`` is the optional participant name (sent pseudonymised), ``tool_calls`` the
    assistant's earlier function calls (their arguments are masked like any text) and
    ``tool_call_id`` links a ``tool`` message to its call.
    """

    role: str
    content: str
    name: str = ""
    tool_calls: tuple[dict[str, Any], ...] = ()
    tool_call_id: str = ""


@dataclass(frozen=True)
class ChatRequest:
    """What a caller asks the gateway to send.

    ``tenant_id`` is the tenant's database id or its slug. ``data_class`` is the
    declared 自治体機密性 class (the stricter of it and the detected one applies).
    ``backend`` names a configured backend; ``None`` lets the policy choose.
    ``options`` are passed to the model (temperature, max_tokens …, whitelisted).
    ``review`` forces (True) a human review of the masking before sending.
    """

    tenant_id: int | str
    user: str
    messages: list[ChatMessage]
    data_class: str | None = None
    backend: str | None = None
    purpose: str = ""
    options: dict[str, Any] = field(default_factory=dict)
    review: bool = False


@dataclass(frozen=True)
class Usage:
    prompt_tokens: int = 0
    completion_tokens: int = 0

    @property
    def total_tokens(self) -> int:
        return self.prompt_tokens + self.completion_tokens


@dataclass(frozen=True)
class ChatResult:
    """The answer, restored for the requesting user, and what the gateway did."""

    content: str
    masked_messages: list[ChatMessage]
    backend: str
    data_class: str
    audit_id: int
    #: Masked entity types and counts, e.g. {"person": 2, "phone": 1}.
    entities: dict[str, int]
    model: str = ""
    usage: Usage = field(default_factory=Usage)
    finish_reason: str = "stop"
    #: The model's answer before restoring (placeholders intact).
    masked_content: str = ""
    persons: int = 0
    #: Function calls the model asked for (arguments restored for the user).
    tool_calls: tuple[dict[str, Any], ...] = ()


@dataclass(frozen=True)
class ChatChunk:
    """One piece of a streamed answer (already restored)."""

    content: str
    finish_reason: str | None = None
    #: Streamed function-call pieces (OpenAI ``delta.tool_calls``), arguments restored.
    tool_calls: tuple[dict[str, Any], ...] = ()
    usage: Usage | None = None
