"""A second instance generator, with a priority structure nothing was tuned on.

Written after the solver, to check it on instances unlike ``randomized.py``'s:
facility-specific points from a few coarse values (many ties, broken by file
order as ChilmAI does), districts where households compete for the same few
facilities, large sibling households (3–4 children, often twins or triplets in
one age class) with all seven patterns, transfer applicants and very tight
seats (about half a seat per applicant, some age classes with none).
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from jichitai_ai.hoiku import Child, Facility, Instance, SiblingPolicy, TieBreak

RULES = (TieBreak("score", True), TieBreak("order", False))


@dataclass(frozen=True)
class VariantSpec:
    children: int
    facilities: int
    districts: int = 6
    siblings: float = 0.4  # share of households with 2–4 children
    multiples: float = 0.3  # share of sibling households with two or more in one age class
    transfers: float = 0.1
    seat_ratio: float = 0.5
    max_wishes: int = 5
    ages: int = 6


def variant_instance(spec: VariantSpec, seed: int) -> Instance:
    """One instance; ids are digits so the files also load in ChilmAI's layout."""
    rng = random.Random(seed ^ 0x5EED)
    nf = spec.facilities
    nd = max(1, min(spec.districts, nf))
    district_of = [k % nd for k in range(nf)]
    rng.shuffle(district_of)
    in_district = [[k for k in range(nf) if district_of[k] == d] for d in range(nd)]
    appeal = [rng.choice([1, 1, 2, 3]) for _ in range(nf)]

    households: list[list[dict[str, object]]] = []
    total = 0
    while total < spec.children:
        size = 1
        if rng.random() < spec.siblings:
            size = rng.choices([2, 3, 4], weights=[4, 3, 3])[0]
        size = min(size, spec.children - total)
        d = rng.randrange(nd)
        local = in_district[d] + (in_district[(d + 1) % nd] if rng.random() < 0.3 else [])

        def pick(n: int, local: list[int] = local) -> list[int]:
            pool = list(local)
            got: list[int] = []
            while pool and len(got) < n:
                k = rng.choices(pool, weights=[appeal[j] for j in pool])[0]
                pool.remove(k)
                got.append(k)
            return got

        if size > 1 and rng.random() < spec.multiples:
            first = rng.randrange(spec.ages)
            ages = [first] * 2 + [rng.randrange(spec.ages) for _ in range(size - 2)]
        else:
            ages = [rng.randrange(spec.ages) for _ in range(size)]
        ages.sort(reverse=True)
        shared = pick(rng.randint(1, spec.max_wishes))
        members: list[dict[str, object]] = []
        for g in ages:
            prefs = list(shared) if rng.random() < 0.7 else pick(rng.randint(1, spec.max_wishes))
            enrolled = None
            if g >= 1 and rng.random() < spec.transfers:
                others = [k for k in range(nf) if k not in prefs]
                enrolled = rng.choice(others) if others else None
            members.append({"age": g, "prefs": prefs, "enrolled": enrolled})
        households.append(members)
        total += size

    patterns: list[int] = []
    for members in households:
        if len(members) == 1:
            patterns.append(0)
            continue
        p = rng.randint(1, 7)
        common = set.intersection(*(set(m["prefs"]) for m in members))  # type: ignore[arg-type]
        if p <= 3 and not common:
            p = rng.randint(4, 7)
        patterns.append(p)

    # file order is shuffled apart from households: it is the tie-break, as in ChilmAI
    flat = [(h, m) for h, members in enumerate(households) for m in members]
    order = list(range(len(flat)))
    rng.shuffle(order)
    caps = [[0] * 6 for _ in range(nf)]
    for g in range(6):
        wanted = sum(1 for _, m in flat if m["age"] == g)
        for k in rng.choices(range(nf), weights=appeal, k=round(wanted * spec.seat_ratio)):
            caps[k][g] += 1
    facilities = tuple(Facility(str(201 + k), f"第{k + 1}園", tuple(caps[k])) for k in range(nf))
    kids: list[Child] = []
    for pos in order:
        h, m = flat[pos]
        base = rng.choice([20, 22, 24, 26])  # few values: many ties
        single = rng.random() < 0.1
        prefs = m["prefs"]  # type: ignore[assignment]
        points = {}
        for rank, k in enumerate(prefs):  # type: ignore[arg-type]
            bonus = (2 if rank == 0 else 0) + (1 if district_of[k] == district_of[prefs[0]] else 0)
            points[str(201 + k)] = float(base + bonus + (3 if single else 0))
        enrolled = m["enrolled"]
        policy = SiblingPolicy(patterns[h]) if patterns[h] else SiblingPolicy.INDEPENDENT
        kids.append(
            Child(
                str(30001 + len(kids)),
                str(7001 + h),
                int(m["age"]),  # type: ignore[call-overload]
                points[str(201 + prefs[0])],  # type: ignore[index]
                tuple(str(201 + k) for k in prefs),  # type: ignore[attr-defined]
                str(201 + enrolled) if isinstance(enrolled, int) else None,
                policy,
                points,
                {"order": float(len(kids) + 1)},
            )
        )
    return Instance(facilities, tuple(kids), (), RULES, seed, "native")
