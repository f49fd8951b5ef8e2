"""Sorted deferred acceptance for families (世帯単位の受入保留方式).

Families propose in priority order, whole combinations at a time; a facility
keeps the highest-priority children per seat pool. When a family leaves seats
(it moved, or one of its children was displaced), every family that wanted one
of those pools at a better position is asked again (instability chaining).
At a fixed point no family has an acceptable better combination, which is
exactly "no blocking coalition". Without a stable matching the loop may
cycle: it stops after a step budget and reports what is left.
"""

from __future__ import annotations

import heapq
import random
from bisect import bisect_left, insort
from collections import defaultdict
from dataclasses import dataclass

from jichitai_ai.hoiku._problem import NONE, Problem


@dataclass
class FastOutcome:
    placed: list[int]  # facility index per child, NONE if not admitted
    converged: bool  # a fixed point was reached with no family set aside
    steps: int
    set_aside: int = 0  # families removed from the proposal loop because they kept cycling


class _State:
    def __init__(self, problem: Problem) -> None:
        self.pb = problem
        self.pos = [len(c) for c in problem.combos]  # current combination; len = unassigned
        self.held: list[list[int]] = [[] for _ in problem.pools]  # sorted ranks
        self.holder: list[dict[int, int]] = [{} for _ in problem.pools]  # rank -> child
        self.placed = [NONE] * problem.n_children
        watchers: dict[int, dict[int, int]] = defaultdict(dict)
        for fi, per_pos in enumerate(problem.requirements):
            for p, reqs in enumerate(per_pos):
                for req in reqs:
                    best = watchers[req.pool].get(fi)
                    if best is None or p < best:
                        watchers[req.pool][fi] = p
        self.watchers = {k: sorted(v.items()) for k, v in watchers.items()}

    def acceptable(self, fi: int, p: int) -> bool:
        pb = self.pb
        own_pos = self.pos[fi]
        own = pb.requirements[fi][own_pos] if own_pos < len(pb.combos[fi]) else []
        for req in pb.requirements[fi][p]:
            held = self.held[req.pool]
            higher = bisect_left(held, req.worst_rank)
            for o in own:  # the family's own seats never count against it
                if o.pool == req.pool:
                    r = pb.rank[pb.pools[o.pool].facility]
                    higher -= sum(1 for m in o.members if r[m] < req.worst_rank)
            if higher + len(req.members) > pb.pools[req.pool].capacity:
                return False
        return True

    def withdraw(self, fi: int, queue: _Queue) -> None:
        pb = self.pb
        p = self.pos[fi]
        if p >= len(pb.combos[fi]):
            return
        for req in pb.requirements[fi][p]:
            r = pb.rank[pb.pools[req.pool].facility]
            for m in req.members:
                rk = r[m]
                held = self.held[req.pool]
                j = bisect_left(held, rk)
                if j < len(held) and held[j] == rk:
                    held.pop(j)
                    del self.holder[req.pool][rk]
            self._released(req.pool, fi, queue)
        for i in pb.families[fi]:
            self.placed[i] = NONE
        self.pos[fi] = len(pb.combos[fi])

    def _released(self, pool: int, leaving: int, queue: _Queue) -> None:
        for fj, best in self.watchers.get(pool, ()):
            if fj != leaving and best < self.pos[fj]:
                queue.push(fj)

    def place(self, fi: int, p: int, queue: _Queue) -> None:
        pb = self.pb
        self.pos[fi] = p
        for d, i in zip(pb.combos[fi][p], pb.families[fi], strict=True):
            self.placed[i] = d
        for req in pb.requirements[fi][p]:
            r = pb.rank[pb.pools[req.pool].facility]
            held = self.held[req.pool]
            for m in req.members:
                insort(held, r[m])
                self.holder[req.pool][r[m]] = m
            cap = pb.pools[req.pool].capacity
            while len(held) > cap:
                rk = held.pop()
                victim = self.holder[req.pool].pop(rk)
                vf = pb.child_family[victim]
                # the victim's seat here is already gone; free the rest of its family's seats
                self.withdraw(vf, queue)
                queue.push(vf)


