"""Mixed load on a multi-worker deployment: residents ask while editors save and an import runs.

Loopback only, bounded in time and count. Starts ``uvicorn`` with N workers on a fresh
PostgreSQL (or SQLite) database it creates and drops, seeds one tenant, then for ``--seconds``:
``--residents`` threads ask questions, ``--editors`` threads each edit their own entries (PUT with
the expected version), and one thread imports a ``--import-rows`` CSV after 5 s. Prints ask
latency percentiles, 5xx count, and checks that every acknowledged save is in the database
(0 lost writes) and that the import stored every row.

    nice -n 10 python benchmarks/load/mixed.py --workers 4 --seconds 45

Rate limits are turned off (JICHITAI_LIMITS_ENABLED=0): all load comes from one address.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import create_engine, text

from jichitai_ai.approval import service as approval
from jichitai_ai.benchmark.generator import generate, queries
from jichitai_ai.config import Settings
from jichitai_ai.faqio import write_csv
from jichitai_ai.services import auth, importing
from jichitai_ai.services import tenants as tenant_service
from jichitai_ai.services.platform import Platform
from jichitai_ai.storage import migrate

PG_ADMIN = os.environ.get(
    "JICHITAI_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def make_database(kind: str, folder: Path) -> tuple[str, Any]:
    if kind == "sqlite":
        return f"sqlite:///{folder / 'load.db'}", None
    name = f"jichitai_load_{os.getpid()}_{uuid.uuid4().hex[:6]}"
    admin = create_engine(PG_ADMIN, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))

    def drop() -> None:
        with admin.connect() as conn:
            conn.execute(
                text(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    "WHERE datname = :n AND pid <> pg_backend_pid()"
                ),
                {"n": name},
            )
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        admin.dispose()

    return PG_ADMIN.rsplit("/", 1)[0] + "/" + name, drop


def seed(url: str, entries: int) -> tuple[str, list[str]]:
    from dataclasses import replace

    platform = Platform(replace(Settings(), database_url=url, secret_key="load"))
    migrate.upgrade(platform.db)
    records = generate(entries, seed=5)
    with platform.db.write() as session:
        tenant_id = tenant_service.add_tenant(session, "aoba", "あおば市").id
        auth.create_user(session, "editor", "correct-horse-battery")
        # Edits go live at once (an approver, four-eyes rule off): every save changes what
        # residents see, which is what makes every worker refresh its index.
        auth.grant(session, "editor", "aoba", auth.Role.APPROVER)
        approval.set_four_eyes(session, tenant_id, False)
        key = auth.create_api_key(session, "editor")
    importing.import_into(platform.db, tenant_id, write_csv(records), "seed.csv")
    platform.close()
    return key, queries(records, 2000, seed=9)


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--database", choices=["postgresql", "sqlite"], default="postgresql")
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--seconds", type=float, default=45.0)
    parser.add_argument("--residents", type=int, default=8)
    parser.add_argument("--editors", type=int, default=2)
    parser.add_argument("--entries", type=int, default=1000)
    parser.add_argument("--import-rows", type=int, default=2000)
    parser.add_argument("--max-asks", type=int, default=200_000)
    parser.add_argument(
        "--server-src",
        default="",
        help="serve another checkout's src/ (e.g. the previous release) for a before/after figure",
    )
    args = parser.parse_args()

    folder = Path(tempfile.mkdtemp(prefix="jichitai-load-"))
    url, drop = make_database(args.database, folder)
    try:
        run(args, url)
    finally:
        if drop is not None:
            drop()


def run(args: argparse.Namespace, url: str) -> None:
    key, questions = seed(url, args.entries)
    port = free_port()
    env = {
        **os.environ,
        "JICHITAI_DATABASE_URL": url,
        "JICHITAI_SECRET_KEY": "load-secret",
        "JICHITAI_LIMITS_ENABLED": "0",
        "JICHITAI_CONFIG": str(Path(tempfile.mkdtemp()) / "none.toml"),
    }
    if args.server_src:
        env["PYTHONPATH"] = args.server_src
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "uvicorn",
            "jichitai_ai.web.main:app",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--workers",
            str(args.workers),
            "--log-level",
            "warning",
        ],
        env=env,
    )
    base = f"http://127.0.0.1:{port}"
    headers = {"Authorization": f"Bearer {key}"}
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            try:
                if httpx.get(base + "/healthz", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.3)
        # Warm every worker's index (each has its own): ask until all have answered a few.
        with httpx.Client(base_url=base, timeout=60) as warm:
            for q in questions[: 8 * args.workers]:
                warm.post("/api/v1/tenants/aoba/ask", json={"question": q})
        cpu_before = resource.getrusage(resource.RUSAGE_CHILDREN)
        load_before = os.getloadavg()
        result = load(args, base, headers, questions)
        result["database"] = args.database
        result["workers"] = args.workers
        result["entries"] = args.entries
        result["load_average_1m"] = {
            "before": round(load_before[0], 2),
            "after": round(os.getloadavg()[0], 2),
        }
    finally:
        server.terminate()
        server.wait(timeout=30)
    # The workers' CPU time (warm-up included) reaches us once the server has reaped them:
    # unlike wall time, it does not grow when other work shares the machine.
    cpu = resource.getrusage(resource.RUSAGE_CHILDREN)
    used = (cpu.ru_utime - cpu_before.ru_utime) + (cpu.ru_stime - cpu_before.ru_stime)
    result["server_cpu_seconds"] = round(used, 1)
    result["server_cpu_ms_per_ask"] = round(used * 1000 / max(result["asks"], 1), 1)
    print(json.dumps(result, ensure_ascii=False, indent=2))


def load(
    args: argparse.Namespace, base: str, headers: dict[str, str], questions: list[str]
) -> dict[str, Any]:
    stop = time.monotonic() + args.seconds
    lock = threading.Lock()
    latencies: list[float] = []
    statuses: dict[int, int] = {}
    saves: dict[int, tuple[int, str]] = {}  # entry id -> (version, answer) last acknowledged
    conflicts = 0
    acknowledged = 0
    save_ms: list[float] = []
    import_report: dict[str, Any] = {}

    def resident(n: int) -> None:
        rng = random.Random(n)
        with httpx.Client(base_url=base, timeout=60) as client:
            while time.monotonic() < stop and len(latencies) < args.max_asks:
                start = time.perf_counter()
                try:
                    response = client.post(
                        "/api/v1/tenants/aoba/ask", json={"question": rng.choice(questions)}
                    )
                    status = response.status_code
                except httpx.TimeoutException:
                    status = 0  # no answer within the client timeout (60 s): counted apart
                took = (time.perf_counter() - start) * 1000
                with lock:
                    latencies.append(took)
                    statuses[status] = statuses.get(status, 0) + 1

    def editor(n: int) -> None:
        nonlocal conflicts, acknowledged
        with httpx.Client(base_url=base, timeout=60, headers=headers) as client:
            entries = client.get("/api/v1/tenants/aoba/faq").json()
            mine = [e for i, e in enumerate(entries) if i % args.editors == n][:50]
            count = 0
            while time.monotonic() < stop:
                entry = mine[count % len(mine)]
                current = client.get(f"/api/v1/tenants/aoba/faq/{entry['id']}").json()
                body = {
                    k: current[k]
                    for k in (
                        "question",
                        "answer",
                        "alternatives",
                        "category",
                        "status",
                        "language",
                        "external_id",
                    )
                }
                body["answer"] = f"{current['answer'].split(' #')[0]} #{n}-{count}"
                body["expected_version"] = current["version"]
                started = time.perf_counter()
                response = client.put(
                    f"/api/v1/tenants/aoba/faq/{entry['id']}",
                    params={"publish": "true"},
                    json=body,
                )
                with lock:
                    statuses[response.status_code] = statuses.get(response.status_code, 0) + 1
                    if response.status_code == 200:
                        saved = response.json()
                        saves[entry["id"]] = (saved["version"], body["answer"])
                        acknowledged += 1
                        save_ms.append((time.perf_counter() - started) * 1000)
                    elif response.status_code == 409:
                        conflicts += 1
                count += 1
                time.sleep(0.2)

    def importer() -> None:
        time.sleep(5)
        records = generate(args.import_rows, seed=77)
        for i, record in enumerate(records):
            record.external_id = f"IMP-{i}"
        data = write_csv(records)
        with httpx.Client(base_url=base, timeout=300, headers=headers) as client:
            start = time.perf_counter()
            response = client.post(
                "/api/v1/tenants/aoba/faq/import",
                files={"file": ("import.csv", data, "text/csv")},
                data={"publish": "true"},
            )
            import_report["status"] = response.status_code
            import_report["seconds"] = round(time.perf_counter() - start, 2)
            if response.status_code == 200:
                import_report["created"] = response.json()["created"]

    threads = [threading.Thread(target=resident, args=(i,)) for i in range(args.residents)]
    threads += [threading.Thread(target=editor, args=(i,)) for i in range(args.editors)]
    if args.import_rows > 0:
        threads.append(threading.Thread(target=importer))
    started = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - started

    # Every acknowledged save must be what the database holds now (no lost writes).
    lost = 0
    with httpx.Client(base_url=base, timeout=60, headers=headers) as client:
        for entry_id, (version, answer) in saves.items():
            now = client.get(f"/api/v1/tenants/aoba/faq/{entry_id}").json()
            if now["version"] != version or now["answer"] != answer:
                lost += 1
        stored = client.get("/api/v1/tenants/aoba/faq", params={"q": "IMP-"}).json()
    return {
        "seconds": round(wall, 1),
        "asks": len(latencies),
        "asks_per_second": round(len(latencies) / wall, 1),
        "ask_ms": {
            "p50": round(statistics.median(latencies), 1),
            "p95": round(percentile(latencies, 0.95), 1),
            "p99": round(percentile(latencies, 0.99), 1),
            "max": round(max(latencies), 1),
        },
        "statuses": dict(sorted(statuses.items())),
        "server_errors": sum(v for k, v in statuses.items() if k >= 500),
        "timeouts": statuses.get(0, 0),
        "saves_acknowledged": acknowledged,
        "entries_saved": len(saves),
        "save_ms": {
            "p50": round(statistics.median(save_ms), 1) if save_ms else None,
            "max": round(max(save_ms), 1) if save_ms else None,
        },
        "save_conflicts_409": conflicts,
        "lost_writes": lost,
        "import": {**import_report, "rows_found_after": len(stored)},
    }


if __name__ == "__main__":
    main()
