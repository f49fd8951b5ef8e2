"""Pages of the nursery allocation console: upload, run, review and download (利用調整).

Viewing needs the READ right in the tenant (auditors included); uploading, running and
discarding need EDIT (editors and admins). A run is only found through its own tenant.
"""

from __future__ import annotations

import time
from datetime import datetime
from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData, UploadFile

from jichitai_ai import hoiku
from jichitai_ai.hoiku.console import template_files, uploads, views
from jichitai_ai.hoiku.console.problems import UploadRejected
from jichitai_ai.hoiku.console.store import Run, RunStore
from jichitai_ai.services.auth import Action
from jichitai_ai.services.errors import NotFound, ServiceError
from jichitai_ai.timeutil import JST
from jichitai_ai.web.console.context import TenantPage, csrf_form, form_text, tenant_page
from jichitai_ai.web.console.rendering import redirect, render
from jichitai_ai.web.params import int_or, parse_int
from jichitai_ai.web.security import apply_page_headers

router = APIRouter(prefix="/console/t/{slug}/hoiku", include_in_schema=False)

#: ``auto`` is the default (stable whenever possible, else fewest blocking coalitions);
#: ``fast`` and ``exact`` are advanced options.
METHODS = ("auto", "fast", "exact")
ADVANCED_METHODS = ("fast", "exact")
#: Wall-clock safety net only: ``auto`` is budgeted in work units, so its result does not
#: depend on the limit unless a very slow machine reaches it — the same default as ``run``
#: (900 s per step), so the console never cuts a step the command line would finish.
TIME_LIMITS = (300, 900, 1800)
DEFAULT_TIME_LIMIT = 900
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class Busy(ServiceError):
    status = 503


def store_of(page: TenantPage) -> RunStore:
    store: RunStore = page.c.request.app.state.hoiku_runs
    return store


def _user(page: TenantPage) -> str:
    return page.c.principal.username if page.c.principal else ""


def _run(page: TenantPage, run_id: str) -> Run:
    run = store_of(page).get(page.tenant.id, run_id)
    if run is None:
        raise NotFound("hoiku_console.not_found")
    return run


def _jst(moment: float) -> str:
    return datetime.fromtimestamp(moment, JST).strftime("%Y-%m-%d %H:%M")


