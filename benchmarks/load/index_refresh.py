"""Cost of refreshing a tenant's index after one entry edit: replay vs. a full rebuild.

    python benchmarks/load/index_refresh.py --sizes 1000,2000

For each size: a SQLite database with that many generated entries, one worker's answering
service; prints the full build (cold tokenizer), the refresh after one edit (change-log replay:
an incremental update of the changed entry's postings), and a full rebuild from scratch for
comparison, each the median of --repeat, as CPU time (``time.process_time``: not inflated when
other work shares the machine) and wall time.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import tempfile
import time
from dataclasses import replace

from jichitai_ai.benchmark.generator import generate
from jichitai_ai.config import Settings
from jichitai_ai.faqio import write_csv
from jichitai_ai.services import faq as faq_service
from jichitai_ai.services import importing
from jichitai_ai.services import tenants as tenant_service
from jichitai_ai.services.answering import AnsweringService
from jichitai_ai.services.platform import Platform
from jichitai_ai.storage import migrate


def measure(size: int, repeat: int) -> dict[str, float]:
    folder = tempfile.mkdtemp()
    settings = replace(
        Settings(),
        database_url=f"sqlite:///{folder}/bench.db",
        secret_key="bench",
        raw={"answering": {"background_refresh_above": 10**9}},  # inline, to time it
    )
    platform = Platform(settings)
    migrate.upgrade(platform.db)
    with platform.db.write() as session:
        tenant_id = tenant_service.add_tenant(session, "aoba", "あおば市").id
    importing.import_into(platform.db, tenant_id, write_csv(generate(size, seed=3)), "s.csv")
    service = AnsweringService(platform.db, settings)
    start, cpu = time.perf_counter(), time.process_time()
    service.ask("aoba", "住民票", record=False)
    first, first_cpu = time.perf_counter() - start, time.process_time() - cpu
    with platform.db.read() as session:
        entry = faq_service.visible_entries(session, tenant_id, residents=False)[size // 2]
    replays, fulls, replay_cpu, full_cpu = [], [], [], []
    for i in range(repeat):
        with platform.db.write() as session:
            record = faq_service.record_of(faq_service.get_entry(session, tenant_id, entry.id))
            record.answer = f"{record.answer.split(' #')[0]} #{i}"
            faq_service.update_entry(session, tenant_id, entry.id, record)
        start, cpu = time.perf_counter(), time.process_time()
        service.ask("aoba", "住民票", record=False)
        replays.append(time.perf_counter() - start)
        replay_cpu.append(time.process_time() - cpu)
        fresh = AnsweringService(platform.db, settings)  # a new worker: full build, cold tokens
        start, cpu = time.perf_counter(), time.process_time()
        fresh.ask("aoba", "住民票", record=False)
        fulls.append(time.perf_counter() - start)
        full_cpu.append(time.process_time() - cpu)
    assert service.refresher.counts["full"] == 1
    platform.close()
    return {
        "entries": size,
        "first_build_ms": round(first * 1000),
        "first_build_cpu_ms": round(first_cpu * 1000),
        "refresh_after_one_edit_ms": round(statistics.median(replays) * 1000, 1),
        "refresh_after_one_edit_cpu_ms": round(statistics.median(replay_cpu) * 1000, 1),
        "full_rebuild_ms": round(statistics.median(fulls) * 1000),
        "full_rebuild_cpu_ms": round(statistics.median(full_cpu) * 1000),
        "load_average_1m": round(os.getloadavg()[0], 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="1000,2000")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    for size in (int(s) for s in args.sizes.split(",")):
        print(json.dumps(measure(size, args.repeat)), flush=True)


if __name__ == "__main__":
    main()
