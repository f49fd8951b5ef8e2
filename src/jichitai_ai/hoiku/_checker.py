"""Independent verification of any allocation (結果の検証).

Shares only the problem definition with the solvers (who ranks above whom,
which seats exist, each family's combinations) and recounts everything with
plain loops, so a solver bug cannot hide behind its own bookkeeping.
Stability is the blocking-coalition test of Sun et al. (AAAI-24).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from jichitai_ai.hoiku._problem import NONE, Problem

_UNRANKED = 1 << 60  # a child seated where it never applied ranks below everyone


@dataclass(frozen=True)
class Violation:
    kind: str  # capacity | preference | sibling | transfer | blocking
    child_ids: tuple[str, ...]
    facility_id: str | None
    detail: dict[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class BlockingCoalition:
    """A family that prefers combination ``position`` and would be admitted there."""

    family_children: tuple[str, ...]
    position: int
    facilities: tuple[str | None, ...]


@dataclass
class CheckReport:
    violations: list[Violation]
    blocking: list[BlockingCoalition]
    placed: int

    @property
    def feasible(self) -> bool:
        return not self.violations

    @property
    def ok(self) -> bool:
        return not self.violations and not self.blocking


def check_placement(problem: Problem, placed: list[int]) -> CheckReport:
    """Check capacities, sibling combinations, transfers and stability of ``placed``."""
    inst = problem.instance
    cid = [c.id for c in inst.children]
    fid = [f.id for f in inst.facilities]
    violations: list[Violation] = []

    # 1. each child only at a facility that its family's combinations allow
    allowed: dict[int, set[int]] = defaultdict(set)
    for fi, fam in enumerate(problem.families):
        for combo in problem.combos[fi]:
            for pos, d in enumerate(combo):
                allowed[fam[pos]].add(d)
    for i, d in enumerate(placed):
        if d != NONE and d not in allowed[i]:
            violations.append(Violation("preference", (cid[i],), fid[d]))

    # 2. seats per pool (age class and shared quotas), counted from scratch
    pools_at: dict[int, list[int]] = defaultdict(list)
    for p, pool in enumerate(problem.pools):
        pools_at[pool.facility].append(p)
    occupancy: dict[int, list[int]] = defaultdict(list)
    for i, d in enumerate(placed):
        if d == NONE:
            continue
        for p in pools_at[d]:
            if problem.child_age[i] in problem.pools[p].ages:
                occupancy[p].append(i)
    for p, members in occupancy.items():
        pool = problem.pools[p]
        if len(members) > pool.capacity:
            violations.append(
                Violation(
                    "capacity",
                    tuple(cid[i] for i in members),
                    fid[pool.facility],
                    {
                        "ages": sorted(pool.ages),
                        "capacity": pool.capacity,
                        "assigned": len(members),
                    },
                )
            )

    # 3. sibling policy and transfers: the family's outcome must be one of its combinations
    position: list[int | None] = []
    for fi, fam in enumerate(problem.families):
        got = tuple(placed[i] for i in fam)
        found: int | None = None
        if all(d == NONE for d in got):
            found = len(problem.combos[fi])
            if problem.has_transfer[fi]:
                violations.append(
                    Violation(
                        "transfer",
                        tuple(cid[i] for i in fam if problem.child_enrolled[i] != NONE),
                        None,
                    )
                )
        else:
            for p, combo in enumerate(problem.combos[fi]):
                if combo == got:
                    found = p
                    break
            if found is None:
                violations.append(
                    Violation(
                        "sibling",
                        tuple(cid[i] for i in fam),
                        None,
                        {"got": [fid[d] if d != NONE else None for d in got]},
                    )
                )
        position.append(found)

    # 4. blocking coalitions
    blocking: list[BlockingCoalition] = []
    for fi, fam in enumerate(problem.families):
        at = position[fi]
        if at is None:
            continue
        for p in range(at):
            if _would_be_admitted(problem, fi, p, occupancy, pools_at):
                combo = problem.combos[fi][p]
                blocking.append(
                    BlockingCoalition(
                        tuple(cid[i] for i in fam),
                        p,
                        tuple(fid[d] if d != NONE else None for d in combo),
                    )
                )
    placed_count = sum(1 for d in placed if d != NONE)
    return CheckReport(violations, blocking, placed_count)


def _would_be_admitted(
    problem: Problem,
    fi: int,
    p: int,
    occupancy: dict[int, list[int]],
    pools_at: dict[int, list[int]],
) -> bool:
    fam = problem.families[fi]
    combo = problem.combos[fi][p]
    wanted = {d for d in combo if d != NONE}
    for pool_index in [q for d in sorted(wanted) for q in pools_at[d]]:
        pool = problem.pools[pool_index]
        members = [
            i
            for pos, i in enumerate(fam)
            if combo[pos] == pool.facility and problem.child_age[i] in pool.ages
        ]
        if not members:
            continue
        rank = problem.rank[pool.facility]
        worst = max(rank[i] for i in members)
        higher = 0
        for j in occupancy.get(pool_index, ()):
            if problem.child_family[j] != fi and rank.get(j, _UNRANKED) < worst:
                higher += 1
        if higher + len(members) > pool.capacity:
            return False
    return True
