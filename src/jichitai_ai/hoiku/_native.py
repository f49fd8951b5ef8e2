"""Loader for the shipped Japanese templates (施設・児童・共有枠・設定)."""

from __future__ import annotations

import logging
import re
import tomllib

from jichitai_ai.hoiku._fields import (
    HOSTILE,
    check_children,
    check_enrolled_not_wished,
    check_households,
    check_id,
    check_uncovered,
    numbered,
    parse_int,
    parse_number,
    read_facilities,
)
from jichitai_ai.hoiku._model import (
    AGES,
    DEFAULT_TIEBREAKS,
    Child,
    Facility,
    Instance,
    SharedQuota,
    SiblingPolicy,
    TieBreak,
)
from jichitai_ai.hoiku._tabular import HoikuInputError, Issue, IssueList, Table, read_table
from jichitai_ai.i18n import t

# Native template headers (templates/*.csv ship with these).
F_ID, F_NAME = "施設ID", "施設名"
F_CAP = [f"{g}歳児募集数" for g in AGES]
C_ID, C_FAMILY, C_AGE, C_SCORE = "児童ID", "世帯ID", "年齢クラス", "利用調整指数"
C_ENROLLED, C_POLICY = "在籍施設ID", "きょうだい条件"
C_PREF = re.compile(r"^第(\d+)希望$")
C_BONUS = re.compile(r"^第(\d+)希望加点$")
Q_FACILITY, Q_AGES, Q_QUOTA = "施設ID", "対象年齢クラス", "募集数"

_POLICY_WORDS = {
    "同時入所": SiblingPolicy.TOGETHER,
    "同保同時": SiblingPolicy.TOGETHER,
    "together": SiblingPolicy.TOGETHER,
    "同一園希望": SiblingPolicy.PREFER_SAME,
    "prefer_together": SiblingPolicy.PREFER_SAME,
    "個別": SiblingPolicy.INDEPENDENT,
    "independent": SiblingPolicy.INDEPENDENT,
}
_ATTR_ALIASES = {
    "利用調整指数": "score",
    "指数": "score",
    "score": "score",
    "抽選": "lottery",
    "lottery": "lottery",
    "申込順": "order",
    "order": "order",
}


def parse_tiebreaks(items: list[str]) -> tuple[TieBreak, ...]:
    """``["利用調整指数:降順", "ひとり親:降順", "世帯所得:昇順", "申込順"]`` → rules."""
    rules: list[TieBreak] = []
    for item in items:
        name, _, direction = item.partition(":")
        name = name.strip()
        direction = direction.strip().lower()
        attr = _ATTR_ALIASES.get(name, name)
        if direction in ("", "desc", "降順", "高い順"):
            descending = attr not in ("order", "lottery") if direction == "" else True
        elif direction in ("asc", "昇順", "低い順"):
            descending = False
        else:
            raise HoikuInputError([Issue("settings", 0, t("hoiku.err.tiebreak", item=item))])
        rules.append(TieBreak(attr, descending))
    return tuple(rules) or DEFAULT_TIEBREAKS


def _quotas(table: Table, facilities: dict[str, Facility], issues: IssueList) -> list[SharedQuota]:
    missing = [c for c in (Q_FACILITY, Q_AGES, Q_QUOTA) if c not in table.header]
    if missing:
        issues.append(
            Issue(table.name, 1, t("hoiku.err.missing_columns", columns=", ".join(missing)))
        )
        return []
    out: list[SharedQuota] = []
    for row, v in table.rows:
        fid = v.get(Q_FACILITY, "")
        ages_text = re.split(r"[,、・\s]+", v.get(Q_AGES, "").replace("歳児", "").replace("歳", ""))
        ages = {parse_int(a) for a in ages_text if a}
        quota = parse_int(v.get(Q_QUOTA, ""))
        if fid not in facilities:
            issues.append(
                Issue(
                    table.name,
                    row,
                    t("hoiku.err.unknown_facility", column=Q_FACILITY, value=fid[:20]),
                )
            )
        elif not ages or None in ages or not all(a in AGES for a in ages if a is not None):
            issues.append(Issue(table.name, row, t("hoiku.err.ages", value=v.get(Q_AGES, "")[:20])))
        elif quota is None or quota < 0:
            issues.append(
                Issue(
                    table.name,
                    row,
                    t("hoiku.err.capacity", column=Q_QUOTA, value=v.get(Q_QUOTA, "")[:20]),
                )
            )
        else:
            out.append(SharedQuota(fid, frozenset(a for a in ages if a is not None), quota, row))
    return out


