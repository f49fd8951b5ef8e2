"""What the result page shows, computed once per run and language and then cached on the run.

The per-child table is searched and paged here (server side), so the page stays small for
thousands of children and works without JavaScript.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from jichitai_ai import hoiku
from jichitai_ai.hoiku._explain import roster_rows, waitlist_rows
from jichitai_ai.hoiku.console.store import Run

PAGE_SIZE = 50
STATUSES = ("placed", "transferred", "stays", "waiting")


@dataclass(frozen=True)
class Summary:
    children: int
    families: int
    facilities: int
    placed: int
    waiting: int
    method: str
    optimal: bool
    wall_seconds: float
    stable: bool
    violations: int
    blocking: list[dict[str, Any]]
    notes: list[str]


def instance_facts(inst: hoiku.Instance) -> dict[str, int]:
    """Counts shown right after an upload, before any run."""
    families: dict[str, int] = {}
    for c in inst.children:
        families[c.family_id] = families.get(c.family_id, 0) + 1
    return {
        "children": len(inst.children),
        "families": len(families),
        "sibling_families": sum(1 for n in families.values() if n > 1),
        "transfers": sum(1 for c in inst.children if c.enrolled_facility),
        "facilities": len(inst.facilities),
    }


def outcomes_of(run: Run, lang: str) -> list[hoiku.ChildOutcome]:
    assert run.allocation is not None
    alloc = run.allocation
    result: list[hoiku.ChildOutcome] = run.cached(
        f"outcomes:{lang}", lambda: hoiku.outcomes(alloc, lang)
    )
    return result


def summary_of(run: Run, lang: str) -> Summary:
    alloc = run.allocation
    assert alloc is not None
    names = {f.id: f.name for f in alloc.instance.facilities}
    blocking = [
        {
            "children": list(b.family_children),
            "position": b.position + 1,
            "facilities": [names.get(f, f) if f else "-" for f in b.facilities],
        }
        for b in alloc.report.blocking
    ]
    return Summary(
        children=len(alloc.instance.children),
        families=len({c.family_id for c in alloc.instance.children}),
        facilities=len(alloc.instance.facilities),
        placed=alloc.placed_count,
        waiting=len(alloc.instance.children) - alloc.placed_count,
        method=alloc.method,
        optimal=alloc.optimal,
        wall_seconds=run.wall_seconds,
        stable=alloc.report.ok,
        violations=len(alloc.report.violations),
        blocking=blocking,
        notes=list(alloc.notes),
    )


@dataclass(frozen=True)
class ChildPage:
    rows: list[hoiku.ChildOutcome]
    total: int
    page: int
    pages: int


def search_children(
    outs: list[hoiku.ChildOutcome], query: str, status: str, page: int
) -> ChildPage:
    """Children whose id, family id or facility contains ``query``, optionally by status."""
    needle = query.strip().casefold()
    found = [
        o
        for o in outs
        if (not status or o.status == status)
        and (
            not needle
            or any(
                needle in (v or "").casefold()
                for v in (o.child_id, o.family_id, o.facility_id, o.facility_name)
            )
        )
    ]
    pages = max(1, -(-len(found) // PAGE_SIZE))
    page = min(max(1, page), pages)
    return ChildPage(found[(page - 1) * PAGE_SIZE : page * PAGE_SIZE], len(found), page, pages)


def facility_tables(run: Run, lang: str) -> dict[str, Any]:
    """Rosters and waitlists keyed by facility id (first two columns dropped), and a summary."""

    def build() -> dict[str, Any]:
        alloc = run.allocation
        assert alloc is not None
        outs = outcomes_of(run, lang)
        r_head, r_rows = roster_rows(alloc, lang, outs)
        w_head, w_rows = waitlist_rows(alloc, lang, outs)
        rosters: dict[str, list[list[object]]] = {}
        waits: dict[str, list[list[object]]] = {}
        for row in r_rows:
            rosters.setdefault(str(row[0]), []).append(row[2:])
        for row in w_rows:
            waits.setdefault(str(row[0]), []).append(row[2:])
        overview = [
            {
                "id": f.id,
                "name": f.name,
                "seats": sum(c or 0 for c in f.capacity),
                "placed": len(rosters.get(f.id, [])),
                "waiting": len({r[2] for r in waits.get(f.id, [])}),
            }
            for f in alloc.instance.facilities
        ]
        return {
            "roster_header": r_head[2:],
            "waitlist_header": w_head[2:],
            "rosters": rosters,
            "waitlists": waits,
            "overview": overview,
        }

    tables: dict[str, Any] = run.cached(f"facilities:{lang}", build)
    return tables
