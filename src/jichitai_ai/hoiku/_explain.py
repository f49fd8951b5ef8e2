"""Reasons for each child's outcome (根拠説明), rosters and waitlists.

Every sentence is derived from the final allocation and the priority order,
so staff can read it back to a family: which choice was full, from which
score upward it was filled, or which sibling condition ruled it out.
"""

from __future__ import annotations

from dataclasses import dataclass

from jichitai_ai.hoiku._model import SiblingPolicy
from jichitai_ai.hoiku._problem import NONE
from jichitai_ai.hoiku._solve import Allocation
from jichitai_ai.i18n import t

STATUS_PLACED, STATUS_TRANSFERRED, STATUS_STAYS, STATUS_WAITING = (
    "placed",
    "transferred",
    "stays",
    "waiting",
)


@dataclass(frozen=True)
class ChildOutcome:
    child_id: str
    family_id: str
    age: int
    status: str
    facility_id: str | None
    facility_name: str
    choice: int | None  # 1-based rank among the child's wishes; None if not a wish
    reasons: tuple[str, ...]


def _fmt(v: float) -> str:
    return str(int(v)) if float(v).is_integer() else f"{v:g}"


def _seated(alloc: Allocation) -> dict[int, list[int]]:
    pb = alloc.problem
    seated: dict[int, list[int]] = {}
    for i, d in enumerate(alloc.placed):
        if d == NONE:
            continue
        for p in pb.pools_of[(d, pb.child_age[i])]:
            seated.setdefault(p, []).append(i)
    return seated


def _rules_text(alloc: Allocation, lang: str | None) -> str:
    names = {
        "score": t("hoiku.attr.score", lang),
        "lottery": t("hoiku.attr.lottery", lang),
        "order": t("hoiku.attr.order", lang),
    }
    parts = []
    for r in alloc.instance.tiebreaks:
        direction = t("hoiku.dir.desc" if r.descending else "hoiku.dir.asc", lang)
        parts.append(f"{names.get(r.attribute, r.attribute)}{direction}")
    return " → ".join(parts)


def outcomes(alloc: Allocation, lang: str | None = None) -> list[ChildOutcome]:
    """One outcome with its reasons per child, in input order."""
    pb = alloc.problem
    inst = alloc.instance
    seated = _seated(alloc)
    blocking_children = {c for b in alloc.report.blocking for c in b.family_children}
    rules = _rules_text(alloc, lang)
    fidx = {f.id: k for k, f in enumerate(inst.facilities)}
    out: list[ChildOutcome] = []
    for i, child in enumerate(inst.children):
        d = alloc.placed[i]
        fi = pb.child_family[i]
        wishes = list(child.preferences)
        reasons: list[str] = []
        choice: int | None = None
        if d == NONE:
            status = STATUS_WAITING
            considered = wishes
        else:
            fac = inst.facilities[d]
            choice = wishes.index(fac.id) + 1 if fac.id in wishes else None
            if pb.child_enrolled[i] == d:
                status = STATUS_STAYS
            elif pb.child_enrolled[i] != NONE:
                status = STATUS_TRANSFERRED
            else:
                status = STATUS_PLACED
            considered = wishes[: (choice - 1)] if choice is not None else wishes
        for k, fid in enumerate(considered, start=1):
            reasons.append(_why_not(alloc, i, fi, k, fidx[fid], seated, rules, lang))
        if status == STATUS_STAYS:
            reasons.append(t("hoiku.why.stays", lang, facility=inst.facilities[d].name))
        elif d != NONE:
            reasons.append(
                t(
                    "hoiku.why.placed",
                    lang,
                    rank=choice or "-",
                    facility=inst.facilities[d].name,
                    age=child.age,
                )
            )
        elif pb.child_enrolled[i] != NONE:
            current = inst.facilities[pb.child_enrolled[i]].name
            reasons.append(t("hoiku.why.enrolled_lost", lang, facility=current))
        else:
            reasons.append(t("hoiku.why.waiting", lang))
        if child.id in blocking_children:
            reasons.append(t("hoiku.why.blocking", lang))
        out.append(
            ChildOutcome(
                child.id,
                child.family_id,
                child.age,
                status,
                inst.facilities[d].id if d != NONE else None,
                inst.facilities[d].name if d != NONE else "",
                choice,
                tuple(reasons),
            )
        )
    return out


