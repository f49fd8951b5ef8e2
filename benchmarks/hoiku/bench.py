"""Benchmark: jichitai-ai hoiku (auto / fast / exact) beside ChilmAI on identical generated files.

    OMP_NUM_THREADS=1 PYTHONPATH=src:. python benchmarks/hoiku/bench.py --generator mallows \
        --phi 1.0 --siblings 0.3 --methods auto \
        --chilmai-python /path/to/venv-with-chilmai/bin/python --chilmai-timeout 300

``--generator variant`` uses tests/hoiku/variant.py (written after the solver, never tuned
on: facility points with many ties, households of up to four, half a seat per applicant).
``--generator mallows`` uses the test suite's own generator (tests/hoiku/randomized.py:
per-facility priorities from a Mallows model, φ = 1.0 → independent orders, siblings
with patterns 1–7, transfer applicants, tight seats), not the package's.

Each system runs in its own process on the same ChilmAI-layout CSV files; wall
time and peak RSS are those of that process (start-up, reading, solving,
writing). Every result file, ours or ChilmAI's, is judged by our independent
checker with the Sun et al. (AAAI-24) blocking-coalition definition.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from jichitai_ai.hoiku._generate import generate, write_chilmai
from jichitai_ai.hoiku.service import load_instance, load_result

HERE = Path(__file__).resolve().parent


@dataclass
class Row:
    children: int
    facilities: int
    system: str
    status: str
    seconds: float
    cpu: float
    peak_mb: float
    placed: int | None = None
    violations: int | None = None
    blocking: int | None = None


def _run(
    cmd: list[str], timeout: float, env: dict[str, str]
) -> tuple[str, float, float, float, str]:
    """Run a command; return (status, wall seconds, CPU seconds, peak RSS MB, stdout)."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, start_new_session=True
    )
    status = "ok"
    while True:
        pid, code, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        if time.perf_counter() - start > timeout:
            os.killpg(proc.pid, signal.SIGKILL)
            pid, code, usage = os.wait4(proc.pid, 0)
            status = "timeout"
            break
        time.sleep(0.05)
    seconds = time.perf_counter() - start
    out = proc.stdout.read().decode() if proc.stdout else ""
    err = proc.stderr.read().decode() if proc.stderr else ""
    if status == "ok" and code != 0:
        status = f"exit {code >> 8}: {err.strip().splitlines()[-1][:80] if err.strip() else ''}"
    cpu = usage.ru_utime + usage.ru_stime
    return status, seconds, cpu, usage.ru_maxrss / 1024, out


