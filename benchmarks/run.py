"""``make bench``: every speed and memory benchmark of the project, printed as tables.

Figures are printed, never asserted (timed tests are flaky on shared machines). Each part runs
in its own process so memory figures belong to that part alone. ``--quick`` runs smaller sizes.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time

# the test suite's own generator, φ = 1.0, 30 % siblings; `run` with no options (auto)
HOIKU = ["benchmarks/hoiku/bench.py", "--generator", "mallows", "--siblings", "0.3"]
HOIKU += ["--methods", "auto"]

PARTS: dict[str, tuple[list[str], list[str]]] = {
    # name: (full arguments, quick arguments)
    "faq": (
        ["-m", "jichitai_ai.benchmark.faq", "--sizes", "1000,10000,100000"],
        ["-m", "jichitai_ai.benchmark.faq", "--sizes", "1000,10000", "--modes", "lexical"],
    ),
    "privacy": (
        ["benchmarks/privacy/bench_throughput.py", "--profile", "strict"],
        ["benchmarks/privacy/bench_throughput.py", "--profile", "strict", "--count", "500"],
    ),
    "documents": (
        ["benchmarks/documents/scale.py", "--pages", "4500"],
        ["benchmarks/documents/scale.py", "--pages", "450", "--queries", "100"],
    ),
    "load": (
        ["benchmarks/load/mixed.py", "--workers", "4", "--seconds", "45"],
        [
            "benchmarks/load/mixed.py",
            "--workers",
            "2",
            "--seconds",
            "10",
            "--entries",
            "300",
            "--import-rows",
            "300",
        ],
    ),
    "hoiku": (
        [*HOIKU, "--sizes", "500:20,2000:80,8000:311"],
        [*HOIKU, "--sizes", "500:20,2000:80"],
    ),
    # hostile long inputs through every text entry point (red teams hr5, hr7, hr8)
    "hardening": (
        ["-m", "benchmarks.hardening.regex_cpu", "--sizes", "2500,10000,40000"],
        ["-m", "benchmarks.hardening.regex_cpu", "--sizes", "2500,10000"],
    ),
    "hardening-hr7": (
        ["benchmarks/hardening/hr7_cpu.py", "10000,40000,200000"],
        ["benchmarks/hardening/hr7_cpu.py", "10000,40000"],
    ),
    # timings that were asserted in tests (ci-cut): detectors, uploads, an import vs /healthz
    "hardening-suite": (
        ["-m", "benchmarks.hardening.suite_timings"],
        ["-m", "benchmarks.hardening.suite_timings", "--quick"],
    ),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--only", default=",".join(PARTS))
    args = parser.parse_args()
    env = dict(os.environ)
    env.setdefault("OMP_NUM_THREADS", "1")
    failed = []
    for name in args.only.split(","):
        full, quick = PARTS[name]
        command = [sys.executable, *(quick if args.quick else full)]
        print(f"\n## {name}: {' '.join(command[1:])}", flush=True)
        started = time.perf_counter()
        result = subprocess.run(command, env=env, check=False)
        print(f"({name}: {time.perf_counter() - started:.0f} s)", flush=True)
        if result.returncode != 0:
            failed.append(name)
    if failed:
        print(f"failed: {', '.join(failed)}", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
