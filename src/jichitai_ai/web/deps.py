"""FastAPI dependencies: the platform, the acting principal, tenant access checks."""

from __future__ import annotations

from collections.abc import Callable

from fastapi import Depends, Request

from jichitai_ai.services import tenants as tenant_service
from jichitai_ai.services.auth import Action, Principal, principal_from_api_key
from jichitai_ai.services.errors import Forbidden, ServiceError
from jichitai_ai.services.platform import Platform
from jichitai_ai.services.tenants import TenantInfo


class Unauthorized(ServiceError):
    status = 401


def get_platform(request: Request) -> Platform:
    platform: Platform = request.app.state.platform
    return platform


def optional_principal(request: Request) -> Principal | None:
    """The caller from an API key (``Authorization: Bearer jai_…``) or a login session."""
    cached = getattr(request.state, "principal", None)
    if cached is not None:
        return cached  # type: ignore[no-any-return,unused-ignore]
    platform = get_platform(request)
    header = request.headers.get("authorization", "")
    principal: Principal | None = None
    if header.lower().startswith("bearer "):
        with platform.db.read() as session:
            principal = principal_from_api_key(session, header[7:].strip())
    else:
        resolver = getattr(request.app.state, "session_principal", None)
        if resolver is not None:
            principal = resolver(request)
    request.state.principal = principal
    return principal


def require_principal(principal: Principal | None = Depends(optional_principal)) -> Principal:
    if principal is None:
        raise Unauthorized("error.unauthorized")
    return principal


def tenant_access(action: Action) -> Callable[..., TenantInfo]:
    """A dependency that resolves ``{slug}`` and checks the caller may do ``action`` there."""

    def dependency(
        slug: str,
        principal: Principal = Depends(require_principal),
        platform: Platform = Depends(get_platform),
    ) -> TenantInfo:
        with platform.db.read() as session:
            tenant = tenant_service.get_tenant(session, slug)
            if not principal.can(session, tenant.id, action):
                raise Forbidden("error.forbidden")
        return tenant

    return dependency


def public_tenant(slug: str, platform: Platform = Depends(get_platform)) -> TenantInfo:
    with platform.db.read() as session:
        return tenant_service.get_tenant(session, slug)
