"""The checker fails deliberately broken allocations and passes good ones."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from jichitai_ai.hoiku import check, load_instance, outcomes, run
from jichitai_ai.hoiku._generate import generate


def _instance(b: Any) -> Path:
    return b.make(
        [b.fac("A", {1: 1, 0: 1}), b.fac("B", {1: 1, 2: 0})],
        [
            b.kid("x", 1, 50, ["A", "B"]),
            b.kid("y", 1, 40, ["A", "B"]),
            b.kid("s1", 1, 30, ["A"], family="F", policy="同時入所"),
            b.kid("s0", 0, 30, ["A"], family="F", policy="同時入所"),
            b.kid("t", 2, 10, ["A"], enrolled="B"),
        ],
    )


def test_good_allocation_passes(b: Any) -> None:
    inst = load_instance(_instance(b))
    alloc = run(inst)
    assert alloc.report.ok
    got = {o.child_id: o.facility_id for o in outcomes(alloc)}
    assert check(inst, got).ok


def test_broken_allocations_fail(b: Any) -> None:
    inst = load_instance(_instance(b))
    good = {"x": "A", "y": "B", "s1": None, "s0": None, "t": "B"}
    assert check(inst, good).ok

    over = {**good, "y": "A"}  # two 1-year-olds at A with one place
    kinds = {v.kind for v in check(inst, over).violations}
    assert "capacity" in kinds

    split = {**good, "s0": "A"}  # together-siblings split up
    assert {v.kind for v in check(inst, split).violations} >= {"sibling"}

    lost = {**good, "t": None}  # transfer applicant loses its seat
    assert {v.kind for v in check(inst, lost).violations} >= {"transfer"}

    unwanted = {**good, "y": None, "x": "B"}  # x refused A although A is free for it
    rep = check(inst, unwanted)
    assert not rep.violations and rep.blocking
    assert any(bc.family_children == ("x",) and bc.facilities == ("A",) for bc in rep.blocking)

    envy = {**good, "x": "B", "y": "A"}  # y (40) took A, x (50) wanted A more
    rep = check(inst, envy)
    assert any(bc.family_children == ("x",) for bc in rep.blocking)

    wasteful = {**good, "y": None}  # B still has a place y wants
    assert check(inst, wasteful).blocking

    not_wished = {**good, "x": None, "y": "B", "t": "A"}
    assert "preference" not in {v.kind for v in check(inst, {**good, "t": "A"}).violations}
    assert check(inst, not_wished).blocking or check(inst, not_wished).violations


def test_benchmark_sized_instance_passes_the_checker() -> None:
    inst = generate(2000, 80, seed=5, bonus_share=0.1)
    alloc = run(inst, "fast")
    assert alloc.report.ok, alloc.notes
    got = {o.child_id: o.facility_id for o in outcomes(alloc)}
    assert check(inst, got).placed == alloc.placed_count


@pytest.mark.slow
def test_largest_benchmark_instance_is_stable() -> None:
    # its speed is measured in benchmarks/hoiku/bench.py, not asserted here
    inst = generate(8000, 311, seed=1)
    alloc = run(inst, "fast")
    assert alloc.report.ok and alloc.placed_count > 5000
