"""How the documents area reaches a generative model: through the safe gateway when it is
installed, else (explicitly configured) an OpenAI-compatible endpoint via a small adapter.

Configuration, ``[documents]`` table::

    generative = true            # off by default: answers are extractive
    backend = "gateway"          # or "openai" (adapter; e.g. an in-house vLLM / llama.cpp server)
    gateway_backend = ""         # optional named gateway backend
    url = "http://10.0.0.5:8080/v1" # adapter only
    model = "local-model"        # adapter only
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol

from jichitai_ai.config import Settings

Message = tuple[str, str]


class ChatBackend(Protocol):
    """Send chat messages, get the model's text. ``purpose`` is recorded by the gateway's audit."""

    def complete(
        self, messages: list[Message], *, tenant_id: int, user: str, purpose: str
    ) -> str: ...


@dataclass
class OpenAIChat:
    """POST {url}/v1/chat/completions; used when no gateway is installed (say so in the config)."""

    url: str
    model: str
    api_key: str = ""
    timeout: float = 60.0
    client: Any = None

    def complete(self, messages: list[Message], *, tenant_id: int, user: str, purpose: str) -> str:
        import httpx

        client = self.client or httpx.Client(timeout=self.timeout)
        headers = {"Authorization": f"Bearer {self.api_key}"} if self.api_key else {}
        endpoint = self.url.rstrip("/").removesuffix("/v1") + "/v1/chat/completions"
        body = {
            "model": self.model,
            "temperature": 0,
            "messages": [{"role": r, "content": c} for r, c in messages],
        }
        resp = client.post(endpoint, json=body, headers=headers)
        resp.raise_for_status()
        return str(resp.json()["choices"][0]["message"]["content"])


@dataclass
class GatewayChat:
    """Every call through :mod:`jichitai_ai.gateway` (masking, policy, audit)."""

    platform: Any
    backend: str | None = None

    def complete(self, messages: list[Message], *, tenant_id: int, user: str, purpose: str) -> str:
        from jichitai_ai.gateway import ChatMessage, ChatRequest, Gateway

        gateway = Gateway.from_platform(self.platform)
        result = gateway.complete(
            ChatRequest(
                tenant_id,
                user,
                messages=[ChatMessage(role, content) for role, content in messages],
                data_class=None,
                backend=self.backend,
                purpose=purpose,
            )
        )
        return str(result.content)


def backend_from_settings(settings: Settings, platform: Any = None) -> ChatBackend | None:
    """The configured backend, or None (extractive answers only)."""
    section = settings.section("documents")
    if not section.get("generative", False):
        return None
    kind = str(section.get("backend", "gateway"))
    if kind == "openai":
        return OpenAIChat(
            str(section["url"]), str(section.get("model", "")), str(section.get("api_key", ""))
        )
    return GatewayChat(platform, str(section.get("gateway_backend", "")) or None)


def gateway_refusal(exc: BaseException) -> str:
    """Why the model gave no answer: the gateway's refusal or review hold, else a backend error."""
    return {"PolicyRefused": "policy_refused", "HeldForReview": "held_for_review"}.get(
        type(exc).__name__, "backend_error"
    )
