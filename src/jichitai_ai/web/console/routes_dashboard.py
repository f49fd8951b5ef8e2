"""KPI dashboard (効果検証): page, JSON, CSV and XLSX, and the minutes-per-inquiry setting."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from fastapi.responses import JSONResponse, Response
from starlette.datastructures import FormData

from jichitai_ai.services import kpi
from jichitai_ai.services import tenants as tenant_service
from jichitai_ai.services.auth import Action, Principal
from jichitai_ai.services.errors import Invalid
from jichitai_ai.services.platform import Platform
from jichitai_ai.services.tenants import TenantInfo
from jichitai_ai.web.console.context import TenantPage, csrf_form, form_text, tenant_page
from jichitai_ai.web.console.kpi_export import to_csv, to_xlsx
from jichitai_ai.web.console.rendering import download, redirect, render
from jichitai_ai.web.security import apply_page_headers

router = APIRouter(prefix="/console/t/{slug}", include_in_schema=False)


def build_report(
    platform: Platform, principal: Principal, tenant: TenantInfo, request: Request
) -> tuple[kpi.KpiReport, bool, bool]:
    """The report for ``?from=&to=``; a prefecture includes the members the caller may audit
    unless ``?members=0``. Returns the report, whether there are members, and whether they
    are included."""
    period = kpi.Period.parse(request.query_params.get("from"), request.query_params.get("to"))
    with platform.db.read() as db:
        members = [
            tid
            for tid in tenant_service.children_ids(db, tenant.id)
            if principal.can(db, tid, Action.AUDIT)
        ]
        include = bool(members) and request.query_params.get("members", "1") != "0"
        ids = [tenant.id, *(members if include else [])]
        result = kpi.report(db, ids, period, embedder=platform.answering.factory.embedder)
    return result, bool(members), include


def _report(request: Request, page: TenantPage) -> tuple[kpi.KpiReport, bool, bool]:
    assert page.c.principal is not None
    return build_report(page.c.platform, page.c.principal, page.tenant, request)


@router.get("/dashboard")
def dashboard(request: Request, page: TenantPage = Depends(tenant_page(Action.AUDIT))) -> Response:
    report, has_members, include = _report(request, page)
    return render(
        page.c,
        "console/dashboard.html",
        page=page,
        report=report,
        data=report.as_dict(),
        has_members=has_members,
        include_members=include,
        minutes=kpi.minutes_per_inquiry(page.tenant.settings),
        done=request.query_params.get("done", ""),
    )


@router.get("/dashboard.json")
def dashboard_json(
    request: Request, page: TenantPage = Depends(tenant_page(Action.AUDIT))
) -> Response:
    report, _, _ = _report(request, page)
    response = JSONResponse(report.as_dict())
    apply_page_headers(response)
    return response


def _file(page: TenantPage, report: kpi.KpiReport, fmt: str) -> Response:
    lang = page.c.lang
    name = f"{page.tenant.slug}-kpi-{report.period.start}-{report.period.end}.{fmt}"
    if fmt == "xlsx":
        data = to_xlsx(report, lang)
        media = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    else:
        data = to_csv(report, lang)
        media = "text/csv; charset=utf-8"
    return download(data, media, name)


@router.get("/dashboard.csv")
def dashboard_csv(
    request: Request, page: TenantPage = Depends(tenant_page(Action.AUDIT))
) -> Response:
    return _file(page, _report(request, page)[0], "csv")


@router.get("/dashboard.xlsx")
def dashboard_xlsx(
    request: Request, page: TenantPage = Depends(tenant_page(Action.AUDIT))
) -> Response:
    return _file(page, _report(request, page)[0], "xlsx")


@router.post("/settings/kpi")
def kpi_settings(
    page: TenantPage = Depends(tenant_page(Action.ADMINISTER)),
    data: FormData = Depends(csrf_form),
) -> Response:
    """An administrator sets the staff minutes one inquiry costs (for time saved)."""
    raw = form_text(data, "minutes").strip()
    try:
        minutes = float(raw)
    except ValueError as exc:
        raise Invalid("console.error.bad_minutes") from exc
    if not 0 <= minutes <= 600:
        raise Invalid("console.error.bad_minutes")
    with page.c.platform.db.write() as db:
        tenant_service.update_settings(db, page.tenant.id, {kpi.MINUTES_SETTING: minutes})
    return redirect(page.c, f"/console/t/{page.tenant.slug}/dashboard?done=settings")
