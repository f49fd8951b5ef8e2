"""The library page: collections (audience, configuration by admins), uploads with a result per
file (ingested / unchanged / 要OCR / skipped with the reason), documents, deletion, FAQ drafts.

Viewing needs READ (auditors included), uploading, deleting and drafting need EDIT, creating or
configuring a collection needs ADMINISTER; a user only sees and changes documents of the
collections their role may search.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData, UploadFile

from jichitai_ai.documents import library
from jichitai_ai.documents._readers import READERS
from jichitai_ai.documents.console.common import base_of, service_of, user_of, viewer_of
from jichitai_ai.documents.console.drafts import draft_faq
from jichitai_ai.documents.errors import InvalidCollection
from jichitai_ai.documents.service import IngestItem
from jichitai_ai.i18n import t
from jichitai_ai.services.auth import Action, Role
from jichitai_ai.services.errors import ServiceError
from jichitai_ai.web.console.context import TenantPage, csrf_form, form_text, tenant_page
from jichitai_ai.web.console.rendering import redirect, render
from jichitai_ai.web.params import parse_int

router = APIRouter(prefix="/console/t/{slug}/documents", include_in_schema=False)

VISIBILITIES = ("public", "staff", "restricted")
ROLES = tuple(str(r) for r in Role)
DEFAULT_COLLECTION = "default"
DONE = ("collection", "deleted", "drafts")


@dataclass(frozen=True)
class FileResult:
    """One uploaded file's outcome, in the page language."""

    name: str
    status: str
    message: str
    added: int
    faq_drafts: int
    document_id: int | None


def _result(item: IngestItem, lang: str) -> FileResult:
    message = item.message.get(lang) or item.message.get("ja", "")
    return FileResult(
        item.name, item.status, message, item.added, item.faq_drafts, item.document_id
    )


def _library(page: TenantPage, status_code: int = 200, **context: Any) -> Response:
    db = page.c.platform.db
    colls = library.collections(db, page.tenant.id, viewer_of(page), everything=page.can_administer)
    docs = library.documents(db, page.tenant.id, {c.name for c in colls if c.visible})
    targets = [_target(c) for c in colls if c.visible] or [(DEFAULT_COLLECTION, DEFAULT_COLLECTION)]
    return render(
        page.c,
        "documents_console/library.html",
        status_code=status_code,
        page=page,
        dbase=base_of(page),
        collections=colls,
        documents=docs,
        links={d.id: library.source_link(page.tenant.slug, d) for d in docs},
        targets=targets,
        # The file picker offers what the readers read (a list kept here missed .csv).
        accept=",".join(READERS),
        visibilities=VISIBILITIES,
        roles=ROLES,
        **context,
    )


#: Longest collection title shown in the upload form's choice (the table shows it whole).
TARGET_TITLE = 40


def _target(collection: library.CollectionView) -> tuple[str, str]:
    """(value, label) of an upload destination: its title first, so staff do not file a manual
    under 法令 because ``horei`` came first in the alphabet."""
    title = collection.title.strip()
    if not title:
        return collection.name, collection.name
    short = title if len(title) <= TARGET_TITLE else title[: TARGET_TITLE - 1] + "…"
    return collection.name, f"{short}（{collection.name}）"


@router.get("/library")
def library_page(
    request: Request, page: TenantPage = Depends(tenant_page(Action.READ))
) -> Response:
    q = request.query_params
    done = q.get("done", "")
    numbers = {k: n for k in ("doc", "found", "created") if (n := parse_int(q.get(k))) is not None}
    return _library(page, done=done if done in DONE else "", drafts=numbers)


@router.post("/library/upload")
async def upload(
    page: TenantPage = Depends(tenant_page(Action.EDIT)), data: FormData = Depends(csrf_form)
) -> Response:
    files: list[tuple[str, bytes]] = []
    for item in data.getlist("files"):
        if isinstance(item, UploadFile) and item.filename:
            files.append((item.filename, await item.read()))
            await item.close()  # large parts are spooled to a temporary file: remove it now
    collection = form_text(data, "collection")
    if not files:
        return _library(
            page,
            status_code=422,
            upload_error="documents_console.upload.no_file",
            chosen=collection,
        )
    allowed = {
        c.name
        for c in library.collections(
            page.c.platform.db, page.tenant.id, viewer_of(page), everything=False
        )
    }
    if not collection and len(allowed) > 1:
        # Several collections: staff choose one (nothing is preselected), never a silent default.
        return _library(
            page, status_code=422, upload_error="documents_console.upload.no_collection"
        )
    collection = collection or next(iter(allowed), DEFAULT_COLLECTION)
    library.check_upload_target(page.c.platform.db, page.tenant.id, viewer_of(page), collection)
    service, user = service_of(page), user_of(page)

    def ingest_all() -> list[IngestItem]:
        return [
            service.ingest(page.tenant.slug, name, content, collection=collection, user=user)
            for name, content in files
        ]

    # Parsing PDFs and indexing must not block the event loop.
    items = await run_in_threadpool(ingest_all)
    results = [_result(item, page.c.lang) for item in items]
    return _library(page, results=results, chosen=collection)


@router.post("/collections")
def configure_collection(
    page: TenantPage = Depends(tenant_page(Action.ADMINISTER)),
    data: FormData = Depends(csrf_form),
) -> Response:
    """Create a collection or change its title and audience (administrators)."""
    name = form_text(data, "name").strip()
    title = form_text(data, "title").strip()[:200]
    visibility = form_text(data, "visibility")
    roles = [r for r in data.getlist("roles") if isinstance(r, str)]
    try:
        if visibility not in VISIBILITIES:
            raise InvalidCollection("documents.invalid_visibility", visibility=visibility)
        service_of(page).set_collection(
            page.tenant.slug, name, visibility=visibility, roles=roles, title=title or None
        )
    except ServiceError as exc:
        form = {"name": name, "title": title, "visibility": visibility, "roles": roles}
        return _library(
            page,
            status_code=exc.status,
            collection_error=t(exc.key, page.c.lang, **exc.params),
            collection_form=form,
        )
    return redirect(page.c, f"{base_of(page)}/library?done=collection")


@router.post("/{document_id}/delete")
def delete(
    document_id: int,
    page: TenantPage = Depends(tenant_page(Action.EDIT)),
    _: FormData = Depends(csrf_form),
) -> Response:
    service = service_of(page)
    # 404 for another tenant's id, 403 for a collection the user's role may not use.
    service.open_document(page.tenant.slug, document_id, viewer_of(page))
    service.delete(page.tenant.slug, document_id)
    return redirect(page.c, f"{base_of(page)}/library?done=deleted")


@router.post("/{document_id}/faq-drafts")
def faq_drafts(
    document_id: int,
    page: TenantPage = Depends(tenant_page(Action.EDIT)),
    _: FormData = Depends(csrf_form),
) -> Response:
    outcome = draft_faq(
        service_of(page), page.tenant.slug, document_id, viewer_of(page), user_of(page)
    )
    return redirect(
        page.c,
        f"{base_of(page)}/library?done=drafts&doc={document_id}"
        f"&found={outcome.found}&created={outcome.created}",
    )