def _seat_counts(alloc: Allocation, p: int) -> tuple[int, int, int]:
    """(published vacancies, enrolled children who stay, enrolled children who left) of a pool."""
    pb = alloc.problem
    pool = pb.pools[p]
    enrolled = [
        i
        for i, e in enumerate(pb.child_enrolled)
        if e == pool.facility and pb.child_age[i] in pool.ages
    ]
    stayed = sum(1 for i in enrolled if alloc.placed[i] == pool.facility)
    return pool.capacity - len(enrolled), stayed, len(enrolled) - stayed


def _deciding_rule(alloc: Allocation, a: int, b: int, fid: str, lang: str | None) -> str:
    """The first priority rule on which children ``a`` and ``b`` differ (after equal scores)."""
    inst = alloc.instance
    ca, cb = inst.children[a], inst.children[b]
    names = {
        "score": t("hoiku.attr.score", lang),
        "lottery": t("hoiku.attr.lottery", lang),
        "order": t("hoiku.attr.order", lang),
    }
    for r in inst.tiebreaks:
        if r.attribute == "score":
            va, vb = ca.score_at(fid), cb.score_at(fid)
        elif r.attribute == "order":
            va, vb = ca.attributes.get("order", float(a)), cb.attributes.get("order", float(b))
        elif r.attribute == "lottery":
            return names["lottery"]
        else:
            va, vb = ca.attributes.get(r.attribute, 0.0), cb.attributes.get(r.attribute, 0.0)
        if va != vb:
            direction = t("hoiku.dir.desc" if r.descending else "hoiku.dir.asc", lang)
            return f"{names.get(r.attribute, r.attribute)}{direction}"
    return t("hoiku.attr.order", lang)


def _pool_verdict(
    alloc: Allocation, i: int, e: int, seated: dict[int, list[int]], lang: str | None
) -> tuple[int, list[int]] | None:
    """The first full pool that keeps child ``i`` out of facility ``e``, with who sits above it."""
    pb = alloc.problem
    rank = pb.rank[e].get(i)
    if rank is None:
        return None
    family = set(pb.families[pb.child_family[i]])
    for p in pb.pools_of[(e, pb.child_age[i])]:
        pool = pb.pools[p]
        above = [
            j for j in seated.get(p, ()) if j not in family and pb.rank[e].get(j, 1 << 60) < rank
        ]
        if len(above) >= pool.capacity:
            return p, above
    return None


def _full_text(
    alloc: Allocation,
    i: int,
    k: int,
    e: int,
    p: int,
    above: list[int],
    rules: str,
    lang: str | None,
) -> str:
    pb = alloc.problem
    inst = alloc.instance
    fid = inst.facilities[e].id
    name = inst.facilities[e].name
    pool = pb.pools[p]
    child = inst.children[i]
    published, stayed, left = _seat_counts(alloc, p)
    ages = "・".join(str(g) for g in sorted(pool.ages))
    if published + left == 0 and stayed == 0:
        return t("hoiku.why.no_seats", lang, rank=k, facility=name, age=child.age)
    newcomers = [j for j in above if pb.child_enrolled[j] != e]
    seats = t("hoiku.why.seats", lang, published=published)
    if left:
        seats += t("hoiku.why.seats_freed", lang, count=left)
    if stayed:
        seats += t("hoiku.why.seats_stayed", lang, count=stayed)
    if not newcomers:  # the children already enrolled there took every seat
        return t("hoiku.why.full_enrolled", lang, rank=k, facility=name, ages=ages, seats=seats)
    last = max(newcomers, key=lambda j: pb.rank[e].get(j, 1 << 60))
    threshold = inst.children[last].score_at(fid)
    mine = child.score_at(fid)
    text = t(
        "hoiku.why.full",
        lang,
        rank=k,
        facility=name,
        ages=ages,
        seats=seats,
        threshold=_fmt(threshold),
        score=_fmt(mine),
    )
    if threshold == mine:
        text += t("hoiku.why.tie_rule", lang, rule=_deciding_rule(alloc, last, i, fid, lang))
    return text


