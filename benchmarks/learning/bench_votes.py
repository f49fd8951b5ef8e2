"""Learning state at scale: question and vote latency with 0, 10k and 100k stored votes.

Usage (from the repo root):

    OMP_NUM_THREADS=1 PYTHONPATH=src python benchmarks/learning/bench_votes.py [--entries 1000] \
        [--sizes 0,10000,100000] [--questions 200]

Stored votes are bulk-inserted (setup, not measured) as lessons with their distinct-resident
votes and feedback rows, a fifth of the lessons in force. Measured per size: a resident's
question (``AnsweringService.ask``, logged), a vote (``feedback.submit``: token lookup, caps,
lesson clustering, counters), and rebuilding the learning layer after the set of lessons in
force changed (``index_for`` after a learning-version bump). Before issue 16 every vote made the
next question reload every stored vote (0.5 s at 10k, 2.7 s at 50k).
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import tempfile
import time
from dataclasses import replace

from sqlalchemy import insert

from jichitai_ai.benchmark.faq import _load
from jichitai_ai.benchmark.generator import generate, queries
from jichitai_ai.config import load_settings
from jichitai_ai.services import feedback as feedback_service
from jichitai_ai.services import tenants as tenant_service
from jichitai_ai.services.platform import Platform
from jichitai_ai.storage import migrate
from jichitai_ai.storage.tables import FeedbackEvent, LearningLesson, LearningVote
from jichitai_ai.timeutil import utcnow

VOTES_PER_LESSON = 20


def _store_votes(
    platform: Platform, tenant_id: int, entry_ids: list[int], n: int, texts: list[str]
) -> None:
    rng = random.Random(n)
    now = utcnow()
    with platform.db.write() as s:
        lessons: list[dict[str, object]] = []
        for i in range(max(n // VOTES_PER_LESSON, 1) if n else 0):
            lessons.append(
                {
                    "tenant_id": tenant_id,
                    "entry_id": rng.choice(entry_ids),
                    "polarity": 1 if i % 7 else -1,
                    "text": texts[i % len(texts)],
                    "terms": [],
                    "supporters": VOTES_PER_LESSON,
                    "status": "active" if i % 5 == 0 else "learning",
                    "created_at": now,
                    "last_support_at": now,
                    "decided_by": "",
                }
            )
        if lessons:
            s.execute(insert(LearningLesson), lessons)
        ids = [r.id for r in s.query(LearningLesson.id, LearningLesson.entry_id).all()]
        entry_of = dict(s.query(LearningLesson.id, LearningLesson.entry_id).all())
        votes, events = [], []
        for v in range(n):
            lesson = ids[v // VOTES_PER_LESSON]
            client = f"{v:064x}"
            votes.append(
                {
                    "tenant_id": tenant_id,
                    "lesson_id": lesson,
                    "entry_id": entry_of[lesson],
                    "client_hash": client,
                    "created_at": now,
                }
            )
            events.append(
                {
                    "tenant_id": tenant_id,
                    "entry_id": entry_of[lesson],
                    "kind": "resolved",
                    "signal": 1.0,
                    "query_text": "",
                    "session_key": "",
                    "role": "resident",
                    "comment": "",
                    "client_hash": client,
                    "created_at": now,
                }
            )
            if len(votes) == 10_000:
                s.execute(insert(LearningVote), votes)
                s.execute(insert(FeedbackEvent), events)
                votes, events = [], []
        if votes:
            s.execute(insert(LearningVote), votes)
            s.execute(insert(FeedbackEvent), events)
        tenant_service.bump_learning(s, tenant_id)


def _ms(samples: list[tuple[float, float]]) -> dict[str, float]:
    """Median and p95 of CPU time (this process; the figure that does not depend on what else
    runs on the machine) and of wall time."""
    cpu = sorted(c for c, _ in samples)
    wall = sorted(w for _, w in samples)

    def p95(values: list[float]) -> float:
        return values[max(int(len(values) * 0.95) - 1, 0)]

    return {
        "cpu_p50_ms": round(statistics.median(cpu) * 1000, 2),
        "cpu_p95_ms": round(p95(cpu) * 1000, 2),
        "cpu_mean_ms": round(statistics.fmean(cpu) * 1000, 2),
        "wall_p50_ms": round(statistics.median(wall) * 1000, 2),
        "wall_p95_ms": round(p95(wall) * 1000, 2),
    }


class _Clock:
    """CPU and wall time of one measured call."""

    def __enter__(self) -> _Clock:
        self.cpu, self.wall = time.process_time(), time.perf_counter()
        return self

    def __exit__(self, *_exc: object) -> None:
        self.sample = (time.process_time() - self.cpu, time.perf_counter() - self.wall)


def run(entries: int, stored: int, n: int) -> dict[str, object]:
    with tempfile.TemporaryDirectory(prefix="jichitai-learning-bench-") as tmp:
        settings = replace(load_settings(), database_url=f"sqlite:///{tmp}/b.db")
        platform = Platform(settings)
        migrate.upgrade(platform.db)
        _load(platform, entries)
        with platform.db.read() as s:
            tenant = tenant_service.get_tenant(s, "bench")
            entry_ids = platform.answering.index_for(s, tenant).entry_ids()
        records = generate(entries)
        _store_votes(platform, tenant.id, entry_ids, stored, queries(records, 2000, seed=5))
        with _Clock() as reload, platform.db.read() as s:
            index = platform.answering.index_for(s, tenant)
        qs = queries(records, n, seed=11)
        asks: list[tuple[float, float]] = []
        votes: list[tuple[float, float]] = []
        for i, q in enumerate(qs):
            with _Clock() as clock:
                result = platform.answering.ask("bench", q, session_key=f"s{i}")
            asks.append(clock.sample)
            shown = result.answer or (result.choices[0] if result.choices else None)
            if shown is None:
                continue
            with _Clock() as clock:
                feedback_service.submit(
                    platform.answering,
                    "bench",
                    result.feedback_token,
                    "resolved",
                    entry_id=shown.entry.id,
                    client_address=f"198.51.100.{i % 250}",
                )
            votes.append(clock.sample)
        platform.close()
        return {
            "entries": entries,
            "stored_votes": stored,
            "lessons_in_force": len(index.learning),
            "learning_rebuild_cpu_ms": round(reload.sample[0] * 1000, 1),
            "learning_rebuild_wall_ms": round(reload.sample[1] * 1000, 1),
            "ask": _ms(asks),
            "vote": _ms(votes),
        }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--entries", type=int, default=1000)
    parser.add_argument("--sizes", default="0,10000,100000")
    parser.add_argument("--questions", type=int, default=200)
    args = parser.parse_args(argv)
    for size in (int(x) for x in args.sizes.split(",")):
        print(json.dumps(run(args.entries, size, args.questions)), flush=True)


if __name__ == "__main__":
    main()
