"""What every documents console page needs: the service, the viewer for the user's role."""

from __future__ import annotations

from pathlib import Path

from jichitai_ai.documents import Viewer, documents_for
from jichitai_ai.documents.service import DocumentService
from jichitai_ai.services.auth import Role
from jichitai_ai.web.console.context import TenantPage

STATIC_DIR = Path(__file__).resolve().parent / "static"
STATIC_PREFIX = "/console/documents-static"


def service_of(page: TenantPage) -> DocumentService:
    return documents_for(page.c.platform)


def viewer_of(page: TenantPage) -> Viewer:
    """The user's role in this tenant decides which collections they search (as in the API)."""
    return Viewer.staff(Role(page.role))


def user_of(page: TenantPage) -> str:
    return page.c.principal.username if page.c.principal else ""


def base_of(page: TenantPage) -> str:
    return f"/console/t/{page.tenant.slug}/documents"
