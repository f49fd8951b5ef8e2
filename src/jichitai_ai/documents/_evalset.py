"""Evaluation on real regulations: a folder of documents and a question set with gold articles
(and 項/号 where the question needs them) → top-1/top-3, label exactness, and how answers cite.

Runs the production path (ingest → search/answer) on a throw-away SQLite database, so the figures
are what staff would see. Question file format: ``benchmarks/documents/realtext/questions.json``.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from pathlib import Path
from typing import Any

from jichitai_ai.documents._access import Viewer
from jichitai_ai.documents._index import Mode

_ARTICLE = re.compile(
    r"^(附則[（(][^）)]*[）)]|附則)?(第\d+条(?:の\d+)*|別表(?:第\d+(?:の\d+)?)?)?"
)


def article_of(location: str) -> str:
    """「第13条第1項第2号」 → 「第13条」; 「別表第1」 stays; 「附則」 alone stays."""
    m = _ARTICLE.match(location)
    return (m.group(0) if m else "") or location


def default_vector_cache() -> Path:
    """Where ``docs eval-set`` keeps passage and query vectors between runs (its databases are
    throw-away, so without it every hybrid run embeds every document again)."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "jichitai-ai" / "eval-vectors.sqlite"


def run_eval_set(
    corpus: Path, questions_path: Path, *, mode: Mode | None = None, embedder: Any = None
) -> dict[str, Any]:
    from dataclasses import replace

    from jichitai_ai.config import Settings
    from jichitai_ai.documents.service import DocumentService
    from jichitai_ai.services import tenants as tenant_service
    from jichitai_ai.storage import migrate
    from jichitai_ai.storage.db import Database

    spec = json.loads(questions_path.read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{Path(tmp) / 'eval.db'}"
        settings = replace(Settings(), database_url=url)
        db = Database(url)
        migrate.upgrade(db)
        try:
            with db.write() as session:
                tenant_service.add_tenant(session, "eval", "評価")
            service = DocumentService(db, settings, embedder=embedder)
            wanted = spec.get("documents")
            # Listed documents may sit in sub-folders of the corpus ("reiki_pages/x.txt").
            files = (
                sorted(corpus / name for name in wanted)
                if wanted
                else sorted(p for p in corpus.iterdir() if p.is_file())
            )
            report = service.ingest_paths("eval", files)
            failed = [i.name for i in report.items if i.status != "indexed"]
            return _score(service, spec, mode, failed)
        finally:
            db.dispose()


def _score(
    service: Any, spec: dict[str, Any], mode: Mode | None, failed: list[str]
) -> dict[str, Any]:
    viewer = Viewer.everything()
    rows: list[dict[str, Any]] = []
    top1 = top3 = exact = needs_sub = sub_exact = 0
    correct = wrong = declined = wrong_any = 0
    for q in spec["questions"]:
        hits = service.search("eval", q["question"], viewer, k=3, mode=mode)
        found = [(h.document, article_of(h.location), h.location) for h in hits]
        gold = (q["document"], q["article"])
        ranks = [i for i, (d, a, _) in enumerate(found) if (d, a) == gold]
        rank = ranks[0] + 1 if ranks else None
        top1 += rank == 1
        top3 += rank is not None
        label_ok = False
        if rank is not None:
            shown = found[rank - 1][2]
            label_ok = shown == q["sub"] if "sub" in q else article_of(shown) == q["article"]
            if "sub" in q:
                needs_sub += 1
                sub_exact += shown == q["sub"] or shown.startswith(q["sub"] + "第")
        exact += label_ok
        answer = service.answer("eval", q["question"], viewer, mode=mode)
        cited = [(p.document, article_of(p.location)) for p in answer.passages]
        if not answer.supported:
            outcome = "declined"
            declined += 1
        elif cited and cited[0] == gold:
            outcome = "correct"
            correct += 1
            wrong_any += any(c != gold for c in cited)
        else:
            outcome = "wrong_citation"
            wrong += 1
            wrong_any += 1
        rows.append(
            {
                "id": q["id"],
                "question": q["question"],
                "gold": f"{q['document']} {q.get('sub', q['article'])}",
                "rank": rank,
                "top3": [f"{d} {loc}" for d, _, loc in found],
                "answer": outcome,
                "cited": [f"{p.document} {p.location}" for p in answer.passages],
                "see_also": [f"{p.document} {p.location}" for p in answer.see_also],
            }
        )
    neg_wrong = 0
    for q in spec.get("unanswerable", []):
        answer = service.answer("eval", q["question"], viewer, mode=mode)
        neg_wrong += answer.supported
        rows.append(
            {
                "id": q["id"],
                "question": q["question"],
                "gold": None,
                "answer": "wrong_citation" if answer.supported else "declined",
                "cited": [f"{p.document} {p.location}" for p in answer.passages],
            }
        )
    n = len(spec["questions"])
    m = len(spec.get("unanswerable", []))
    return {
        "questions": n,
        "unanswerable_questions": m,
        "not_indexed": failed,
        "top1": round(top1 / n, 4),
        "top3": round(top3 / n, 4),
        "label_exact_top3": round(exact / n, 4),
        "sub_label_exact": f"{sub_exact}/{needs_sub}",
        "answers_correct": correct,
        "answers_wrong_citation": wrong,
        "answers_declined": declined,
        "answers_citing_any_wrong_provision": wrong_any,
        "unanswerable_answered": neg_wrong,
        "wrong_citation_rate": round((wrong + neg_wrong) / (n + m), 4),
        "mode": mode or ("hybrid" if service.embedder is not None else "lexical"),
        "details": rows,
    }
