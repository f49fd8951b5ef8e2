"""The default method against brute force on a second generator nothing was tuned on.

tests/hoiku/variant.py: facility-specific points with many ties (file order breaks
them), households of up to four children (often twins or triplets), all seven
patterns, transfer applicants, about half a seat per applicant.
"""

from __future__ import annotations

import math
import random

from jichitai_ai.hoiku import Instance, run
from jichitai_ai.hoiku._problem import NONE
from tests.hoiku.randomized import brute_force, judge
from tests.hoiku.test_differential import combos_by_family
from tests.hoiku.variant import VariantSpec, variant_instance

N_INSTANCES = 80
#: Enumerations above this many allocations are left out (counted, never silently).
MAX_ENUMERATION = 20_000


def small_variant(seed: int) -> Instance:
    rng = random.Random(seed)
    spec = VariantSpec(
        children=rng.randint(3, 7),
        facilities=rng.randint(2, 3),
        districts=rng.randint(1, 2),
        siblings=rng.choice([0.5, 0.8]),
        multiples=rng.choice([0.3, 0.7]),
        transfers=rng.choice([0.1, 0.3]),
        seat_ratio=rng.choice([0.3, 0.5]),
        max_wishes=rng.randint(1, 3),
        ages=rng.randint(1, 3),
    )
    return variant_instance(spec, seed)


def check_variant(seed: int) -> tuple[bool, bool, int, bool] | None:
    """(matches brute force, feasible, fewest coalitions, large household); None if too big."""
    inst = small_variant(seed)
    combos = combos_by_family(inst)
    if math.prod(len(c) + 1 for c in combos.values()) > MAX_ENUMERATION:
        return None
    best = brute_force(inst, combos)
    alloc = run(inst)
    assignment = {
        c.id: (inst.facilities[d].id if d != NONE else None)
        for c, d in zip(inst.children, alloc.placed, strict=True)
    }
    verdict = judge(inst, assignment, combos)
    assert verdict.blocking == len(alloc.report.blocking), seed  # the checker agrees
    assert alloc.stable_exists is (best[0] == 0) or not verdict.feasible, seed
    sizes: dict[str, int] = {}
    for c in inst.children:
        sizes[c.family_id] = sizes.get(c.family_id, 0) + 1
    return (
        (verdict.blocking, verdict.placed) == best,
        verdict.feasible,
        best[0],
        max(sizes.values()) >= 3,
    )


def test_default_method_matches_brute_force_on_the_second_generator() -> None:
    checked = without_stable = large = 0
    for seed in range(N_INSTANCES):
        out = check_variant(20_000 + seed)
        if out is None:
            continue
        match, feasible, fewest, big = out
        assert feasible and match, 20_000 + seed
        checked += 1
        without_stable += fewest > 0
        large += big
    assert checked >= N_INSTANCES * 3 // 4 and large >= 10 and without_stable >= 1
