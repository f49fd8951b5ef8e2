"""Detect → classify → decide, shared by the direct, streaming, reviewed and moderation paths."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from jichitai_ai.config import ConfigError
from jichitai_ai.privacy._conversation import split_phones, spread_across_texts
from jichitai_ai.privacy._detector import NOT_PERSONAL
from jichitai_ai.services import tenants as tenant_service
from jichitai_ai.services.errors import Invalid, ServiceError
from jichitai_ai.services.tenants import TenantInfo
from jichitai_ai.storage.tables import Tenant

from ._allowlist import drop_allowed, tenant_terms
from ._audit import AuditEntry
from ._config import GatewayConfig, TenantPolicy
from ._errors import TooLarge
from ._fields import Slot, check_options, collect, invalid, transform
from ._policy import Decision, decide
from ._privacy import (
    ConfidentialityClass,
    DataClassAssessment,
    Entity,
    EntityType,
    MaskingSession,
    assess,
    detect,
    entity_counts,
    parse_class,
    resolve_overlaps,
    scan_encoded,
    scan_split_numbers,
)
from ._types import ChatMessage, ChatRequest

ROLES = frozenset({"system", "user", "assistant", "developer", "tool"})


@dataclass
class Prepared:
    """A request after detection and the policy decision, before anything is sent.

    ``entities`` are per message; ``slots`` are the other texts that reach the backend
    (stop, tools, response_format …) with ``slot_entities`` found in each.
    """

    request: ChatRequest
    tenant: TenantInfo
    policy: TenantPolicy
    entities: list[list[Entity]]
    assessment: DataClassAssessment
    declared: ConfidentialityClass | None
    decision: Decision
    slots: list[Slot] = field(default_factory=list)
    slot_entities: list[list[Entity]] = field(default_factory=list)

    def audit(self, kind: str, decision: str, **extra: Any) -> AuditEntry:
        """An audit entry with the request's who/what filled in (no text, only counts)."""
        details = {
            "declared_class": self.declared.value if self.declared else "",
            "detected_class": self.assessment.level.value,
            "messages": len(self.request.messages),
            "reasons": list(self.assessment.reasons),
        }
        details.update(extra.pop("details", {}))
        found = [e for group in (*self.entities, *self.slot_entities) for e in group]
        values: dict[str, Any] = {
            "tenant_id": self.tenant.id,
            "tenant_slug": self.tenant.slug,
            "username": self.request.user,
            "data_class": self.decision.data_class.value,
            "purpose": self.request.purpose,
            "backend": self.decision.backend.name
            if self.decision.backend
            else (self.request.backend or ""),
            "entity_counts": entity_counts(found),
            "persons": self.assessment.persons,
            "details": details,
        }
        values.update(extra)
        return AuditEntry(kind=kind, decision=decision, **values)


@dataclass(frozen=True)
class Masked:
    """What is sent: masked messages and options, the vault to restore the answer."""

    vault: MaskingSession
    messages: list[ChatMessage]
    counts: dict[str, int]
    options: dict[str, Any]


def resolve_tenant(session: Session, tenant: int | str) -> TenantInfo:
    if isinstance(tenant, int):
        return tenant_service.get_tenant_by_id(session, tenant)
    return tenant_service.get_tenant(session, tenant)


def tenant_policy(session: Session, config: GatewayConfig, tenant: TenantInfo) -> TenantPolicy:
    """Rules from the prefecture down to this tenant (TOML, then database settings)."""
    chain = list(reversed(tenant.chain))
    rows = {
        row.id: row for row in session.execute(select(Tenant).where(Tenant.id.in_(chain))).scalars()
    }
    slugs = [rows[i].slug for i in chain if i in rows]
    db_rules = []
    for i in chain:
        settings = rows[i].settings if i in rows else None
        rules = (settings or {}).get("gateway")
        if isinstance(rules, dict):
            db_rules.append(rules)
    try:
        return config.policy_for(slugs, db_rules)
    except ConfigError as exc:
        # A broken rule must stop requests (failing closed), with a message for the operator.
        raise ServiceError("gateway.invalid.tenant_rules", detail=str(exc)) from exc


def check_messages(messages: Sequence[ChatMessage]) -> None:
    if not messages:
        raise invalid("gateway.invalid.no_messages", "messages")
    for i, message in enumerate(messages):
        if message.role not in ROLES:
            raise invalid("gateway.invalid.role", f"messages[{i}].role", role=message.role)
        if message.role == "tool" and not message.tool_call_id:
            raise invalid("gateway.invalid.tool_call_id", f"messages[{i}].tool_call_id")


