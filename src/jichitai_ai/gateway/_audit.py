"""Append-only, hash-chained audit log (改ざん検知可能な監査ログ).

Each record's SHA-256 covers its content and the previous record's hash; the head
row holds the newest (seq, hash) so removing the newest records is detected as well.
Retention deletes from the oldest end only and appends a *checkpoint* that names
the last deleted record (anchor) and is HMAC-signed with the deployment secret,
so the shortened chain still verifies and a forged anchor does not.
Raw personal data never enters a record: only types, counts and catalogue keys.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Collection, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, cast

from sqlalchemy import CursorResult, Executable, delete, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from ._sealing import sign, signature_valid
from .tables import GatewayAudit, GatewayAuditHead

GENESIS = "0" * 64
_HEAD_ID = 1


@dataclass
class AuditEntry:
    """What a caller records; the chain fields are filled in by :func:`append`."""

    kind: str
    decision: str
    tenant_id: int | None = None
    tenant_slug: str = ""
    username: str = ""
    reason: str = ""
    backend: str = ""
    data_class: str = ""
    purpose: str = ""
    entity_counts: dict[str, int] = field(default_factory=dict)
    persons: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    details: dict[str, Any] = field(default_factory=dict)


_CONTENT = (
    "seq", "created_at", "tenant_id", "tenant_slug", "username", "kind", "decision", "reason",
    "backend", "data_class", "purpose", "entity_counts", "persons", "prompt_tokens",
    "completion_tokens", "details", "prev_hash",
)  # fmt: skip


def _canonical(row: GatewayAudit, *, with_signature: bool) -> bytes:
    data: dict[str, Any] = {name: getattr(row, name) for name in _CONTENT}
    data["created_at"] = row.created_at.isoformat()
    if with_signature:
        data["signature"] = row.signature
    return json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode()


def record_hash(row: GatewayAudit) -> str:
    return hashlib.sha256(_canonical(row, with_signature=True)).hexdigest()


def _head(session: Session) -> GatewayAuditHead:
    """The head row, locked for this transaction (SQLite: the write transaction is exclusive)."""
    head = session.get(GatewayAuditHead, _HEAD_ID, with_for_update=True)
    if head is None:
        try:
            with session.begin_nested():
                session.add(GatewayAuditHead(id=_HEAD_ID, seq=0, hash=GENESIS))
        except IntegrityError:
            pass  # another writer created it first
        head = session.get(GatewayAuditHead, _HEAD_ID, with_for_update=True, populate_existing=True)
        assert head is not None
    return head


def append(
    session: Session, entry: AuditEntry, *, secret: bytes | None = None, now: datetime | None = None
) -> int:
    """Add ``entry`` at the end of the chain; returns its sequence number (the audit id).

    With ``secret`` the record is signed (used for checkpoints).
    """
    from jichitai_ai.timeutil import utcnow

    head = _head(session)
    row = GatewayAudit(
        seq=head.seq + 1,
        created_at=(now or utcnow()).replace(microsecond=0),
        tenant_id=entry.tenant_id,
        tenant_slug=entry.tenant_slug,
        username=entry.username,
        kind=entry.kind,
        decision=entry.decision,
        reason=entry.reason,
        backend=entry.backend,
        data_class=entry.data_class,
        purpose=entry.purpose[:100],
        entity_counts=dict(entry.entity_counts),
        persons=entry.persons,
        prompt_tokens=entry.prompt_tokens,
        completion_tokens=entry.completion_tokens,
        details=dict(entry.details),
        prev_hash=head.hash,
        signature="",
    )
    if secret is not None:
        row.signature = sign(secret, _canonical(row, with_signature=False))
    row.hash = record_hash(row)
    session.add(row)
    head.seq, head.hash = row.seq, row.hash
    session.flush()
    return row.seq


@dataclass(frozen=True)
class VerifyReport:
    ok: bool
    checked: int
    first_broken: int | None = None
    problem: str = ""

    def as_dict(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "checked": self.checked,
            "first_broken": self.first_broken,
            "problem": self.problem,
        }


def _rows(session: Session) -> Iterator[GatewayAudit]:
    yield from session.execute(
        select(GatewayAudit).order_by(GatewayAudit.seq).execution_options(yield_per=1000)
    ).scalars()


def verify(session: Session, secret: bytes) -> VerifyReport:
    """Walk the chain from the oldest record; report the first record that does not fit."""
    anchors = {
        (row.details.get("anchor_seq"), row.details.get("anchor_hash")): row
        for row in session.execute(
            select(GatewayAudit).where(GatewayAudit.kind == "checkpoint")
        ).scalars()
    }
    checked = 0
    previous: GatewayAudit | None = None
    for row in _rows(session):
        if record_hash(row) != row.hash:
            return VerifyReport(False, checked, row.seq, "content does not match its hash")
        if row.kind == "checkpoint" and not signature_valid(
            secret, _canonical(row, with_signature=False), row.signature
        ):
            return VerifyReport(False, checked, row.seq, "checkpoint signature is not valid")
        if previous is None:
            if not (row.seq == 1 and row.prev_hash == GENESIS):
                checkpoint = anchors.get((row.seq - 1, row.prev_hash))
                if checkpoint is None:
                    return VerifyReport(
                        False, checked, row.seq, "oldest record has no signed checkpoint anchor"
                    )
        elif row.seq != previous.seq + 1 or row.prev_hash != previous.hash:
            return VerifyReport(False, checked, row.seq, "previous hash or sequence does not match")
        previous = row
        checked += 1
    head = session.get(GatewayAuditHead, _HEAD_ID)
    if previous is None:
        if head is not None and head.seq != 0:
            return VerifyReport(False, 0, head.seq, "records are missing")
        return VerifyReport(True, 0)
    if head is None or head.seq != previous.seq or head.hash != previous.hash:
        seq = previous.seq + 1 if head is None or head.seq > previous.seq else previous.seq
        return VerifyReport(False, checked, seq, "newest records are missing or the head differs")
    return VerifyReport(True, checked)


@dataclass(frozen=True)
class AuditLine:
    """One record as the console's 監査ログ shows it (never the text: it is not stored)."""

    seq: int
    created_at: datetime
    tenant_slug: str
    username: str
    kind: str
    decision: str
    reason: str
    backend: str
    data_class: str
    entity_counts: dict[str, int]
    persons: int = 0


