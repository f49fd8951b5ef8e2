"""Documents JSON API: staff search/answers by role and collection; residents public collections only.

Sources open at the passage: the stored original (PDF with ``#page=N``) or an HTML rendering with
an anchor per chunk. Originals are served sandboxed so an ingested HTML file cannot run scripts.
"""

from __future__ import annotations

import html
from typing import Any, Literal

from fastapi import APIRouter, Depends, File, Form, Query, UploadFile
from fastapi.responses import HTMLResponse, Response
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

from jichitai_ai.documents import Viewer, documents_for, library
from jichitai_ai.documents.service import DocumentService
from jichitai_ai.services.auth import Action, Principal
from jichitai_ai.services.platform import Platform
from jichitai_ai.services.tenants import TenantInfo
from jichitai_ai.web.deps import get_platform, public_tenant, require_principal, tenant_access
from jichitai_ai.web.params import DbId

router = APIRouter(prefix="/api/v1/tenants/{slug}/documents", tags=["documents"])
public_router = APIRouter(prefix="/api/v1/tenants/{slug}/public/documents", tags=["residents"])

ModeParam = Literal["lexical", "dense", "hybrid"]
_SANDBOX = {
    "Content-Security-Policy": "sandbox; default-src 'none'; style-src 'unsafe-inline'",
    "X-Content-Type-Options": "nosniff",
}


class SearchOut(BaseModel):
    document: str
    document_id: int
    location: str
    text: str
    score: float
    link: str
    page: int | None = None


class AnswerIn(BaseModel):
    question: str = Field(min_length=1, max_length=1000)
    generative: bool | None = None


class CollectionIn(BaseModel):
    visibility: Literal["public", "staff", "restricted"] | None = None
    roles: list[str] | None = None
    title: str | None = Field(default=None, max_length=200)


def _service(platform: Platform) -> DocumentService:
    return documents_for(platform)


def _staff_viewer(platform: Platform, principal: Principal, tenant: TenantInfo) -> Viewer:
    with platform.db.read() as session:
        role = principal.role_in(session, tenant.id)
    return Viewer(role=role)


# -- staff ---------------------------------------------------------------------------------------
@router.get("", summary="List documents the caller may see")
def list_documents(
    tenant: TenantInfo = Depends(tenant_access(Action.READ)),
    principal: Principal = Depends(require_principal),
    platform: Platform = Depends(get_platform),
) -> list[dict[str, Any]]:
    return _service(platform).list_documents(
        tenant.slug, _staff_viewer(platform, principal, tenant)
    )


@router.post("", status_code=201, summary="Ingest one file into a collection")
async def upload(
    file: UploadFile = File(...),
    collection: str = Form("default"),
    tenant: TenantInfo = Depends(tenant_access(Action.EDIT)),
    principal: Principal = Depends(require_principal),
    platform: Platform = Depends(get_platform),
) -> dict[str, Any]:
    _check_upload_target(platform, principal, tenant, collection)
    data = await file.read()
    service = _service(platform)
    # Parsing and indexing are CPU-bound: a worker thread, so residents keep being answered.
    item = await run_in_threadpool(
        service.ingest,
        tenant.slug,
        file.filename or "upload.txt",
        data,
        collection=collection,
        user=principal.username,
    )
    return item.__dict__


def _check_upload_target(
    platform: Platform, principal: Principal, tenant: TenantInfo, collection: str
) -> None:
    """The console's rule (library.check_upload_target), before the file is read."""
    viewer = _staff_viewer(platform, principal, tenant)
    library.check_upload_target(platform.db, tenant.id, viewer, collection)


@router.put("/collections/{name}", summary="Set a collection's audience (administrators)")
def configure_collection(
    name: str,
    body: CollectionIn,
    tenant: TenantInfo = Depends(tenant_access(Action.ADMINISTER)),
    platform: Platform = Depends(get_platform),
) -> dict[str, Any]:
    return _service(platform).set_collection(
        tenant.slug, name, visibility=body.visibility, roles=body.roles, title=body.title
    )


@router.get("/search", response_model=list[SearchOut], summary="Search passages (by role)")
def search(
    q: str = Query(..., min_length=1, max_length=1000),
    k: int = Query(10, ge=1, le=50),
    mode: ModeParam | None = None,
    tenant: TenantInfo = Depends(tenant_access(Action.READ)),
    principal: Principal = Depends(require_principal),
    platform: Platform = Depends(get_platform),
) -> list[dict[str, Any]]:
    viewer = _staff_viewer(platform, principal, tenant)
    return [r.as_dict() for r in _service(platform).search(tenant.slug, q, viewer, k=k, mode=mode)]


@router.post("/answer", summary="Answer from the documents with citations")
def answer(
    body: AnswerIn,
    tenant: TenantInfo = Depends(tenant_access(Action.READ)),
    principal: Principal = Depends(require_principal),
    platform: Platform = Depends(get_platform),
) -> dict[str, Any]:
    viewer = _staff_viewer(platform, principal, tenant)
    result = _service(platform).answer(
        tenant.slug, body.question, viewer, user=principal.username, generative=body.generative
    )
    return result.as_dict()


