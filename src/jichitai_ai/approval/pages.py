"""Console pages of the approval flow: the queue (承認待ち一覧) and one change with its diff."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from starlette.datastructures import FormData

from jichitai_ai.approval import diff as approval_diff
from jichitai_ai.approval import service as approval
from jichitai_ai.services import faq as faq_service
from jichitai_ai.services.auth import Action
from jichitai_ai.services.errors import Forbidden, Invalid
from jichitai_ai.web.console import settings_record
from jichitai_ai.web.console.context import TenantPage, csrf_form, form_text, tenant_page
from jichitai_ai.web.console.rendering import redirect, render
from jichitai_ai.web.params import parse_int

router = APIRouter(prefix="/console/t/{slug}", include_in_schema=False)


def _user(page: TenantPage) -> str:
    return page.c.principal.username if page.c.principal else ""


@router.get("/approvals")
def approvals(request: Request, page: TenantPage = Depends(tenant_page(Action.READ))) -> Response:
    with page.c.platform.db.write() as db:
        # Opening the queue also publishes what was scheduled for today (besides the job).
        approval.publish_due(db)
    with page.c.platform.db.read() as db:
        changes = approval.list_changes(db, page.tenant.id)
        four_eyes = approval.four_eyes(db, page.tenant.id)
        entries = {
            c.entry_id: faq_service.get_entry(db, page.tenant.id, c.entry_id) for c in changes
        }
        record = settings_record.lines(
            db, page.tenant.id, (settings_record.FOUR_EYES,), page.c.lang
        )
    return render(
        page.c,
        "console/approvals.html",
        page=page,
        changes=changes,
        entries=entries,
        four_eyes=four_eyes,
        record_lines=record,
        user=_user(page),
        done=request.query_params.get("done", ""),
    )


@router.get("/approvals/{change_id}")
def change_page(
    request: Request, change_id: int, page: TenantPage = Depends(tenant_page(Action.READ))
) -> Response:
    with page.c.platform.db.read() as db:
        change = approval.get_change(db, page.tenant.id, change_id)
        entry = faq_service.get_entry(db, page.tenant.id, change.entry_id)
        four_eyes = approval.four_eyes(db, page.tenant.id)
        published = approval.published_versions(db, change)
    # A published change beside the version before it (what its approval changed); any other
    # beside what residents see now.
    before = published.before if published else faq_service.record_of(entry)
    rows = approval_diff.resident_diff(before, change.record)
    own = _user(page) in change.authors
    return render(
        page.c,
        "console/approval_change.html",
        page=page,
        change=change,
        entry=entry,
        rows=rows,
        published=published,
        may_approve=page.can_approve
        and change.state == approval.ChangeState.PENDING
        and not (four_eyes and own),
        own_blocked=four_eyes and own and page.can_approve,
        done=request.query_params.get("done", ""),
    )


@router.post("/approvals/{change_id}/{action}")
def change_action(
    change_id: int,
    action: str,
    page: TenantPage = Depends(tenant_page(Action.EDIT)),
    data: FormData = Depends(csrf_form),
) -> Response:
    """承認 / 差し戻し (approvers), 承認申請 / 取り下げ (editors)."""
    comment = form_text(data, "comment").strip()[:2000]
    user = _user(page)
    with page.c.platform.db.write() as db:
        if action in ("approve", "reject"):
            if not page.can_approve:
                raise Forbidden("error.forbidden")
            if action == "approve":
                approval.approve(
                    db,
                    page.tenant.id,
                    change_id,
                    user=user,
                    comment=comment,
                    expected_revision=parse_int(form_text(data, "revision")),
                )
            else:
                approval.reject(db, page.tenant.id, change_id, user=user, comment=comment)
        elif action == "submit":
            approval.submit(db, page.tenant.id, change_id, user=user)
        elif action == "withdraw":
            approval.withdraw(db, page.tenant.id, change_id, user=user)
        else:
            raise Invalid("error.validation")
    return redirect(page.c, f"/console/t/{page.tenant.slug}/approvals/{change_id}?done={action}")


@router.post("/approvals")
def approve_many(
    page: TenantPage = Depends(tenant_page(Action.APPROVE)), data: FormData = Depends(csrf_form)
) -> Response:
    """まとめて承認: the selected changes (e.g. after an import), each under the same rules."""
    # "id.revision" (the queue as shown) or "id" (older pages and scripts).
    picked = [v.split(".", 1) for v in data.getlist("change") if isinstance(v, str)]
    with page.c.platform.db.write() as db:
        for parts in picked:
            if not parts[0].isdigit():
                continue
            approval.approve(
                db,
                page.tenant.id,
                int(parts[0]),
                user=_user(page),
                expected_revision=parse_int(parts[1]) if len(parts) > 1 else None,
            )
    return redirect(page.c, f"/console/t/{page.tenant.slug}/approvals?done=approve")


@router.post("/settings/approval")
def approval_settings(
    page: TenantPage = Depends(tenant_page(Action.ADMINISTER)),
    data: FormData = Depends(csrf_form),
) -> Response:
    """An administrator turns the four-eyes rule (四つの目) on or off for the tenant."""
    with page.c.platform.db.write() as db:
        before = approval.four_eyes(db, page.tenant.id)
        after = form_text(data, "four_eyes") == "1"
        approval.set_four_eyes(db, page.tenant.id, after)
        settings_record.record(
            db, page.tenant.id, settings_record.FOUR_EYES, _user(page), [before], [after]
        )
    return redirect(page.c, f"/console/t/{page.tenant.slug}/approvals?done=settings")
