"""Neighbourhood search for fewest blocking coalitions (no stable allocation exists).

Instances with twins from two generators; the start is the deferred acceptance
result. The search must keep every hard constraint, count coalitions exactly as
the independent checker does, never get worse, and be deterministic.
"""

from __future__ import annotations

import pytest

from jichitai_ai.hoiku import run
from jichitai_ai.hoiku._checker import check_placement
from jichitai_ai.hoiku._fast import deferred_acceptance
from jichitai_ai.hoiku._local import reduce_blocking
from jichitai_ai.hoiku._problem import compile_problem
from tests.hoiku.randomized import Spec, random_instance
from tests.hoiku.variant import VariantSpec, variant_instance

CASES = [
    ("mallows", random_instance(Spec(200, 8, twins=0.4, seat_ratio=0.7), 5)),
    ("variant", variant_instance(VariantSpec(200, 16, districts=4, max_wishes=3), 6)),
]


@pytest.mark.parametrize(("name", "inst"), CASES, ids=[c[0] for c in CASES])
def test_search_keeps_hard_constraints_and_never_gets_worse(name: str, inst: object) -> None:
    pb = compile_problem(inst)  # type: ignore[arg-type]
    start = deferred_acceptance(pb, variant=0, seed=0, cycle_visits=20).placed
    before = check_placement(pb, start)
    assert not before.violations and before.blocking, name  # an unstable start
    out = reduce_blocking(pb, start, work_budget=3.0)
    after = check_placement(pb, out.placed)
    assert not after.violations, name
    assert out.blocking == len(after.blocking), name  # its own count is the checker's
    assert (len(after.blocking), -after.placed) <= (len(before.blocking), -before.placed)
    assert len(after.blocking) < len(before.blocking), name
    again = reduce_blocking(pb, start, work_budget=3.0)
    assert again.placed == out.placed and again.trace[-1][:4] == out.trace[-1][:4]


def test_proven_minimum_is_reported_as_the_lower_bound() -> None:
    """Small enough for the proof: the bound equals the count returned."""
    inst = random_instance(Spec(60, 4, twins=0.6, seat_ratio=0.6), 11)
    alloc = run(inst)
    if alloc.stable_exists:
        pytest.fail("the instance was chosen to have no stable allocation")
    assert alloc.optimal and alloc.blocking_bound == len(alloc.report.blocking) >= 1
