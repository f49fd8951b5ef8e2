"""The two lists as one JSON file (UTF-8), for backups, review and moving between
deployments. A file is refused whole, with a message saying why, before anything is stored:
too large, not UTF-8 (a Shift_JIS file from Excel or メモ帳 is named as such), not JSON (or
nested too deep, numbers too long), or not the expected shape. Items are then checked like console forms (store.replace_lists)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from jichitai_ai.contact_settings.store import KEYS
from jichitai_ai.services.errors import Invalid
from jichitai_ai.services.tenants import TenantInfo

#: Far above any real list (50 items of a few hundred characters each).
MAX_BYTES = 1_000_000


def dump(tenant: TenantInfo) -> bytes:
    """The tenant's stored lists; an empty emergency list means the national numbers."""
    lists = {}
    for key in KEYS:
        raw = tenant.settings.get(key)
        lists[key] = list(raw) if isinstance(raw, list) else []
    return (json.dumps(lists, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _text(data: bytes) -> str:
    if len(data) > MAX_BYTES:
        raise Invalid("contact_settings.file.too_large", size=len(data), limit=MAX_BYTES)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        data.decode("cp932")
    except UnicodeDecodeError:
        raise Invalid("contact_settings.file.not_utf8") from None
    raise Invalid("contact_settings.file.shift_jis")


def load(data: bytes) -> dict[str, list[Any]]:
    """The lists in the file (either or both keys), or Invalid saying what is wrong."""
    text = _text(data)
    try:
        parsed = json.loads(text)
    except json.JSONDecodeError as exc:
        raise Invalid("contact_settings.file.not_json", line=exc.lineno, column=exc.colno) from None
    except (RecursionError, ValueError):  # [[[[… 100,000 deep, or a 5,000-digit number
        raise Invalid("contact_settings.file.too_complex") from None
    if not isinstance(parsed, Mapping):
        raise Invalid("contact_settings.file.not_object")
    unknown = sorted(str(k) for k in parsed if k not in KEYS)
    if unknown:
        raise Invalid("contact_settings.file.unknown_key", key=unknown[0][:60])
    if not parsed:
        raise Invalid("contact_settings.file.empty")
    lists: dict[str, list[Any]] = {}
    for key, value in parsed.items():
        if not isinstance(value, list):
            raise Invalid("contact_settings.file.not_list", key=key)
        lists[key] = value
    return lists
