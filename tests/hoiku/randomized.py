"""A randomised instance generator and a brute-force judge, written apart from the package.

Nothing here imports the package's generator or solvers: facility priorities
come from a Mallows model around a central ranking (φ = 0 → every facility
uses the same order, φ = 1 → independent uniform orders), families are heavy
in siblings (patterns 1–7, 4–7 most often), some children are transfer
applicants (転園希望, also inside sibling households) and seats are tight.
Used by the differential test in this folder and by benchmarks/hoiku.
"""

from __future__ import annotations

import itertools
import random
from collections import defaultdict
from dataclasses import dataclass

from jichitai_ai.hoiku import Child, Facility, Instance, SiblingPolicy, TieBreak

PATTERN_WEIGHTS = {1: 1, 2: 1, 3: 1, 4: 2, 5: 2, 6: 2, 7: 2}
RULES = (TieBreak("score", True), TieBreak("order", False))


def mallows(items: list[int], phi: float, rng: random.Random) -> list[int]:
    """A Mallows permutation of ``items`` (their order is the centre), by repeated insertion."""
    out: list[int] = []
    for i, item in enumerate(items):
        if phi >= 1.0:
            j = rng.randint(0, i)
        elif phi <= 0.0:
            j = i
        else:
            weights = [phi ** (i - j) for j in range(i + 1)]
            j = rng.choices(range(i + 1), weights=weights)[0]
        out.insert(j, item)
    return out


@dataclass(frozen=True)
class Spec:
    children: int
    facilities: int
    phi: float = 1.0
    siblings: float = 0.3  # share of households with two or three children
    transfers: float = 0.08  # share of children (age ≥ 1) already enrolled elsewhere
    seat_ratio: float = 0.75  # seats per applicant, by age
    max_wishes: int = 4
    ages: int = 6
    twins: float = 0.3  # share of sibling households whose children share an age class


def random_instance(spec: Spec, seed: int) -> Instance:
    """One instance; ids are digits so the files also load in ChilmAI's layout."""
    rng = random.Random(seed)
    nf = spec.facilities
    fac_ids = [str(101 + k) for k in range(nf)]
    weight = [rng.uniform(0.3, 3.0) for _ in range(nf)]
    site = [(rng.random(), rng.random()) for _ in range(nf)]
    near = max(2, min(nf, 10))

    households: list[list[dict[str, object]]] = []
    total = 0
    while total < spec.children:
        size = 1
        if rng.random() < spec.siblings:
            size = 2 if rng.random() < 0.75 else 3
        size = min(size, spec.children - total)
        twins = size > 1 and (size > spec.ages or rng.random() < spec.twins)
        here = (rng.random(), rng.random())
        close = sorted(
            range(nf), key=lambda k: (site[k][0] - here[0]) ** 2 + (site[k][1] - here[1]) ** 2
        )
        close = close[:near]

        def wishes(n: int, close: list[int] = close) -> list[int]:
            pool = list(close)
            got: list[int] = []
            while pool and len(got) < n:
                k = rng.choices(pool, weights=[weight[j] for j in pool])[0]
                pool.remove(k)
                got.append(k)
            return got

        if twins:  # twins (or more) share an age class
            ages = sorted(rng.choices(range(spec.ages), k=size), reverse=True)
        else:
            ages = sorted(rng.sample(range(spec.ages), size), reverse=True)
        common = wishes(rng.randint(1, spec.max_wishes))
        members: list[dict[str, object]] = []
        for g in ages:
            if size > 1 and rng.random() < 0.5:  # siblings partly differ
                own = wishes(rng.randint(1, spec.max_wishes))
                prefs = list(dict.fromkeys(common[:1] + own))[: spec.max_wishes]
            else:
                prefs = list(common) if size > 1 else wishes(rng.randint(1, spec.max_wishes))
            enrolled = None
            if g >= 1 and rng.random() < spec.transfers:
                others = [k for k in range(nf) if k not in prefs]
                enrolled = rng.choice(others) if others else None
            members.append({"age": g, "prefs": prefs, "enrolled": enrolled})
        households.append(members)
        total += size

    # patterns; 1–3 need a facility common to all siblings (else the input is invalid)
    patterns: list[int] = []
    for members in households:
        if len(members) == 1:
            patterns.append(0)
            continue
        p = rng.choices(list(PATTERN_WEIGHTS), weights=list(PATTERN_WEIGHTS.values()))[0]
        common_all = set.intersection(*(set(m["prefs"]) for m in members))  # type: ignore[arg-type]
        if p <= 3 and not common_all:
            p = rng.choice([4, 5, 6, 7])
        patterns.append(p)

    # children, central ranking by a coarse base score, then Mallows per facility
    flat: list[tuple[int, int, dict[str, object]]] = []
    for h, members in enumerate(households):
        for m in members:
            flat.append((h, len(flat), m))
    base = [rng.randint(10, 40) for _ in flat]
    centre = sorted(range(len(flat)), key=lambda i: (-base[i], rng.random()))
    applicants: dict[int, list[int]] = defaultdict(list)
    for i in centre:
        for k in flat[i][2]["prefs"]:  # type: ignore[attr-defined]
            applicants[k].append(i)
    score_at: dict[tuple[int, int], float] = {}
    for k, who in applicants.items():
        order = mallows(who, spec.phi, rng)
        for pos, i in enumerate(order):
            score_at[(i, k)] = float(len(order) - pos)

    # tight seats per age, spread by popularity; seats of enrolled children are extra
    caps = [[0] * 6 for _ in range(nf)]
    by_age = [sum(1 for _, _, m in flat if m["age"] == g) for g in range(6)]
    for g in range(6):
        for k in rng.choices(range(nf), weights=weight, k=round(by_age[g] * spec.seat_ratio)):
            caps[k][g] += 1
    facilities = tuple(Facility(fac_ids[k], f"第{k + 1}保育園", tuple(caps[k])) for k in range(nf))

    kids: list[Child] = []
    for h, i, m in flat:
        prefs = [fac_ids[k] for k in m["prefs"]]  # type: ignore[attr-defined]
        first = m["prefs"][0]  # type: ignore[index]
        policy = SiblingPolicy(patterns[h]) if patterns[h] else SiblingPolicy.INDEPENDENT
        enrolled = m["enrolled"]
        kids.append(
            Child(
                str(10001 + i),
                str(5001 + h),
                int(m["age"]),  # type: ignore[call-overload]
                score_at[(i, first)],
                tuple(prefs),
                fac_ids[enrolled] if isinstance(enrolled, int) else None,
                policy,
                {fac_ids[k]: score_at[(i, k)] for k in m["prefs"]},  # type: ignore[attr-defined]
                {"order": float(i + 1)},
            )
        )
    return Instance(facilities, tuple(kids), (), RULES, seed, "native")


