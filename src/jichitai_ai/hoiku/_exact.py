"""Exact allocation with OR-Tools CP-SAT (整数計画による厳密解).

Two models over the same variables. ``stable_only``: no blocking coalition
at all (hard constraints), most children placed — the model that answers
"is there a stable allocation, and which places most". Otherwise: fewest
blocking coalitions first, then most children placed.

The no-blocking condition uses running counts along each pool's priority
order, so the model grows linearly with the applications instead of
quadratically (ChilmAI sums every higher-priority child per condition); a
combination that needs one pool only gets one linear inequality, with no
auxiliary Boolean. Runs are deterministic: one worker, a deterministic work
limit; the wall-clock limit is only a safety net, and a result cut by it is
reported as such so the caller can fall back to a deterministic answer.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from typing import Any

from jichitai_ai.hoiku._problem import NONE, Problem


@dataclass
class ExactOutcome:
    placed: list[int] | None  # None: no solution (see status)
    optimal: bool
    status: str  # OPTIMAL | FEASIBLE | INFEASIBLE | UNKNOWN | MODEL_INVALID
    blocking_bound: int
    wall_limited: bool  # stopped by the wall-clock safety net, not by the work limit
    work: float = 0.0  # deterministic time spent


#: Model building and presolve are charged as work too: this many (family, combination)
#: pairs count as one unit (about a CPU second for a model over every family).
PAIRS_PER_UNIT = 8000.0


def model_charge(problem: Problem) -> float:
    """Work units charged for building and presolving a model over every family."""
    return sum(len(c) for c in problem.combos) / PAIRS_PER_UNIT


def possible(problem: Problem, fi: int, p: int) -> bool:
    """False when a combination needs more seats in some pool than the pool has (never admitted)."""
    return all(
        problem.pools[r.pool].capacity >= len(r.members) for r in problem.requirements[fi][p]
    )


def solve_exact(
    problem: Problem,
    hint: list[int] | None = None,
    stable_only: bool = False,
    soft_families: set[int] | None = None,
    blocking_only: bool = False,
    max_blocking: int | None = None,
    work_limit: float = 200.0,
    time_limit: float = 300.0,
    workers: int = 1,
    use_lp: bool = True,
) -> ExactOutcome:
    """Solve; ``work_limit`` is CP-SAT deterministic time (machine-independent), ``time_limit`` seconds.

    Without ``stable_only``, only the families in ``soft_families`` (all if
    None) may form blocking coalitions; every other family's are excluded.
    ``use_lp=False`` drops the LP relaxation: weaker proofs, but more search per
    work unit (used when looking for fewer coalitions, not for proofs).
    The returned ``work`` adds a charge for the model's size (see ``PAIRS_PER_UNIT``):
    building and presolving a model with large households costs CPU that CP-SAT's
    deterministic time does not count.
    """
    from ortools.sat.python import cp_model

    m = cp_model.CpModel()
    fams = problem.families
    # the hint's combination per family (len = none), to hint every variable, not only x
    hint_pos: list[int] | None = None
    if hint is not None:
        hint_pos = []
        for fi, fam in enumerate(fams):
            got = tuple(hint[i] for i in fam)
            combos = problem.combos[fi]
            hint_pos.append(next((p for p, c in enumerate(combos) if c == got), len(combos)))

    # A combination that needs more seats in a pool than it has is never possible: no variable.
    x: list[list[Any]] = []
    for fi, combos in enumerate(problem.combos):
        xs: list[Any] = [
            m.new_bool_var(f"x{fi}_{p}") if possible(problem, fi, p) else None
            for p in range(len(combos))
        ]
        x.append(xs)
        live = [v for v in xs if v is not None]
        if problem.has_transfer[fi]:
            m.add_exactly_one(live)
        elif len(live) > 1:
            m.add_at_most_one(live)
        if hint_pos is not None:
            for p, v in enumerate(xs):
                if v is not None:
                    m.add_hint(v, p == hint_pos[fi])

    # seat[(pool, child)]: one 0/1 term per child and pool (a variable when several
    # combinations seat the child there), so no constraint repeats a family's combinations
    seat_terms: dict[tuple[int, int], list[Any]] = {}
    seat_hint: dict[tuple[int, int], int] = {}
    for fi, per_pos in enumerate(problem.requirements):
        for p, reqs in enumerate(per_pos):
            if x[fi][p] is None:
                continue
            for req in reqs:
                for c in req.members:
                    seat_terms.setdefault((req.pool, c), []).append(x[fi][p])
                    if hint_pos is not None and hint_pos[fi] == p:
                        seat_hint[(req.pool, c)] = 1
    seat: dict[tuple[int, int], Any] = {}
    for key, terms in seat_terms.items():
        if len(terms) == 1:
            seat[key] = terms[0]
            continue
        v = m.new_bool_var("")
        m.add(v == sum(terms))
        if hint_pos is not None:
            m.add_hint(v, seat_hint.get(key, 0))
        seat[key] = v
    by_pool: dict[int, list[int]] = {}
    for pool, c in seat:
        by_pool.setdefault(pool, []).append(c)

    # running counts in priority order: running[pool][k] = seated among the k best candidates
    running: dict[int, list[Any]] = {}
    running_hint: dict[int, list[int]] = {}
    sorted_ranks: dict[int, list[int]] = {}
    for pool, members in by_pool.items():
        rank = problem.rank[problem.pools[pool].facility]
        members.sort(key=lambda c: rank[c])
        sorted_ranks[pool] = [rank[c] for c in members]
        cap = problem.pools[pool].capacity
        counts: list[Any] = [0]
        hints = [0]
        prev: Any = 0
        for k, c in enumerate(members):
            v = m.new_int_var(0, min(cap, k + 1), f"n{pool}_{k}")
            m.add(v == prev + seat[(pool, c)])
            counts.append(v)
            hints.append(hints[-1] + seat_hint.get((pool, c), 0))
            if hint_pos is not None:
                m.add_hint(v, hints[-1])
            prev = v
        running[pool] = counts
        running_hint[pool] = hints

    blockers: list[cp_model.IntVar] = []
    for fi, per_pos in enumerate(problem.requirements):
        fam_set = set(fams[fi])
        acc: Any = None  # 1 iff the family has combination p or better (one prefix variable each)
        for p, reqs in enumerate(per_pos):
            if x[fi][p] is not None:
                if acc is None:
                    acc = x[fi][p]
                else:
                    nxt = m.new_bool_var("")
                    m.add(nxt == acc + x[fi][p])
                    if hint_pos is not None:
                        m.add_hint(nxt, hint_pos[fi] <= p)
                    acc = nxt
            has_better = hint_pos is not None and hint_pos[fi] <= p
            conditions: list[tuple[Any, int, bool]] = []  # (seated above, need, full in hint)
            trivially_full = False
            for req in reqs:
                pool = req.pool
                need = problem.pools[pool].capacity - len(req.members) + 1
                if need <= 0:
                    trivially_full = True
                    break
                rank = problem.rank[problem.pools[pool].facility]
                k = bisect_left(sorted_ranks.get(pool, []), req.worst_rank)
                if k < need:
                    continue  # even all of them seated cannot fill it
                own = [(pool, c) for c in fam_set if (pool, c) in seat and rank[c] < req.worst_rank]
                own_hint = sum(seat_hint.get(key, 0) for key in own)
                full_hint = hint_pos is not None and running_hint[pool][k] - own_hint >= need
                conditions.append(
                    (running[pool][k] - sum(seat[key] for key in own), need, full_hint)
                )
            if trivially_full:
                continue
            blocks_in_hint = not has_better and not any(f for _, _, f in conditions)
            soft = not stable_only and (soft_families is None or fi in soft_families)
            b = m.new_bool_var(f"b{fi}_{p}") if soft else None
            if b is not None:
                blockers.append(b)
                if hint_pos is not None:
                    m.add_hint(b, blocks_in_hint)
            if len(conditions) == 1:
                higher, need, _ = conditions[0]
                extra = need * b if b is not None else 0
                m.add(higher + need * acc + extra >= need)  # acc is set: p is possible
                continue
            reasons: list[Any] = [acc] + ([b] if b is not None else [])
            for higher, need, full_hint in conditions:
                full = m.new_bool_var(f"f{fi}_{p}")
                m.add(higher >= need).only_enforce_if(full)
                if hint_pos is not None:
                    m.add_hint(full, full_hint)
                reasons.append(full)
            m.add_bool_or(reasons)

    placed_terms = [
        x[fi][p] * sum(1 for d in combo if d != NONE)
        for fi, combos in enumerate(problem.combos)
        for p, combo in enumerate(combos)
        if x[fi][p] is not None
    ]
    big = problem.n_children + 1
    if max_blocking is not None:
        m.add(sum(blockers) <= max_blocking)
    if blocking_only:  # a pure sum of Booleans: CP-SAT's core search proves lower bounds
        m.minimize(sum(blockers))
    else:
        m.maximize(sum(placed_terms) - big * sum(blockers))

    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = time_limit
    solver.parameters.max_deterministic_time = work_limit
    solver.parameters.num_workers = workers
    if workers > 1:
        solver.parameters.interleave_search = True  # deterministic with several workers
    solver.parameters.random_seed = problem.instance.seed
    if not use_lp:
        solver.parameters.linearization_level = 0
    status = solver.solve(m)
    name = solver.status_name(status)
    wall = solver.deterministic_time < work_limit * 0.99 and status not in (
        cp_model.OPTIMAL,
        cp_model.INFEASIBLE,
    )
    work = solver.deterministic_time + model_charge(problem)
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return ExactOutcome(None, False, name, 0, wall, work)
    placed = [NONE] * problem.n_children
    for fi, fam in enumerate(fams):
        for p, combo in enumerate(problem.combos[fi]):
            if x[fi][p] is not None and solver.value(x[fi][p]):
                for i, d in zip(fam, combo, strict=True):
                    placed[i] = d
    bound = sum(solver.value(b) for b in blockers)
    return ExactOutcome(placed, status == cp_model.OPTIMAL, name, bound, wall, work)
