"""Sorted deferred acceptance for families (世帯単位の受入保留方式).

Families propose in priority order, whole combinations at a time; a facility
keeps the highest-priority children per seat pool. When a family leaves seats
(it moved, or one of its children was displaced), every family that wanted one
of those pools at a better position is asked again (instability chaining).
At a fixed point no family has an acceptable better combination, which is
exactly "no blocking coalition".

Transfer families (転園希望) hold their current seats from the start and fall
back to them whenever they are displaced elsewhere: they rank first at their
own facility and the seat is part of its capacity, so that combination is
always admissible, and no state of the loop — finished, cut by the step
budget or with families set aside — leaves an enrolled child without a seat.
Without a stable matching the loop may cycle: the families that keep moving
are set aside and the rest continues; everything is counted in steps, never
in seconds, so the result depends only on the input.
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
    budget_exhausted: bool = False


def back_positions(problem: Problem) -> list[int]:
    """Per family: the combination that keeps every enrolled child where it is (len = none)."""
    out: list[int] = []
    for fi, fam in enumerate(problem.families):
        n = len(problem.combos[fi])
        if not problem.has_transfer[fi]:
            out.append(n)
            continue
        back = tuple(problem.child_enrolled[i] for i in fam)
        out.append(next((p for p, c in enumerate(problem.combos[fi]) if c == back), n))
    return out


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


class _State:
    def __init__(self, problem: Problem, queue: _Queue) -> None:
        self.pb = problem
        self.queue = queue
        self.back = back_positions(problem)
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
        for fi, b in enumerate(self.back):
            if b < len(problem.combos[fi]):
                self.move(fi, b)

    def unassigned(self, fi: int) -> int:
        """Where a family goes when it loses its seats: its current ones, or none."""
        return self.back[fi]

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

    def fits_without_displacing(self, fi: int, p: int) -> bool:
        pb = self.pb
        own_pos = self.pos[fi]
        own = pb.requirements[fi][own_pos] if own_pos < len(pb.combos[fi]) else []
        for req in pb.requirements[fi][p]:
            mine = sum(len(o.members) for o in own if o.pool == req.pool)
            if len(self.held[req.pool]) - mine + len(req.members) > pb.pools[req.pool].capacity:
                return False
        return True

    def _remove(self, fi: int) -> None:
        pb = self.pb
        p = self.pos[fi]
        if p >= len(pb.combos[fi]):
            return
        for req in pb.requirements[fi][p]:
            r = pb.rank[pb.pools[req.pool].facility]
            held = self.held[req.pool]
            for m in req.members:
                rk = r[m]
                j = bisect_left(held, rk)
                if j < len(held) and held[j] == rk and self.holder[req.pool].get(rk) == m:
                    held.pop(j)
                    del self.holder[req.pool][rk]
            for fj, best in self.watchers.get(req.pool, ()):
                if fj != fi and best < self.pos[fj]:
                    self.queue.push(fj)
        for i in pb.families[fi]:
            self.placed[i] = NONE
        self.pos[fi] = len(pb.combos[fi])

    def move(self, fi: int, p: int) -> None:
        """Put family ``fi`` on combination ``p``; displaced families fall back, iteratively."""
        pb = self.pb
        work = [(fi, p)]
        while work:
            f, q = work.pop()
            self._remove(f)
            if q >= len(pb.combos[f]):
                continue
            self.pos[f] = q
            for d, i in zip(pb.combos[f][q], pb.families[f], strict=True):
                self.placed[i] = d
            for req in pb.requirements[f][q]:
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
                    target = self.unassigned(vf)
                    if self.pos[vf] == target:  # displaced from its own current seat: cannot happen
                        target = len(pb.combos[vf])
                    work.append((vf, target))
                    self.queue.push(vf)


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


def deferred_acceptance(
    problem: Problem, variant: int = 0, seed: int = 0, max_steps: int | None = None
) -> FastOutcome:
    """Run sorted deferred acceptance; deterministic for the same problem, variant and seed.

    If proposals cycle (no stable allocation reachable), the families that
    kept moving are set aside (a transfer family keeps its current seats) and
    the rest continues to a fixed point; set-aside families then take the best
    combination that still has room without displacing anyone. The same
    repair runs for everybody when the step budget ends early, so the state
    returned always satisfies every hard constraint.
    """
    keys = proposal_keys(problem, variant, seed)
    budget = max_steps if max_steps is not None else 50 * len(problem.families) + 10_000
    excluded: set[int] = set()
    queue = _Queue(keys, excluded)
    state = _State(problem, queue)
    for fi in range(len(problem.families)):
        queue.push(fi)
    visits = [0] * len(problem.families)
    steps = 0
    exhausted = False
    while queue:
        if steps >= budget:
            exhausted = True
            break
        steps += 1
        fi = queue.pop()
        if fi in excluded:
            continue
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
            state.move(out, state.unassigned(out))
            if out != fi:
                queue.push(fi)
            continue
        for p in range(state.pos[fi]):
            if state.acceptable(fi, p):
                state.move(fi, p)
                break
    # Repair: families outside the loop take the best combination with room left.
    quiet = _Queue(keys, set(range(len(problem.families))))
    state.queue = quiet  # nobody is re-asked now
    repair = (
        sorted(excluded, key=lambda f: keys[f])
        if not exhausted
        else sorted(range(len(problem.families)), key=lambda f: keys[f])
    )
    for fi in repair:
        for p in range(state.pos[fi]):
            if state.fits_without_displacing(fi, p):
                state.move(fi, p)
                break
    return FastOutcome(
        state.placed, not excluded and not exhausted, steps, len(excluded), exhausted
    )
