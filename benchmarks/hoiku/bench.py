"""Benchmark: jichitai-ai hoiku (fast / exact) beside ChilmAI on identical generated files.

    OMP_NUM_THREADS=1 .venv/bin/python benchmarks/hoiku/bench.py \
        --chilmai-python /work/bench-venv/bin/python --chilmai-timeout 300

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
    peak_mb: float
    placed: int | None = None
    violations: int | None = None
    blocking: int | None = None


def _run(cmd: list[str], timeout: float, env: dict[str, str]) -> tuple[str, float, float, str]:
    """Run a command; return (status, wall seconds, peak RSS MB, stdout)."""
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
    return status, seconds, usage.ru_maxrss / 1024, out


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
    ap.add_argument("--methods", default="fast,exact")
    ap.add_argument("--exact-limit", type=float, default=60.0)
    ap.add_argument("--exact-max-children", type=int, default=2000)
    ap.add_argument("--chilmai-python", default="", help="python of a venv with chilmai installed")
    ap.add_argument("--chilmai-timeout", type=float, default=300.0)
    ap.add_argument("--chilmai-limit", type=float, default=60.0, help="ChilmAI max_time_seconds")
    ap.add_argument("--work", default="/tmp/hoiku-bench")
    args = ap.parse_args()
    env = {**os.environ, "OMP_NUM_THREADS": "1"}
    rows: list[Row] = []
    for spec in args.sizes.split(","):
        n, m = (int(x) for x in spec.split(":"))
        folder = (
            Path(args.work)
            / f"n{n}_f{m}_s{args.seed}_b{args.bonus}_sib{args.siblings}_g{args.gadgets}"
        )
        inst = generate(
            n,
            m,
            seed=args.seed,
            bonus_share=args.bonus,
            sibling_share=args.siblings,
            no_stable_gadgets=args.gadgets,
        )
        write_chilmai(inst, folder)
        for method in args.methods.split(","):
            if method == "exact" and n > args.exact_max_children:
                continue
            out = folder / f"ours_{method}.csv"
            cmd = [
                sys.executable,
                "-m",
                "jichitai_ai.hoiku",
                "run",
                str(folder),
                "--format",
                "chilmai",
                "--method",
                method,
                "--out",
                str(out),
                "--json",
                "--time-limit",
                str(args.exact_limit),
            ]
            status, secs, mb, stdout = _run(cmd, args.exact_limit * 3 + 120, env)
            row = Row(
                len(inst.children), len(inst.facilities), f"jichitai-ai {method}", status, secs, mb
            )
            if status == "ok":
                info = json.loads(stdout)
                if info.get("optimal"):
                    row.status = "ok (optimal)"
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
            status, secs, mb, stdout = _run(cmd, args.chilmai_timeout, env)
            row = Row(len(inst.children), len(inst.facilities), "ChilmAI 0.2.2", status, secs, mb)
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
        "| children | facilities | system | status | wall s | peak MB | placed | violations | blocking |"
    )
    print("|---:|---:|---|---|---:|---:|---:|---:|---:|")
    for r in rows:

        def f(v: int | None) -> str:
            return "–" if v is None else str(v)

        print(
            f"| {r.children} | {r.facilities} | {r.system} | {r.status} | {r.seconds:.1f} | {r.peak_mb:.0f} | {f(r.placed)} | {f(r.violations)} | {f(r.blocking)} |"
        )


if __name__ == "__main__":
    main()
