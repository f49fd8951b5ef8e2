"""The suite's differential test, larger: ``run`` (no options) against full enumeration.

    OMP_NUM_THREADS=1 PYTHONPATH=src:. python benchmarks/hoiku/brute_force.py --instances 1000

Instances come from tests/hoiku/randomized.py (Mallows priorities up to φ = 1.0,
siblings with patterns 1–7 and twins, transfer applicants, tight seats); the
brute force there counts blocking coalitions from the definitions. The optimum is
(fewest blocking coalitions, then most placed).
"""

from __future__ import annotations

import argparse
import time

from tests.hoiku.randomized import brute_force, judge
from tests.hoiku.test_differential import combos_by_family, small

from jichitai_ai.hoiku import run
from jichitai_ai.hoiku._problem import NONE


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--instances", type=int, default=1000)
    ap.add_argument("--first-seed", type=int, default=10_000, help="the suite uses 0–199")
    args = ap.parse_args()
    no_stable = match = feasible = 0
    mismatches: list[int] = []
    start = time.perf_counter()
    for seed in range(args.first_seed, args.first_seed + args.instances):
        inst = small(seed)
        combos = combos_by_family(inst)
        best = brute_force(inst, combos)
        alloc = run(inst)
        assignment = {
            c.id: (inst.facilities[d].id if d != NONE else None)
            for c, d in zip(inst.children, alloc.placed, strict=True)
        }
        v = judge(inst, assignment, combos)
        feasible += v.feasible
        no_stable += best[0] > 0
        if (v.blocking, v.placed) == best:
            match += 1
        else:
            mismatches.append(seed)
    print(
        f"instances: {args.instances} (seeds from {args.first_seed}), {time.perf_counter() - start:.0f} s"
    )
    print(f"without a stable allocation: {no_stable}")
    print(f"hard constraints kept: {feasible}/{args.instances}")
    print(f"run (no options) = brute-force optimum: {match}/{args.instances}")
    if mismatches:
        print("mismatching seeds:", mismatches[:50])


if __name__ == "__main__":
    main()
