"""Differential test: an incrementally updated BM25 index scores exactly like a rebuilt one.

Random edit sequences (add, replace, remove, re-add; fields appearing and disappearing) are
applied with ``LexicalIndex.updated`` and, after every step, compared with an index built from
scratch over the same documents: every document's score for random queries must be *equal*
(not approximately), and so must rankings, coverage, vocabulary and IDF.
"""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence

import numpy as np
import pytest

from jichitai_ai.benchmark.generator import generate
from jichitai_ai.retrieval import BM25Params, IndexDocument, LexicalIndex, _lexical
from jichitai_ai.text import SynonymSet, Tokenizer

Fields = Mapping[str, Sequence[str]]
FIELDS = ("question", "alternatives", "answer")


def _random_doc(rng: random.Random, vocabulary: list[str]) -> dict[str, list[str]]:
    """Zipf-like term draws; fields are sometimes empty or missing altogether."""
    doc: dict[str, list[str]] = {}
    for name in FIELDS:
        if rng.random() < 0.25:
            continue  # field missing
        length = rng.choice([0, 1, 2, 3, 5, 8, 13, 30])
        doc[name] = [
            vocabulary[min(int(rng.paretovariate(1.2)) - 1, len(vocabulary) - 1)]
            for _ in range(length)
        ]
    return doc


def _scores(index: LexicalIndex, terms: list[str]) -> dict[int, float]:
    raw = index.score_terms(terms)
    return {int(index.doc_ids[r]): float(raw[r]) for r in np.flatnonzero(raw > 0)}


def _assert_same(updated: LexicalIndex, docs: dict[int, Fields], queries: list[list[str]]) -> None:
    rebuilt = LexicalIndex(
        list(docs.items()),
        updated.params,
        tokenizer=updated.tokenizer,
        synonyms=updated.synonyms,
    )
    assert len(updated) == len(rebuilt) == len(docs)
    assert set(updated.vocabulary) == set(rebuilt.vocabulary)
    for term, t in rebuilt.vocabulary.items():
        assert updated.idf[updated.vocabulary[term]] == rebuilt.idf[t], term
    for terms in queries:
        assert _scores(updated, terms) == _scores(rebuilt, terms), terms
        assert updated.search(terms, 10) == rebuilt.search(terms, 10)
        for doc_id in list(docs)[:5]:
            assert updated.coverage(terms, doc_id) == rebuilt.coverage(terms, doc_id)
    allowed = set(list(docs)[::2])
    for terms in queries[:3]:
        assert updated.search(terms, 5, allowed=allowed) == rebuilt.search(
            terms, 5, allowed=allowed
        )


