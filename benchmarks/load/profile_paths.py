"""CPU profile of the ask path and the save path through the real app, in one process.

    JICHITAI_EMBEDDER=none PYTHONPATH=src:. python benchmarks/load/profile_paths.py \\
        --database postgresql --entries 1000 --asks 300 --saves 40

Seeds a fresh database (PostgreSQL created and dropped, or SQLite), then through the ASGI app
(``TestClient``, no network): asks, editor saves published at once (each followed by an ask,
which makes the worker refresh its index), and prints CPU milliseconds per request (process
time, so a busy machine does not inflate it) and the functions that cost most (cProfile).
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import pstats
import random
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks.load.mixed import make_database, seed
from fastapi.testclient import TestClient

from jichitai_ai.benchmark.generator import generate
from jichitai_ai.config import load_settings
from jichitai_ai.faqio import write_csv
from jichitai_ai.web.api.public import ask_out
from jichitai_ai.web.app import create_app
from jichitai_ai.web.deps import public_tenant


def profile(label: str, action: Any, count: int, top: int) -> tuple[dict[str, Any], pstats.Stats]:
    profiler = cProfile.Profile()
    cpu = time.process_time()
    wall = time.perf_counter()
    profiler.enable()
    for i in range(count):
        action(i)
    profiler.disable()
    cpu = time.process_time() - cpu
    wall = time.perf_counter() - wall
    stats = pstats.Stats(profiler, stream=sys.stdout)
    stats.sort_stats("cumulative")
    figures = {
        "what": label,
        "count": count,
        "cpu_ms_per_request": round(cpu * 1000 / count, 2),
        "wall_ms_per_request": round(wall * 1000 / count, 2),
    }
    print(json.dumps(figures, ensure_ascii=False), flush=True)
    return figures, stats


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--database", choices=["postgresql", "sqlite"], default="postgresql")
    parser.add_argument("--entries", type=int, default=1000)
    parser.add_argument("--asks", type=int, default=300)
    parser.add_argument("--saves", type=int, default=40)
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--import-rows", type=int, default=0)
    parser.add_argument(
        "--background-above",
        type=int,
        default=10**9,
        help="refresh inline below this many entries (the server's default is 300)",
    )
    parser.add_argument("--stats", action="store_true", help="print the cProfile tables")
    args = parser.parse_args()
    url, drop = make_database(args.database, Path(tempfile.mkdtemp(prefix="jichitai-prof-")))
    try:
        key, questions = seed(url, args.entries)
        os.environ["JICHITAI_DATABASE_URL"] = url
        os.environ["JICHITAI_SECRET_KEY"] = "profile"
        os.environ["JICHITAI_LIMITS_ENABLED"] = "0"
        os.environ["JICHITAI_CONFIG"] = str(Path(tempfile.mkdtemp()) / "none.toml")
        settings = load_settings()
        settings.raw.setdefault("answering", {})["background_refresh_above"] = args.background_above
        app = create_app(settings)
        rng = random.Random(3)
        headers = {"Authorization": f"Bearer {key}"}
        with TestClient(app) as client:
            for q in questions[:20]:
                client.post("/api/v1/tenants/aoba/ask", json={"question": q})
            entries = client.get("/api/v1/tenants/aoba/faq", headers=headers).json()[:50]

            def ask(_i: int) -> None:
                r = client.post(
                    "/api/v1/tenants/aoba/ask", json={"question": rng.choice(questions)}
                )
                assert r.status_code == 200, r.text

            def save(i: int) -> None:
                entry = entries[i % len(entries)]
                current = client.get(f"/api/v1/tenants/aoba/faq/{entry['id']}", headers=headers)
                body = {
                    k: current.json()[k]
                    for k in ("question", "answer", "alternatives", "category", "status")
                }
                body["answer"] = f"{body['answer'].split(' #')[0]} #{i}"
                body["expected_version"] = current.json()["version"]
                r = client.put(
                    f"/api/v1/tenants/aoba/faq/{entry['id']}",
                    params={"publish": "true"},
                    json=body,
                    headers=headers,
                )
                assert r.status_code == 200, r.text

            def save_then_ask(i: int) -> None:
                save(i)
                ask(i)
                # A background refresh (large tenants) runs in a thread: let it finish so its
                # CPU is counted here.
                time.sleep(0.05)

            platform = app.state.platform

            def ask_direct(_i: int) -> None:
                # What the route runs, in this thread (cProfile sees only its own thread).
                public_tenant("aoba", platform)
                ask_out(platform.answering.ask("aoba", rng.choice(questions), channel="api"))

            results = []
            for label, action, count in (
                ("ask (service calls of the route, profiled)", ask_direct, args.asks),
                ("ask", ask, args.asks),
                ("save (GET + PUT)", save, args.saves),
                ("save then ask (index refresh)", save_then_ask, args.saves),
            ):
                figures, stats = profile(label, action, count, args.top)
                results.append(figures)
                if args.stats:
                    stats.print_stats(args.top)
            if args.import_rows:
                records = generate(args.import_rows, seed=77)
                for i, record in enumerate(records):
                    record.external_id = f"IMP-{i}"
                data = write_csv(records)

                def import_rows(_i: int) -> None:
                    r = client.post(
                        "/api/v1/tenants/aoba/faq/import",
                        files={"file": ("import.csv", data, "text/csv")},
                        data={"publish": "true"},
                        headers=headers,
                    )
                    assert r.status_code == 200, r.text

                profile(f"import {args.import_rows} rows (API, published)", import_rows, 1, 0)
                profile("first ask after the import (index refresh)", ask, 1, 0)
            refresher = app.state.platform.answering.refresher
            time.sleep(refresher.min_interval + 1)  # a background refresh still running
            print(json.dumps({"refreshes": refresher.counts}), flush=True)
    finally:
        if drop is not None:
            drop()


if __name__ == "__main__":
    main()
