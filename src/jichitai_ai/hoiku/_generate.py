"""Synthetic instances for tests and benchmarks (テスト用の架空データ).

Children live on a map and list nearby facilities, weighted by popularity, so
popular facilities are oversubscribed while the total is tight (about 85 %
seats per applicant by age). Scores have many ties; 10–15 % of families apply
with siblings under mixed policies; about 5 % are transfer applicants.
"""

from __future__ import annotations

import math
import random
from pathlib import Path

from jichitai_ai.hoiku._model import AGES, Child, Facility, Instance, SiblingPolicy, TieBreak
from jichitai_ai.hoiku._tabular import write_csv
from jichitai_ai.hoiku._writer import write_native

_AGE_SHARE = (0.14, 0.34, 0.2, 0.14, 0.1, 0.08)
_PATTERNS = (
    (SiblingPolicy.TOGETHER, 0.4),
    (SiblingPolicy.PREFER_SAME, 0.3),
    (SiblingPolicy.ALL_PREFER_SAME, 0.1),
    (SiblingPolicy.SAME_OLDER_FIRST, 0.05),
    (SiblingPolicy.SAME_YOUNGER_FIRST, 0.05),
    (SiblingPolicy.ALL_OWN_ORDER, 0.05),
    (SiblingPolicy.OWN_ORDER, 0.05),
)
NATIVE_TIEBREAKS = (
    TieBreak("score", True),
    TieBreak("ひとり親", True),
    TieBreak("世帯所得", False),
    TieBreak("order", False),
)


def generate(
    children: int,
    facilities: int,
    seed: int = 0,
    sibling_share: float = 0.12,
    transfer_share: float = 0.05,
    seat_ratio: float = 0.85,
    max_choices: int = 5,
    bonus_share: float = 0.0,
    no_stable_gadgets: int = 0,
) -> Instance:
    """A reproducible instance.

    ``bonus_share`` gives that share of children facility-specific points;
    ``no_stable_gadgets`` appends that many copies of Roth's couples example
    (two private facilities, twins who must enter at once, one single child),
    so that no allocation without a blocking coalition exists.
    """
    rng = random.Random(seed)
    spots = [(rng.random(), rng.random()) for _ in range(facilities)]
    popularity = [rng.paretovariate(1.5) for _ in range(facilities)]
    # seats: tight in total, spread unevenly
    caps = [[0] * 6 for _ in range(facilities)]
    for g in AGES:
        seats = round(children * _AGE_SHARE[g] * seat_ratio)
        weights = [rng.random() + 0.2 for _ in range(facilities)]
        for k in rng.choices(range(facilities), weights=weights, k=seats):
            caps[k][g] += 1
    facs = tuple(
        Facility(f"{1001 + k}", f"第{k + 1}保育園", tuple(caps[k]), k + 2)
        for k in range(facilities)
    )
    near = min(facilities, 12)

    def wishes(x: float, y: float, n: int) -> list[str]:
        order = sorted(
            range(facilities), key=lambda k: (spots[k][0] - x) ** 2 + (spots[k][1] - y) ** 2
        )[:near]
        pool = list(order)
        out: list[str] = []
        while pool and len(out) < n:
            k = rng.choices(pool, weights=[popularity[j] for j in pool])[0]
            pool.remove(k)
            out.append(facs[k].id)
        return out

    kids: list[Child] = []
    fam_no = 0
    while len(kids) < children:
        fam_no += 1
        fam_id = f"H{fam_no:05d}"
        size = 1
        if rng.random() < sibling_share:
            size = 2 if rng.random() < 0.85 else 3
        size = min(size, children - len(kids))
        policy = SiblingPolicy.INDEPENDENT
        if size > 1:
            policy = rng.choices([p for p, _ in _PATTERNS], weights=[w for _, w in _PATTERNS])[0]
        x, y = rng.random(), rng.random()
        score = float(max(1, round(rng.gauss(30, 6))))
        single_parent = 1.0 if rng.random() < 0.1 else 0.0
        income = float(rng.randrange(0, 800, 10))
        ages = (
            sorted(rng.sample(AGES, size), reverse=True)
            if size > 1
            else [rng.choices(AGES, weights=_AGE_SHARE)[0]]
        )
        shared = wishes(x, y, rng.randint(1, max_choices))
        for g in ages:
            prefs = list(shared) if size > 1 else wishes(x, y, rng.randint(1, max_choices))
            if size > 1 and rng.random() < 0.3:
                extra = wishes(x, y, max_choices)
                prefs += [f for f in extra if f not in prefs][:1]
            enrolled = None
            if size == 1 and g > 0 and rng.random() < transfer_share:
                others = [f.id for f in facs if f.id not in prefs]
                if others:
                    enrolled = rng.choice(others)
            scores_at: dict[str, float] = {}
            if bonus_share and rng.random() < bonus_share and len(prefs) > 1:
                scores_at[prefs[-1]] = score + rng.choice((2.0, 5.0))
            cid = f"C{len(kids) + 1:05d}"
            attrs = {"ひとり親": single_parent, "世帯所得": income, "order": float(len(kids) + 1)}
            kids.append(
                Child(
                    cid,
                    fam_id,
                    g,
                    score,
                    tuple(prefs),
                    enrolled,
                    policy,
                    scores_at,
                    attrs,
                    len(kids) + 2,
                )
            )
    extra_facs: list[Facility] = []
    for g in range(no_stable_gadgets):
        h1, h2 = f"{9001 + 2 * g}", f"{9002 + 2 * g}"
        extra_facs += [
            Facility(h1, f"検証用{h1}", (0, 1, 0, 0, 0, 0)),
            Facility(h2, f"検証用{h2}", (0, 1, 0, 0, 0, 0)),
        ]
        fam_id = f"H9{g:04d}"
        twins = SiblingPolicy.ALL_OWN_ORDER
        base = {"ひとり親": 0.0, "世帯所得": 500.0}
        n0 = len(kids)
        kids.append(
            Child(
                f"C9{g:04d}1", fam_id, 1, 40.0, (h1,), None, twins, {}, {**base, "order": n0 + 1.0}
            )
        )
        kids.append(
            Child(
                f"C9{g:04d}2", fam_id, 1, 20.0, (h2,), None, twins, {}, {**base, "order": n0 + 2.0}
            )
        )
        kids.append(
            Child(
                f"C9{g:04d}3",
                f"H9{g:04d}s",
                1,
                20.0,
                (h1, h2),
                None,
                SiblingPolicy.INDEPENDENT,
                {h2: 45.0},
                {**base, "order": n0 + 3.0},
            )
        )
    return Instance(facs + tuple(extra_facs), tuple(kids), (), NATIVE_TIEBREAKS, seed, "native")