def _judge(row: Row, folder: Path, result: Path) -> None:
    inst = load_instance(folder, "chilmai")
    rep = load_result(inst, result.read_bytes(), result.name).report
    row.placed, row.violations, row.blocking = rep.placed, len(rep.violations), len(rep.blocking)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="500:20,2000:80,8000:311", help="children:facilities,...")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument(
        "--bonus", type=float, default=0.0, help="share of children with facility-specific points"
    )
    ap.add_argument("--siblings", type=float, default=0.12, help="share of families with siblings")
    ap.add_argument(
        "--gadgets", type=int, default=0, help="copies of Roth's no-stable couples example"
    )
    ap.add_argument("--generator", choices=["package", "mallows", "variant"], default="package")
    ap.add_argument("--phi", type=float, default=1.0, help="Mallows dispersion (mallows generator)")
    ap.add_argument("--transfers", type=float, default=0.08, help="mallows generator")
    ap.add_argument("--twins", type=float, default=0.0, help="mallows generator: same-age siblings")
    ap.add_argument("--seat-ratio", type=float, default=0.75, help="mallows generator")
    ap.add_argument("--seeds", default="", help="several seeds, comma separated (overrides --seed)")
    ap.add_argument("--methods", default="auto")
    ap.add_argument("--exact-limit", type=float, default=60.0)
    ap.add_argument("--exact-max-children", type=int, default=2000)
    ap.add_argument("--chilmai-python", default="", help="python of a venv with chilmai installed")
    ap.add_argument("--chilmai-timeout", type=float, default=300.0)
    ap.add_argument("--chilmai-limit", type=float, default=60.0, help="ChilmAI max_time_seconds")
    ap.add_argument("--work", default="/tmp/hoiku-bench")
    args = ap.parse_args()
    env = {**os.environ, "OMP_NUM_THREADS": "1"}
    rows: list[Row] = []
    seeds = [int(x) for x in args.seeds.split(",")] if args.seeds else [args.seed]
    for spec, seed in [(sp, sd) for sp in args.sizes.split(",") for sd in seeds]:
        n, m = (int(x) for x in spec.split(":"))
        if args.generator == "variant":
            sys.path.insert(0, str(HERE.parents[1]))
            from tests.hoiku.variant import VariantSpec, variant_instance

            folder = Path(args.work) / f"variant_n{n}_f{m}_s{seed}"
            inst = variant_instance(VariantSpec(n, m, districts=max(1, m // 8)), seed)
        elif args.generator == "mallows":
            sys.path.insert(0, str(HERE.parents[1]))  # the repository root, for tests.hoiku
            from tests.hoiku.randomized import Spec, random_instance

            folder = Path(args.work) / (
                f"mallows_n{n}_f{m}_s{seed}_phi{args.phi}_sib{args.siblings}"
                f"_t{args.transfers}_tw{args.twins}_r{args.seat_ratio}"
            )
            inst = random_instance(
                Spec(
                    n,
                    m,
                    phi=args.phi,
                    siblings=args.siblings,
                    transfers=args.transfers,
                    seat_ratio=args.seat_ratio,
                    twins=args.twins,
                ),
                seed,
            )
        else:
            folder = (
                Path(args.work)
                / f"n{n}_f{m}_s{seed}_b{args.bonus}_sib{args.siblings}_g{args.gadgets}"
            )
            inst = generate(
                n,
                m,
                seed=seed,
                bonus_share=args.bonus,
                sibling_share=args.siblings,
                no_stable_gadgets=args.gadgets,
            )
        write_chilmai(inst, folder)
        for method in args.methods.split(","):
            if method == "exact" and n > args.exact_max_children:
                continue
            out = folder / f"ours_{method}.csv"
            cmd = [sys.executable, "-m", "jichitai_ai.hoiku", "run", str(folder)]
            cmd += ["--format", "chilmai", "--out", str(out), "--json"]
            if method != "auto":  # auto is the default: run with no options at all
                cmd += ["--method", method, "--time-limit", str(args.exact_limit)]
            status, secs, cpu, mb, stdout = _run(cmd, args.exact_limit * 3 + 600, env)
            row = Row(
                len(inst.children),
                len(inst.facilities),
                f"jichitai-ai {method} (seed {seed})",
                status,
                secs,
                cpu,
                mb,
            )
            if status == "ok":
                info = json.loads(stdout)
                if info.get("optimal"):
                    row.status = "ok (optimal)"
                if info.get("stable_exists") is False:
                    row.status += " no stable exists"
                _judge(row, folder, out)
            rows.append(row)
            print(json.dumps(row.__dict__, ensure_ascii=False), flush=True)
        if args.chilmai_python:
            out = folder / "chilmai.csv"
            cmd = [
                args.chilmai_python,
                str(HERE / "chilmai_runner.py"),
                str(folder),
                str(out),
                str(args.chilmai_limit),
            ]
            status, secs, cpu, mb, stdout = _run(cmd, args.chilmai_timeout, env)
            row = Row(
                len(inst.children),
                len(inst.facilities),
                f"ChilmAI 0.2.2 (seed {seed})",
                status,
                secs,
                cpu,
                mb,
            )
            if status == "ok":
                info = json.loads(stdout.strip().splitlines()[-1])
                if info["status"] == "ok":
                    _judge(row, folder, out)
                else:
                    row.status = "no result: " + info["error"][:60]
            rows.append(row)
            print(json.dumps(row.__dict__, ensure_ascii=False), flush=True)
    print()
    print(
        "| children | facilities | system | status | wall s | CPU s | peak MB | placed | violations | blocking |"
    )
    print("|---:|---:|---|---|---:|---:|---:|---:|---:|---:|")
    for r in rows:

        def f(v: int | None) -> str:
            return "–" if v is None else str(v)

        print(
            f"| {r.children} | {r.facilities} | {r.system} | {r.status} | {r.seconds:.1f} | {r.cpu:.1f} | {r.peak_mb:.0f} | {f(r.placed)} | {f(r.violations)} | {f(r.blocking)} |"
        )


if __name__ == "__main__":
    main()