def load_native(tables: dict[str, Table], settings: dict[str, object] | None = None) -> Instance:
    """Build an instance from the Japanese templates (施設・児童・共有枠)."""
    issues = IssueList()
    facilities = read_facilities(tables["facilities"], F_ID, F_NAME, F_CAP, issues)
    by_id = {f.id: f for f in facilities}
    quotas = _quotas(tables["quotas"], by_id, issues) if "quotas" in tables else []
    check_uncovered(facilities, quotas, tables["facilities"].name, issues)
    table = tables["children"]
    missing = [c for c in (C_ID, C_AGE, C_SCORE) if c not in table.header]
    prefs = numbered(table.header, C_PREF)
    if not prefs:
        missing.append("第1希望")
    if missing:
        issues.append(
            Issue(table.name, 1, t("hoiku.err.missing_columns", columns=", ".join(missing)))
        )
        raise HoikuInputError(issues)
    bonus_cols = dict((n, h) for n, h in numbered(table.header, C_BONUS))
    known = {
        C_ID,
        C_FAMILY,
        C_AGE,
        C_SCORE,
        C_ENROLLED,
        C_POLICY,
        *(h for _, h in prefs),
        *bonus_cols.values(),
    }
    extra = [h for h in table.header if h and h not in known]
    children: list[Child] = []
    seen: set[str] = set()
    households: list[tuple[int, str, SiblingPolicy | None]] = []
    for n_row, (row, v) in enumerate(table.rows):
        if issues.full:
            issues.stop(table.name, len(table.rows) - n_row)
            break
        before = len(issues)
        cid = v.get(C_ID, "")
        if check_id(cid, C_ID, table, row, issues) and cid in seen:
            issues.append(
                Issue(table.name, row, t("hoiku.err.duplicate_id", column=C_ID, value=cid))
            )
        seen.add(cid)
        fam = v.get(C_FAMILY, "") or f"_{cid}"
        if v.get(C_FAMILY) and HOSTILE.search(fam):
            issues.append(
                Issue(table.name, row, t("hoiku.err.bad_id", column=C_FAMILY, value=fam[:20]))
            )
        age = parse_int(v.get(C_AGE, "").replace("歳児", "").replace("歳", ""))
        if age is None or age not in AGES:
            issues.append(Issue(table.name, row, t("hoiku.err.age", value=v.get(C_AGE, "")[:20])))
        score = parse_number(v.get(C_SCORE, ""))
        if score is None:
            issues.append(
                Issue(
                    table.name,
                    row,
                    t("hoiku.err.number", column=C_SCORE, value=v.get(C_SCORE, "")[:20]),
                )
            )
        wanted: list[str] = []
        scores_at: dict[str, float] = {}
        for n, col in prefs:
            fid = v.get(col, "")
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
                issues.append(
                    Issue(table.name, row, t("hoiku.err.duplicate_pref", column=col, value=fid))
                )
                continue
            wanted.append(fid)
            if n in bonus_cols and v.get(bonus_cols[n], "") and score is not None:
                b = parse_number(v[bonus_cols[n]])
                if b is None:
                    issues.append(
                        Issue(
                            table.name,
                            row,
                            t(
                                "hoiku.err.number",
                                column=bonus_cols[n],
                                value=v[bonus_cols[n]][:20],
                            ),
                        )
                    )
                else:
                    scores_at[fid] = score + b
        enrolled = v.get(C_ENROLLED, "") or None
        if enrolled is not None and enrolled not in by_id:
            issues.append(
                Issue(
                    table.name,
                    row,
                    t("hoiku.err.unknown_facility", column=C_ENROLLED, value=enrolled[:20]),
                )
            )
        if not wanted:
            issues.append(Issue(table.name, row, t("hoiku.err.no_preferences")))
        check_enrolled_not_wished(enrolled, wanted, table, row, issues)
        policy_text = v.get(C_POLICY, "")
        policy = SiblingPolicy.INDEPENDENT
        if policy_text:
            if policy_text in _POLICY_WORDS:
                policy = _POLICY_WORDS[policy_text]
            elif (p := parse_int(policy_text)) is not None and 1 <= p <= 7:
                policy = SiblingPolicy(p)
            else:
                issues.append(Issue(table.name, row, t("hoiku.err.policy", value=policy_text[:20])))
        if v.get(C_FAMILY):
            households.append((row, fam, policy if policy_text else None))
        attrs: dict[str, float] = {}
        for col in extra:
            x = parse_number(v.get(col, "")) if v.get(col, "") else 0.0
            if x is not None:
                attrs[col] = x
        if "申込順" in attrs:
            attrs["order"] = attrs["申込順"]
        if len(issues) == before and age is not None and score is not None:
            children.append(
                Child(cid, fam, age, score, tuple(wanted), enrolled, policy, scores_at, attrs, row)
            )
    check_households(households, table, issues)
    check_children(children, by_id, table, issues)
    tiebreaks = DEFAULT_TIEBREAKS
    seed = 0
    if settings:
        try:
            tiebreaks = parse_tiebreaks([str(x) for x in settings.get("tiebreak", [])])  # type: ignore[attr-defined]
            seed = int(settings.get("seed", 0))  # type: ignore[call-overload]
        except HoikuInputError as exc:
            issues.extend(exc.issues)
        for tb in tiebreaks:
            if tb.attribute not in ("score", "lottery", "order") and tb.attribute not in extra:
                issues.append(
                    Issue("settings", 0, t("hoiku.err.tiebreak_column", column=tb.attribute))
                )
            elif tb.attribute in extra:
                for row, v in table.rows:
                    if v.get(tb.attribute, "") and parse_number(v[tb.attribute]) is None:
                        issues.append(
                            Issue(
                                table.name,
                                row,
                                t(
                                    "hoiku.err.number",
                                    column=tb.attribute,
                                    value=v[tb.attribute][:20],
                                ),
                            )
                        )
    if issues:
        raise HoikuInputError(issues)
    return Instance(tuple(facilities), tuple(children), tuple(quotas), tiebreaks, seed, "native")


