"""Write any instance back as the Japanese templates (for rounds and generated data)."""

from __future__ import annotations

import math
from pathlib import Path

from jichitai_ai.hoiku._model import AGES, Instance, SiblingPolicy
from jichitai_ai.hoiku._tabular import write_csv

_POLICY_WORD = {
    SiblingPolicy.TOGETHER: "同時入所",
    SiblingPolicy.PREFER_SAME: "同一園希望",
    SiblingPolicy.INDEPENDENT: "個別",
}
_ATTR_NAME = {"score": "利用調整指数", "lottery": "抽選", "order": "申込順"}


def _fmt(v: float) -> str:
    return str(int(v)) if math.isfinite(v) and float(v).is_integer() else repr(float(v))


def facilities_csv(inst: Instance) -> bytes:
    """The facility list as the 施設 template."""
    rows: list[list[object]] = [
        [f.id, f.name, *("" if c is None else c for c in f.capacity)] for f in inst.facilities
    ]
    return write_csv(["施設ID", "施設名", *[f"{g}歳児募集数" for g in AGES]], rows)


def quotas_csv(inst: Instance) -> bytes:
    """Shared quotas as the 共有枠 template."""
    rows: list[list[object]] = [
        [q.facility_id, ",".join(map(str, sorted(q.ages))), q.quota] for q in inst.shared_quotas
    ]
    return write_csv(["施設ID", "対象年齢クラス", "募集数"], rows)


def write_native(inst: Instance, out: Path) -> list[Path]:
    """facilities.csv, children.csv, settings.toml (and shared_quotas.csv when there are quotas)."""
    out.mkdir(parents=True, exist_ok=True)
    written = [out / "facilities.csv", out / "children.csv", out / "settings.toml"]
    fac_rows: list[list[object]] = [
        [f.id, f.name, *("" if c is None else c for c in f.capacity)] for f in inst.facilities
    ]
    written[0].write_bytes(
        write_csv(["施設ID", "施設名", *[f"{g}歳児募集数" for g in AGES]], fac_rows)
    )
    if inst.shared_quotas:
        rows: list[list[object]] = [
            [q.facility_id, ",".join(map(str, sorted(q.ages))), q.quota] for q in inst.shared_quotas
        ]
        (out / "shared_quotas.csv").write_bytes(
            write_csv(["施設ID", "対象年齢クラス", "募集数"], rows)
        )
        written.append(out / "shared_quotas.csv")
    k = max((len(c.preferences) for c in inst.children), default=1)
    attrs = sorted({a for c in inst.children for a in c.attributes if a != "order"})
    write_order = any("order" in c.attributes for c in inst.children) and "申込順" not in attrs
    header = [
        "児童ID",
        "世帯ID",
        "年齢クラス",
        "利用調整指数",
        *attrs,
        *(["申込順"] if write_order else []),
    ]
    header += ["在籍施設ID", "きょうだい条件"]
    header += [f"第{n}希望" for n in range(1, k + 1)] + [f"第{n}希望加点" for n in range(1, k + 1)]
    child_rows: list[list[object]] = []
    for c in inst.children:
        prefs = list(c.preferences) + [""] * (k - len(c.preferences))
        bonus = [_fmt(c.scores_at[p] - c.score) if p in c.scores_at else "" for p in prefs]
        values = [_fmt(c.attributes.get(a, 0.0)) for a in attrs]
        if write_order:
            values.append(_fmt(c.attributes.get("order", 0.0)))
        policy = _POLICY_WORD.get(c.policy, str(c.policy.value))
        child_rows.append(
            [
                c.id,
                c.family_id,
                c.age,
                _fmt(c.score),
                *values,
                c.enrolled_facility or "",
                policy,
                *prefs,
                *bonus,
            ]
        )
    written[1].write_bytes(write_csv(header, child_rows))
    rules = ", ".join(
        f'"{_ATTR_NAME.get(r.attribute, r.attribute)}:{"降順" if r.descending else "昇順"}"'
        for r in inst.tiebreaks
    )
    written[2].write_text(
        "# 優先順位: 上から順に比較 / priority rules, compared in order\n"
        f"tiebreak = [{rules}]\nseed = {inst.seed}\n",
        encoding="utf-8",
    )
    return written