def _why_not(
    alloc: Allocation,
    i: int,
    fi: int,
    k: int,
    e: int,
    seated: dict[int, list[int]],
    rules: str,
    lang: str | None,
) -> str:
    pb = alloc.problem
    inst = alloc.instance
    child = inst.children[i]
    name = inst.facilities[e].name
    verdict = _pool_verdict(alloc, i, e, seated, lang)
    if verdict is not None:
        return _full_text(alloc, i, k, e, verdict[0], verdict[1], rules, lang)
    if len(pb.families[fi]) > 1:
        # a sibling could not come along: name the sibling and the seat it missed
        got = tuple(alloc.placed[j] for j in pb.families[fi])
        combos = pb.combos[fi]
        pos = next((q for q, c in enumerate(combos) if c == got), len(combos))
        me = pb.families[fi].index(i)
        for combo in combos[:pos]:
            if combo[me] != e:
                continue
            for j, d in zip(pb.families[fi], combo, strict=True):
                if j == i or d == NONE or d == alloc.placed[j]:
                    continue
                other = _pool_verdict(alloc, j, d, seated, lang)
                if other is None:
                    continue
                fid = inst.facilities[d].id
                prefs = inst.children[j].preferences
                wish = prefs.index(fid) + 1 if fid in prefs else 0
                detail = _full_text(alloc, j, wish, d, other[0], other[1], rules, lang)
                return t(
                    "hoiku.why.sibling_named",
                    lang,
                    rank=k,
                    facility=name,
                    policy=policy_name(child.policy, lang),
                    sibling=inst.children[j].id,
                    sibling_facility=inst.facilities[d].name,
                    detail=detail,
                )
        return t(
            "hoiku.why.sibling", lang, rank=k, facility=name, policy=policy_name(child.policy, lang)
        )
    return t("hoiku.why.open", lang, rank=k, facility=name)


def policy_name(policy: SiblingPolicy, lang: str | None = None) -> str:
    return t(f"hoiku.policy.p{policy.value}", lang)


def status_name(status: str, lang: str | None = None) -> str:
    return t(f"hoiku.status.{status}", lang)


def roster_rows(
    alloc: Allocation, lang: str | None = None, precomputed: list[ChildOutcome] | None = None
) -> tuple[list[str], list[list[object]]]:
    """Per-facility rosters (施設別内定者名簿) in priority order."""
    pb = alloc.problem
    inst = alloc.instance
    header = [
        t(f"hoiku.col.{c}", lang)
        for c in (
            "facility_id",
            "facility_name",
            "age",
            "order",
            "child_id",
            "family_id",
            "score",
            "status",
        )
    ]
    outs = precomputed if precomputed is not None else outcomes(alloc, lang)
    rows: list[list[object]] = []
    by_fac: dict[int, list[int]] = {}
    for i, d in enumerate(alloc.placed):
        if d != NONE:
            by_fac.setdefault(d, []).append(i)
    for d in sorted(by_fac):
        fac = inst.facilities[d]
        members = sorted(by_fac[d], key=lambda i: (pb.child_age[i], pb.rank[d].get(i, 1 << 60)))
        n_in_age: dict[int, int] = {}
        for i in members:
            g = pb.child_age[i]
            n_in_age[g] = n_in_age.get(g, 0) + 1
            c = inst.children[i]
            rows.append(
                [
                    fac.id,
                    fac.name,
                    g,
                    n_in_age[g],
                    c.id,
                    c.family_id,
                    _fmt(c.score_at(fac.id)),
                    status_name(outs[i].status, lang),
                ]
            )
    return header, rows


def waitlist_rows(
    alloc: Allocation, lang: str | None = None, precomputed: list[ChildOutcome] | None = None
) -> tuple[list[str], list[list[object]]]:
    """Per facility and age: children who wanted it more than what they got, in priority order."""
    pb = alloc.problem
    inst = alloc.instance
    header = [
        t(f"hoiku.col.{c}", lang)
        for c in (
            "facility_id",
            "facility_name",
            "age",
            "wait_order",
            "child_id",
            "family_id",
            "score",
            "status",
            "current",
        )
    ]
    outs = precomputed if precomputed is not None else outcomes(alloc, lang)
    fidx = {f.id: k for k, f in enumerate(inst.facilities)}
    waiting: dict[tuple[int, int], list[int]] = {}
    for i, child in enumerate(inst.children):
        d = alloc.placed[i]
        wishes = list(child.preferences)
        got = inst.facilities[d].id if d != NONE else None
        cut = wishes.index(got) if got in wishes else len(wishes)
        for fid in wishes[:cut]:
            e = fidx[fid]
            if i in pb.rank[e]:
                waiting.setdefault((e, child.age), []).append(i)
    rows: list[list[object]] = []
    for e, g in sorted(waiting):
        fac = inst.facilities[e]
        for n, i in enumerate(sorted(waiting[(e, g)], key=lambda i: pb.rank[e][i]), start=1):
            c = inst.children[i]
            rows.append(
                [
                    fac.id,
                    fac.name,
                    g,
                    n,
                    c.id,
                    c.family_id,
                    _fmt(c.score_at(fac.id)),
                    status_name(outs[i].status, lang),
                    outs[i].facility_name,
                ]
            )
    return header, rows
