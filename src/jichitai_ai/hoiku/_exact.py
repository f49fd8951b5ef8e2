"""Exact allocation with OR-Tools CP-SAT (整数計画による厳密解).

Lexicographic objective: fewest blocking coalitions first, then most children
placed. The no-blocking condition uses running counts along each pool's
priority order, so the model grows linearly with the applications instead of
quadratically (ChilmAI sums every higher-priority child per condition).
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from typing import Any

from jichitai_ai.hoiku._problem import NONE, Problem


@dataclass
class ExactOutcome:
    placed: list[int]
    optimal: bool
    status: str
    blocking_bound: int


def solve_exact(
    problem: Problem, hint: list[int] | None = None, time_limit: float = 60.0, workers: int = 2
) -> ExactOutcome | None:
    """Return the best allocation found in ``time_limit`` seconds, or ``None`` if none was found."""
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

    # running counts in priority order: count[pool][k] = seated among the k best candidates
    position_in_pool: dict[tuple[int, int], int] = {}
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
            position_in_pool[(pool, c)] = k
            v = m.new_int_var(0, min(cap, k + 1), f"n{pool}_{k}")
            m.add(v == prev + sum(seat_terms[(pool, c)]))
            counts.append(v)
            prev = v
        running[pool] = counts

    blockers: list[cp_model.IntVar] = []
    for fi, per_pos in enumerate(problem.requirements):
        fam_set = set(fams[fi])
        chain: list[Any] = []
        acc: Any = 0
        for p in range(len(per_pos)):
            chain.append(acc)
            acc = acc + x[fi][p]
        for p, reqs in enumerate(per_pos):
            reasons: list[Any] = [chain[p] + x[fi][p]]  # family already has p or better
            trivially_full = False
            for req in reqs:
                pool = req.pool
                cap = problem.pools[pool].capacity
                need = (
                    cap - len(req.members) + 1
                )  # higher-priority seated children that make it full
                if need <= 0:
                    trivially_full = True
                    break
                rank = problem.rank[problem.pools[pool].facility]
                k = bisect_left(sorted_ranks.get(pool, []), req.worst_rank)
                higher: Any = running[pool][k] if pool in running else 0
                own = [
                    seat_terms[(pool, c)]
                    for c in fam_set
                    if (pool, c) in seat_terms and rank[c] < req.worst_rank
                ]
                own_expr = sum(sum(t) for t in own)
                if k < need:
                    continue  # even all of them seated cannot fill it
                full = m.new_bool_var(f"f{fi}_{p}_{pool}")
                m.add(higher - own_expr >= need).only_enforce_if(full)
                reasons.append(full)
            if trivially_full:
                continue
            b = m.new_bool_var(f"b{fi}_{p}")
            blockers.append(b)
            reasons.append(b)
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
    solver.parameters.num_workers = workers
    solver.parameters.random_seed = problem.instance.seed
    status = solver.solve(m)
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return None
    placed = [NONE] * problem.n_children
    for fi, fam in enumerate(fams):
        for p, combo in enumerate(problem.combos[fi]):
            if solver.value(x[fi][p]):
                for i, d in zip(fam, combo, strict=True):
                    placed[i] = d
    bound = sum(solver.value(b) for b in blockers)
    return ExactOutcome(placed, status == cp_model.OPTIMAL, solver.status_name(status), bound)
