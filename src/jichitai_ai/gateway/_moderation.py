"""Dify "API-based extension" moderation (point ``app.moderation.input`` / ``.output``).

Dify calls this before sending a user's input to its model and before showing the
model's output. Dify keeps no vault of ours, so personal data is *overridden*
(masked) rather than restored later; what the policy forbids (マイナンバー, too
many persons, a class the configured Dify model may not receive) is answered
directly with a preset response in Japanese and English.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from jichitai_ai.i18n import bilingual

from ._audit import append
from ._prepare import mask, prepare
from ._types import ChatMessage, ChatRequest

if TYPE_CHECKING:
    from ._service import Gateway


@dataclass(frozen=True)
class Moderation:
    flagged: bool
    action: str  # "direct_output" | "overridden" | ""
    preset_response: str = ""
    texts: dict[str, str] = field(default_factory=dict)
    audit_id: int = 0


def moderate(
    gateway: Gateway,
    tenant_id: int,
    user: str,
    texts: dict[str, str],
    *,
    point: str,
    data_class: str | None = None,
) -> Moderation:
    """Check and mask named texts (``query`` and each input field, or ``text`` for output)."""
    keys = [k for k, v in texts.items() if isinstance(v, str) and v]
    if not keys:
        return Moderation(False, "", texts=dict(texts))
    request = ChatRequest(
        tenant_id=tenant_id,
        user=user,
        messages=[ChatMessage("user", texts[k]) for k in keys],
        data_class=data_class,
        backend=gateway.config.dify_backend,
        purpose=f"dify.{point}"[:100],
    )
    with gateway.db.read() as session:
        prepared = prepare(session, gateway.config, request)
    decision = prepared.decision
    if decision.backend is None and decision.reason != "gateway.refused.no_backend":
        with gateway.db.write() as session:
            audit_id = append(
                session, prepared.audit("moderation", "refused", reason=decision.reason)
            )
        messages = bilingual(decision.reason, **decision.params)
        return Moderation(
            True, "direct_output", f"{messages['ja']}\n{messages['en']}", audit_id=audit_id
        )
    _, masked, counts = mask(prepared)
    out: dict[str, Any] = dict(texts)
    for key, message in zip(keys, masked, strict=True):
        out[key] = message.content
    flagged = bool(counts)
    with gateway.db.write() as session:
        audit_id = append(
            session,
            prepared.audit("moderation", "flagged" if flagged else "passed", entity_counts=counts),
        )
    return Moderation(flagged, "overridden" if flagged else "", texts=out, audit_id=audit_id)
