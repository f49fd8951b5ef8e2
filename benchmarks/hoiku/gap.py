"""Fewest blocking coalitions: ``run`` (no options) against a CP-SAT proof of the minimum.

    OMP_NUM_THREADS=1 PYTHONPATH=src:. python benchmarks/hoiku/gap.py \
        --generator variant --sizes 60:4,120:6,200:10 --seeds 1,2,3 --reference-work 120

For every instance without a stable allocation: the count ``run`` returns, the lower
bound it reports, its CPU seconds, and a reference minimum from a separate CP-SAT run
over all families (fewest coalitions only, ``--reference-work`` deterministic units,
hinted with ``run``'s result). "gap" = returned − proven minimum; when the reference
does not finish, its best bound is printed instead and the gap is left open.
"""

from __future__ import annotations

import argparse
import time

from tests.hoiku.randomized import Spec, random_instance
from tests.hoiku.variant import VariantSpec, variant_instance

from jichitai_ai.hoiku import Instance, run
from jichitai_ai.hoiku._exact import solve_exact


def make(generator: str, n: int, m: int, seed: int) -> Instance:
    if generator == "variant":
        return variant_instance(VariantSpec(n, m, districts=max(1, m // 4)), seed)
    return random_instance(Spec(n, m, phi=1.0, siblings=0.3, twins=0.4, seat_ratio=0.7), seed)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--generator", choices=["mallows", "variant"], default="variant")
    ap.add_argument("--sizes", default="60:4,120:6,200:10")
    ap.add_argument("--seeds", default="1,2,3")
    ap.add_argument("--reference-work", type=float, default=120.0)
    args = ap.parse_args()
    print(
        "| children / facilities (seed) | run: coalitions | bound reported | run CPU s |"
        " reference minimum | gap |"
    )
    print("| --- | ---: | ---: | ---: | --- | ---: |")
    for size in args.sizes.split(","):
        n, m = (int(v) for v in size.split(":"))
        for seed in (int(s) for s in args.seeds.split(",")):
            inst = make(args.generator, n, m, seed)
            t0 = time.process_time()
            alloc = run(inst)
            cpu = time.process_time() - t0
            got = len(alloc.report.blocking)
            if alloc.stable_exists:
                print(f"| {n} / {m} ({seed}) | 0 (stable) | – | {cpu:.1f} | – | 0 |")
                continue
            ref = solve_exact(
                alloc.problem,
                hint=alloc.placed,
                blocking_only=True,
                work_limit=args.reference_work,
            )
            if ref.optimal:
                minimum, gap = f"{ref.blocking_bound} (proven)", str(got - ref.blocking_bound)
            else:
                minimum, gap = f"not proven ({ref.status})", "?"
            print(
                f"| {n} / {m} ({seed}) | {got} | {alloc.blocking_bound} | {cpu:.1f} |"
                f" {minimum} | {gap} |",
                flush=True,
            )


if __name__ == "__main__":
    main()
