"""Which websites may embed a tenant's chat (tenant setting ``widget_origins``).

Origins end up in a response header (CSP ``frame-ancestors``) and in CORS decisions, so
anything that is not a plain ``scheme://host[:port]`` is dropped rather than trusted.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit

from jichitai_ai.services.tenants import TenantInfo

_ORIGIN_RE = re.compile(r"^https?://[a-z0-9]([a-z0-9.-]{0,251}[a-z0-9])?(:[0-9]{1,5})?$")

#: Pages of the resident side load nothing but the app's own files (LGWAN: no CDN).
_BASE_POLICY = (
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
    "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'"
)


def normalize_origin(value: Any) -> str | None:
    """``https://www.City.example.jp/`` → ``https://www.city.example.jp``; None if not an origin."""
    if not isinstance(value, str):
        return None
    text = value.strip().rstrip("/").lower()
    if not _ORIGIN_RE.match(text):
        return None
    parts = urlsplit(text)
    try:
        port = parts.port
    except ValueError:  # :99999 — urllib refuses it; an Origin header may carry anything
        return None
    if port is not None and not 0 < port < 65536:
        return None
    default = {"http": 80, "https": 443}[parts.scheme]
    if port == default:
        text = f"{parts.scheme}://{parts.hostname}"
    return text


def widget_origins(tenant: TenantInfo) -> list[str]:
    """The tenant's allowed embedding origins, cleaned; invalid entries are ignored."""
    raw = tenant.settings.get("widget_origins", [])
    if isinstance(raw, str):
        raw = [raw]
    if not isinstance(raw, list):
        return []
    cleaned = (normalize_origin(item) for item in raw)
    return sorted({origin for origin in cleaned if origin})


def origin_allowed(tenant: TenantInfo, origin: str | None) -> bool:
    normalized = normalize_origin(origin)
    return normalized is not None and normalized in widget_origins(tenant)


def page_policy(frame_ancestors: list[str] | None = None) -> str:
    """CSP for a resident page: framing only by the app itself plus the listed origins."""
    if frame_ancestors is None:
        return f"{_BASE_POLICY}; frame-ancestors 'none'"
    sources = " ".join(["'self'", *frame_ancestors])
    return f"{_BASE_POLICY}; frame-ancestors {sources}"
