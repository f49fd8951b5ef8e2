"""Cell parsing and row checks shared by the template and ChilmAI loaders."""

from __future__ import annotations

import re

from jichitai_ai.hoiku._families import MAX_RAW_COMBOS, raw_combo_count
from jichitai_ai.hoiku._model import AGES, Child, Facility, SharedQuota, SiblingPolicy
from jichitai_ai.hoiku._tabular import Issue, IssueList, Table
from jichitai_ai.i18n import t

HOSTILE = re.compile(r"[\x00-\x1f\x7f]|^[=+\-@]")


def parse_int(text: str) -> int | None:
    try:
        v = float(text)
    except ValueError:
        return None
    return int(v) if v.is_integer() else None


def parse_number(text: str) -> float | None:
    try:
        v = float(text)
    except ValueError:
        return None
    return v if v == v and abs(v) != float("inf") else None


def check_id(value: str, column: str, table: Table, row: int, issues: IssueList) -> bool:
    if not value:
        issues.append(Issue(table.name, row, t("hoiku.err.required", column=column)))
        return False
    if HOSTILE.search(value) or len(value) > 64:
        issues.append(
            Issue(table.name, row, t("hoiku.err.bad_id", column=column, value=value[:20]))
        )
        return False
    return True


def numbered(header: list[str], pattern: re.Pattern[str]) -> list[tuple[int, str]]:
    found = [(int(m.group(1)), h) for h in header if (m := pattern.match(h))]
    return sorted(found)


def read_facilities(
    table: Table, id_col: str, name_col: str, cap_cols: list[str], issues: IssueList
) -> list[Facility]:
    missing = [c for c in [id_col, *cap_cols] if c not in table.header]
    if missing:
        issues.append(
            Issue(table.name, 1, t("hoiku.err.missing_columns", columns=", ".join(missing)))
        )
        return []
    out: list[Facility] = []
    seen: set[str] = set()
    for n_row, (row, v) in enumerate(table.rows):
        if issues.full:
            issues.stop(table.name, len(table.rows) - n_row)
            break
        fid = v.get(id_col, "")
        ok = check_id(fid, id_col, table, row, issues)
        if ok and fid in seen:
            issues.append(
                Issue(table.name, row, t("hoiku.err.duplicate_id", column=id_col, value=fid))
            )
            ok = False
        seen.add(fid)
        caps: list[int | None] = []
        for col in cap_cols:
            text = v.get(col, "")
            if text == "":
                caps.append(None)
                continue
            n = parse_int(text)
            if n is None or n < 0:
                issues.append(
                    Issue(table.name, row, t("hoiku.err.capacity", column=col, value=text[:20]))
                )
                ok = False
                n = 0
            caps.append(n)
        if ok:
            out.append(Facility(fid, v.get(name_col, "") or fid, tuple(caps), row))
    return out


def check_uncovered(
    facilities: list[Facility], quotas: list[SharedQuota], name: str, issues: IssueList
) -> None:
    for f in facilities:
        covered = {g for q in quotas if q.facility_id == f.id for g in q.ages}
        blank = [g for g in AGES if f.capacity[g] is None and g not in covered]
        if blank:
            issues.append(
                Issue(name, f.row, t("hoiku.err.blank_capacity", ages=",".join(map(str, blank))))
            )


def check_households(
    rows: list[tuple[int, str, SiblingPolicy | None]], table: Table, issues: IssueList
) -> dict[str, SiblingPolicy]:
    """One policy per household of two or more children: none blank, none different.

    ``rows``: (row, household, policy or None when the cell was blank). Returns
    the policy of each valid household; a household of one needs no policy.
    """
    by_family: dict[str, list[tuple[int, SiblingPolicy | None]]] = {}
    for row, fam, policy in rows:
        by_family.setdefault(fam, []).append((row, policy))
    out: dict[str, SiblingPolicy] = {}
    for fam, members in by_family.items():
        if len(members) < 2:
            continue
        policies = {p for _, p in members}
        if None in policies:
            issues.append(Issue(table.name, members[0][0], t("hoiku.err.policy_blank", family=fam)))
        elif len(policies) > 1:
            for row, _ in members:
                issues.append(Issue(table.name, row, t("hoiku.err.policy_mismatch", family=fam)))
        else:
            out[fam] = members[0][1]  # type: ignore[assignment]
    return out


def check_enrolled_not_wished(
    enrolled: str | None, wanted: list[str], table: Table, row: int, issues: IssueList
) -> None:
    """The current facility is where a transfer applicant stays, not one of its wishes."""
    if enrolled is not None and enrolled in wanted:
        issues.append(Issue(table.name, row, t("hoiku.err.enrolled_wish", facility=enrolled)))


def check_children(
    children: list[Child], facilities: dict[str, Facility], table: Table, issues: IssueList
) -> None:
    by_family: dict[str, list[Child]] = {}
    for c in children:
        if c.policy is not SiblingPolicy.INDEPENDENT:
            by_family.setdefault(c.family_id, []).append(c)
    for fam in by_family.values():
        policies = {c.policy for c in fam}
        if len(policies) > 1:
            continue  # reported by check_households
        policy = fam[0].policy
        if policy.value in (1, 2, 3) and len(fam) > 1:
            common = set.intersection(*(set(c.preferences) for c in fam))
            if not common:
                name = t(f"hoiku.policy.p{policy.value}")
                issues.append(
                    Issue(
                        table.name,
                        fam[0].row,
                        t("hoiku.err.no_common", family=fam[0].family_id, policy=name),
                    )
                )
        ordered = sorted(fam, key=lambda c: -c.age)
        count = raw_combo_count(
            [list(c.preferences) for c in ordered], [c.enrolled_facility for c in ordered]
        )
        if count > MAX_RAW_COMBOS:
            issues.append(
                Issue(
                    table.name,
                    fam[0].row,
                    t("hoiku.err.too_many_combos", family=fam[0].family_id, count=count),
                )
            )
