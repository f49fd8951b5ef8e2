"""Result files: write (CSV/XLSX) and read back for the checker."""

from __future__ import annotations

from jichitai_ai.hoiku._explain import (
    ChildOutcome,
    outcomes,
    roster_rows,
    status_name,
    waitlist_rows,
)
from jichitai_ai.hoiku._model import Instance
from jichitai_ai.hoiku._solve import Allocation
from jichitai_ai.hoiku._tabular import (
    HoikuInputError,
    Issue,
    IssueList,
    read_table,
    write_csv,
    write_xlsx,
)
from jichitai_ai.i18n import t

R_CHILD, R_FACILITY = "児童ID", "施設ID"
CHILMAI_CHILD, CHILMAI_FACILITY = "申請者番号", "入所選考結果保育所ID"


def result_rows(
    alloc: Allocation, lang: str | None = None, precomputed: list[ChildOutcome] | None = None
) -> tuple[list[str], list[list[object]]]:
    """One row per child; the first two columns are what the checker reads."""
    header = [R_CHILD, R_FACILITY] + [
        t(f"hoiku.col.{c}", lang)
        for c in ("facility_name", "family_id", "age", "status", "choice", "reasons")
    ]
    rows: list[list[object]] = []
    for o in precomputed if precomputed is not None else outcomes(alloc, lang):
        rows.append(
            [
                o.child_id,
                o.facility_id or "",
                o.facility_name,
                o.family_id,
                o.age,
                status_name(o.status, lang),
                o.choice or "",
                " / ".join(o.reasons),
            ]
        )
    return header, rows


def export_csv(alloc: Allocation, lang: str | None = None) -> bytes:
    header, rows = result_rows(alloc, lang)
    return write_csv(header, rows)


def export_xlsx(alloc: Allocation, lang: str | None = None) -> bytes:
    """Result, rosters and waitlists in one workbook."""
    outs = outcomes(alloc, lang)
    sheets = [
        (t("hoiku.sheet.result", lang), *result_rows(alloc, lang, outs)),
        (t("hoiku.sheet.roster", lang), *roster_rows(alloc, lang, outs)),
        (t("hoiku.sheet.waitlist", lang), *waitlist_rows(alloc, lang, outs)),
    ]
    return write_xlsx(sheets)


def read_assignment(
    instance: Instance, data: bytes, name: str = "result.csv"
) -> dict[str, str | None]:
    """Child id → facility id (None = not placed) from any result file; every bad row is reported."""
    table = read_table(data, name)
    if R_CHILD in table.header and R_FACILITY in table.header:
        ccol, fcol = R_CHILD, R_FACILITY
    elif CHILMAI_CHILD in table.header and CHILMAI_FACILITY in table.header:
        ccol, fcol = CHILMAI_CHILD, CHILMAI_FACILITY
    else:
        raise HoikuInputError(
            [Issue(name, 1, t("hoiku.err.missing_columns", columns=f"{R_CHILD}, {R_FACILITY}"))]
        )
    children = {c.id for c in instance.children}
    facilities = {f.id for f in instance.facilities}
    issues = IssueList()
    out: dict[str, str | None] = {}
    for row, v in table.rows:
        cid = v.get(ccol, "")
        fid = v.get(fcol, "") or None
        if cid not in children:
            issues.append(Issue(name, row, t("hoiku.err.unknown_child", value=cid[:20])))
        elif cid in out:
            issues.append(Issue(name, row, t("hoiku.err.duplicate_id", column=ccol, value=cid)))
        elif fid is not None and fid not in facilities:
            issues.append(
                Issue(name, row, t("hoiku.err.unknown_facility", column=fcol, value=fid[:20]))
            )
        else:
            out[cid] = fid
    missing = [
        c.id
        for c in instance.children
        if c.id not in out and not any(i.row and c.id in i.message for i in issues)
    ]
    if missing:
        issues.append(
            Issue(
                name,
                0,
                t("hoiku.err.missing_children", count=len(missing), ids=", ".join(missing[:10])),
            )
        )
    if issues:
        raise HoikuInputError(issues)
    return out


def export_rosters_csv(alloc: Allocation, lang: str | None = None) -> bytes:
    """Per-facility rosters (施設別名簿) as CSV."""
    return write_csv(*roster_rows(alloc, lang))


def export_waitlist_csv(alloc: Allocation, lang: str | None = None) -> bytes:
    """Per-facility waitlists (待機リスト) as CSV."""
    return write_csv(*waitlist_rows(alloc, lang))