log = logging.getLogger(__name__)
#: tomllib's English ends "(at line 3, column 5)": the line is shown, the rest only logged.
_AT_LINE = re.compile(r"\(at line (\d+)")


def _settings_message(exc: tomllib.TOMLDecodeError | UnicodeDecodeError) -> str:
    log.warning("settings.toml unreadable: %s", str(exc)[:200])
    if isinstance(exc, UnicodeDecodeError):
        return t("hoiku.err.settings_encoding")
    line = _AT_LINE.search(str(exc))
    return t("hoiku.err.settings", line=line.group(1)) if line else t("hoiku.err.settings_unparsed")


def load_native_bytes(
    facilities: bytes,
    children: bytes,
    shared_quotas: bytes | None = None,
    settings_toml: bytes | None = None,
    names: tuple[str, str, str] = ("facilities.csv", "children.csv", "shared_quotas.csv"),
) -> Instance:
    """The same as a folder, from uploaded bytes (for the web console and the API)."""
    tables = {
        "facilities": read_table(facilities, names[0]),
        "children": read_table(children, names[1]),
    }
    if shared_quotas is not None:
        tables["quotas"] = read_table(shared_quotas, names[2])
    settings: dict[str, object] | None = None
    if settings_toml is not None:
        try:
            settings = tomllib.loads(settings_toml.decode("utf-8-sig"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise HoikuInputError([Issue("settings.toml", 0, _settings_message(exc))]) from exc
    return load_native(tables, settings)
