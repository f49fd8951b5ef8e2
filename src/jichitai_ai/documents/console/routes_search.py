"""The search page: a question → the extractive answer (or 「資料からは分かりません」) with its
highlighted passages, further matching passages, and on request a generated answer with [n].

Searching needs the READ right (auditors included); what is searched follows the user's role
in the tenant (public, staff and the restricted collections open to that role).
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from starlette.datastructures import FormData

from jichitai_ai.documents.console import views
from jichitai_ai.documents.console.common import base_of, service_of, user_of, viewer_of
from jichitai_ai.documents.errors import NoBackend
from jichitai_ai.services.auth import Action
from jichitai_ai.web.console.context import TenantPage, csrf_form, form_text, tenant_page
from jichitai_ai.web.console.rendering import redirect, render

router = APIRouter(prefix="/console/t/{slug}/documents", include_in_schema=False)

MAX_QUERY = 1000
#: Passages listed under the answer.
RESULTS = 10


def _page(page: TenantPage, q: str, *, generative: bool) -> Response:
    service = service_of(page)
    context: dict[str, Any] = {
        "page": page,
        "q": q,
        "dbase": base_of(page),
        "can_generate": service.chat is not None,
    }
    viewer = viewer_of(page)
    # Nothing uploaded (or nothing this role may read): say so and point to the library,
    # rather than answering 「資料からは分かりません」 to every question.
    context["no_documents"] = not service.list_documents(page.tenant.slug, viewer)
    if q and not context["no_documents"]:
        answer = service.answer(
            page.tenant.slug, q, viewer, user=user_of(page), generative=generative
        )
        results = service.search(page.tenant.slug, q, viewer, k=RESULTS)
        numbers = {p.number for p in answer.passages}
        fallback = answer.fallback
        context.update(
            answer=answer,
            answer_segments=views.answer_segments(answer.text, numbers),
            supporting=views.supporting_views(answer),
            others=views.other_views(answer, results),
            fallback=fallback if fallback in views.FALLBACKS or not fallback else "other",
        )
    return render(page.c, "documents_console/search.html", **context)


@router.get("")
def search(request: Request, page: TenantPage = Depends(tenant_page(Action.READ))) -> Response:
    return _page(page, request.query_params.get("q", "").strip()[:MAX_QUERY], generative=False)


@router.post("/answer")
def generate(
    page: TenantPage = Depends(tenant_page(Action.READ)), data: FormData = Depends(csrf_form)
) -> Response:
    """Ask the configured model (through the gateway) for an answer citing the passages.

    A POST with the CSRF token: the call is recorded by the gateway under the user's name.
    """
    q = form_text(data, "q").strip()[:MAX_QUERY]
    if not q:
        return redirect(page.c, base_of(page))
    if service_of(page).chat is None:
        raise NoBackend("documents.no_backend")
    return _page(page, q, generative=True)
