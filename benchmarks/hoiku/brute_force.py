"""The suite's differential test, larger: ``run`` (no options) against full enumeration.

    OMP_NUM_THREADS=1 PYTHONPATH=src:. python benchmarks/hoiku/brute_force.py --instances 1000

Instances come from tests/hoiku/randomized.py (Mallows priorities up to φ = 1.0,
siblings with patterns 1–7 and twins, transfer applicants, tight seats); the
brute force there counts blocking coalitions from the definitions. The optimum is
(fewest blocking coalitions, then most placed).
"""

from __future__ import annotations

import argparse
import math
import time

from tests.hoiku.randomized import brute_force, judge
from tests.hoiku.test_differential import combos_by_family, small
from tests.hoiku.test_variant import MAX_ENUMERATION, small_variant

from jichitai_ai.hoiku import run
from jichitai_ai.hoiku._problem import NONE


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--instances", type=int, default=1000)
    ap.add_argument("--first-seed", type=int, default=10_000, help="the suite uses 0–199")
    ap.add_argument(
        "--generator",
        choices=["mallows", "variant"],
        default="mallows",
        help="variant: tests/hoiku/variant.py (the suite uses seeds 20,000–20,079)",
    )
    args = ap.parse_args()
    make = small_variant if args.generator == "variant" else small
    skipped = 0
    no_stable = match = feasible = 0
    mismatches: list[int] = []
    start = time.perf_counter()
    for seed in range(args.first_seed, args.first_seed + args.instances):
        inst = make(seed)
        combos = combos_by_family(inst)
        size = math.prod(len(c) + 1 for c in combos.values())
        if args.generator == "variant" and size > MAX_ENUMERATION:
            skipped += 1
            continue
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
    print(f"left out (enumeration above {MAX_ENUMERATION:,}): {skipped}")
    print(f"without a stable allocation: {no_stable}")
    checked = args.instances - skipped
    print(f"hard constraints kept: {feasible}/{checked}")
    print(f"run (no options) = brute-force optimum: {match}/{checked}")
    if mismatches:
        print("mismatching seeds:", mismatches[:50])


if __name__ == "__main__":
    main()
