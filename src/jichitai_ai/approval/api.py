"""JSON API of the approval flow: the queue, one change with its diff, and the decisions."""

from __future__ import annotations

from typing import Any, Literal

from fastapi import APIRouter, Body, Depends

from jichitai_ai.approval import diff as approval_diff
from jichitai_ai.approval import service as approval
from jichitai_ai.services import faq as faq_service
from jichitai_ai.services.auth import Action, Principal
from jichitai_ai.services.errors import Forbidden, Invalid
from jichitai_ai.services.platform import Platform
from jichitai_ai.services.tenants import TenantInfo
from jichitai_ai.web.deps import get_platform, require_principal, tenant_access

router = APIRouter(prefix="/api/v1/tenants/{slug}", tags=["approval"])


@router.get("/changes")
def list_changes(
    tenant: TenantInfo = Depends(tenant_access(Action.READ)),
    platform: Platform = Depends(get_platform),
) -> list[dict[str, Any]]:
    """承認待ち一覧: drafts, changes waiting for approval and scheduled ones."""
    with platform.db.read() as session:
        return [c.as_dict() for c in approval.list_changes(session, tenant.id)]


@router.get("/changes/{change_id}")
def get_change(
    change_id: int,
    tenant: TenantInfo = Depends(tenant_access(Action.READ)),
    platform: Platform = Depends(get_platform),
) -> dict[str, Any]:
    """One change with what it changes for residents (``diff``: changed fields only)."""
    with platform.db.read() as session:
        change = approval.get_change(session, tenant.id, change_id)
        entry = faq_service.get_entry(session, tenant.id, change.entry_id)
        published = approval.published_versions(session, change)
    # A published change against the version before it, as the console shows it.
    before = published.before if published else faq_service.record_of(entry)
    rows = approval_diff.resident_diff(before, change.record)
    data = change.as_dict()
    data["diff"] = [
        {"field": r.field, "before": r.before, "after": r.after} for r in rows if r.changed
    ]
    return data


@router.post("/changes/{change_id}/{action}")
def decide(
    change_id: int,
    action: Literal["approve", "reject", "submit", "withdraw"],
    comment: str = Body("", embed=True, max_length=2000),
    change_token: str | None = Body(None, embed=True, max_length=40),
    tenant: TenantInfo = Depends(tenant_access(Action.EDIT)),
    principal: Principal = Depends(require_principal),
    platform: Platform = Depends(get_platform),
) -> dict[str, Any]:
    """承認 / 差し戻し need the approver role; the four-eyes rule applies as in the console.
    承認 needs the ``change_token`` the approver read (``GET …/changes/{id}``): a change revised
    since then is refused (409) instead of published unseen."""
    user = principal.username
    with platform.db.write() as session:
        if action in ("approve", "reject") and not principal.can(
            session, tenant.id, Action.APPROVE
        ):
            raise Forbidden("error.forbidden")
        if action == "approve":
            change = approval.approve(
                session,
                tenant.id,
                change_id,
                user=user,
                comment=comment,
                expected_revision=_revision_seen(change_id, change_token),
            )
        elif action == "reject":
            change = approval.reject(session, tenant.id, change_id, user=user, comment=comment)
        elif action == "submit":
            change = approval.submit(session, tenant.id, change_id, user=user)
        else:
            change = approval.withdraw(session, tenant.id, change_id, user=user)
    return change.as_dict()


def _revision_seen(change_id: int, token: str | None) -> int:
    """The revision in ``change_token`` ("<change id>.<revision>"); required to approve."""
    if not token:
        raise Invalid("approval.change_token_required", id=change_id)
    head, _, tail = token.partition(".")
    if head != str(change_id) or not (tail.isascii() and tail.isdigit()) or len(tail) > 9:
        raise Invalid("approval.change_token_invalid", token=token, id=change_id)
    return int(tail)
