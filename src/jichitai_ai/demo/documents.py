"""Demo documents (デモ文書) so that staff document search (文書検索) has something to find at
once: three あおば市 regulations written for this project and 行政手続法 as published by e-Gov
(laws are not subject to copyright, 著作権法第13条). The collections are listed in
``data/documents/collections.toml`` (their titles say where the files come from, on the console
too); sources and checksums are in ``data/documents/PROVENANCE.md``.

The files go through the same import path as a staff upload (:meth:`DocumentService.ingest`), so
they are parsed, chunked, embedded and cited exactly like a municipality's own 例規集.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from importlib import resources
from typing import Any

from jichitai_ai.documents.service import DocumentService
from jichitai_ai.services.errors import NotFound

FILES = resources.files("jichitai_ai.demo").joinpath("data", "documents")


@dataclass(frozen=True)
class DemoCollection:
    """A 文書集 of the demo: tenant, name, title (with the files' source), audience, files."""

    tenant: str
    name: str
    title: str
    visibility: str
    files: tuple[str, ...]


def demo_collections() -> list[DemoCollection]:
    """The collections of ``collections.toml``."""
    spec: dict[str, Any] = tomllib.loads(FILES.joinpath("collections.toml").read_text("utf-8"))
    return [
        DemoCollection(c["tenant"], c["name"], c["title"], c["visibility"], tuple(c["files"]))
        for c in spec.get("collections", [])
    ]


def load_demo_documents(service: DocumentService) -> dict[str, str]:
    """Create each demo collection and ingest its files. A collection that already exists is
    left as it is (staff may have changed, deleted or added documents since), so running
    ``init --demo`` again changes nothing. Returns what happened per collection."""
    summary: dict[str, str] = {}
    for collection in demo_collections():
        key = f"documents {collection.tenant}/{collection.name}"
        try:
            exists = service.has_collection(collection.tenant, collection.name)
        except NotFound:
            summary[key] = "no tenant"
            continue
        if exists:
            summary[key] = "exists"
            continue
        service.set_collection(
            collection.tenant,
            collection.name,
            visibility=collection.visibility,
            title=collection.title,
        )
        items = [
            service.ingest(
                collection.tenant,
                name,
                FILES.joinpath(name).read_bytes(),
                collection=collection.name,
                user="demo",
            )
            for name in collection.files
        ]
        indexed = sum(1 for item in items if item.status == "indexed")
        problems = [
            f"{i.name}: {i.status} {i.message.get('en', '')}".strip()
            for i in items
            if i.status != "indexed"
        ]
        summary[key] = f"{indexed}/{len(items)} indexed" + (
            f" ({'; '.join(problems)})" if problems else ""
        )
    return summary
