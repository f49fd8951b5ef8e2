"""Small helpers of the documents console tests: upload files, search, find values in pages."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient
from httpx import Response

BASE = "/console/t/aoba/documents"
QUESTION = "有休は翌年に繰り越せますか"
LINK_RE = re.compile(r'<a href="(/api/v1/tenants/aoba/documents/[^"]+)" target="_blank"')


def upload(
    client: TestClient, csrf: str, files: list[tuple[str, bytes]], collection: str = "default"
) -> Response:
    return client.post(
        f"{BASE}/library/upload",
        data={"csrf_token": csrf, "collection": collection},
        files=[("files", (name, content)) for name, content in files],
    )


def search(client: TestClient, q: str) -> Response:
    return client.get(BASE, params={"q": q})


def source_links(html: str) -> list[str]:
    return LINK_RE.findall(html)


def first_match(pattern: str, text: str) -> str:
    """The first group of ``pattern`` in ``text``; fails the test when it is not there."""
    match = re.search(pattern, text)
    assert match, f"{pattern!r} not found"
    return match.group(1)
