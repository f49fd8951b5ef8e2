"""Requests held for human review (確認待ち): a staff member checks the masking first.

The held request must be sent later, so its original text is kept — sealed
(encrypted and authenticated) with the deployment secret, bound to the review id,
and deleted by retention. After sending, the masked answer and the vault are sealed
in the same row so that only the requesting user can read the restored answer.
"""

from __future__ import annotations

import json
import secrets
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from jichitai_ai.services.errors import Conflict, Forbidden, Invalid, NotFound
from jichitai_ai.timeutil import utcnow

from ._audit import append
from ._errors import PolicyRefused
from ._prepare import Prepared, mask, prepare
from ._privacy import Entity, EntityType, MaskingSession, detect_message
from ._sealing import SealError, seal, unseal
from ._types import ChatMessage, ChatRequest, ChatResult
from .tables import GatewayReview

if TYPE_CHECKING:
    from ._service import Gateway


@dataclass(frozen=True)
class ReviewSummary:
    """What a list shows: no text, only who/when/class/counts."""

    id: str
    tenant_id: int
    username: str
    created_at: datetime
    status: str
    data_class: str
    backend: str
    purpose: str
    entity_counts: dict[str, int]
    decided_by: str
    audit_id: int

    def as_dict(self) -> dict[str, Any]:
        data = dict(self.__dict__)
        data["created_at"] = self.created_at.isoformat()
        return data


@dataclass(frozen=True)
class ReviewDetail:
    """For the reviewer: original messages, detected spans and the masked preview."""

    summary: ReviewSummary
    messages: list[ChatMessage]
    spans: list[list[dict[str, Any]]]
    masked: list[ChatMessage]

    def as_dict(self) -> dict[str, Any]:
        return {
            **self.summary.as_dict(),
            "messages": [{"role": m.role, "content": m.content} for m in self.messages],
            "spans": self.spans,
            "masked": [{"role": m.role, "content": m.content} for m in self.masked],
        }


def _summary(row: GatewayReview) -> ReviewSummary:
    return ReviewSummary(
        id=row.id,
        tenant_id=row.tenant_id,
        username=row.username,
        created_at=row.created_at,
        status=row.status,
        data_class=row.data_class,
        backend=row.backend,
        purpose=row.purpose,
        entity_counts=dict(row.entity_counts or {}),
        decided_by=row.decided_by,
        audit_id=row.audit_seq,
    )


def _seal(gateway: Gateway, review_id: str, payload: dict[str, Any]) -> bytes:
    data = json.dumps(payload, ensure_ascii=False).encode("utf-8")
    return seal(gateway.config.secret, data, review_id.encode())


def _unseal(gateway: Gateway, row: GatewayReview) -> dict[str, Any]:
    try:
        data = unseal(gateway.config.secret, row.sealed, row.id.encode())
    except SealError as exc:
        # The secret changed (or was never configured and the process restarted).
        raise Conflict("gateway.review.unreadable", review_id=row.id) from exc
    loaded: dict[str, Any] = json.loads(data)
    return loaded


def hold(gateway: Gateway, prepared: Prepared) -> tuple[str, int]:
    request = prepared.request
    review_id = secrets.token_hex(16)
    payload = {
        "messages": [
            {
                "role": m.role,
                "content": m.content,
                "name": m.name,
                "tool_calls": list(m.tool_calls),
                "tool_call_id": m.tool_call_id,
            }
            for m in request.messages
        ],
        "spans": [[e.to_dict() for e in group] for group in prepared.entities],
        "data_class": request.data_class,
        "backend": request.backend,
        "options": request.options,
    }
    audit = prepared.audit("request", "held", details={"review_id": review_id})
    with gateway.db.write() as session:
        audit_id = append(session, audit)
        session.add(
            GatewayReview(
                id=review_id,
                tenant_id=prepared.tenant.id,
                username=request.user,
                created_at=utcnow(),
                status="pending",
                data_class=prepared.decision.data_class.value,
                backend=prepared.decision.backend.name if prepared.decision.backend else "",
                purpose=request.purpose[:100],
                entity_counts=audit.entity_counts,
                sealed=_seal(gateway, review_id, payload),
                decided_by="",
                note="",
                audit_seq=audit_id,
            )
        )
    return review_id, audit_id


