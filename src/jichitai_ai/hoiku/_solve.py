"""Choose and run a solver, then let the independent checker judge the result."""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from jichitai_ai.hoiku._checker import CheckReport, check_placement
from jichitai_ai.hoiku._exact import solve_exact
from jichitai_ai.hoiku._fast import deferred_acceptance
from jichitai_ai.hoiku._model import Instance
from jichitai_ai.hoiku._problem import Problem, compile_problem


@dataclass
class Allocation:
    """One allocation with the checker's verdict and how it was obtained."""

    instance: Instance
    problem: Problem
    placed: list[int]
    method: str  # "fast" or "exact"
    optimal: bool  # exact solver proved optimality (always False for fast)
    report: CheckReport
    seconds: float
    notes: list[str] = field(default_factory=list)

    @property
    def placed_count(self) -> int:
        return self.report.placed

    @property
    def stable(self) -> bool:
        return self.report.ok


def _better(a: tuple[list[int], CheckReport], b: tuple[list[int], CheckReport] | None) -> bool:
    if b is None:
        return True
    ka = (len(a[1].violations), len(a[1].blocking), -a[1].placed)
    kb = (len(b[1].violations), len(b[1].blocking), -b[1].placed)
    return ka < kb


def _fast(
    problem: Problem, seed: int, budget: float, notes: list[str]
) -> tuple[list[int], CheckReport]:
    """Sorted DA in several proposal orders; keep the stable one that places most children."""
    start = time.perf_counter()
    best: tuple[list[int], CheckReport] | None = None
    best_out = None
    has_siblings = any(len(f) > 1 for f in problem.families)
    # six orders; up to 24 while every order so far left blocking coalitions
    variants = range(24) if has_siblings else range(1)
    tried = 0
    for variant in variants:
        if variant >= 6 and best is not None and not best[1].blocking:
            break
        out = deferred_acceptance(problem, variant=variant, seed=seed)
        tried += 1
        cand = (out.placed, check_placement(problem, out.placed))
        if _better(cand, best):
            best, best_out = cand, (variant, out)
        if time.perf_counter() - start > budget:
            break
    assert best is not None and best_out is not None
    variant, out = best_out
    notes.append(f"fast: proposal order {variant} kept ({tried} tried)")
    if not out.converged:
        notes.append(
            f"fast: proposals cycled; {out.set_aside} families set aside "
            f"(no stable allocation reachable by deferred acceptance; try --method exact)"
        )
    return best


def allocate(instance: Instance, method: str = "fast", time_limit: float = 60.0) -> Allocation:
    """Allocate seats; ``method`` is ``fast`` (sorted DA) or ``exact`` (CP-SAT, seeded by fast)."""
    if method not in ("fast", "exact"):
        raise ValueError(method)
    start = time.perf_counter()
    problem = compile_problem(instance)
    notes: list[str] = []
    placed, report = _fast(problem, instance.seed, budget=max(1.0, time_limit / 4), notes=notes)
    optimal = False
    used = "fast"
    if method == "exact":
        remaining = max(1.0, time_limit - (time.perf_counter() - start))
        try:
            out = solve_exact(problem, hint=placed, time_limit=remaining)
        except ImportError:  # OR-Tools is the optional "solver" extra
            notes.append(
                "exact: OR-Tools is not installed (pip install 'jichitai-ai[solver]'); fast result returned"
            )
            return Allocation(
                instance, problem, placed, used, optimal, report, time.perf_counter() - start, notes
            )
        if out is None:
            notes.append("exact: no solution within the time limit; fast result returned")
        else:
            rep = check_placement(problem, out.placed)
            used = "exact"
            optimal = out.optimal
            if _better((out.placed, rep), (placed, report)):
                placed, report = out.placed, rep
            notes.append(f"exact: {out.status}")
    return Allocation(
        instance, problem, placed, used, optimal, report, time.perf_counter() - start, notes
    )
