"""Instance loaders: the shipped Japanese templates and ChilmAI's CSV layout.

Every row is validated and every problem is collected before raising, so a
clerk fixes the whole file in one pass.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from jichitai_ai.hoiku._families import MAX_RAW_COMBOS, raw_combo_count
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
from jichitai_ai.hoiku._tabular import HoikuInputError, Issue, Table, read_table
from jichitai_ai.i18n import t

# Native template headers (templates/*.csv ship with these).
F_ID, F_NAME = "施設ID", "施設名"
F_CAP = [f"{g}歳児募集数" for g in AGES]
C_ID, C_FAMILY, C_AGE, C_SCORE = "児童ID", "世帯ID", "年齢クラス", "利用調整指数"
C_ENROLLED, C_POLICY = "在籍施設ID", "きょうだい条件"
C_PREF = re.compile(r"^第(\d+)希望$")
C_BONUS = re.compile(r"^第(\d+)希望加点$")
Q_FACILITY, Q_AGES, Q_QUOTA = "施設ID", "対象年齢クラス", "募集数"

NATIVE_FILES = {"facilities": "facilities", "children": "children", "quotas": "shared_quotas"}
CHILMAI_FILES = {"children": ("申込者データ", "children"), "daycares": ("保育所データ", "daycares")}

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
_HOSTILE = re.compile(r"[\x00-\x1f\x7f]|^[=+\-@]")


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


def _int(text: str) -> int | None:
    try:
        v = float(text)
    except ValueError:
        return None
    return int(v) if v.is_integer() else None


def _num(text: str) -> float | None:
    try:
        v = float(text)
    except ValueError:
        return None
    return v if v == v and abs(v) != float("inf") else None


def _check_id(value: str, column: str, table: Table, row: int, issues: list[Issue]) -> bool:
    if not value:
        issues.append(Issue(table.name, row, t("hoiku.err.required", column=column)))
        return False
    if _HOSTILE.search(value) or len(value) > 64:
        issues.append(
            Issue(table.name, row, t("hoiku.err.bad_id", column=column, value=value[:20]))
        )
        return False
    return True


def _numbered(header: list[str], pattern: re.Pattern[str]) -> list[tuple[int, str]]:
    found = [(int(m.group(1)), h) for h in header if (m := pattern.match(h))]
    return sorted(found)


def _facilities(
    table: Table, id_col: str, name_col: str, cap_cols: list[str], issues: list[Issue]
) -> list[Facility]:
    missing = [c for c in [id_col, *cap_cols] if c not in table.header]
    if missing:
        issues.append(
            Issue(table.name, 1, t("hoiku.err.missing_columns", columns=", ".join(missing)))
        )
        return []
    out: list[Facility] = []
    seen: set[str] = set()
    for row, v in table.rows:
        fid = v.get(id_col, "")
        ok = _check_id(fid, id_col, table, row, issues)
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
            n = _int(text)
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


def _quotas(
    table: Table, facilities: dict[str, Facility], issues: list[Issue]
) -> list[SharedQuota]:
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
        ages = {_int(a) for a in ages_text if a}
        quota = _int(v.get(Q_QUOTA, ""))
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


def _check_uncovered(
    facilities: list[Facility], quotas: list[SharedQuota], name: str, issues: list[Issue]
) -> None:
    for f in facilities:
        covered = {g for q in quotas if q.facility_id == f.id for g in q.ages}
        blank = [g for g in AGES if f.capacity[g] is None and g not in covered]
        if blank:
            issues.append(
                Issue(name, f.row, t("hoiku.err.blank_capacity", ages=",".join(map(str, blank))))
            )


def _check_children(
    children: list[Child], facilities: dict[str, Facility], table: Table, issues: list[Issue]
) -> None:
    by_family: dict[str, list[Child]] = {}
    for c in children:
        if c.policy is not SiblingPolicy.INDEPENDENT:
            by_family.setdefault(c.family_id, []).append(c)
    for fam in by_family.values():
        policies = {c.policy for c in fam}
        if len(policies) > 1:
            for c in fam:
                issues.append(
                    Issue(table.name, c.row, t("hoiku.err.policy_mismatch", family=c.family_id))
                )
            continue
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


def load_native(tables: dict[str, Table], settings: dict[str, object] | None = None) -> Instance:
    """Build an instance from the Japanese templates (施設・児童・共有枠)."""
    issues: list[Issue] = []
    facilities = _facilities(tables["facilities"], F_ID, F_NAME, F_CAP, issues)
    by_id = {f.id: f for f in facilities}
    quotas = _quotas(tables["quotas"], by_id, issues) if "quotas" in tables else []
    _check_uncovered(facilities, quotas, tables["facilities"].name, issues)
    table = tables["children"]
    missing = [c for c in (C_ID, C_AGE, C_SCORE) if c not in table.header]
    prefs = _numbered(table.header, C_PREF)
    if not prefs:
        missing.append("第1希望")
    if missing:
        issues.append(
            Issue(table.name, 1, t("hoiku.err.missing_columns", columns=", ".join(missing)))
        )
        raise HoikuInputError(issues)
    bonus_cols = dict((n, h) for n, h in _numbered(table.header, C_BONUS))
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
    for row, v in table.rows:
        before = len(issues)
        cid = v.get(C_ID, "")
        if _check_id(cid, C_ID, table, row, issues) and cid in seen:
            issues.append(
                Issue(table.name, row, t("hoiku.err.duplicate_id", column=C_ID, value=cid))
            )
        seen.add(cid)
        fam = v.get(C_FAMILY, "") or f"_{cid}"
        if v.get(C_FAMILY) and _HOSTILE.search(fam):
            issues.append(
                Issue(table.name, row, t("hoiku.err.bad_id", column=C_FAMILY, value=fam[:20]))
            )
        age = _int(v.get(C_AGE, "").replace("歳児", "").replace("歳", ""))
        if age is None or age not in AGES:
            issues.append(Issue(table.name, row, t("hoiku.err.age", value=v.get(C_AGE, "")[:20])))
        score = _num(v.get(C_SCORE, ""))
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
                b = _num(v[bonus_cols[n]])
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
        policy_text = v.get(C_POLICY, "")
        policy = SiblingPolicy.INDEPENDENT
        if policy_text:
            if policy_text in _POLICY_WORDS:
                policy = _POLICY_WORDS[policy_text]
            elif (p := _int(policy_text)) is not None and 1 <= p <= 7:
                policy = SiblingPolicy(p)
            else:
                issues.append(Issue(table.name, row, t("hoiku.err.policy", value=policy_text[:20])))
        attrs: dict[str, float] = {}
        for col in extra:
            x = _num(v.get(col, "")) if v.get(col, "") else 0.0
            if x is not None:
                attrs[col] = x
        if "申込順" in attrs:
            attrs["order"] = attrs["申込順"]
        if len(issues) == before and age is not None and score is not None:
            children.append(
                Child(cid, fam, age, score, tuple(wanted), enrolled, policy, scores_at, attrs, row)
            )
    _check_children(children, by_id, table, issues)
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
                    if v.get(tb.attribute, "") and _num(v[tb.attribute]) is None:
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
    issues: list[Issue] = []
    facilities = _facilities(daycares_table, D_ID, D_NAME, D_CAP, issues)
    facilities = [Facility(_norm_id(f.id), f.name, f.capacity, f.row) for f in facilities]
    for f in facilities:
        if None in f.capacity:
            issues.append(
                Issue(daycares_table.name, f.row, t("hoiku.err.blank_capacity", ages="0-5"))
            )
    by_id = {f.id: f for f in facilities}
    table = children_table
    scores = _numbered(table.header, K_SCORE)
    if "点数" in table.header and not scores:
        scores = [(1, "点数")]
    prefs = _numbered(table.header, K_PREF)
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
    family_pattern: dict[str, SiblingPolicy] = {}
    raw: list[tuple[int, str, str, int, float, list[str], dict[str, float], str | None, str]] = []
    for row, v in table.rows:
        before = len(issues)
        cid = _norm_id(v.get(K_ID, ""))
        if _check_id(cid, K_ID, table, row, issues) and cid in seen:
            issues.append(
                Issue(table.name, row, t("hoiku.err.duplicate_id", column=K_ID, value=cid))
            )
        seen.add(cid)
        fam = _norm_id(v.get(K_FAMILY, ""))
        _check_id(fam, K_FAMILY, table, row, issues)
        age = _int(v.get(K_AGE, ""))
        if age is None or age not in AGES:
            issues.append(Issue(table.name, row, t("hoiku.err.age", value=v.get(K_AGE, "")[:20])))
        base_score = _int(v.get(score_col[min(score_col)], ""))
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
                s = _int(v[score_col[n]])
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
        pattern_text = _norm_id(v.get(K_PATTERN, ""))
        if pattern_text:
            p = _int(pattern_text)
            if p is None or not 1 <= p <= 7:
                issues.append(
                    Issue(table.name, row, t("hoiku.err.policy", value=pattern_text[:20]))
                )
            elif fam not in family_pattern:
                family_pattern[fam] = SiblingPolicy(p)
        if len(issues) == before and age is not None and base_score is not None:
            raw.append(
                (row, cid, fam, age, float(base_score), wanted, scores_at, enrolled, pattern_text)
            )
    for row, cid, fam, age, base, wanted, scores_at, enrolled, _ in raw:
        policy = family_pattern.get(fam, SiblingPolicy.TOGETHER)
        children.append(
            Child(cid, fam, age, base, tuple(wanted), enrolled, policy, scores_at, {}, row)
        )
    _check_children(children, by_id, table, issues)
    if issues:
        raise HoikuInputError(issues)
    return Instance(tuple(facilities), tuple(children), (), DEFAULT_TIEBREAKS, 0, "chilmai")


def _find(directory: Path, stems: tuple[str, ...]) -> Path | None:
    for stem in stems:
        for ext in (".csv", ".xlsx"):
            p = directory / f"{stem}{ext}"
            if p.is_file():
                return p
    return None


def load_directory(directory: Path, fmt: str = "native") -> Instance:
    """Load an instance folder (templates, or ChilmAI files with ``fmt='chilmai'``)."""
    if not directory.is_dir():
        raise HoikuInputError([Issue(str(directory), 0, t("hoiku.err.no_directory"))])
    if fmt == "chilmai":
        kids = _find(directory, CHILMAI_FILES["children"])
        cares = _find(directory, CHILMAI_FILES["daycares"])
        if kids is None or cares is None:
            raise HoikuInputError([Issue(str(directory), 0, t("hoiku.err.chilmai_files"))])
        return load_chilmai(
            read_table(kids.read_bytes(), kids.name), read_table(cares.read_bytes(), cares.name)
        )
    files: dict[str, bytes] = {}
    for key, stem in NATIVE_FILES.items():
        p = _find(directory, (stem,))
        if p is not None:
            files[key] = p.read_bytes()
            files[key + ".name"] = p.name.encode()
    if "facilities" not in files or "children" not in files:
        raise HoikuInputError([Issue(str(directory), 0, t("hoiku.err.native_files"))])
    settings_path = directory / "settings.toml"
    settings = settings_path.read_bytes() if settings_path.is_file() else None
    return load_native_bytes(
        files["facilities"],
        files["children"],
        files.get("quotas"),
        settings,
        names=(
            files["facilities.name"].decode(),
            files["children.name"].decode(),
            files.get("quotas.name", b"shared_quotas.csv").decode(),
        ),
    )


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
            raise HoikuInputError(
                [Issue("settings.toml", 0, t("hoiku.err.settings", detail=str(exc)[:200]))]
            ) from exc
    return load_native(tables, settings)
