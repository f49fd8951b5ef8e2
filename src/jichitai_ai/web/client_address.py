"""The client's network address, for lock-out and rate limits (送信元アドレス).

Behind a reverse proxy every request comes from the proxy, so ``X-Forwarded-For`` is honoured —
but only when the direct peer is listed in ``[limits] trusted_proxies``; otherwise anyone could
pick a fresh address per request by sending the header.
"""

from __future__ import annotations

import ipaddress

from starlette.requests import HTTPConnection


def _trusted(settings_raw: dict[str, object]) -> list[str]:
    section = settings_raw.get("limits", {})
    proxies = section.get("trusted_proxies", []) if isinstance(section, dict) else []
    return [str(p) for p in proxies] if isinstance(proxies, list) else []


def _in(address: str, networks: list[str]) -> bool:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    for net in networks:
        try:
            if ip in ipaddress.ip_network(net, strict=False):
                return True
        except ValueError:
            continue
    return False


def client_address(connection: HTTPConnection) -> str:
    """The peer address, or the nearest untrusted hop in X-Forwarded-For behind trusted proxies."""
    peer = connection.client.host if connection.client else "unknown"
    platform = getattr(connection.app.state, "platform", None)
    trusted = _trusted(platform.settings.raw) if platform is not None else []
    if not trusted or not _in(peer, trusted):
        return peer
    hops = [
        h.strip() for h in connection.headers.get("x-forwarded-for", "").split(",") if h.strip()
    ]
    for hop in reversed(hops):
        if not _in(hop, trusted):
            return hop[:64]
    return peer
