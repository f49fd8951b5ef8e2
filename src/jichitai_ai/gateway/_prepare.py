"""Detect → classify → decide, shared by the direct, streaming, reviewed and moderation paths."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from jichitai_ai.config import ConfigError
from jichitai_ai.services import tenants as tenant_service
from jichitai_ai.services.errors import Invalid, ServiceError
from jichitai_ai.services.tenants import TenantInfo
from jichitai_ai.storage.tables import Tenant

from ._audit import AuditEntry
from ._config import GatewayConfig, TenantPolicy
from ._policy import Decision, decide
from ._privacy import (
    ConfidentialityClass,
    DataClassAssessment,
    Entity,
    MaskingSession,
    assess,
    detect,
    entity_counts,
    parse_class,
)
from ._types import ChatMessage, ChatRequest

ROLES = frozenset({"system", "user", "assistant", "developer"})


@dataclass
class Prepared:
    """A request after detection and the policy decision, before anything is sent."""

    request: ChatRequest
    tenant: TenantInfo
    policy: TenantPolicy
    entities: list[list[Entity]]
    assessment: DataClassAssessment
    declared: ConfidentialityClass | None
    decision: Decision

    def audit(self, kind: str, decision: str, **extra: Any) -> AuditEntry:
        """An audit entry with the request's who/what filled in (no text, only counts)."""
        details = {
            "declared_class": self.declared.value if self.declared else "",
            "detected_class": self.assessment.level.value,
            "messages": len(self.request.messages),
            "reasons": list(self.assessment.reasons),
        }
        details.update(extra.pop("details", {}))
        values: dict[str, Any] = {
            "tenant_id": self.tenant.id,
            "tenant_slug": self.tenant.slug,
            "username": self.request.user,
            "data_class": self.decision.data_class.value,
            "purpose": self.request.purpose,
            "backend": self.decision.backend.name
            if self.decision.backend
            else (self.request.backend or ""),
            "entity_counts": entity_counts(e for group in self.entities for e in group),
            "persons": self.assessment.persons,
            "details": details,
        }
        values.update(extra)
        return AuditEntry(kind=kind, decision=decision, **values)


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
        raise Invalid("gateway.invalid.no_messages")
    for message in messages:
        if message.role not in ROLES:
            raise Invalid("gateway.invalid.role", role=message.role)


def prepare(
    session: Session,
    config: GatewayConfig,
    request: ChatRequest,
    entities: list[list[Entity]] | None = None,
) -> Prepared:
    """Detect (unless a reviewer supplied the spans), assess and decide."""
    check_messages(request.messages)
    try:
        declared = parse_class(request.data_class)
    except ValueError as exc:
        raise Invalid("gateway.invalid.data_class", value=str(request.data_class)) from exc
    tenant = resolve_tenant(session, request.tenant_id)
    policy = tenant_policy(session, config, tenant)
    found = (
        entities
        if entities is not None
        else [detect(m.content, config.detector) for m in request.messages]
    )
    assessment = assess(e for group in found for e in group)
    decision = decide(assessment, declared, request.backend, config.backends, policy)
    return Prepared(request, tenant, policy, found, assessment, declared, decision)


def mask(prepared: Prepared) -> tuple[MaskingSession, list[ChatMessage], dict[str, int]]:
    """One vault for the whole conversation, so a person keeps one placeholder throughout."""
    vault = MaskingSession()
    masked: list[ChatMessage] = []
    replaced: list[Entity] = []
    for message, found in zip(prepared.request.messages, prepared.entities, strict=True):
        result = vault.mask(message.content, found, types=prepared.policy.mask_types)
        masked.append(ChatMessage(message.role, result.text))
        replaced.extend(e for e, _ in result.replacements)
    return vault, masked, entity_counts(replaced)
