"""安全なゲートウェイ — the safe gateway for generative AI.

Every call to a generative model goes through :class:`Gateway`: personal data is
detected and masked, the request's data class (自治体機密性) is checked against the
tenant's rules, optionally held for a human review, sent to an approved
OpenAI-compatible backend, the answer restored for the requesting user only, and
an audit record appended to a hash chain.

    gw = Gateway.from_platform(platform)
    result = gw.complete(ChatRequest(tenant_id="aoba-city", user="alice",
                                     messages=[ChatMessage("user", "…")]))
"""

from ._audit import VerifyReport
from ._config import BackendSpec, GatewayConfig, Retention, TenantPolicy
from ._errors import BackendFailed, BackendUnknown, HeldForReview, PolicyRefused
from ._service import ChatStream, Gateway
from ._types import ChatChunk, ChatMessage, ChatRequest, ChatResult, Usage

__all__ = [
    "BackendFailed",
    "BackendSpec",
    "BackendUnknown",
    "ChatChunk",
    "ChatMessage",
    "ChatRequest",
    "ChatResult",
    "ChatStream",
    "Gateway",
    "GatewayConfig",
    "HeldForReview",
    "PolicyRefused",
    "Retention",
    "TenantPolicy",
    "Usage",
    "VerifyReport",
]
