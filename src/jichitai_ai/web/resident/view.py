"""What a resident page shows about its tenant: name, notice and general contact per language.

Tenant settings carry the notice (利用上の注意) in Japanese and English only; for other
languages the catalogue's translated summary is shown with the official Japanese text beside it,
so nothing the municipality wrote is ever replaced by our wording alone. The name (``names``) and
the general contact (``contact_<lang>``) may be written per language; otherwise English.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Literal

from jichitai_ai.services.tenants import TenantInfo

JAPANESE = ("ja", "ja-easy")
BULLETS = ("・", "- ", "• ", "* ")


@dataclass(frozen=True)
class Block:
    """One paragraph or bullet list of a notice."""

    kind: Literal["p", "ul"]
    lines: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Notice:
    blocks: list[Block]
    language: str
    #: The tenant's official text when ``blocks`` is the catalogue's summary.
    original: list[Block] | None
    original_language: str
    version: str


def display_name(tenant: TenantInfo, lang: str) -> str:
    """The tenant's name on a ``lang`` page (``TenantInfo.name_for``)."""
    return tenant.name_for(lang)


def blocks(text: str) -> list[Block]:
    """Plain notice text → paragraphs and bullet lists (lines starting with ・ or -)."""
    result: list[Block] = []
    for raw in text.strip().splitlines():
        line = raw.strip()
        if not line:
            continue
        bullet = next((b for b in BULLETS if line.startswith(b)), None)
        if bullet is not None:
            item = line[len(bullet) :].strip()
            if result and result[-1].kind == "ul":
                result[-1].lines.append(item)
            else:
                result.append(Block("ul", [item]))
        else:
            result.append(Block("p", [line]))
    return result


def notice_texts(tenant: TenantInfo) -> dict[str, str]:
    raw = tenant.settings.get("notice", {})
    if isinstance(raw, str):
        return {"ja": raw}
    if not isinstance(raw, dict):
        return {}
    return {str(k): str(v) for k, v in raw.items() if isinstance(v, str) and v.strip()}


def notice_version(tenant: TenantInfo) -> str:
    """Changes whenever the notice text changes, so residents acknowledge the new one."""
    texts = notice_texts(tenant)
    digest = hashlib.sha256(repr(sorted(texts.items())).encode("utf-8")).hexdigest()
    return digest[:12]


def notice_for(tenant: TenantInfo, lang: str, summary: str) -> Notice:
    """The tenant's notice in ``lang`` if written, else ``summary`` plus the Japanese original."""
    texts = notice_texts(tenant)
    version = notice_version(tenant)
    own = texts.get(lang)
    if own:
        return Notice(blocks(own), lang, None, "", version)
    original_lang = "ja" if "ja" in texts else next(iter(texts), "")
    original = blocks(texts[original_lang]) if original_lang else None
    return Notice(blocks(summary), lang, original, original_lang, version)


def general_contact(tenant: TenantInfo, lang: str) -> tuple[dict[str, str], str]:
    """代表・総合案内 and its language: the resident's when written (やさしい日本語 too:
    ``contact_ja-easy``), else English for another language, else Japanese."""
    codes = () if lang == "ja" else (lang,) if lang in JAPANESE else (lang, "en")
    for code in codes:
        value = tenant.settings.get(f"contact_{code}")
        if isinstance(value, dict) and value:
            return {k: str(v) for k, v in value.items()}, code
    return tenant.general_contact(), "ja"