def check_size(config: GatewayConfig, request: ChatRequest, slots: Sequence[Slot]) -> None:
    """Limits keep detection cheap and bounded (HTTP 413 with the limit named)."""
    if len(request.messages) > config.max_messages:
        raise TooLarge(
            "gateway.invalid.too_many_messages", param="messages", limit=config.max_messages
        )
    total = 0
    for i, message in enumerate(request.messages):
        if len(message.content) > config.max_message_chars:
            raise TooLarge(
                "gateway.invalid.message_too_long",
                param=f"messages[{i}].content",
                limit=config.max_message_chars,
            )
        total += len(message.content)
    total += sum(len(slot.text) for slot in slots)
    if total > config.max_request_chars:
        raise TooLarge(
            "gateway.invalid.request_too_long", param="messages", limit=config.max_request_chars
        )


def _detect_all(
    config: GatewayConfig, texts: list[str], masked_types: frozenset[EntityType]
) -> list[list[Entity]]:
    """Per text: the detector, plus numbers split across texts and base64 blocks; then a
    name or number found in one text is masked in every other (privacy/_conversation.py)."""
    found = [detect(t, config.detector) for t in texts]
    split = [a + b for a, b in zip(scan_split_numbers(texts), split_phones(texts), strict=True)]

    def detector(text: str) -> list[Entity]:
        return detect(text, config.detector)

    groups = [
        resolve_overlaps([*own, *extra, *scan_encoded(text, detector, masked_types)])
        for text, own, extra in zip(texts, found, split, strict=True)
    ]
    return [resolve_overlaps(g) for g in spread_across_texts(texts, groups)]


def _only_personal_places(groups: list[list[Entity]]) -> list[list[Entity]]:
    """Place names are masked only when the request holds personal data they could help
    locate ("あおば市の子育て支援センターは？" stays readable); languages and countries
    (中国語, ベトナム出身) never are."""
    personal = any(
        e.type not in (EntityType.LOCATION, EntityType.SENSITIVE, EntityType.ID_NUMBER)
        for group in groups
        for e in group
    )
    return [
        [
            e
            for e in group
            if e.type is not EntityType.LOCATION or (personal and e.detail != NOT_PERSONAL)
        ]
        for group in groups
    ]


def prepare(
    session: Session,
    config: GatewayConfig,
    request: ChatRequest,
    entities: list[list[Entity]] | None = None,
) -> Prepared:
    """Detect (unless a reviewer supplied the spans), assess and decide."""
    check_messages(request.messages)
    check_options(request.options)
    slots = collect(request.options, [m.tool_calls for m in request.messages])
    check_size(config, request, slots)
    try:
        declared = parse_class(request.data_class)
    except ValueError as exc:
        raise Invalid("gateway.invalid.data_class", value=str(request.data_class)) from exc
    tenant = resolve_tenant(session, request.tenant_id)
    policy = tenant_policy(session, config, tenant)
    texts = [m.content for m in request.messages]
    all_found = _detect_all(config, texts + [s.text for s in slots], policy.mask_types)
    terms = tenant_terms(session, tenant, lambda text: detect(text, config.detector))
    all_found = _only_personal_places(drop_allowed(all_found, terms))
    found = entities if entities is not None else all_found[: len(texts)]
    slot_found = all_found[len(texts) :]
    for slot, group in zip(slots, slot_found, strict=True):
        if not slot.maskable and any(e.type in policy.mask_types for e in group):
            raise invalid("gateway.invalid.personal_in_field", slot.path)
    assessment = assess(e for group in (*found, *slot_found) for e in group)
    decision = decide(assessment, declared, request.backend, config.backends, policy)
    return Prepared(
        request, tenant, policy, found, assessment, declared, decision, slots, slot_found
    )


def mask(prepared: Prepared, vault: MaskingSession | None = None) -> Masked:
    """One vault for the whole conversation, so a person keeps one placeholder throughout;
    the same vault masks the options' texts. Participant names are replaced by neutral ones."""
    vault = vault if vault is not None else MaskingSession()
    for message in prepared.request.messages:
        # 【氏名1】 typed by the user is not ours: numbering goes past it, so a real name
        # never shares its placeholder and the answer never turns it into that name.
        vault.reserve_used(message.content)
    masked: list[ChatMessage] = []
    replaced: list[Entity] = []
    for message, found in zip(prepared.request.messages, prepared.entities, strict=True):
        result = vault.mask(message.content, found, types=prepared.policy.mask_types)
        masked.append(replace(message, content=result.text))
        replaced.extend(e for e, _ in result.replacements)
    pending = iter(zip(prepared.slots, prepared.slot_entities, strict=True))

    def visit(path: str, text: str, maskable: bool) -> str:
        if not text:
            return text
        _slot, group = next(pending)
        if not maskable:
            return text
        result = vault.mask(text, group, types=prepared.policy.mask_types)
        replaced.extend(e for e, _ in result.replacements)
        return result.text

    options, calls = transform(
        prepared.request.options, [m.tool_calls for m in prepared.request.messages], visit
    )
    names: dict[str, str] = {}
    for i, message in enumerate(masked):
        name = message.name
        if name:
            name = names.setdefault(name, f"participant{len(names) + 1}")
        masked[i] = replace(message, tool_calls=calls[i], name=name)
    return Masked(vault, masked, entity_counts(replaced), options)
