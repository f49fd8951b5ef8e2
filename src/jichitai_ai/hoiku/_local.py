"""Fewest blocking coalitions at scale by neighbourhood search (近傍探索による不安定性の削減).

When no stable allocation exists, a CP-SAT model over every family is too
large to minimise at city scale, yet almost every blocking coalition is
local: a family, the few seat pools it wants and the families holding those
seats. So families are freed a neighbourhood at a time (one blocking family
and, breadth first, the families around it); everyone else keeps their seats.
The sub-model holds every blocking pair whose status can change — the free
families' own, and every other family's better combinations that touch a pool
the free families can use — so a sub-solution's count is exact globally and
is kept only when it is lexicographically better (fewer coalitions, then more
children). Hard constraints (capacity, sibling combinations, an enrolled
child's seat) are constraints of every sub-model, so every state is feasible.

Budgets are counted in CP-SAT work units and iterations, never in seconds, so
the same input always gives the same result.
"""

from __future__ import annotations

import time
from bisect import bisect_left, insort
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from jichitai_ai.hoiku._exact import possible
from jichitai_ai.hoiku._problem import NONE, Problem, assignment_position


@dataclass
class LocalOutcome:
    placed: list[int]
    blocking: int
    iterations: int
    work: float  # CP-SAT deterministic time spent plus model building (see PAIRS_PER_UNIT)
    improved: int  # accepted neighbourhoods
    cut: int  # sub-problems stopped by the wall-clock safety net (not used)
    trace: list[
        tuple[int, int, int, float, float]
    ]  # per pass: size, iterations, blocking, work, CPU s


class _Occupancy:
    """Seats held per pool (sorted ranks) and each family's combination."""

    def __init__(self, problem: Problem, placed: list[int]) -> None:
        self.pb = problem
        self.pos: list[int] = []
        for fi in range(len(problem.families)):
            p = assignment_position(problem, fi, placed)
            if p is None:
                raise ValueError("the start allocation breaks a sibling condition")
            self.pos.append(p)
        self.held: list[list[int]] = [[] for _ in problem.pools]
        self.holder: list[dict[int, int]] = [{} for _ in problem.pools]
        for fi, p in enumerate(self.pos):
            self._add(fi, p)
        # (family, position) pairs per pool they need
        self.pairs_at: list[list[tuple[int, int]]] = [[] for _ in problem.pools]
        for fi, per_pos in enumerate(problem.requirements):
            for p, reqs in enumerate(per_pos):
                for req in reqs:
                    self.pairs_at[req.pool].append((fi, p))

    def _add(self, fi: int, p: int) -> None:
        pb = self.pb
        if p >= len(pb.combos[fi]):
            return
        for req in pb.requirements[fi][p]:
            r = pb.rank[pb.pools[req.pool].facility]
            for m in req.members:
                insort(self.held[req.pool], r[m])
                self.holder[req.pool][r[m]] = m

    def _drop(self, fi: int, p: int) -> None:
        pb = self.pb
        if p >= len(pb.combos[fi]):
            return
        for req in pb.requirements[fi][p]:
            r = pb.rank[pb.pools[req.pool].facility]
            held = self.held[req.pool]
            for m in req.members:
                held.pop(bisect_left(held, r[m]))
                del self.holder[req.pool][r[m]]

    def set(self, fi: int, p: int) -> None:
        self._drop(fi, self.pos[fi])
        self.pos[fi] = p
        self._add(fi, p)

    def own_above(self, fi: int, pool: int, worst: int) -> int:
        """The family's own children seated in ``pool`` ranked above ``worst``."""
        pb = self.pb
        p = self.pos[fi]
        if p >= len(pb.combos[fi]):
            return 0
        n = 0
        for req in pb.requirements[fi][p]:
            if req.pool == pool:
                r = pb.rank[pb.pools[pool].facility]
                n += sum(1 for m in req.members if r[m] < worst)
        return n

    def blocks(self, fi: int, p: int) -> bool:
        """Would family ``fi`` be admitted to its better combination ``p`` now?"""
        if p >= self.pos[fi]:
            return False
        pb = self.pb
        for req in pb.requirements[fi][p]:
            higher = bisect_left(self.held[req.pool], req.worst_rank)
            higher -= self.own_above(fi, req.pool, req.worst_rank)
            if higher + len(req.members) > pb.pools[req.pool].capacity:
                return False
        return True

    def blocking_pairs(self) -> list[tuple[int, int]]:
        return [
            (fi, p)
            for fi in range(len(self.pos))
            for p in range(self.pos[fi])
            if self.blocks(fi, p)
        ]

    def placed(self) -> list[int]:
        pb = self.pb
        out = [NONE] * pb.n_children
        for fi, p in enumerate(self.pos):
            if p < len(pb.combos[fi]):
                for i, d in zip(pb.families[fi], pb.combos[fi][p], strict=True):
                    out[i] = d
        return out

    def family_placed(self, fi: int) -> int:
        p = self.pos[fi]
        if p >= len(self.pb.combos[fi]):
            return 0
        return sum(1 for d in self.pb.combos[fi][p] if d != NONE)


