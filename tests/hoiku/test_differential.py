"""Differential test: the default method against a brute-force enumeration on small random instances.

Instances come from this folder's own generator (Mallows φ up to 1.0, heavy
siblings, transfers, tight seats). For each one the brute force finds the
fewest blocking coalitions any feasible allocation can have, and the most
children placed among those; ``run`` with no options must reach exactly that,
and never break a hard constraint — judged by the brute force's own counting.
"""

from __future__ import annotations

import random

from jichitai_ai.hoiku import Instance, run
from jichitai_ai.hoiku._problem import NONE, compile_problem
from tests.hoiku.randomized import Spec, brute_force, judge

N_INSTANCES = 200


def combos_by_family(inst: Instance) -> dict[str, list[tuple[str | None, ...]]]:
    """The family preference lists (the problem definition), keyed like the judge's families."""
    pb = compile_problem(inst)
    fids = [f.id for f in inst.facilities]
    out: dict[str, list[tuple[str | None, ...]]] = {}
    for fi, fam in enumerate(pb.families):
        first = inst.children[fam[0]]
        key = first.family_id if len(fam) > 1 or first.policy.value else f"_{first.id}"
        out[key] = [tuple(None if d == NONE else fids[d] for d in c) for c in pb.combos[fi]]
    return out


def small(seed: int) -> Instance:
    rng = random.Random(seed)
    spec = Spec(
        children=rng.randint(3, 7),
        facilities=rng.randint(2, 3),
        phi=rng.choice([0.3, 0.7, 1.0, 1.0]),
        siblings=rng.choice([0.3, 0.6]),
        transfers=rng.choice([0.2, 0.4]),
        seat_ratio=rng.choice([0.4, 0.7]),
        max_wishes=rng.randint(1, 3),
        ages=rng.choice([1, 2]),
    )
    from tests.hoiku.randomized import random_instance

    return random_instance(spec, seed)


def test_default_method_matches_brute_force_on_hundreds_of_small_instances() -> None:
    without_stable = siblings = transfers = 0
    for seed in range(N_INSTANCES):
        inst = small(seed)
        combos = combos_by_family(inst)
        best_blocking, best_placed = brute_force(inst, combos)
        alloc = run(inst)
        assignment = {
            c.id: (inst.facilities[d].id if d != NONE else None)
            for c, d in zip(inst.children, alloc.placed, strict=True)
        }
        verdict = judge(inst, assignment, combos)
        assert verdict.feasible, seed
        assert verdict.blocking == len(alloc.report.blocking), seed  # the package's checker agrees
        assert (verdict.blocking, verdict.placed) == (best_blocking, best_placed), seed
        assert alloc.stable_exists is (best_blocking == 0), seed
        without_stable += best_blocking > 0
        siblings += any(c.policy.value for c in inst.children)
        transfers += any(c.enrolled_facility for c in inst.children)
    # the sample really covers the hard cases
    assert without_stable >= 5 and siblings >= N_INSTANCES // 3 and transfers >= N_INSTANCES // 6
