"""API reference at /docs: Swagger UI 5 (reads OpenAPI 3.1) served from the package, no CDN.

The Swagger UI files come from the ``swagger-ui-py`` package (Swagger UI 5.x, Apache-2.0,
its LICENSE served beside them at ``/_docs_static/LICENSE``). The page loads no inline
script, so it keeps a Content-Security-Policy that allows only this server.
"""

from __future__ import annotations

import importlib.util
from html import escape
from pathlib import Path

from fastapi import FastAPI
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

STATIC_PREFIX = "/_docs_static"
INIT_PREFIX = "/_docs_init"
INIT_DIR = Path(__file__).resolve().parent / "static" / "apidocs"
DOCS_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; connect-src 'self'; font-src 'self'; frame-ancestors 'none'; "
    "base-uri 'none'; form-action 'none'"
)


def swagger_ui_dir() -> Path:
    """The bundled Swagger UI files, found without importing the package's web adapters."""
    spec = importlib.util.find_spec("swagger_ui")
    if spec is None or spec.origin is None:
        raise RuntimeError("swagger-ui-py is not installed")
    return Path(spec.origin).parent / "static"


def docs_page(openapi_url: str, title: str) -> str:
    url = escape(openapi_url, quote=True)
    return f"""<!doctype html>
<html lang="ja">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(title)}</title>
<link rel="stylesheet" href="{STATIC_PREFIX}/swagger-ui.css">
<link rel="icon" type="image/png" href="{STATIC_PREFIX}/favicon-32x32.png">
</head>
<body>
<div id="swagger-ui" data-openapi-url="{url}"></div>
<noscript>API 仕様（OpenAPI）は <a href="{url}">{url}</a> にあります。 /
The OpenAPI description is at <a href="{url}">{url}</a>.</noscript>
<script src="{STATIC_PREFIX}/swagger-ui-bundle.js"></script>
<script src="{INIT_PREFIX}/docs-init.js"></script>
</body>
</html>
"""


def install_api_docs(app: FastAPI) -> None:
    app.mount(STATIC_PREFIX, StaticFiles(directory=str(swagger_ui_dir())), name="docs-static")
    app.mount(INIT_PREFIX, StaticFiles(directory=str(INIT_DIR)), name="docs-init")

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return HTMLResponse(
            docs_page(app.openapi_url or "/openapi.json", "jichitai-ai API"),
            headers={"Content-Security-Policy": DOCS_POLICY, "X-Content-Type-Options": "nosniff"},
        )
