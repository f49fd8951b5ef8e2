"""The OCR review queue (OCR確認): lines of scanned pages the machine read with low confidence,
each with its neighbours, for staff to correct or accept; the corrected text is indexed at once.

Viewing needs READ, correcting needs EDIT; a user sees lines of the collections their role may
search only.
"""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData

from jichitai_ai.documents import library
from jichitai_ai.documents.console.common import base_of, service_of, user_of, viewer_of
from jichitai_ai.services.auth import Action
from jichitai_ai.web.console.context import TenantPage, csrf_form, form_text, tenant_page
from jichitai_ai.web.console.rendering import redirect, render

router = APIRouter(prefix="/console/t/{slug}/documents", include_in_schema=False)

MAX_LINE = 2000


@router.get("/ocr")
def ocr_queue(request: Request, page: TenantPage = Depends(tenant_page(Action.READ))) -> Response:
    lines = service_of(page).ocr_queue(page.tenant.slug, viewer_of(page))
    done = request.query_params.get("done", "")
    return render(
        page.c,
        "documents_console/ocr.html",
        page=page,
        dbase=base_of(page),
        lines=lines,
        originals={
            line.id: library.original_link(
                page.tenant.slug, line.document_id, line.media_type, line.page
            )
            for line in lines
        },
        done=done if done in ("corrected", "accepted") else "",
    )


@router.post("/ocr/{line_id}")
async def review(
    line_id: int,
    page: TenantPage = Depends(tenant_page(Action.EDIT)),
    data: FormData = Depends(csrf_form),
) -> Response:
    accept = form_text(data, "action") == "accept"
    text = None if accept else form_text(data, "text").strip()[:MAX_LINE]
    service, viewer, user = service_of(page), viewer_of(page), user_of(page)

    def apply() -> None:
        service.review_ocr_line(page.tenant.slug, line_id, text or None, viewer, user=user)

    await run_in_threadpool(apply)  # re-chunking the document must not block the event loop
    done = "accepted" if accept or not text else "corrected"
    return redirect(page.c, f"{base_of(page)}/ocr?done={done}")