def recent(session: Session, tenant_ids: Collection[int], limit: int = 100) -> list[AuditLine]:
    """The newest records of these tenants, newest first; records of other tenants (and the
    deployment-wide ones: retention, checkpoints) are never included."""
    if not tenant_ids:
        return []
    rows = session.execute(
        select(GatewayAudit)
        .where(GatewayAudit.tenant_id.in_(list(tenant_ids)))
        .order_by(GatewayAudit.seq.desc())
        .limit(limit)
    ).scalars()
    return [
        AuditLine(
            seq=r.seq,
            created_at=r.created_at,
            tenant_slug=r.tenant_slug,
            username=r.username,
            kind=r.kind,
            decision=r.decision,
            reason=r.reason,
            backend=r.backend,
            data_class=r.data_class,
            entity_counts={str(k): int(v) for k, v in (r.entity_counts or {}).items()},
            persons=r.persons,
        )
        for r in rows
    ]


def export_rows(session: Session) -> Iterator[dict[str, Any]]:
    """Every record as a JSON-friendly dict, oldest first (JSON Lines export)."""
    for row in _rows(session):
        data = {name: getattr(row, name) for name in _CONTENT}
        data["created_at"] = row.created_at.isoformat()
        data["signature"] = row.signature
        data["hash"] = row.hash
        yield data


def _count(session: Session, statement: Executable) -> int:
    """Run a DELETE and return how many rows it removed."""
    result = cast(CursorResult[Any], session.execute(statement))
    return int(result.rowcount)


def delete_before(
    session: Session, cutoff: datetime, secret: bytes, *, username: str = "retention"
) -> int:
    """Delete the expired oldest records and append a signed checkpoint; returns the count."""
    head = _head(session)
    first_kept = session.execute(
        select(func.min(GatewayAudit.seq)).where(GatewayAudit.created_at >= cutoff)
    ).scalar_one_or_none()
    last_deleted = head.seq if first_kept is None else first_kept - 1
    anchor = session.execute(
        select(GatewayAudit).where(GatewayAudit.seq == last_deleted)
    ).scalar_one_or_none()
    if anchor is None:
        return 0
    first = session.execute(select(func.min(GatewayAudit.seq))).scalar_one()
    count = _count(session, delete(GatewayAudit).where(GatewayAudit.seq <= last_deleted))
    append(
        session,
        AuditEntry(
            kind="checkpoint",
            decision="deleted",
            username=username,
            reason="gateway.retention.audit",
            details={
                "record_type": "audit",
                "deleted": count,
                "first_seq": first,
                "anchor_seq": last_deleted,
                "anchor_hash": anchor.hash,
                "cutoff": cutoff.isoformat(),
            },
        ),
        secret=secret,
    )
    return int(count)
