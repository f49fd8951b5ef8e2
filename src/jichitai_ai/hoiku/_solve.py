"""Choose and run a solver, then let the independent checker judge the result.

``auto`` (the default): sorted deferred acceptance in a few fixed proposal
orders, then CP-SAT seeded with the best of them — first "stable, most
placed"; only if that model is infeasible (no stable allocation exists),
"fewest blocking coalitions, then most placed". Every budget is counted in
work units, so the same input gives the same result on any machine and load;
a wall-clock safety net that cuts the solver is reported and falls back to
the deterministic fast result. Whatever the method, a result that breaks a
hard constraint (capacity, sibling condition, an enrolled child's seat) is
refused with :class:`AllocationRefused` instead of being returned.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from jichitai_ai.hoiku._checker import CheckReport, Violation, check_placement
from jichitai_ai.hoiku._exact import ExactOutcome, model_charge, solve_exact
from jichitai_ai.hoiku._fast import CYCLE_VISITS, deferred_acceptance
from jichitai_ai.hoiku._local import reduce_blocking
from jichitai_ai.hoiku._model import Instance
from jichitai_ai.hoiku._problem import Problem, compile_problem
from jichitai_ai.i18n import t

METHODS = ("auto", "fast", "exact")


@dataclass
class Allocation:
    """One allocation with the checker's verdict and how it was obtained."""

    instance: Instance
    problem: Problem
    placed: list[int]
    method: str  # "fast", "exact" or "file"
    optimal: bool  # the exact solver proved optimality (always False for fast)
    report: CheckReport
    seconds: float
    notes: list[str] = field(default_factory=list)
    stable_exists: bool | None = None  # None: not decided (fast only, or solver cut short)
    blocking_bound: int = 0  # proven lower bound on the blocking coalitions of any allocation
    #: a solver step was stopped by the wall-clock safety net (its result discarded): this
    #: result may differ from a run on a less loaded machine or with a larger time limit
    time_limited: bool = False

    @property
    def placed_count(self) -> int:
        return self.report.placed

    @property
    def stable(self) -> bool:
        return self.report.ok


class AllocationRefused(RuntimeError):
    """A solver produced a result that breaks a hard constraint; it must not be published."""

    def __init__(self, violations: list[Violation]) -> None:
        self.violations = violations
        kinds = sorted({v.kind for v in violations})
        super().__init__(t("hoiku.err.refused", count=len(violations), kinds=", ".join(kinds)))


Candidate = tuple[list[int], CheckReport]


def _key(c: Candidate) -> tuple[int, int, int]:
    return (len(c[1].violations), len(c[1].blocking), -c[1].placed)


def _fast(
    problem: Problem,
    seed: int,
    notes: list[str],
    orders: int,
    steps_per_family: int = 50,
    cycle_visits: int = CYCLE_VISITS,
    stop_when_stable: bool = False,
) -> Candidate:
    """Sorted DA in fixed proposal orders; keep the stable one that places most children."""
    best: Candidate | None = None
    has_siblings = any(len(f) > 1 for f in problem.families)
    # two orders; up to ``orders`` while every order so far left blocking coalitions
    variants = range(orders) if has_siblings else range(1)
    tried = 0
    kept = 0
    cycled = False
    for variant in variants:
        if (variant >= 2 or stop_when_stable) and best is not None and not best[1].blocking:
            break
        budget = steps_per_family * len(problem.families) + 10_000
        out = deferred_acceptance(
            problem, variant=variant, seed=seed, max_steps=budget, cycle_visits=cycle_visits
        )
        tried += 1
        cand = (out.placed, check_placement(problem, out.placed))
        if best is None or _key(cand) < _key(best):
            best, kept, cycled = cand, variant, not out.converged
    assert best is not None
    notes.append(f"fast: proposal order {kept} kept ({tried} tried)")
    if cycled:
        notes.append("fast: no fixed point reached (proposals cycled or the step budget ended)")
    return best


class _Budget:
    """Work units left for one allocation: every solver step draws from it."""

    def __init__(self, per_step: float, total: float) -> None:
        self.per_step = per_step
        self.left = total

    def take(self, share: float = 1.0) -> float:
        return max(MIN_STEP_WORK, min(self.per_step * share, self.left))

    def spend(self, work: float) -> None:
        self.left -= work

    @property
    def spent(self) -> bool:
        return self.left <= MIN_STEP_WORK


