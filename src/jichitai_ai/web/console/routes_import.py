"""FAQ import from a file (一括取込): all or nothing, with a row-by-row error table."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData, UploadFile

from jichitai_ai.approval import service as approval
from jichitai_ai.faqio import FaqFileError
from jichitai_ai.i18n import t
from jichitai_ai.services import importing
from jichitai_ai.services.auth import Action
from jichitai_ai.web.console.context import TenantPage, csrf_form, form_text, tenant_page
from jichitai_ai.web.console.rendering import render

router = APIRouter(prefix="/console/t/{slug}", include_in_schema=False)


@router.get("/faq/import")
def import_page(page: TenantPage = Depends(tenant_page(Action.EDIT))) -> Response:
    return render(
        page.c, "console/faq_import.html", page=page, mode="insert", can_publish=_can_publish(page)
    )


def _can_publish(page: TenantPage) -> bool:
    with page.c.platform.db.read() as db:
        return approval.may_publish_directly(db, page.tenant.id, can_approve=page.can_approve)


def _issues(items: list[dict[str, Any]], lang: str) -> list[dict[str, Any]]:
    """Rows for the error table: row number, column and the reason in the page language."""
    return [
        {
            "row": item.get("row") or "",
            "column": item.get("column") or "",
            "reason": (item.get("message") or {}).get(lang)
            or (item.get("message") or {}).get("ja", ""),
        }
        for item in items
    ]


@router.post("/faq/import")
async def import_file(
    page: TenantPage = Depends(tenant_page(Action.EDIT)), data: FormData = Depends(csrf_form)
) -> Response:
    upload = data.get("file")
    mode: importing.ImportMode = "upsert" if form_text(data, "mode") == "upsert" else "insert"
    lang = page.c.lang
    if not isinstance(upload, UploadFile) or not upload.filename:
        return render(
            page.c,
            "console/faq_import.html",
            status_code=422,
            page=page,
            mode=mode,
            file_error="console.import.no_file",
        )
    content = await upload.read()
    user = page.c.principal.username if page.c.principal else ""
    context: dict[str, Any] = {
        "page": page,
        "mode": mode,
        "filename": upload.filename,
        "can_publish": _can_publish(page),
    }
    filename = upload.filename

    publish = form_text(data, "publish") == "1"
    context["publish"] = publish

    def run() -> importing.ImportReport:
        return approval.staff_import(
            page.c.platform.db,
            page.tenant.id,
            content,
            filename,
            user=user,
            can_approve=page.can_approve,
            publish=publish,
            mode=mode,
            max_bytes=page.c.platform.settings.max_request_bytes,
        )

    try:
        # Parsing and storing a large file must not block the event loop.
        report = await run_in_threadpool(run)
    except importing.ImportRejected as exc:
        context["rejected"] = True
        context["errors"] = _issues(exc.report.errors, lang)
        context["warnings"] = _issues(exc.report.warnings, lang)
        return render(page.c, "console/faq_import.html", status_code=422, **context)
    except FaqFileError as exc:
        context["file_message"] = exc.message(lang)
        return render(page.c, "console/faq_import.html", status_code=422, **context)
    except importing.ImportFileInvalid as exc:
        # A broken or unreadable file (not a CSV / .xlsx, unknown encoding, too large): say so
        # on the import page, with the form, instead of a dead-end error page.
        context["file_message"] = t(exc.key, lang, **exc.params)
        return render(page.c, "console/faq_import.html", status_code=422, **context)
    context["report"] = report
    context["warnings"] = _issues(report.warnings, lang)
    return render(page.c, "console/faq_import.html", **context)