def _neighbourhood(occ: _Occupancy, seed: int, size: int, blocking_families: set[int]) -> list[int]:
    """Breadth first from ``seed``: the pools its family wants, who holds them, who wants them."""
    pb = occ.pb
    free: list[int] = [seed]
    seen = {seed}
    seen_pools: set[int] = set()
    frontier = [seed]
    while frontier and len(free) < size:
        nxt: list[int] = []
        pools: list[int] = []
        for fi in frontier:
            for reqs in pb.requirements[fi]:
                for req in reqs:
                    if req.pool not in seen_pools:
                        seen_pools.add(req.pool)
                        pools.append(req.pool)
        for q in pools:
            # holders first (they are who a better allocation must move), then blocking families
            holders = sorted({pb.child_family[c] for c in occ.holder[q].values()})
            wanting = sorted(
                {fj for fj, p in occ.pairs_at[q] if fj in blocking_families and p < occ.pos[fj]}
            )
            for fj in holders + wanting:
                if fj not in seen:
                    seen.add(fj)
                    nxt.append(fj)
        for fj in nxt:
            if len(free) >= size:
                break
            free.append(fj)
        frontier = nxt
    return sorted(free)


def _solve_free(
    occ: _Occupancy, free: list[int], work_limit: float, seed: int, time_limit: float
) -> tuple[dict[int, int] | None, list[tuple[int, int]], float, bool]:
    """Best positions for the ``free`` families, others fixed; returns (positions, pairs, work)."""
    from ortools.sat.python import cp_model

    pb = occ.pb
    free_set = set(free)
    m = cp_model.CpModel()
    x: dict[int, list[Any]] = {}
    seat_terms: dict[tuple[int, int], list[Any]] = defaultdict(list)
    pools: set[int] = set()
    better: dict[int, list[Any]] = {}  # per free family: 1 iff combination p or better
    for fi in free:
        xs: list[Any] = [
            m.new_bool_var("") if possible(pb, fi, p) else None for p in range(len(pb.combos[fi]))
        ]
        x[fi] = xs
        live = [v for v in xs if v is not None]
        if pb.has_transfer[fi]:
            m.add_exactly_one(live)
        elif len(live) > 1:
            m.add_at_most_one(live)
        cur = occ.pos[fi]
        prefix: list[Any] = []
        acc: Any = None
        for p, v in enumerate(xs):
            if v is not None:
                m.add_hint(v, p == cur)
                if acc is None:
                    acc = v
                else:
                    nxt = m.new_bool_var("")
                    m.add(nxt == acc + v)
                    m.add_hint(nxt, cur <= p)
                    acc = nxt
            prefix.append(acc)
        better[fi] = prefix
        for p, reqs in enumerate(pb.requirements[fi]):
            if xs[p] is None:
                continue
            for req in reqs:
                pools.add(req.pool)
                for c in req.members:
                    seat_terms[(req.pool, c)].append(xs[p])
    seat: dict[tuple[int, int], Any] = {}
    for key, terms in seat_terms.items():
        if len(terms) == 1:
            seat[key] = terms[0]
            continue
        v = m.new_bool_var("")
        m.add(v == sum(terms))
        fi = pb.child_family[key[1]]
        m.add_hint(
            v, any(t is x[fi][occ.pos[fi]] for t in terms) if occ.pos[fi] < len(x[fi]) else False
        )
        seat[key] = v

    # fixed seats per pool (families outside the neighbourhood), and running counts of the free
    const: dict[int, list[int]] = {}
    free_children: dict[int, list[int]] = defaultdict(list)
    for q in pools:
        r = pb.rank[pb.pools[q].facility]
        const[q] = [rk for rk in occ.held[q] if pb.child_family[occ.holder[q][rk]] not in free_set]
    for q, c in seat_terms:
        free_children[q].append(c)
    running: dict[int, list[Any]] = {}
    var_ranks: dict[int, list[int]] = {}
    for q, members in free_children.items():
        r = pb.rank[pb.pools[q].facility]
        members.sort(key=lambda c: r[c])
        var_ranks[q] = [r[c] for c in members]
        cap = pb.pools[q].capacity - len(const[q])
        counts: list[Any] = [0]
        prev: Any = 0
        for k, c in enumerate(members):
            v = m.new_int_var(0, max(0, min(cap, k + 1)), "")
            m.add(v == prev + seat[(q, c)])
            counts.append(v)
            prev = v
        m.add(prev <= cap)
        running[q] = counts

    # every pair whose blocking status can change
    pairs: list[tuple[int, int]] = [(fi, p) for fi in free for p in range(len(pb.combos[fi]))]
    seen_pairs = set(pairs)
    for q in sorted(pools):
        for fj, p in occ.pairs_at[q]:
            if fj not in free_set and p < occ.pos[fj] and (fj, p) not in seen_pairs:
                seen_pairs.add((fj, p))
                pairs.append((fj, p))
    modeled: list[tuple[int, int]] = []
    blockers: list[Any] = []
    for fi, p in pairs:
        is_free = fi in free_set
        conditions: list[tuple[Any, int]] = []
        never = False
        for req in pb.requirements[fi][p]:
            q = req.pool
            cap = pb.pools[q].capacity
            need = cap - len(req.members) + 1
            if need <= 0:
                never = True
                break
            held = occ.held[q] if q not in pools else const[q]
            above = bisect_left(held, req.worst_rank)
            if not is_free:
                above -= occ.own_above(fi, q, req.worst_rank)
            if q not in pools or q not in running:
                if above >= need:
                    never = True
                    break
                continue
            k = bisect_left(var_ranks[q], req.worst_rank)
            if above >= need:
                never = True
                break
            if above + k < need:
                continue
            own: list[Any] = []
            if is_free:
                r = pb.rank[pb.pools[q].facility]
                for c in pb.families[fi]:
                    if (q, c) in seat and r[c] < req.worst_rank:
                        own.append(seat[(q, c)])
            conditions.append((running[q][k] - sum(own), need - above))
        if never:
            continue
        b = m.new_bool_var("")
        m.add_hint(b, occ.blocks(fi, p))
        blockers.append(b)
        modeled.append((fi, p))
        reasons: list[Any] = [b]
        if is_free and better[fi][p] is not None:
            reasons.append(better[fi][p])
        if len(conditions) == 1 and len(reasons) == 1:
            higher, need = conditions[0]
            m.add(higher + need * b >= need)
            continue
        for higher, need in conditions:
            full = m.new_bool_var("")
            m.add(higher >= need).only_enforce_if(full)
            reasons.append(full)
        m.add_bool_or(reasons)

    placed_terms = [
        x[fi][p] * sum(1 for d in combo if d != NONE)
        for fi in free
        for p, combo in enumerate(pb.combos[fi])
        if x[fi][p] is not None
    ]
    big = sum(len(pb.families[fi]) for fi in free) + 1
    m.maximize(sum(placed_terms) - big * sum(blockers))
    solver = cp_model.CpSolver()
    solver.parameters.max_deterministic_time = work_limit
    solver.parameters.max_time_in_seconds = time_limit  # safety net only
    solver.parameters.num_workers = 1
    solver.parameters.random_seed = seed
    status = solver.solve(m)
    work = solver.deterministic_time
    # stopped by the wall clock, not by the work limit: not used, so results never depend on load
    cut = work < work_limit * 0.99 and status not in (cp_model.OPTIMAL, cp_model.INFEASIBLE)
    if cut or status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return None, modeled, work, cut
    out: dict[int, int] = {}
    for fi in free:
        out[fi] = next(
            (p for p, v in enumerate(x[fi]) if v is not None and solver.value(v)),
            len(pb.combos[fi]),
        )
    return out, modeled, work, False