def _row(gateway: Gateway, review_id: str, tenant_ids: set[int] | None) -> GatewayReview:
    with gateway.db.read() as session:
        row = session.get(GatewayReview, review_id)
        if row is not None:
            session.expunge(row)  # keep its loaded values after the read session ends
    if row is None or (tenant_ids is not None and row.tenant_id not in tenant_ids):
        raise NotFound("gateway.review.unknown", review_id=review_id)
    return row


def pending(gateway: Gateway, tenant_id: int) -> list[ReviewSummary]:
    with gateway.db.read() as session:
        rows = session.execute(
            select(GatewayReview)
            .where(GatewayReview.tenant_id == tenant_id, GatewayReview.status == "pending")
            .order_by(GatewayReview.created_at)
        ).scalars()
        return [_summary(r) for r in rows]


def _request(row: GatewayReview, payload: dict[str, Any]) -> ChatRequest:
    return ChatRequest(
        tenant_id=row.tenant_id,
        user=row.username,
        messages=[
            ChatMessage(
                m["role"],
                m["content"],
                str(m.get("name") or ""),
                tuple(m.get("tool_calls") or ()),
                str(m.get("tool_call_id") or ""),
            )
            for m in payload["messages"]
        ],
        data_class=payload.get("data_class"),
        backend=payload.get("backend"),
        purpose=row.purpose,
        options=dict(payload.get("options") or {}),
    )