def _index(page: TenantPage, status_code: int = 200, **context: Any) -> Response:
    store = store_of(page)
    return render(
        page.c,
        "hoiku_console/index.html",
        status_code=status_code,
        page=page,
        runs=[
            {"run": r, "created": _jst(r.created_at), "expires": _jst(r.expires_at)}
            for r in store.list(page.tenant.id)
        ],
        retention_minutes=int(store.retention_seconds // 60),
        template_files=template_files.FILES,
        **context,
    )


@router.get("")
def index(request: Request, page: TenantPage = Depends(tenant_page(Action.READ))) -> Response:
    return _index(page, done=request.query_params.get("done", ""))


@router.post("")
async def upload(
    page: TenantPage = Depends(tenant_page(Action.EDIT)), data: FormData = Depends(csrf_form)
) -> Response:
    files: list[uploads.UploadedFile] = []
    for item in data.getlist("files"):
        if isinstance(item, UploadFile):
            files.append(uploads.UploadedFile(item.filename or "", await item.read()))
            await item.close()  # large parts are spooled to a temporary file: remove it now
    max_bytes = page.c.platform.settings.max_request_bytes
    try:
        # Parsing thousands of rows must not block the event loop.
        instance = await run_in_threadpool(uploads.load, files, max_bytes)
    except UploadRejected as exc:
        problems = [
            {"file": p.file, "row": p.row or "", "reason": p.message(page.c.lang)}
            for p in exc.problems
        ]
        return _index(page, status_code=422, problems=problems)
    run = await run_in_threadpool(store_of(page).add, page.tenant.id, _user(page), files, instance)
    return redirect(page.c, f"/console/t/{page.tenant.slug}/hoiku/runs/{run.id}")


def _attachment(body: bytes, media: str, name: str) -> Response:
    response = Response(
        body, media_type=media, headers={"Content-Disposition": f'attachment; filename="{name}"'}
    )
    apply_page_headers(response)
    return response


@router.get("/template.zip")
def template_zip(page: TenantPage = Depends(tenant_page(Action.READ))) -> Response:
    """All input templates with their example rows, ready to fill in and upload again."""
    return _attachment(template_files.template_zip(), "application/zip", "hoiku-templates.zip")


@router.get("/template/{name}")
def template_file(name: str, page: TenantPage = Depends(tenant_page(Action.READ))) -> Response:
    try:
        body = template_files.template_file(name)
    except KeyError as exc:
        raise NotFound("hoiku_console.not_found") from exc
    media = "text/csv; charset=utf-8" if name.endswith(".csv") else "text/plain; charset=utf-8"
    return _attachment(body, media, name)


@router.get("/runs/{run_id}")
def show(
    request: Request, run_id: str, page: TenantPage = Depends(tenant_page(Action.READ))
) -> Response:
    run = _run(page, run_id)
    lang = page.c.lang
    q = request.query_params
    context: dict[str, Any] = {
        "page": page,
        "run": run,
        "facts": views.instance_facts(run.instance),
        "advanced_methods": ADVANCED_METHODS,
        "time_limits": TIME_LIMITS,
        "default_time_limit": DEFAULT_TIME_LIMIT,
        "view": "facilities" if q.get("view") == "facilities" else "children",
        "done": q.get("done", ""),
        "expires": _jst(run.expires_at),
    }
    if run.allocation is not None:
        context["summary"] = views.summary_of(run, lang)
        status = q.get("status", "")
        status = status if status in views.STATUSES else ""
        raw_page = q.get("page", "1")
        context["query"] = q.get("q", "")[:100]
        context["status"] = status
        context["statuses"] = views.STATUSES
        context["children"] = views.search_children(
            views.outcomes_of(run, lang),
            context["query"],
            status,
            int_or(raw_page, 1, low=1),
        )
        if context["view"] == "facilities":
            tables = views.facility_tables(run, lang)
            ids = [f["id"] for f in tables["overview"]]
            chosen = q.get("facility", "")
            context["tables"] = tables
            context["facility"] = chosen if chosen in ids else (ids[0] if ids else "")
    return render(page.c, "hoiku_console/run.html", **context)


@router.post("/runs/{run_id}/run")
async def run_allocation(
    run_id: str,
    page: TenantPage = Depends(tenant_page(Action.EDIT)),
    data: FormData = Depends(csrf_form),
) -> Response:
    run = _run(page, run_id)
    method = form_text(data, "method")
    method = method if method in METHODS else "auto"
    raw_limit = form_text(data, "time_limit")
    limit = parse_int(raw_limit) or DEFAULT_TIME_LIMIT
    limit = limit if limit in TIME_LIMITS else DEFAULT_TIME_LIMIT
    store = store_of(page)
    if not store.slots.acquire(blocking=False):
        raise Busy("hoiku_console.busy")
    try:
        start = time.perf_counter()
        allocation = await run_in_threadpool(hoiku.run, run.instance, method, float(limit))
        wall = time.perf_counter() - start
    except hoiku.AllocationRefused as exc:  # never publish a result that breaks a hard constraint
        kinds = ", ".join(sorted({v.kind for v in exc.violations}))
        raise ServiceError("hoiku.err.refused", count=len(exc.violations), kinds=kinds) from exc
    finally:
        store.slots.release()
    await run_in_threadpool(store.set_allocation, run, allocation, wall, _user(page))
    return redirect(page.c, f"/console/t/{page.tenant.slug}/hoiku/runs/{run.id}?done=run")


@router.post("/runs/{run_id}/discard")
def discard(
    run_id: str,
    page: TenantPage = Depends(tenant_page(Action.EDIT)),
    _: FormData = Depends(csrf_form),
) -> Response:
    """Forget the upload and its result now (before the retention period ends)."""
    if not store_of(page).discard(page.tenant.id, run_id):
        raise NotFound("hoiku_console.not_found")
    return redirect(page.c, f"/console/t/{page.tenant.slug}/hoiku?done=discarded")


def _download(page: TenantPage, run: Run, kind: str, fmt: str) -> Response:
    alloc = run.allocation
    if alloc is None:
        raise NotFound("hoiku_console.no_result")
    lang = page.c.lang
    if fmt == "xlsx":
        body, media = hoiku.export_xlsx(alloc, lang), XLSX
    elif kind == "rosters":
        body, media = hoiku.export_rosters_csv(alloc, lang), "text/csv; charset=utf-8"
    elif kind == "waitlist":
        body, media = hoiku.export_waitlist_csv(alloc, lang), "text/csv; charset=utf-8"
    else:
        body, media = hoiku.export_csv(alloc, lang), "text/csv; charset=utf-8"
    return _attachment(body, media, f"{page.tenant.slug}-hoiku-{kind}-{run.id[:8]}.{fmt}")


@router.get("/runs/{run_id}/result.xlsx")
def result_xlsx(run_id: str, page: TenantPage = Depends(tenant_page(Action.READ))) -> Response:
    return _download(page, _run(page, run_id), "result", "xlsx")


@router.get("/runs/{run_id}/{kind}.csv")
def result_csv(
    run_id: str, kind: str, page: TenantPage = Depends(tenant_page(Action.READ))
) -> Response:
    if kind not in ("result", "rosters", "waitlist"):
        raise NotFound("hoiku_console.not_found")
    return _download(page, _run(page, run_id), kind, "csv")