class _Queue:
    def __init__(self, key: list[tuple[int, int]], excluded: set[int]) -> None:
        self.key = key
        self.heap: list[tuple[tuple[int, int], int]] = []
        self.inq = [False] * len(key)
        self.excluded = excluded

    def push(self, fi: int) -> None:
        if not self.inq[fi] and fi not in self.excluded:
            self.inq[fi] = True
            heapq.heappush(self.heap, (self.key[fi], fi))

    def pop(self) -> int:
        _, fi = heapq.heappop(self.heap)
        self.inq[fi] = False
        return fi

    def __bool__(self) -> bool:
        return bool(self.heap)


def proposal_keys(problem: Problem, variant: int, seed: int) -> list[tuple[int, int]]:
    """Order in which families propose: by best child, by weakest child, or shuffled."""
    keys: list[tuple[int, int]] = []
    rng = random.Random(seed * 7919 + variant)
    for fi, fam in enumerate(problem.families):
        ranks = [problem.base_rank[i] for i in fam]
        if variant == 0:
            keys.append((min(ranks), fi))
        elif variant == 1:
            keys.append((max(ranks), fi))
        else:
            keys.append((rng.randrange(1 << 30), fi))
    return keys


#: A family asked this often is cycling; legitimate runs stay far below (≈80 in shuffled orders).
CYCLE_VISITS = 200


def _run(
    problem: Problem, keys: list[tuple[int, int]], budget: int
) -> tuple[_State, bool, int, set[int]]:
    excluded: set[int] = set()
    state = _State(problem)
    queue = _Queue(keys, excluded)
    for fi in range(len(problem.families)):
        queue.push(fi)
    visits = [0] * len(problem.families)
    steps = 0
    while queue:
        if steps >= budget:
            return state, False, steps, excluded
        steps += 1
        fi = queue.pop()
        visits[fi] += 1
        if visits[fi] > CYCLE_VISITS:
            # Break the cycle by setting aside the participant that costs fewest children
            # (then the weakest); a transfer family keeps its current seats.
            cycle = [
                f for f, v in enumerate(visits) if v >= CYCLE_VISITS // 2 and f not in excluded
            ]
            out = min(cycle, key=lambda f: (len(problem.families[f]), tuple(-k for k in keys[f])))
            for f in cycle:
                visits[f] = 0
            excluded.add(out)
            state.withdraw(out, queue)
            if problem.has_transfer[out]:
                state.place(out, len(problem.combos[out]) - 1, queue)
            if out != fi:
                queue.push(fi)
            continue
        cur = state.pos[fi]
        for p in range(cur):
            if state.acceptable(fi, p):
                state.withdraw(fi, queue)
                state.place(fi, p, queue)
                break
    return state, not excluded, steps, excluded


def _fits_without_displacing(state: _State, fi: int, p: int) -> bool:
    pb = state.pb
    return all(
        len(state.held[req.pool]) + len(req.members) <= pb.pools[req.pool].capacity
        for req in pb.requirements[fi][p]
    )


def deferred_acceptance(
    problem: Problem, variant: int = 0, seed: int = 0, max_steps: int | None = None
) -> FastOutcome:
    """Run sorted deferred acceptance; deterministic for the same problem, variant and seed.

    If proposals cycle (no stable allocation reachable), the families that
    kept moving are set aside and the rest continues to a fixed point; set-aside
    families then take the best combination that still has room without
    displacing anyone, so only they can form blocking coalitions.
    """
    keys = proposal_keys(problem, variant, seed)
    budget = max_steps if max_steps is not None else 50 * len(problem.families) + 10_000
    state, converged, steps, excluded = _run(problem, keys, budget)
    queue = _Queue(keys, set(range(len(problem.families))))  # nobody is re-asked now
    for fi in sorted(excluded, key=lambda f: keys[f]):
        if problem.has_transfer[fi]:
            continue
        for p in range(len(problem.combos[fi])):
            if _fits_without_displacing(state, fi, p):
                state.place(fi, p, queue)
                break
    return FastOutcome(state.placed, converged, steps, len(excluded))