def write_chilmai(inst: Instance, out: Path) -> list[Path]:
    """Write ChilmAI's 申込者データ.csv / 保育所データ.csv; ties are broken by file order there."""
    out.mkdir(parents=True, exist_ok=True)
    fac_rows: list[list[object]] = [
        [f.id, f.name, *(c or 0 for c in f.capacity)] for f in inst.facilities
    ]
    (out / "保育所データ.csv").write_bytes(
        write_csv(["保育所ID", "保育所名", *[f"{g}歳募集人数" for g in AGES]], fac_rows)
    )
    k = max((len(c.preferences) for c in inst.children), default=1)
    header = ["申請者番号", "世帯番号", "年齢", *[f"点数{n}" for n in range(1, k + 1)]]
    header += [f"希望保育園ID_{n}" for n in range(1, k + 1)] + [
        "在籍保育所ID",
        "きょうだいパターン",
    ]
    sizes: dict[str, int] = {}
    for c in inst.children:
        sizes[c.family_id] = sizes.get(c.family_id, 0) + 1
    rows: list[list[object]] = []
    for c in inst.children:
        prefs = list(c.preferences) + [""] * (k - len(c.preferences))
        scores = [
            _fmt(c.score_at(p)) if (p and (n == 0 or p in c.scores_at)) else ""
            for n, p in enumerate(prefs)
        ]
        scores[0] = _fmt(c.score)
        pattern = (
            str(c.policy.value)
            if sizes[c.family_id] > 1 and c.policy is not SiblingPolicy.INDEPENDENT
            else ""
        )
        rows.append(
            [
                c.id.lstrip("C"),
                c.family_id.lstrip("H"),
                c.age,
                *scores,
                *prefs,
                c.enrolled_facility or "",
                pattern,
            ]
        )
    (out / "申込者データ.csv").write_bytes(write_csv(header, rows))
    return [out / "申込者データ.csv", out / "保育所データ.csv"]


def _fmt(v: float) -> str:
    return str(int(v)) if math.isfinite(v) and float(v).is_integer() else str(v)


__all__ = ["generate", "write_chilmai", "write_native"]
