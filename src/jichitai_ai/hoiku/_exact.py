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


def solve_exact(
    problem: Problem,
    hint: list[int] | None = None,
    stable_only: bool = False,
    work_limit: float = 200.0,
    time_limit: float = 300.0,
    workers: int = 1,
) -> ExactOutcome:
    """Solve; ``work_limit`` is CP-SAT deterministic time (machine-independent), ``time_limit`` seconds."""
    from ortools.sat.python import cp_model

    m = cp_model.CpModel()
    fams = problem.families
    x: list[list[cp_model.IntVar]] = []
    for fi, combos in enumerate(problem.combos):
        xs = [m.new_bool_var(f"x{fi}_{p}") for p in range(len(combos))]
        x.append(xs)
        if problem.has_transfer[fi]:
            m.add_exactly_one(xs)
        else:
            m.add_at_most_one(xs)

    # a[(pool, child)] = sum of the family's combinations that seat the child in the pool
    seat_terms: dict[tuple[int, int], list[cp_model.IntVar]] = {}
    for fi, per_pos in enumerate(problem.requirements):
        for p, reqs in enumerate(per_pos):
            for req in reqs:
                for c in req.members:
                    seat_terms.setdefault((req.pool, c), []).append(x[fi][p])
    by_pool: dict[int, list[int]] = {}
    for pool, c in seat_terms:
        by_pool.setdefault(pool, []).append(c)

    # running counts in priority order: running[pool][k] = seated among the k best candidates
    running: dict[int, list[Any]] = {}
    sorted_ranks: dict[int, list[int]] = {}
    for pool, members in by_pool.items():
        rank = problem.rank[problem.pools[pool].facility]
        members.sort(key=lambda c: rank[c])
        sorted_ranks[pool] = [rank[c] for c in members]
        cap = problem.pools[pool].capacity
        m.add(sum(sum(seat_terms[(pool, c)]) for c in members) <= cap)
        counts: list[Any] = [0]
        prev: Any = 0
        for k, c in enumerate(members):
            v = m.new_int_var(0, min(cap, k + 1), f"n{pool}_{k}")
            m.add(v == prev + sum(seat_terms[(pool, c)]))
            counts.append(v)
            prev = v
        running[pool] = counts

    blockers: list[cp_model.IntVar] = []
    for fi, per_pos in enumerate(problem.requirements):
        fam_set = set(fams[fi])
        acc: Any = 0
        for p, reqs in enumerate(per_pos):
            acc = acc + x[fi][p]  # family has combination p or better
            conditions: list[tuple[Any, int]] = []  # (seated above the family's weakest, need)
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
                own = [
                    t
                    for c in fam_set
                    if (pool, c) in seat_terms and rank[c] < req.worst_rank
                    for t in seat_terms[(pool, c)]
                ]
                conditions.append((running[pool][k] - sum(own), need))
            if trivially_full:
                continue
            b = None if stable_only else m.new_bool_var(f"b{fi}_{p}")
            if b is not None:
                blockers.append(b)
            if len(conditions) == 1:
                higher, need = conditions[0]
                extra = need * b if b is not None else 0
                m.add(higher + need * acc + extra >= need)
                continue
            reasons: list[Any] = [acc] + ([b] if b is not None else [])
            for higher, need in conditions:
                full = m.new_bool_var(f"f{fi}_{p}")
                m.add(higher >= need).only_enforce_if(full)
                reasons.append(full)
            m.add(sum(reasons) >= 1)

    placed_terms = [
        x[fi][p] * sum(1 for d in combo if d != NONE)
        for fi, combos in enumerate(problem.combos)
        for p, combo in enumerate(combos)
    ]
    big = problem.n_children + 1
    m.maximize(sum(placed_terms) - big * sum(blockers))

    if hint is not None:
        for fi, fam in enumerate(fams):
            got = tuple(hint[i] for i in fam)
            for p, combo in enumerate(problem.combos[fi]):
                m.add_hint(x[fi][p], combo == got)

    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = time_limit
    solver.parameters.max_deterministic_time = work_limit
    solver.parameters.num_workers = workers
    if workers > 1:
        solver.parameters.interleave_search = True  # deterministic with several workers
    solver.parameters.random_seed = problem.instance.seed
    status = solver.solve(m)
    name = solver.status_name(status)
    wall = solver.deterministic_time < work_limit * 0.99 and status not in (
        cp_model.OPTIMAL,
        cp_model.INFEASIBLE,
    )
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return ExactOutcome(None, False, name, 0, wall)
    placed = [NONE] * problem.n_children
    for fi, fam in enumerate(fams):
        for p, combo in enumerate(problem.combos[fi]):
            if solver.value(x[fi][p]):
                for i, d in zip(fam, combo, strict=True):
                    placed[i] = d
    bound = sum(solver.value(b) for b in blockers)
    return ExactOutcome(placed, status == cp_model.OPTIMAL, name, bound, wall)
