"""Dify "API-based extension" moderation (point ``app.moderation.input`` / ``.output``).

Dify calls this before sending a user's input to its model and before showing the
model's output. Dify keeps no vault of ours, so personal data is *overridden*
(masked) rather than restored later. On input, what the policy forbids (マイナンバー, too
many persons, a class the configured Dify model may not receive) is answered directly
with a preset response in Japanese and English; on output nothing is refused — personal
data the model wrote is masked, and placeholders the input already used keep their
numbers (new ones continue after them), so 【氏名1】 never means two people — the numbers
are kept in the database (:mod:`._counters`), so this holds across workers.

Input values of any JSON type are scanned: numbers (a phone number typed into a number
field) and strings inside lists and objects, not only top-level strings.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from jichitai_ai.i18n import bilingual

from . import _counters
from ._audit import append
from ._prepare import mask, prepare
from ._privacy import MaskingSession
from ._types import ChatMessage, ChatRequest

if TYPE_CHECKING:
    from ._service import Gateway


@dataclass(frozen=True)
class Moderation:
    flagged: bool
    action: str  # "direct_output" | "overridden" | ""
    preset_response: str = ""
    texts: dict[str, Any] = field(default_factory=dict)
    audit_id: int = 0


def _leaves(value: Any, path: str, out: list[tuple[str, str]]) -> None:
    """Strings and numbers anywhere in ``value`` (booleans carry no personal data)."""
    if isinstance(value, bool) or value is None:
        return
    if isinstance(value, str):
        if value:
            out.append((path, value))
    elif isinstance(value, int | float):
        out.append((path, str(value)))
    elif isinstance(value, dict):
        for k, v in value.items():
            _leaves(v, f"{path}.{k}", out)
    elif isinstance(value, list):
        for i, v in enumerate(value):
            _leaves(v, f"{path}[{i}]", out)


def _rebuild(value: Any, path: str, masked: dict[str, str]) -> Any:
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, str | int | float):
        text = masked.get(path)
        if text is None or text == (value if isinstance(value, str) else str(value)):
            return value
        return text
    if isinstance(value, dict):
        return {k: _rebuild(v, f"{path}.{k}", masked) for k, v in value.items()}
    if isinstance(value, list):
        return [_rebuild(v, f"{path}[{i}]", masked) for i, v in enumerate(value)]
    return value


def moderate(
    gateway: Gateway,
    tenant_id: int,
    user: str,
    texts: dict[str, Any],
    *,
    point: str,
    data_class: str | None = None,
    app_id: str = "",
) -> Moderation:
    """Check and mask named values (``query`` and each input, or ``text`` for output)."""
    leaves: list[tuple[str, str]] = []
    for key, value in texts.items():
        _leaves(value, key, leaves)
    if not leaves:
        return Moderation(False, "", texts=dict(texts))
    output = point.endswith(".output")
    request = ChatRequest(
        tenant_id=tenant_id,
        user=user,
        messages=[ChatMessage("assistant" if output else "user", text) for _, text in leaves],
        data_class=data_class,
        backend=gateway.config.dify_backend,
        purpose=f"dify.{point}"[:100],
    )
    with gateway.db.read() as session:
        prepared = prepare(session, gateway.config, request)
    decision = prepared.decision
    refusal = decision.backend is None and decision.reason != "gateway.refused.no_backend"
    if refusal and not output:
        with gateway.db.write() as session:
            audit_id = append(
                session, prepared.audit("moderation", "refused", reason=decision.reason)
            )
        messages = bilingual(decision.reason, **decision.params)
        return Moderation(
            True, "direct_output", f"{messages['ja']}\n{messages['en']}", audit_id=audit_id
        )
    owner = (tenant_id, user[:100], app_id[:100])
    with gateway.db.write() as session:
        # Locked until stored: two workers moderating one conversation never reuse a number.
        vault = MaskingSession()
        for label, number in _counters.load(session, owner).items():
            vault.reserve(label, number)
        for _, text in leaves:
            vault.reserve_used(text)
        masked_request = mask(prepared, vault)
        _counters.store(session, owner, vault.counters())
    masked, counts = masked_request.messages, masked_request.counts
    by_path = {path: message.content for (path, _), message in zip(leaves, masked, strict=True)}
    out = {k: _rebuild(v, k, by_path) for k, v in texts.items()}
    flagged = bool(counts)
    with gateway.db.write() as session:
        audit_id = append(
            session,
            prepared.audit("moderation", "flagged" if flagged else "passed", entity_counts=counts),
        )
    return Moderation(flagged, "overridden" if flagged else "", texts=out, audit_id=audit_id)