def _local_search(
    problem: Problem,
    best: Candidate,
    notes: list[str],
    budget: _Budget,
    share: float,
    cut: list[str],
    time_limit: float,
) -> Candidate:
    """Fewer blocking coalitions, neighbourhood by neighbourhood (deterministic work budget)."""
    out = reduce_blocking(
        problem,
        best[0],
        work_budget=max(MIN_STEP_WORK, budget.left * share),
        time_limit=time_limit,
    )
    budget.spend(out.work)
    if out.cut:
        cut.append("neighbourhood search")
        notes.append(
            f"neighbourhood search: {out.cut} sub-problems stopped by the time limit (safety net)"
            " and not used; this allocation may differ from one with a larger --time-limit"
        )
    cand = (out.placed, check_placement(problem, out.placed))
    notes.append(
        f"neighbourhood search: {len(best[1].blocking)} → {len(cand[1].blocking)} blocking"
        f" coalitions ({out.iterations} neighbourhoods, {out.improved} improved)"
    )
    if not cand[1].violations and _key(cand) < _key(best):
        return cand
    return best


#: CP-SAT work units for one allocation in all (about a second each on a quiet core).
TOTAL_WORK = 45.0
MIN_STEP_WORK = 0.05
#: Share of the work left that the neighbourhood search may use before the proof runs.
SEARCH_SHARE_BEFORE_PROOF = 0.4

#: Work units at most for the neighbourhood search before the model over all families.
SEARCH_MAX_WORK = 18.0
#: Work units (CP-SAT deterministic time) at most for "fewest coalitions among the blocking families".
SOFT_MAX_WORK = 6.0
#: The proof over all families runs only with at least this much work left after its model,
#: and gets at most PROOF_MAX_WORK units (beyond that it rarely finishes, and CPU grows fast).
MIN_PROOF_WORK = 2.0
PROOF_MAX_WORK = 8.0

#: Share of the work limit for "most placed among the fewest coalitions" (the minimum itself
#: is already proven then; this keeps a 500-child instance without a stable allocation in
#: well under a minute of CPU).
MOST_PLACED_SHARE = 0.25

#: Above this many children the lower-bound proof over all families is not attempted.
PROOF_MAX_CHILDREN = 2000

#: CP-SAT work units (deterministic time) per run; about one second each on a quiet core.
WORK_LIMIT = 40.0


def _cut(out: ExactOutcome, step: str, notes: list[str], cut: list[str]) -> None:
    """Record a step stopped by the wall-clock safety net (its result is not used)."""
    if out.wall_limited:
        cut.append(step)
        notes.append(
            f"exact ({step}): stopped by the time limit (safety net); its result is not used,"
            " so this allocation may differ from one computed with a larger --time-limit"
        )


