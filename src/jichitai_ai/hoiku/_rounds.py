"""Second round (二次調整): remaining vacancies, declined places, new applications."""

from __future__ import annotations

from dataclasses import replace

from jichitai_ai.hoiku._model import AGES, Child, Instance, SharedQuota, SiblingPolicy
from jichitai_ai.hoiku._problem import NONE
from jichitai_ai.hoiku._solve import Allocation


def _left(capacity: int | None, used: int) -> int | None:
    return None if capacity is None else max(0, capacity - used)


def next_round(
    alloc: Allocation,
    declined: frozenset[str] | set[str] = frozenset(),
    new_children: tuple[Child, ...] = (),
) -> Instance:
    """Instance for the next round.

    Seats taken in this round are gone unless declined; a transfer applicant who
    moved frees the seat it held. Children still waiting (and transfer
    applicants who stayed) apply again; siblings split by the first round now
    apply on their own.
    """
    inst = alloc.instance
    pb = alloc.problem
    used = [[0] * 6 for _ in inst.facilities]
    for i, c in enumerate(inst.children):
        d = alloc.placed[i]
        if d == NONE or c.id in declined or pb.child_enrolled[i] == d:
            continue
        used[d][c.age] += 1
        if pb.child_enrolled[i] != NONE:
            used[pb.child_enrolled[i]][c.age] -= 1
    facilities = tuple(
        replace(f, capacity=tuple(_left(f.capacity[g], used[k][g]) for g in AGES))
        for k, f in enumerate(inst.facilities)
    )
    index = {f.id: k for k, f in enumerate(inst.facilities)}
    quotas = tuple(
        SharedQuota(
            q.facility_id,
            q.ages,
            max(0, q.quota - sum(used[index[q.facility_id]][g] for g in q.ages)),
            q.row,
        )
        for q in inst.shared_quotas
    )
    waiting: list[Child] = []
    remaining_by_family: dict[str, int] = {}
    for i, c in enumerate(inst.children):
        d = alloc.placed[i]
        again = c.id not in declined and (d == NONE or pb.child_enrolled[i] == d)
        if again:
            waiting.append(c)
            remaining_by_family[c.family_id] = remaining_by_family.get(c.family_id, 0) + 1
    family_size: dict[str, int] = {}
    for c in inst.children:
        family_size[c.family_id] = family_size.get(c.family_id, 0) + 1
    again_children = tuple(
        c
        if remaining_by_family[c.family_id] == family_size[c.family_id]
        else replace(c, policy=SiblingPolicy.INDEPENDENT)
        for c in waiting
    )
    known = {c.id for c in again_children}
    fresh = tuple(c for c in new_children if c.id not in known)
    return Instance(
        facilities, again_children + fresh, quotas, inst.tiebreaks, inst.seed, inst.source_format
    )


__all__ = ["next_round"]