def _entities(messages: list[ChatMessage], spans: list[list[dict[str, Any]]]) -> list[list[Entity]]:
    if len(spans) != len(messages):
        raise Invalid("gateway.review.bad_spans")
    out: list[list[Entity]] = []
    for message, group in zip(messages, spans, strict=True):
        try:
            out.append(
                [
                    Entity.from_span(
                        message.content,
                        int(s["start"]),
                        int(s["end"]),
                        str(s["type"]),
                        source=str(s.get("source", "reviewer")),
                    )
                    for s in group
                ]
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise Invalid("gateway.review.bad_spans") from exc
    return out


def detail(gateway: Gateway, review_id: str, tenant_ids: set[int] | None) -> ReviewDetail:
    row = _row(gateway, review_id, tenant_ids)
    if row.status != "pending":
        return ReviewDetail(_summary(row), [], [], [])
    payload = _unseal(gateway, row)
    request = _request(row, payload)
    with gateway.db.read() as session:
        prepared = prepare(
            session, gateway.config, request, _entities(request.messages, payload["spans"])
        )
    masked = mask(prepared).messages
    return ReviewDetail(_summary(row), request.messages, payload["spans"], masked)


def _claim(gateway: Gateway, review_id: str, reviewer: str) -> GatewayReview:
    """Mark the review as being decided, so two reviewers cannot both send it."""
    with gateway.db.write() as session:
        row = session.get(GatewayReview, review_id, with_for_update=True)
        if row is None:
            raise NotFound("gateway.review.unknown", review_id=review_id)
        if row.status != "pending":
            raise Conflict("gateway.review.decided", review_id=review_id)
        if row.username == reviewer:
            raise Forbidden("gateway.review.own_request")
        row.status = "sending"
        row.decided_by = reviewer
        row.decided_at = utcnow()
    return row


def approve(
    gateway: Gateway, review_id: str, reviewer: str, spans: list[list[dict[str, Any]]] | None
) -> ReviewSummary:
    """Send with the reviewer's spans (or the detected ones when unchanged)."""
    row = _claim(gateway, review_id, reviewer)
    payload = _unseal(gateway, row)
    request = _request(row, payload)
    try:
        entities = _entities(request.messages, spans if spans is not None else payload["spans"])
    except Invalid:
        _set_status(gateway, review_id, "pending", decided_by="")
        raise
    # マイナンバー stays blocked even if a reviewer removes its mask.
    detected = _entities(request.messages, payload["spans"])
    for group, found in zip(entities, detected, strict=True):
        group.extend(e for e in found if e.type is EntityType.MY_NUMBER and e not in group)
    with gateway.db.read() as session:
        prepared = prepare(session, gateway.config, request, entities)
    details = {"review_id": review_id, "reviewer": reviewer, "edited": spans is not None}
    backend = prepared.decision.backend
    if backend is None:
        with gateway.db.write() as session:
            audit_id = append(
                session,
                prepared.audit(
                    "review", "refused", reason=prepared.decision.reason, details=details
                ),
            )
        _set_status(gateway, review_id, "refused", audit_id=audit_id)
        raise PolicyRefused(prepared.decision.reason, audit_id=audit_id, **prepared.decision.params)
    try:
        result = gateway.send(prepared, backend, details=details)
    except Exception:
        _set_status(gateway, review_id, "failed")
        raise
    vault = mask(prepared).vault
    sealed = _seal(
        gateway,
        review_id,
        {"answer": result.masked_content, "vault": vault.to_json(), "result": _result_meta(result)},
    )
    return _set_status(gateway, review_id, "sent", audit_id=result.audit_id, sealed=sealed)


def _result_meta(result: ChatResult) -> dict[str, Any]:
    return {
        "backend": result.backend,
        "data_class": result.data_class,
        "audit_id": result.audit_id,
        "entities": result.entities,
        "model": result.model,
        "masked_messages": [{"role": m.role, "content": m.content} for m in result.masked_messages],
    }


def _set_status(
    gateway: Gateway,
    review_id: str,
    status: str,
    *,
    audit_id: int | None = None,
    sealed: bytes | None = None,
    decided_by: str | None = None,
    note: str | None = None,
) -> ReviewSummary:
    with gateway.db.write() as session:
        row = session.get(GatewayReview, review_id)
        if row is None:
            raise NotFound("gateway.review.unknown", review_id=review_id)
        row.status = status
        if audit_id is not None:
            row.audit_seq = audit_id
        if sealed is not None:
            row.sealed = sealed
        if decided_by is not None:
            row.decided_by = decided_by
        if note is not None:
            row.note = note
        session.flush()
        return _summary(row)


def reject(gateway: Gateway, review_id: str, reviewer: str, note: str) -> ReviewSummary:
    row = _claim(gateway, review_id, reviewer)
    from ._audit import AuditEntry

    with gateway.db.write() as session:
        audit_id = append(
            session,
            AuditEntry(
                kind="review",
                decision="rejected",
                tenant_id=row.tenant_id,
                tenant_slug=_slug(gateway, row.tenant_id),
                username=reviewer,
                data_class=row.data_class,
                purpose=row.purpose,
                entity_counts=dict(row.entity_counts or {}),
                details={"review_id": review_id, "requested_by": row.username},
            ),
        )
    # The originals are no longer needed: drop them now rather than at retention time. The
    # reviewer's note is stored masked: it may quote what was dropped (「佐藤さんの住所が…」).
    empty = _seal(gateway, review_id, {})
    # detect_message: a 個人番号 split over lines (個人番号⏎8336⏎5164⏎6806) counts too, as in a
    # request and in the question log (rt5: the note was checked with detect alone).
    masked = MaskingSession().mask(note, detect_message(note)).text if note.strip() else note
    return _set_status(
        gateway, review_id, "rejected", audit_id=audit_id, sealed=empty, note=masked[:500]
    )


def _slug(gateway: Gateway, tenant_id: int) -> str:
    from jichitai_ai.services import tenants as tenant_service

    with gateway.db.read() as session:
        return tenant_service.get_tenant_by_id(session, tenant_id).slug


def result(gateway: Gateway, review_id: str, user: str) -> ChatResult:
    """The restored answer of a reviewed request — only for the user who asked."""
    row = _row(gateway, review_id, None)
    if row.username != user:
        raise Forbidden("gateway.review.not_yours")
    if row.status != "sent":
        raise Conflict("gateway.review.not_sent", review_id=review_id, status=row.status)
    payload = _unseal(gateway, row)
    vault = MaskingSession.from_json(payload["vault"])
    meta = payload["result"]
    return ChatResult(
        content=vault.restore(payload["answer"]),
        masked_messages=[ChatMessage(m["role"], m["content"]) for m in meta["masked_messages"]],
        backend=meta["backend"],
        data_class=meta["data_class"],
        audit_id=meta["audit_id"],
        entities=meta["entities"],
        model=meta["model"],
        masked_content=payload["answer"],
    )
