"""Loader for ChilmAI's CSV layout, so both systems can run on identical files."""

from __future__ import annotations

import re

from jichitai_ai.hoiku._fields import (
    check_children,
    check_enrolled_not_wished,
    check_households,
    check_id,
    numbered,
    parse_int,
    read_facilities,
)
from jichitai_ai.hoiku._model import (
    AGES,
    DEFAULT_TIEBREAKS,
    Child,
    Facility,
    Instance,
    SiblingPolicy,
)
from jichitai_ai.hoiku._tabular import HoikuInputError, Issue, IssueList, Table
from jichitai_ai.i18n import t

# ChilmAI layout (default profile of chilmai.generic.config)
K_ID, K_FAMILY, K_AGE, K_ENROLLED, K_PATTERN = (
    "申請者番号",
    "世帯番号",
    "年齢",
    "在籍保育所ID",
    "きょうだいパターン",
)
K_SCORE = re.compile(r"^点数(\d+)$")
K_PREF = re.compile(r"^希望保育園ID_(\d+)$")
D_ID, D_NAME = "保育所ID", "保育所名"
D_CAP = [f"{g}歳募集人数" for g in AGES]


def _norm_id(text: str) -> str:
    """ChilmAI strips Excel's float suffix ('11005.0' → '11005'); so do we."""
    return re.sub(r"^(-?\d+)\.0+$", r"\1", text.strip())


def load_chilmai(children_table: Table, daycares_table: Table) -> Instance:
    """Read ChilmAI's 申込者データ / 保育所データ so both systems can run identical files."""
    issues = IssueList()
    facilities = read_facilities(daycares_table, D_ID, D_NAME, D_CAP, issues)
    facilities = [Facility(_norm_id(f.id), f.name, f.capacity, f.row) for f in facilities]
    for f in facilities:
        if None in f.capacity:
            issues.append(
                Issue(daycares_table.name, f.row, t("hoiku.err.blank_capacity", ages="0-5"))
            )
    by_id = {f.id: f for f in facilities}
    table = children_table
    scores = numbered(table.header, K_SCORE)
    if "点数" in table.header and not scores:
        scores = [(1, "点数")]
    prefs = numbered(table.header, K_PREF)
    missing = [c for c in (K_ID, K_FAMILY, K_AGE) if c not in table.header]
    if not scores:
        missing.append("点数1")
    if not prefs:
        missing.append("希望保育園ID_1")
    if missing:
        issues.append(
            Issue(table.name, 1, t("hoiku.err.missing_columns", columns=", ".join(missing)))
        )
        raise HoikuInputError(issues)
    score_col = dict(scores)
    children: list[Child] = []
    seen: set[str] = set()
    households: list[tuple[int, str, SiblingPolicy | None]] = []
    raw: list[tuple[int, str, str, int, float, list[str], dict[str, float], str | None, str]] = []
    for n_row, (row, v) in enumerate(table.rows):
        if issues.full:
            issues.stop(table.name, len(table.rows) - n_row)
            break
        before = len(issues)
        cid = _norm_id(v.get(K_ID, ""))
        if check_id(cid, K_ID, table, row, issues) and cid in seen:
            issues.append(
                Issue(table.name, row, t("hoiku.err.duplicate_id", column=K_ID, value=cid))
            )
        seen.add(cid)
        fam = _norm_id(v.get(K_FAMILY, ""))
        check_id(fam, K_FAMILY, table, row, issues)
        age = parse_int(v.get(K_AGE, ""))
        if age is None or age not in AGES:
            issues.append(Issue(table.name, row, t("hoiku.err.age", value=v.get(K_AGE, "")[:20])))
        base_score = parse_int(v.get(score_col[min(score_col)], ""))
        if base_score is None:
            issues.append(
                Issue(
                    table.name,
                    row,
                    t(
                        "hoiku.err.integer",
                        column=score_col[min(score_col)],
                        value=v.get(score_col[min(score_col)], "")[:20],
                    ),
                )
            )
        wanted: list[str] = []
        scores_at: dict[str, float] = {}
        for n, col in prefs:
            fid = _norm_id(v.get(col, ""))
            if not fid:
                continue
            if fid not in by_id:
                issues.append(
                    Issue(
                        table.name, row, t("hoiku.err.unknown_facility", column=col, value=fid[:20])
                    )
                )
                continue
            if fid in wanted:
                continue  # ChilmAI keeps the first occurrence
            wanted.append(fid)
            if n in score_col and n != min(score_col) and v.get(score_col[n], ""):
                s = parse_int(v[score_col[n]])
                if s is None:
                    issues.append(
                        Issue(
                            table.name,
                            row,
                            t("hoiku.err.integer", column=score_col[n], value=v[score_col[n]][:20]),
                        )
                    )
                else:
                    scores_at[fid] = float(s)
        if not wanted:
            issues.append(Issue(table.name, row, t("hoiku.err.no_preferences")))
        enrolled = _norm_id(v.get(K_ENROLLED, "")) or None
        if enrolled is not None and enrolled not in by_id:
            issues.append(
                Issue(
                    table.name,
                    row,
                    t("hoiku.err.unknown_facility", column=K_ENROLLED, value=enrolled[:20]),
                )
            )
        check_enrolled_not_wished(enrolled, wanted, table, row, issues)
        pattern_text = _norm_id(v.get(K_PATTERN, ""))
        pattern: SiblingPolicy | None = None
        if pattern_text:
            p = parse_int(pattern_text)
            if p is None or not 1 <= p <= 7:
                issues.append(
                    Issue(table.name, row, t("hoiku.err.policy", value=pattern_text[:20]))
                )
            else:
                pattern = SiblingPolicy(p)
        households.append((row, fam, pattern))
        if len(issues) == before and age is not None and base_score is not None:
            raw.append(
                (row, cid, fam, age, float(base_score), wanted, scores_at, enrolled, pattern_text)
            )
    family_pattern = check_households(households, table, issues)
    for row, cid, fam, age, base, wanted, scores_at, enrolled, _ in raw:
        # a household of one applies alone; larger ones have one checked pattern
        policy = family_pattern.get(fam, SiblingPolicy.TOGETHER)
        children.append(
            Child(cid, fam, age, base, tuple(wanted), enrolled, policy, scores_at, {}, row)
        )
    check_children(children, by_id, table, issues)
    if issues:
        raise HoikuInputError(issues)
    return Instance(tuple(facilities), tuple(children), (), DEFAULT_TIEBREAKS, 0, "chilmai")
