"""Hard guarantees: enrolled children keep a seat, results are deterministic, broken ones are refused."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from jichitai_ai.hoiku import AllocationRefused, run
from jichitai_ai.hoiku import _solve as solve_module
from jichitai_ai.hoiku._fast import deferred_acceptance
from jichitai_ai.hoiku._problem import NONE, compile_problem
from jichitai_ai.hoiku._writer import write_native
from jichitai_ai.hoiku.cli import app
from tests.hoiku.randomized import Spec, random_instance

HARD = Spec(140, 8, phi=1.0, siblings=0.45, transfers=0.25, seat_ratio=0.6)


def _enrolled_keep_a_seat(inst: Any, placed: list[int]) -> None:
    pb = compile_problem(inst)
    fac = {f.id: k for k, f in enumerate(inst.facilities)}
    for i, c in enumerate(inst.children):
        if c.enrolled_facility is None:
            continue
        d = placed[i]
        assert d != NONE, f"{c.id} lost its seat"
        # current facility, or one of its wishes (a wish is better than staying)
        assert d == fac[c.enrolled_facility] or inst.facilities[d].id in c.preferences
    assert pb  # compiled without error


CROWDED = Spec(120, 4, phi=1.0, siblings=0.7, transfers=0.3, seat_ratio=0.4)


# seeds 4 and 7: the old fast method left 1 and 3 enrolled children without a seat
@pytest.mark.parametrize("seed", [4, 7, 0])
def test_transfer_applicants_keep_a_seat_in_every_method(seed: int) -> None:
    inst = random_instance(CROWDED, seed)
    assert sum(1 for c in inst.children if c.enrolled_facility) >= 12
    for method in ("fast", "auto"):
        alloc = run(inst, method)
        assert alloc.report.violations == []
        _enrolled_keep_a_seat(inst, alloc.placed)


@pytest.mark.parametrize("steps", [0, 1, 7, 50, 400])
def test_a_cut_step_budget_still_returns_a_feasible_state(steps: int) -> None:
    """The old loop returned its half-finished state: enrolled children without any seat."""
    inst = random_instance(HARD, 11)
    pb = compile_problem(inst)
    out = deferred_acceptance(pb, max_steps=steps)
    assert out.budget_exhausted
    _enrolled_keep_a_seat(inst, out.placed)
    from jichitai_ai.hoiku._checker import check_placement

    assert check_placement(pb, out.placed).violations == []


def test_same_input_same_result_whatever_the_time_limit() -> None:
    inst = random_instance(Spec(260, 12, phi=1.0, siblings=0.35), 4)
    first = run(inst, "auto", time_limit=300)
    again = run(inst, "auto", time_limit=120)
    assert first.placed == again.placed
    fast = [run(inst, "fast", time_limit=t).placed for t in (1.0, 60.0)]
    assert fast[0] == fast[1]


def _broken(problem: Any, seed: int, notes: list[str], **_: Any) -> Any:
    from jichitai_ai.hoiku._checker import check_placement

    placed = [NONE] * problem.n_children  # everyone out, enrolled children included
    return placed, check_placement(problem, placed)


def test_run_refuses_a_result_that_breaks_a_hard_constraint(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    inst = random_instance(HARD, 2)
    monkeypatch.setattr(solve_module, "_fast", _broken)
    with pytest.raises(AllocationRefused) as err:
        run(inst, "fast")
    assert {v.kind for v in err.value.violations} == {"transfer"}
    folder = tmp_path / "inst"
    write_native(inst, folder)
    out = tmp_path / "result.csv"
    res = CliRunner().invoke(app, ["run", str(folder), "--method", "fast", "--out", str(out)])
    assert res.exit_code == 3
    assert "ハード制約に違反" in res.output and "transfer" in res.output
    assert not out.exists()
