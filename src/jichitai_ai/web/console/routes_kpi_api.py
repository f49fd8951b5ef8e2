"""KPI as JSON for API-key clients (BI tools, the prefecture's reporting): the same figures
as the dashboard, with the staff API's authentication (効果検証 API)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Query, Request

from jichitai_ai.services.auth import Action, Principal
from jichitai_ai.services.platform import Platform
from jichitai_ai.services.tenants import TenantInfo
from jichitai_ai.web.console.routes_dashboard import build_report
from jichitai_ai.web.deps import get_platform, require_principal, tenant_access

router = APIRouter(prefix="/api/v1/tenants/{slug}", tags=["staff"])


@router.get("/kpi")
def kpi_report(
    request: Request,
    tenant: TenantInfo = Depends(tenant_access(Action.AUDIT)),
    principal: Principal = Depends(require_principal),
    platform: Platform = Depends(get_platform),
    start: str | None = Query(default=None, alias="from", description="YYYY-MM-DD (JST)"),
    end: str | None = Query(default=None, alias="to", description="YYYY-MM-DD (JST)"),
    members: int = Query(default=1, ge=0, le=1, description="0: this tenant only"),
) -> dict[str, Any]:
    """Questions, outcome rates, self-resolution, time saved, top questions and themes.

    The query parameters are declared for the OpenAPI description and validation;
    :func:`build_report` reads them from the request, like the dashboard does."""
    report, _, _ = build_report(platform, principal, tenant, request)
    return report.as_dict()
