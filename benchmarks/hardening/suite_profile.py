"""Where the test suite's time goes: wall and CPU of every test phase, per xdist worker.

CI has a 20-minute limit and two cores; a whole-suite ``--durations`` run under load says
little, and wall time alone hides whether a test computes or waits (on PostgreSQL, Chromium,
Tesseract, a stand-in server). As a pytest plugin this writes one JSON line per test phase
(setup / call / teardown: wall seconds and this process's CPU seconds) to
``$SUITE_PROFILE_DIR/<worker>.jsonl``; run as a module it sums them per directory and file::

    SUITE_PROFILE_DIR=/tmp/sp PYTHONPATH=. .venv/bin/python -m pytest -q -n 2 -p benchmarks.hardening.suite_profile
    python -m benchmarks.hardening.suite_profile /tmp/sp 40

Wall minus CPU is time spent waiting: on other processes (whose CPU is not counted here) or
on the other worker for the cores.
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

import pytest

_out: IO[str] | None = None


def _record(nodeid: str, phase: str, wall: float, cpu: float) -> None:
    global _out
    if _out is None:
        folder = Path(os.environ.get("SUITE_PROFILE_DIR", "suite-profile"))
        folder.mkdir(parents=True, exist_ok=True)
        worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
        _out = open(folder / f"{worker}.jsonl", "a", encoding="utf-8")  # noqa: SIM115
    _out.write(json.dumps({"id": nodeid, "phase": phase, "wall": wall, "cpu": cpu}) + "\n")
    _out.flush()


def _timed(item: pytest.Item, phase: str) -> Iterator[None]:
    wall, cpu = time.perf_counter(), time.process_time()
    yield
    _record(item.nodeid, phase, time.perf_counter() - wall, time.process_time() - cpu)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_setup(item: pytest.Item) -> Iterator[None]:
    yield from _timed(item, "setup")


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Iterator[None]:
    yield from _timed(item, "call")


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item: pytest.Item) -> Iterator[None]:
    yield from _timed(item, "teardown")


def report(folder: Path, top: int) -> None:
    """Wall and CPU summed per directory (all of it) and per file (the ``top`` slowest)."""
    dirs: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
    files: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
    for path in sorted(folder.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            row: dict[str, Any] = json.loads(line)
            file = row["id"].split("::")[0]
            for table, key in ((dirs, "/".join(file.split("/")[:2])), (files, file)):
                table[key][0] += row["wall"]
                table[key][1] += row["cpu"]
                table[key][2] += row["phase"] == "call"
    total_wall = sum(v[0] for v in dirs.values())
    total_cpu = sum(v[1] for v in dirs.values())
    print(f"all tests: wall {total_wall:.0f} s, CPU in the test processes {total_cpu:.0f} s")
    for title, table, limit in (("directory", dirs, len(dirs)), ("file", files, top)):
        print(f"\n{'wall s':>8} {'CPU s':>8} {'tests':>6}  {title}")
        for key, (wall, cpu, count) in sorted(table.items(), key=lambda kv: -kv[1][0])[:limit]:
            print(f"{wall:8.1f} {cpu:8.1f} {int(count):6d}  {key}")


if __name__ == "__main__":
    report(Path(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 30)
