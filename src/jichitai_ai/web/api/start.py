"""Start screen API: popular questions and categories (residents), pinned entries (editors)."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Query
from pydantic import BaseModel, Field

from jichitai_ai.i18n import normalize_language
from jichitai_ai.services import start_screen as start_service
from jichitai_ai.services.auth import Action
from jichitai_ai.services.platform import Platform
from jichitai_ai.services.tenants import TenantInfo
from jichitai_ai.web.deps import get_platform, public_tenant, tenant_access

router = APIRouter(prefix="/api/v1/tenants/{slug}")


class StartItemOut(BaseModel):
    entry_id: int
    external_id: str
    question: str
    language: str
    pinned: bool = False


class CategoryOut(BaseModel):
    name: str
    label: str
    items: list[StartItemOut]


class StartOut(BaseModel):
    popular: list[StartItemOut]
    categories: list[CategoryOut]


class PinnedIn(BaseModel):
    external_ids: list[str] = Field(max_length=start_service.MAX_PINNED)


def start_out(screen: start_service.StartScreen) -> StartOut:
    return StartOut(
        popular=[StartItemOut(**vars(i)) for i in screen.popular],
        categories=[
            CategoryOut(
                name=c.name, label=c.label, items=[StartItemOut(**vars(i)) for i in c.items]
            )
            for c in screen.categories
        ],
    )


@router.get("/start", response_model=StartOut, tags=["residents"])
def start(
    language: str | None = Query(None, max_length=16),
    tenant: TenantInfo = Depends(public_tenant),
    platform: Platform = Depends(get_platform),
) -> StartOut:
    """よくある質問とカテゴリ / popular questions (pinned first) and category buttons."""
    lang = normalize_language(language)
    return start_out(start_service.start_screen(platform.answering, tenant.slug, lang))


@router.get("/pinned", response_model=list[str], tags=["staff"])
def get_pinned(
    tenant: TenantInfo = Depends(tenant_access(Action.READ)),
    platform: Platform = Depends(get_platform),
) -> list[str]:
    with platform.db.read() as session:
        return start_service.pinned(session, tenant.slug)


@router.put("/pinned", response_model=list[str], tags=["staff"])
def put_pinned(
    body: PinnedIn,
    tenant: TenantInfo = Depends(tenant_access(Action.EDIT)),
    platform: Platform = Depends(get_platform),
) -> list[str]:
    """Pin entries (external ids, in order) to the top of the residents' start screen."""
    with platform.db.write() as session:
        return start_service.set_pinned(session, tenant.slug, body.external_ids)
