"""The instance compiled to integer indices: families, combinations, seat pools, priorities.

Solvers and the checker both start from here; it fixes *what* the problem is
(who ranks above whom where, which seats exist), never how to solve it.
"""

from __future__ import annotations

import random
from collections import defaultdict
from dataclasses import dataclass

from jichitai_ai.hoiku._families import family_combos, policy_pattern
from jichitai_ai.hoiku._model import AGES, Child, Instance, SiblingPolicy

NONE = -1  # "not admitted" inside a combination


@dataclass
class Pool:
    """A group of seats: one age class of a facility, or a shared quota (共有枠)."""

    facility: int
    ages: frozenset[int]
    capacity: int  # vacancies plus the seats that transfer applicants hold today


@dataclass
class Requirement:
    """What a combination needs from one pool: its members and the weakest one's rank."""

    pool: int
    members: tuple[int, ...]
    worst_rank: int


@dataclass
class Problem:
    instance: Instance
    child_age: list[int]
    child_family: list[int]
    child_enrolled: list[int]  # facility index or NONE
    families: list[list[int]]  # child indices, oldest first
    combos: list[list[tuple[int, ...]]]  # per family, per position: facility per member
    requirements: list[list[list[Requirement]]]  # per family, per position
    pools: list[Pool]
    pools_of: dict[tuple[int, int], list[int]]  # (facility, age) -> pools
    rank: list[dict[int, int]]  # per facility: child -> rank (0 = highest priority)
    base_rank: list[int]  # facility-independent order, used for proposal order and waitlists
    has_transfer: list[bool]  # per family

    @property
    def n_children(self) -> int:
        return len(self.child_age)


def _tiebreak_key(
    inst: Instance, child: Child, index: int, facility_id: str | None, lottery: float
) -> tuple[float, ...]:
    key: list[float] = []
    for tb in inst.tiebreaks:
        if tb.attribute == "score":
            value = child.score_at(facility_id) if facility_id is not None else child.score
        elif tb.attribute == "lottery":
            value = lottery
        elif tb.attribute == "order":
            value = child.attributes.get("order", float(index))
        else:
            value = child.attributes.get(tb.attribute, 0.0)
        key.append(-value if tb.descending else value)
    key.append(float(index))
    return tuple(key)


def _family_groups(inst: Instance) -> list[list[int]]:
    groups: dict[str, list[int]] = {}
    singles: list[list[int]] = []
    for i, c in enumerate(inst.children):
        if c.policy is SiblingPolicy.INDEPENDENT:
            singles.append([i])
        else:
            groups.setdefault(c.family_id, []).append(i)
    out = list(groups.values()) + singles
    out.sort(key=lambda members: min(members))
    return out


def compile_problem(inst: Instance) -> Problem:
    """Index the instance; raises ``KeyError`` only for ids that validation should have caught."""
    fac_index = {f.id: k for k, f in enumerate(inst.facilities)}
    n = len(inst.children)
    ages = [c.age for c in inst.children]
    enrolled = [
        fac_index[c.enrolled_facility] if c.enrolled_facility else NONE for c in inst.children
    ]

    families: list[list[int]] = []
    combos: list[list[tuple[int, ...]]] = []
    child_family = [0] * n
    for members in _family_groups(inst):
        ordered = sorted(members, key=lambda i: (-ages[i], i))
        kids = [inst.children[i] for i in ordered]
        prefs = [list(k.preferences) for k in kids]
        current = [k.enrolled_facility for k in kids]
        pattern = policy_pattern(kids[0].policy)
        raw = family_combos(prefs, current, pattern)
        fi = len(families)
        families.append(ordered)
        combos.append([tuple(NONE if d is None else fac_index[d] for d in c) for c in raw])
        for i in ordered:
            child_family[i] = fi

    # Seats: vacancies, plus one per transfer applicant at the seat they may give up.
    transfers_out: dict[tuple[int, int], int] = defaultdict(int)
    for i in range(n):
        if enrolled[i] != NONE:
            transfers_out[(enrolled[i], ages[i])] += 1
    pools: list[Pool] = []
    pools_of: dict[tuple[int, int], list[int]] = defaultdict(list)
    for k, f in enumerate(inst.facilities):
        for g in AGES:
            cap = f.capacity[g]
            if cap is not None:
                pools_of[(k, g)].append(len(pools))
                pools.append(Pool(k, frozenset({g}), cap + transfers_out[(k, g)]))
    for q in inst.shared_quotas:
        k = fac_index[q.facility_id]
        extra = sum(transfers_out[(k, g)] for g in q.ages)
        for g in sorted(q.ages):
            pools_of[(k, g)].append(len(pools))
        pools.append(Pool(k, q.ages, q.quota + extra))
    for k in range(len(inst.facilities)):
        for g in AGES:
            if (k, g) not in pools_of:  # no seats at all for this age
                pools_of[(k, g)].append(len(pools))
                pools.append(Pool(k, frozenset({g}), transfers_out[(k, g)]))

    rng = random.Random(inst.seed)
    lottery = [rng.random() for _ in range(n)]
    candidates: dict[int, set[int]] = defaultdict(set)
    for fi, fam in enumerate(families):
        for combo in combos[fi]:
            for pos, d in enumerate(combo):
                if d != NONE:
                    candidates[d].add(fam[pos])
    rank: list[dict[int, int]] = []
    for k, f in enumerate(inst.facilities):
        cand = sorted(
            candidates.get(k, ()),
            key=lambda i, fid=f.id, k=k: (
                0 if enrolled[i] == k else 1,
                _tiebreak_key(inst, inst.children[i], i, fid, lottery[i]),
            ),
        )
        rank.append({i: r for r, i in enumerate(cand)})
    base_order = sorted(
        range(n), key=lambda i: _tiebreak_key(inst, inst.children[i], i, None, lottery[i])
    )
    base_rank = [0] * n
    for r, i in enumerate(base_order):
        base_rank[i] = r

    requirements: list[list[list[Requirement]]] = []
    for fi, fam in enumerate(families):
        per_pos: list[list[Requirement]] = []
        for combo in combos[fi]:
            by_pool: dict[int, list[int]] = defaultdict(list)
            for pos, d in enumerate(combo):
                if d == NONE:
                    continue
                for p in pools_of[(d, ages[fam[pos]])]:
                    by_pool[p].append(fam[pos])
            reqs = []
            for p, members in by_pool.items():
                order = rank[pools[p].facility]
                reqs.append(Requirement(p, tuple(members), max(order[m] for m in members)))
            per_pos.append(reqs)
        requirements.append(per_pos)

    has_transfer = [any(enrolled[i] != NONE for i in fam) for fam in families]
    return Problem(
        inst,
        ages,
        child_family,
        enrolled,
        families,
        combos,
        requirements,
        pools,
        dict(pools_of),
        rank,
        base_rank,
        has_transfer,
    )


def assignment_position(problem: Problem, fi: int, placed: list[int]) -> int | None:
    """Which combination a family got (len = none); ``None`` if it matches no combination."""
    fam = problem.families[fi]
    got = tuple(placed[i] for i in fam)
    if all(d == NONE for d in got):
        return len(problem.combos[fi])
    for p, combo in enumerate(problem.combos[fi]):
        if combo == got:
            return p
    return None