@router.delete("/{document_id}", status_code=204, summary="Delete a document and its chunks")
def delete(
    document_id: DbId,
    tenant: TenantInfo = Depends(tenant_access(Action.EDIT)),
    principal: Principal = Depends(require_principal),
    platform: Platform = Depends(get_platform),
) -> Response:
    service = _service(platform)
    service.open_document(tenant.slug, document_id, _staff_viewer(platform, principal, tenant))
    service.delete(tenant.slug, document_id)
    return Response(status_code=204)


@router.post("/{document_id}/faq-drafts", summary="Model-proposed FAQ drafts (approval queue)")
def propose_faq_drafts(
    document_id: DbId,
    tenant: TenantInfo = Depends(tenant_access(Action.EDIT)),
    principal: Principal = Depends(require_principal),
    platform: Platform = Depends(get_platform),
) -> dict[str, int]:
    """Through the gateway; stored with status draft, nothing is published without approval."""
    service = _service(platform)
    service.open_document(tenant.slug, document_id, _staff_viewer(platform, principal, tenant))
    return {"drafts": service.propose_faq(tenant.slug, document_id, user=principal.username)}


@router.get("/{document_id}/file", summary="The stored original (open PDFs at #page=N)")
def original(
    document_id: DbId,
    tenant: TenantInfo = Depends(tenant_access(Action.READ)),
    principal: Principal = Depends(require_principal),
    platform: Platform = Depends(get_platform),
) -> Response:
    return _file(platform, tenant, document_id, _staff_viewer(platform, principal, tenant))


@router.get(
    "/{document_id}/view", response_class=HTMLResponse, summary="HTML rendering with anchors"
)
def view(
    document_id: DbId,
    tenant: TenantInfo = Depends(tenant_access(Action.READ)),
    principal: Principal = Depends(require_principal),
    platform: Platform = Depends(get_platform),
) -> HTMLResponse:
    return _view(platform, tenant, document_id, _staff_viewer(platform, principal, tenant))


# -- residents (public collections only) ---------------------------------------------------------
@public_router.get("/search", response_model=list[SearchOut], summary="Search public documents")
def public_search(
    q: str = Query(..., min_length=1, max_length=1000),
    k: int = Query(10, ge=1, le=20),
    tenant: TenantInfo = Depends(public_tenant),
    platform: Platform = Depends(get_platform),
) -> list[dict[str, Any]]:
    return [r.as_dict() for r in _service(platform).search(tenant.slug, q, Viewer.resident(), k=k)]


@public_router.post("/answer", summary="Answer from public documents")
def public_answer(
    body: AnswerIn,
    tenant: TenantInfo = Depends(public_tenant),
    platform: Platform = Depends(get_platform),
) -> dict[str, Any]:
    return (
        _service(platform)
        .answer(tenant.slug, body.question, Viewer.resident(), generative=False)
        .as_dict()
    )


@public_router.get("/{document_id}/file", summary="A public document's original")
def public_original(
    document_id: DbId,
    tenant: TenantInfo = Depends(public_tenant),
    platform: Platform = Depends(get_platform),
) -> Response:
    return _file(platform, tenant, document_id, Viewer.resident())


@public_router.get(
    "/{document_id}/view", response_class=HTMLResponse, summary="A public document rendered"
)
def public_view(
    document_id: DbId,
    tenant: TenantInfo = Depends(public_tenant),
    platform: Platform = Depends(get_platform),
) -> HTMLResponse:
    return _view(platform, tenant, document_id, Viewer.resident())


def _file(platform: Platform, tenant: TenantInfo, document_id: int, viewer: Viewer) -> Response:
    row, _chunks = _service(platform).open_document(tenant.slug, document_id, viewer)
    # Browsers' PDF viewers do not run under a sandbox CSP; every other type is sandboxed.
    if row.media_type == "application/pdf":
        headers = {"X-Content-Type-Options": "nosniff", "Content-Disposition": "inline"}
    else:
        headers = {**_SANDBOX, "Content-Disposition": "inline"}
    return Response(row.content, media_type=row.media_type, headers=headers)


def _view(platform: Platform, tenant: TenantInfo, document_id: int, viewer: Viewer) -> HTMLResponse:
    row, chunks = _service(platform).open_document(tenant.slug, document_id, viewer)
    sections = "\n".join(
        f'<section id="{html.escape(c.anchor)}"><h2>{html.escape(c.location)}</h2>'
        f'<p class="heading">{html.escape(c.heading)}</p>'
        f"<pre>{html.escape(c.text)}</pre></section>"
        for c in chunks
    )
    body = (
        f'<!doctype html><html lang="ja"><head><meta charset="utf-8"><title>{html.escape(row.title)}'
        "</title><style>pre{white-space:pre-wrap;font-family:inherit}"
        ".heading{color:#555}:target{background:#fff6d5}</style></head>"
        f"<body><h1>{html.escape(row.title)}</h1>{sections}</body></html>"
    )
    return HTMLResponse(body, headers=_SANDBOX)