def _exact(
    problem: Problem,
    best: Candidate,
    time_limit: float,
    work_limit: float,
    notes: list[str],
    bound_out: list[int],
    total_work: float = TOTAL_WORK,
    cut: list[str] | None = None,
) -> tuple[Candidate, bool, bool | None]:
    """Improve ``best`` with CP-SAT; returns (candidate, optimal proven, stable allocation exists).

    ``bound_out`` receives the proven lower bound on blocking coalitions (1 once
    "no stable allocation" is proven, the minimum once the proof run ends).
    """
    budget = _Budget(work_limit, total_work)
    cut = cut if cut is not None else []
    stable_out = solve_exact(
        problem, hint=best[0], stable_only=True, work_limit=budget.take(), time_limit=time_limit
    )
    budget.spend(stable_out.work)
    notes.append(f"exact (stable only): {stable_out.status}")
    _cut(stable_out, "stable only", notes, cut)
    if stable_out.placed is not None and not stable_out.wall_limited:
        cand = (stable_out.placed, check_placement(problem, stable_out.placed))
        if _key(cand) < _key(best):
            best = cand
        return best, stable_out.optimal and _key(best) == _key(cand), True
    if stable_out.status != "INFEASIBLE":
        if stable_out.wall_limited:
            notes.append("exact: stopped by the time limit; the deterministic fast result is kept")
            return best, False, (True if not best[1].blocking else None)
        if not best[1].blocking:
            return best, False, True
        # undecided within the work limit: fewer coalitions by neighbourhood search
        best = _local_search(problem, best, notes, budget, 1.0, cut, time_limit)
        return best, False, (True if not best[1].blocking else None)
    bound_out.append(1)
    # No stable allocation exists. Fewest blocking coalitions by neighbourhood search
    # (most coalitions are local), then, for instances small enough, CP-SAT over all
    # families: the fewest among the families still blocking, and a proof that fewer
    # are impossible.
    large = problem.n_children > PROOF_MAX_CHILDREN
    if large:
        best = _local_search(problem, best, notes, budget, 1.0, cut, time_limit)
    else:
        share = min(SEARCH_SHARE_BEFORE_PROOF, SEARCH_MAX_WORK / max(budget.left, MIN_STEP_WORK))
        best = _local_search(problem, best, notes, budget, share, cut, time_limit)
    if large or budget.spent:
        notes.append(
            "exact: no stable allocation exists (proven); the fewest blocking coalitions"
            + (" are not proven for an instance this large" if large else " are not proven")
            + ("" if large else " (work budget spent)")
        )
        return best, False, False
    index = {
        tuple(problem.instance.children[i].id for i in fam): fi
        for fi, fam in enumerate(problem.families)
    }
    soft = {index[b.family_children] for b in best[1].blocking}
    charge = model_charge(problem)
    out: ExactOutcome = solve_exact(
        problem,
        hint=best[0],
        soft_families=soft,
        work_limit=max(MIN_STEP_WORK, min(budget.left - charge, SOFT_MAX_WORK)),
        time_limit=time_limit,
        use_lp=False,
    )
    budget.spend(out.work)
    notes.append(f"exact (fewest blocking coalitions among {len(soft)} families): {out.status}")
    _cut(out, "fewest coalitions", notes, cut)
    if out.placed is not None and not out.wall_limited:
        cand = (out.placed, check_placement(problem, out.placed))
        if _key(cand) < _key(best):
            best = cand
    if out.status != "OPTIMAL" or budget.left < charge + MIN_PROOF_WORK:
        # not even the fewest among the blocking families is proven: a proof over all
        # families would not finish either, so its model is not built
        notes.append("exact: the fewest blocking coalitions are not proven for this instance")
        return best, False, False
    bound = solve_exact(
        problem,
        hint=best[0],
        blocking_only=True,
        work_limit=max(MIN_STEP_WORK, min(budget.left - charge, PROOF_MAX_WORK)),
        time_limit=time_limit,
    )
    budget.spend(bound.work)
    _cut(bound, "lower bound", notes, cut)
    notes.append(
        f"exact (lower bound over all families): {bound.status}"
        + (f", minimum {bound.blocking_bound}" if bound.optimal else "")
    )
    if bound.placed is not None and not bound.wall_limited:
        cand = (bound.placed, check_placement(problem, bound.placed))
        if len(cand[1].blocking) < len(best[1].blocking) and not cand[1].violations:
            best = cand  # fewer coalitions found by the proof run itself
    if not (bound.optimal and not bound.wall_limited):
        notes.append("exact: the fewest blocking coalitions are not proven for this instance")
        return best, False, False
    bound_out.append(bound.blocking_bound)
    # the minimum is known: most children placed among allocations with that many
    most = solve_exact(
        problem,
        hint=bound.placed or best[0],
        max_blocking=bound.blocking_bound,
        work_limit=budget.take(MOST_PLACED_SHARE),
        time_limit=time_limit,
    )
    notes.append(f"exact (most placed with {bound.blocking_bound} coalitions): {most.status}")
    _cut(most, "most placed", notes, cut)
    if most.placed is not None and not most.wall_limited:
        cand = (most.placed, check_placement(problem, most.placed))
        if _key(cand) < _key(best):
            best = cand
        proven = most.optimal and _key(best) == _key(cand)
    else:
        proven = False
    return best, proven, False


def allocate(
    instance: Instance,
    method: str = "auto",
    time_limit: float = 900.0,
    work_limit: float = WORK_LIMIT,
) -> Allocation:
    """Allocate seats; raises :class:`AllocationRefused` rather than return a broken result.

    ``method``: ``auto`` (fast, then exact when available), ``fast`` (sorted DA
    only) or ``exact`` (same as auto but OR-Tools is required).
    ``time_limit`` is a wall-clock safety net only; results depend on ``work_limit``.
    """
    if method not in METHODS:
        raise ValueError(method)
    start = time.perf_counter()
    problem = compile_problem(instance)
    notes: list[str] = []
    # alone, DA tries more proposal orders; before CP-SAT, one is a good enough start
    if method == "fast":
        best = _fast(problem, instance.seed, notes, orders=4, steps_per_family=20)
    else:
        # a second order only when the first leaves coalitions: a better start for the search
        best = _fast(
            problem,
            instance.seed,
            notes,
            orders=2,
            steps_per_family=50,
            cycle_visits=20,
            stop_when_stable=True,
        )
    used, optimal = "fast", False
    stable_exists: bool | None = True if not best[1].blocking else None
    bounds: list[int] = [0]
    cut: list[str] = []
    if method in ("auto", "exact"):
        try:
            import ortools  # noqa: F401
        except ImportError:  # OR-Tools is the optional "solver" extra
            if method == "exact":
                raise
            notes.append(
                "exact: OR-Tools is not installed (pip install 'jichitai-ai[solver]'); fast result"
            )
        else:
            best, optimal, stable_exists = _exact(
                problem, best, time_limit, work_limit, notes, bounds, cut=cut
            )
            used = "exact"
    placed, report = best
    if report.violations:
        raise AllocationRefused(report.violations)
    return Allocation(
        instance,
        problem,
        placed,
        used,
        optimal,
        report,
        time.perf_counter() - start,
        notes,
        stable_exists,
        max(bounds),
        bool(cut),
    )
