"""Compare fast and exact with a full enumeration on tiny random instances.

    OMP_NUM_THREADS=1 .venv/bin/python benchmarks/hoiku/brute_force.py --instances 300

Instances have facility-specific priorities, siblings (patterns 1, 4, 5, 7) and transfers, so
some have no stable allocation. The optimum is (fewest blocking coalitions, most placed).
"""

from __future__ import annotations

import argparse
import itertools
import random

from jichitai_ai.hoiku import Child, Facility, Instance, SiblingPolicy, run
from jichitai_ai.hoiku._checker import check_placement
from jichitai_ai.hoiku._model import DEFAULT_TIEBREAKS
from jichitai_ai.hoiku._problem import NONE, compile_problem

POLICIES = [
    SiblingPolicy.TOGETHER,
    SiblingPolicy.PREFER_SAME,
    SiblingPolicy.ALL_PREFER_SAME,
    SiblingPolicy.OWN_ORDER,
]


def tiny(seed: int) -> Instance:
    rng = random.Random(seed)
    nf = rng.randint(2, 3)
    facs = tuple(
        Facility(f"F{k}", f"F{k}", tuple(rng.randint(0, 2) if g < 2 else 0 for g in range(6)))
        for k in range(nf)
    )
    kids: list[Child] = []
    fam = 0
    target = rng.randint(4, 7)
    while len(kids) < target:
        fam += 1
        size = rng.choice([1, 1, 2])
        policy = rng.choice(POLICIES) if size > 1 else SiblingPolicy.INDEPENDENT
        for _ in range(size):
            prefs = rng.sample([f.id for f in facs], rng.randint(1, nf))
            scores = {p: float(rng.randint(1, 5)) for p in prefs}
            enrolled = None
            if size == 1 and rng.random() < 0.2:
                others = [f.id for f in facs if f.id not in prefs]
                enrolled = rng.choice(others) if others else None
            kids.append(
                Child(
                    f"c{len(kids)}",
                    f"h{fam}",
                    rng.randint(0, 1),
                    3.0,
                    tuple(prefs),
                    enrolled,
                    policy,
                    scores,
                )
            )
    return Instance(facs, tuple(kids), (), DEFAULT_TIEBREAKS, seed)


def optimum(inst: Instance) -> tuple[int, int]:
    pb = compile_problem(inst)
    best: tuple[int, int] | None = None
    for choice in itertools.product(*[range(len(c) + 1) for c in pb.combos]):
        placed = [NONE] * pb.n_children
        for fi, p in enumerate(choice):
            if p < len(pb.combos[fi]):
                for i, d in zip(pb.families[fi], pb.combos[fi][p], strict=True):
                    placed[i] = d
        rep = check_placement(pb, placed)
        if not rep.violations:
            key = (len(rep.blocking), -rep.placed)
            best = key if best is None or key < best else best
    assert best is not None
    return best


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--instances", type=int, default=300)
    args = ap.parse_args()
    no_stable = exact_ok = fast_ok = fast_ok_no_stable = 0
    for seed in range(args.instances):
        inst = tiny(seed)
        best = optimum(inst)
        exact = run(inst, "exact", time_limit=10)
        fast = run(inst, "fast")
        exact_ok += (len(exact.report.blocking), -exact.placed_count) == best
        hit = (len(fast.report.blocking), -fast.placed_count) == best
        fast_ok += hit
        if best[0] > 0:
            no_stable += 1
            fast_ok_no_stable += hit
    print(f"instances: {args.instances}, without a stable allocation: {no_stable}")
    print(f"exact reached the optimum: {exact_ok}/{args.instances}")
    print(
        f"fast reached the optimum: {fast_ok}/{args.instances} ({fast_ok_no_stable}/{no_stable} without a stable allocation)"
    )


if __name__ == "__main__":
    main()