@pytest.mark.parametrize("combination", ["sum", "bm25f"])
@pytest.mark.parametrize("merge_every", [None, 3])
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_random_edit_sequences_score_exactly_like_a_rebuild(
    combination: str, merge_every: int | None, seed: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    if merge_every is not None:
        # Merge the delta segment into the main one every few rows, to test merging too.
        monkeypatch.setattr(_lexical, "_MIN_MERGE", merge_every)
        monkeypatch.setattr(_lexical, "_MERGE_SHARE", 0.0)
    rng = random.Random(seed)
    vocabulary = [f"w{i}" for i in range(300)]
    params = BM25Params(
        k1=rng.choice([0.9, 1.2, 2.0]),
        b=rng.choice([0.0, 0.5, 0.75, 1.0]),
        field_weights={"question": 1.5, "alternatives": 0.7, "answer": 0.3},
        combination=combination,  # type: ignore[arg-type]
    )
    docs: dict[int, Fields] = {i: _random_doc(rng, vocabulary) for i in range(60)}
    index = LexicalIndex(list(docs.items()), params, tokenizer=Tokenizer())
    next_id = 1000
    for step in range(60):
        action = rng.random()
        removed: list[int] = []
        added: list[tuple[int, Fields]] = []
        if action < 0.35 and docs:  # edit: same id, new text
            doc_id = rng.choice(list(docs))
            added.append((doc_id, _random_doc(rng, vocabulary)))
        elif action < 0.55 and docs:  # unpublish
            removed.append(rng.choice(list(docs)))
        elif action < 0.75:  # new entries, sometimes several at once
            for _ in range(rng.choice([1, 1, 4])):
                added.append((next_id, _random_doc(rng, vocabulary)))
                next_id += 1
        else:  # mixed: remove one, edit one, add one (an import)
            if docs:
                removed.append(rng.choice(list(docs)))
            survivors = [d for d in docs if d not in removed]
            if survivors:
                added.append((rng.choice(survivors), _random_doc(rng, vocabulary)))
            added.append((next_id, _random_doc(rng, vocabulary)))
            next_id += 1
        before = _scores(index, ["w0", "w1", "w7"])
        new = index.updated(remove=removed, add=added)
        assert _scores(index, ["w0", "w1", "w7"]) == before  # the old version is untouched
        index = new
        for doc_id in removed:
            docs.pop(doc_id, None)
        docs.update(added)
        queries = [
            rng.sample(vocabulary[:40], rng.randint(1, 4)) + rng.sample(vocabulary, 2)
            for _ in range(6)
        ]
        _assert_same(index, docs, queries)
        assert step >= 0


def test_real_japanese_entries_with_synonyms_and_edits() -> None:
    """Real tokenisation (SudachiPy) and synonym expansion, entries written by the generator."""
    tokenizer = Tokenizer()
    synonyms = SynonymSet([["マイナカード", "マイナンバーカード"], ["ごみ", "ゴミ"]], tokenizer)
    records = generate(120, seed=21)
    rng = random.Random(5)

    def doc(i: int, r: object) -> IndexDocument:
        return IndexDocument(
            i,
            {
                "question": r.question,  # type: ignore[attr-defined]
                "alternatives": "\n".join(r.alternatives),  # type: ignore[attr-defined]
                "answer": r.answer,  # type: ignore[attr-defined]
            },
        )

    current = {i: doc(i, r) for i, r in enumerate(records[:80])}
    index = LexicalIndex.build(current.values(), tokenizer=tokenizer, synonyms=synonyms)
    spare = iter(records[80:])
    questions = [r.question for r in records[:40]] + ["マイナカードの申請", "粗大ゴミの出し方"]
    for step in range(25):
        target = rng.choice(list(current))
        if step % 3 == 0:
            replacement = doc(target, next(spare))  # the entry's text is rewritten
            index = index.updated(add=[index.tokenize(replacement)])
            current[target] = replacement
        elif step % 3 == 1:
            index = index.updated(remove=[target])
            del current[target]
        else:
            new = doc(500 + step, next(spare))
            index = index.updated(add=[index.tokenize(new)])
            current[new.doc_id] = new
        rebuilt = LexicalIndex.build(current.values(), tokenizer=tokenizer, synonyms=synonyms)
        for question in rng.sample(questions, 6):
            terms = index.query_terms(question)
            assert _scores(index, terms) == _scores(rebuilt, terms), question
            assert index.search(question, 5) == rebuilt.search(question, 5)


def test_removed_documents_never_come_back() -> None:
    docs = [(1, {"question": ["a", "b"]}), (2, {"question": ["b"]}), (3, {"question": ["c"]})]
    index = LexicalIndex(docs, tokenizer=Tokenizer())
    smaller = index.updated(remove=[2, 99])  # unknown ids are ignored
    assert [h.doc_id for h in smaller.search(["b"], None)] == [1]
    assert "c" in smaller.vocabulary
    gone = smaller.updated(remove=[3])
    assert "c" not in gone.vocabulary and gone.search(["c"], None) == []
    assert gone.coverage(["c"], 1) == 0.0 and gone.allowed_mask([3]).sum() == 0
    back = gone.updated(add=[(3, {"question": ["c", "c"]})])
    assert [h.doc_id for h in back.search(["c"], None)] == [3]
    with pytest.raises(ValueError):
        index.updated(add=[(5, {"question": ["x"]}), (5, {"question": ["y"]})])
