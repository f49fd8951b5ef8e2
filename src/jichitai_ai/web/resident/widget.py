"""``/widget.js``: the one-line embed a municipality pastes into its website.

The loader is a static file with its UI text filled in from the catalogue at start-up; it
only ever talks to the origin it was loaded from (the iframe and nothing else).
"""

from __future__ import annotations

import json
from functools import lru_cache

from fastapi import APIRouter
from fastapi.responses import Response

from jichitai_ai.i18n import LANGUAGES, t
from jichitai_ai.web.resident.rendering import STATIC_DIR

router = APIRouter(include_in_schema=False)

PLACEHOLDER = "/*__STRINGS__*/{}"
WIDGET_KEYS = ("resident.widget.open", "resident.widget.close", "resident.widget.title")


@lru_cache(maxsize=1)
def widget_source() -> str:
    strings = {
        lang: {key.removeprefix("resident.widget."): t(key, lang) for key in WIDGET_KEYS}
        for lang in LANGUAGES
    }
    template = (STATIC_DIR / "widget.js").read_text(encoding="utf-8")
    data = json.dumps(strings, ensure_ascii=False).replace("<", "\\u003c")
    return template.replace(PLACEHOLDER, data, 1)


@router.get("/widget.js")
def widget_js() -> Response:
    return Response(
        widget_source(),
        media_type="text/javascript; charset=utf-8",
        headers={
            "X-Content-Type-Options": "nosniff",
            # Loaded by other sites' pages by design; it carries no data.
            "Cross-Origin-Resource-Policy": "cross-origin",
            "Cache-Control": "public, max-age=3600",
        },
    )