# ---------------------------------------------------------------- brute force


@dataclass(frozen=True)
class Verdict:
    feasible: bool
    blocking: int
    placed: int


def judge(
    inst: Instance,
    assignment: dict[str, str | None],
    combos: dict[str, list[tuple[str | None, ...]]],
) -> Verdict:
    """Hard constraints and blocking coalitions, recounted from the definitions.

    ``combos``: per family id, its acceptable combinations best first (children
    oldest first, ties by input order); staying put is the last one for a
    transfer family and "nobody admitted" follows every list.
    """
    kids = {c.id: c for c in inst.children}
    caps = {f.id: f.capacity for f in inst.facilities}
    fams = _families(inst)
    # seats: vacancies plus the seats enrolled children hold today
    seats: dict[tuple[str, int], int] = defaultdict(int)
    for f in inst.facilities:
        for g in range(6):
            seats[(f.id, g)] += f.capacity[g] or 0
    for c in inst.children:
        if c.enrolled_facility:
            seats[(c.enrolled_facility, c.age)] += 1
    seated: dict[tuple[str, int], list[str]] = defaultdict(list)
    for cid, fid in assignment.items():
        if fid is not None:
            seated[(fid, kids[cid].age)].append(cid)
    feasible = all(len(v) <= seats[k] for k, v in seated.items())
    position: dict[str, int] = {}
    for fam_id, members in fams.items():
        got = tuple(assignment[c.id] for c in members)
        options = combos[fam_id]
        if all(d is None for d in got):
            position[fam_id] = len(options)
            if any(c.enrolled_facility for c in members):
                feasible = False
        elif got in options:
            position[fam_id] = options.index(got)
        else:
            feasible = False
            position[fam_id] = len(options)
    del caps

    def prio(c: Child, fid: str) -> tuple[int, float, float]:
        return (
            0 if c.enrolled_facility == fid else 1,
            -c.score_at(fid),
            c.attributes.get("order", 0.0),
        )

    blocking = 0
    for fam_id, members in fams.items():
        ids = {c.id for c in members}
        for q in range(position[fam_id]):
            combo = combos[fam_id][q]
            ok = True
            wanted: dict[tuple[str, int], list[Child]] = defaultdict(list)
            for c, d in zip(members, combo, strict=True):
                if d is not None:
                    wanted[(d, c.age)].append(c)
            for (fid, g), mine in wanted.items():
                worst = max(prio(c, fid) for c in mine)
                above = sum(
                    1 for o in seated[(fid, g)] if o not in ids and prio(kids[o], fid) < worst
                )
                if above + len(mine) > seats[(fid, g)]:
                    ok = False
                    break
            if ok:
                blocking += 1
    placed = sum(1 for v in assignment.values() if v is not None)
    return Verdict(feasible, blocking, placed)


def _families(inst: Instance) -> dict[str, list[Child]]:
    fams: dict[str, list[Child]] = {}
    for c in inst.children:
        key = c.family_id if c.policy is not SiblingPolicy.INDEPENDENT else f"_{c.id}"
        fams.setdefault(key, []).append(c)
    return {k: sorted(v, key=lambda c: (-c.age, inst.children.index(c))) for k, v in fams.items()}


def brute_force(inst: Instance, combos: dict[str, list[tuple[str | None, ...]]]) -> tuple[int, int]:
    """(fewest blocking coalitions, most placed among those) over every feasible allocation."""
    fams = _families(inst)
    keys = list(fams)
    choices = [[*combos[k], tuple(None for _ in fams[k])] for k in keys]
    best: tuple[int, int] | None = None
    for pick in itertools.product(*choices):
        assignment: dict[str, str | None] = {}
        for k, combo in zip(keys, pick, strict=True):
            for c, d in zip(fams[k], combo, strict=True):
                assignment[c.id] = d
        v = judge(inst, assignment, combos)
        if not v.feasible:
            continue
        key = (v.blocking, -v.placed)
        if best is None or key < best:
            best = key
    assert best is not None
    return best[0], -best[1]