def _score(occ: _Occupancy, pairs: list[tuple[int, int]], free: list[int]) -> tuple[int, int]:
    return (
        sum(1 for fi, p in pairs if occ.blocks(fi, p)),
        -sum(occ.family_placed(fi) for fi in free),
    )


#: Model building in Python is charged as work too: this many modelled pairs count as one unit.
PAIRS_PER_UNIT = 2000.0


def reduce_blocking(
    problem: Problem,
    placed: list[int],
    work_budget: float = 40.0,
    max_iterations: int = 1000,
    sizes: tuple[int, ...] = (24, 48, 96),
    step_work: float = 0.5,
    passes_per_size: int = 3,
    min_gain: float = 0.1,
    time_limit: float = 300.0,
) -> LocalOutcome:
    """Improve a feasible allocation neighbourhood by neighbourhood; deterministic.

    Passes visit the blocking families in a fixed order with small
    neighbourhoods first (cheap, and most coalitions are that local); a size
    is repeated while its passes still improve, then the next larger one is
    tried. The search ends without blocking families, after the largest size,
    or when the work or iteration budget is spent.
    """
    occ = _Occupancy(problem, placed)
    blocking = occ.blocking_pairs()
    work = 0.0
    iterations = improved = cut = 0
    seed = problem.instance.seed
    trace: list[tuple[int, int, int, float, float]] = []
    t0 = time.process_time()  # diagnostics only; no decision depends on it
    for size in sizes:
        for _ in range(passes_per_size):
            if not blocking or work >= work_budget or iterations >= max_iterations:
                break
            start_count = len(blocking)
            families = sorted({fi for fi, _ in blocking})
            blocking_families = set(families)
            for fi in families:
                if work >= work_budget or iterations >= max_iterations:
                    break
                if not any(occ.blocks(fi, p) for p in range(occ.pos[fi])):
                    continue  # an earlier neighbourhood solved it
                free = _neighbourhood(occ, fi, size, blocking_families)
                iterations += 1
                positions, pairs, spent, stopped = _solve_free(
                    occ, free, step_work, seed + iterations, time_limit
                )
                cut += stopped
                work += spent + len(pairs) / PAIRS_PER_UNIT
                if positions is None:
                    continue
                before = _score(occ, pairs, free)
                old = {f: occ.pos[f] for f in free}
                for f, p in positions.items():
                    if p != old[f]:
                        occ.set(f, p)
                if _score(occ, pairs, free) < before:
                    improved += 1
                else:
                    for f, p in old.items():
                        if occ.pos[f] != p:
                            occ.set(f, p)
            blocking = occ.blocking_pairs()
            trace.append(
                (
                    size,
                    iterations,
                    len(blocking),
                    round(work, 2),
                    round(time.process_time() - t0, 1),
                )
            )
            if len(blocking) > start_count * (1.0 - min_gain):
                break  # this size has stopped paying off
    return LocalOutcome(occ.placed(), len(blocking), iterations, work, improved, cut, trace)
