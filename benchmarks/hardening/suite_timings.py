"""CPU figures that used to be asserted inside the test suite (moved out by ci-cut, 2026-12-02).

Timed assertions made the suite flaky on a loaded machine and slow (the inputs had to be large to
measure anything); the tests now check what comes out of the same inputs, this script prints how
long they take. Parts (``--only``, comma-separated; all by default):

- ``emergency``: ``detect_emergency`` CPU per question over every ordinary corpus and the round-4/5
  phrasing sets (was ``tests/emergency/test_round4.py::test_cpu_per_question_is_small``, bound 2 ms).
- ``hostile``: the privacy detector plus masking on the hostile inputs of
  ``tests/privacy/test_hostile.py`` at their old 100,000-character size and smaller, and the many
  entities input at growing sizes (linear: CPU per repetition stays flat).
- ``faqio``: parsing a 20 MB FAQ CSV (was ``tests/faqio/test_limits.py``, bound 60 s).
- ``zip``: refusing a 50 MB DOCX bomb before expanding it (was ``tests/hardening/test_zip_bombs.py``,
  bound 10 s wall through the API).
- ``import``: ``/healthz`` latency (wall) while a 6,000-row import runs through the API on SQLite
  (was ``tests/hardening/test_event_loop.py``: the import took ~90 s of CPU in the suite).

Usage: ``python -m benchmarks.hardening.suite_timings [--only emergency,hostile,faqio,zip,import] [--quick]``
— CPU seconds (``time.process_time``) as Markdown tables.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from jichitai_ai.emergency import detect_emergency
from jichitai_ai.privacy import Detector, DetectorConfig, MaskingSession


def _cpu(run: Callable[[], object]) -> float:
    started = time.process_time()
    run()
    return time.process_time() - started


def emergency() -> None:
    from tests.emergency import test_round4

    corpora = {**test_round4.ordinary_in_repo(), **test_round4.ordinary_localgovfaq()}
    texts = [t for ts in corpora.values() for t in ts] + [t for _, _, t in test_round4.CASES]
    detect_emergency("住民票")  # patterns compiled outside the timing
    seconds = min(_cpu(lambda: [detect_emergency(t) for t in texts]) for _ in range(2))
    print("| texts | CPU s | per question |\n| --- | --- | --- |")
    print(f"| {len(texts):,} | {seconds:.2f} | {seconds / len(texts) * 1e6:,.0f} µs |")


def hostile(scale: float) -> None:
    from tests.privacy.test_hostile import hostile_cases, many_entities

    detector = Detector(DetectorConfig(reference_year=2026))
    detector.detect("山田太郎様")

    def run(text: str) -> None:
        MaskingSession().mask(text, detector.detect(text))

    sizes = [round(10_000 * scale), round(100_000 * scale)]
    print("| input | " + " | ".join(f"{n:,} chars" for n in sizes) + " |")
    print("| --- |" + " --- |" * len(sizes))
    by_size = [hostile_cases(n) for n in sizes]
    for name in sorted(by_size[0]):
        cells = [f"{_cpu(lambda t=cases[name]: run(t)):.3f}" for cases in by_size]
        print(f"| {name} | " + " | ".join(cells) + " |", flush=True)
    print("\n| many entities, repetitions | CPU s | per 1,000 |\n| --- | --- | --- |")
    for count in (round(1_000 * scale), round(5_000 * scale)):
        seconds = _cpu(lambda n=count: run(many_entities(n)))
        print(f"| {count:,} | {seconds:.3f} | {seconds / count * 1000:.3f} |", flush=True)


def faqio(scale: float) -> None:
    from tests.faqio.helpers import parse_path
    from tests.faqio.test_limits import big_csv

    megabytes = max(1, round(20 * scale))
    with tempfile.TemporaryDirectory() as tmp:
        path, count = big_csv(Path(tmp) / "big.csv", megabytes)
        seconds = _cpu(lambda: parse_path(path))
    print("| file | rows | CPU s |\n| --- | --- | --- |")
    print(f"| {megabytes} MB | {count:,} | {seconds:.2f} |")


def zip_bomb() -> None:
    from tests.hardening.test_zip_bombs import docx_bomb_bytes

    from jichitai_ai import archives

    bomb = docx_bomb_bytes()
    refused = ""

    def check() -> None:
        nonlocal refused
        try:
            archives.check_upload("reiki.docx", bomb)
        except archives.ExpansionRefused as exc:
            refused = exc.key

    seconds = _cpu(check)
    print("| input | refused as | CPU s |\n| --- | --- | --- |")
    print(f"| DOCX, {len(bomb) / 1e6:.1f} MB declaring 50 MB | {refused} | {seconds:.4f} |")


def import_latency(rows: int) -> None:
    import statistics
    import threading
    from dataclasses import replace

    from fastapi.testclient import TestClient
    from tests.hardening.test_event_loop import _csv, editor_key

    from jichitai_ai.config import Settings
    from jichitai_ai.services.platform import Platform
    from jichitai_ai.storage import migrate
    from jichitai_ai.web.app import create_app

    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{tmp}/bench.db"
        platform = Platform(replace(Settings(), database_url=url, secret_key="bench"))
        migrate.upgrade(platform.db)
        key = editor_key(platform)
        body = _csv(rows)
        took: dict[str, float] = {}
        with TestClient(create_app(platform=platform)) as client:

            def do_import() -> None:
                started = time.perf_counter()
                response = client.post(
                    "/api/v1/tenants/aoba/faq/import",
                    files={"file": ("faq.csv", body, "text/csv")},
                    headers=key,
                )
                assert response.status_code == 200, response.text
                took["seconds"] = time.perf_counter() - started

            worker = threading.Thread(target=do_import)
            worker.start()
            latencies: list[float] = []
            while worker.is_alive():
                started = time.perf_counter()
                client.get("/healthz")
                latencies.append(time.perf_counter() - started)
                time.sleep(0.02)
            worker.join()
        platform.close()
    print("| rows | import s (wall) | /healthz probes | median s | max s |")
    print("| --- | --- | --- | --- | --- |")
    print(
        f"| {rows:,} | {took['seconds']:.1f} | {len(latencies)} | "
        f"{statistics.median(latencies):.3f} | {max(latencies):.3f} |"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--only", default="emergency,hostile,faqio,zip,import")
    parser.add_argument("--quick", action="store_true", help="a tenth of the sizes")
    args = parser.parse_args()
    scale = 0.1 if args.quick else 1.0
    parts: dict[str, Callable[[], None]] = {
        "emergency": emergency,
        "hostile": lambda: hostile(scale),
        "faqio": lambda: faqio(scale),
        "zip": zip_bomb,
        "import": lambda: import_latency(round(6000 * scale)),
    }
    for name in args.only.split(","):
        print(f"\n### {name}\n", flush=True)
        parts[name]()


if __name__ == "__main__":
    main()
