"""Does a passage answer the question? Term coverage weighted by rarity (idf), and sentence scores
for highlighting. Colloquial question words (教えて, 知りたい, いつ …) carry no content."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from jichitai_ai.documents._index import DocIndex

#: Normalised forms that only shape a question (「…を教えてください」「…って何？」).
QUESTION_WORDS = frozenset(
    [
        "教える",
        "知る",
        "分かる",
        "わかる",
        "思う",
        "下さる",
        "くださる",
        "頂く",
        "いただく",
        "する",
        "為る",
        "ある",
        "有る",
        "居る",
        "いる",
        "なる",
        "成る",
        "できる",
        "出来る",
        "どう",
        "何",
        "なに",
        "なん",
        "いつ",
        "何時",
        "どこ",
        "何処",
        "誰",
        "だれ",
        "どれ",
        "どの",
        "どんな",
        "いくら",
        "幾ら",
        "どれくらい",
        "方法",
        "場合",
        "こと",
        "事",
        "もの",
        "物",
        "よう",
        "様",
        "ため",
        "為",
        "とき",
        "時",
        "いい",
        "良い",
        "よい",
        "聞く",
        "欲しい",
        "ほしい",
        "言う",
        "云う",
        "貰う",
        "もらう",
        "ん",
        "の",
        "か",
        "ね",
        "よ",
        "って",
        "件",
        "について",
        "知れる",
        "大丈夫",
        "ok",
        "今",
        "私",
        "自分",
        "うち",
        "僕",
        "俺",
        "あなた",
        "市",
        "町",
        "村",
    ]
)
#: Colloquial verbs and tokenisation by-products of questions (お昼 → 御, 何分 → 分かつ).
QUESTION_WORDS |= frozenset(
    ["とれる", "取れる", "もらえる", "貰える", "行く", "来る", "御", "お", "分かつ", "可能", "伺う"]
)
TERM_CACHE_SIZE = 50_000
SENTENCE = re.compile(r"[^。！？!?\n]+[。！？!?]?")


@dataclass(frozen=True)
class Concept:
    """A query term with its synonym-group terms and weight."""

    terms: frozenset[str]
    weight: float


def concepts(index: DocIndex, question: str) -> list[Concept]:
    tokenizer = index.lexical.tokenizer
    synonyms = index.lexical.synonyms
    out: dict[str, Concept] = {}
    for term in tokenizer.tokenize_query(question):
        if term in QUESTION_WORDS or term in out or (len(term) == 1 and not _is_kanji(term)):
            continue
        group = set(synonyms.expand([term])) if synonyms is not None else {term}
        known = [index.idf(t) for t in group if t in index.lexical.vocabulary]
        # A word the collection never uses weighs like its rarest word (not more: colloquial
        # words are often simply absent from 例規 wording).
        weight = (
            index.idf(term)
            if term in index.lexical.vocabulary
            else max(known, default=index.rare_idf)
        )
        out[term] = Concept(frozenset(group), weight)
    return list(out.values())


def terms_of(index: DocIndex, text: str) -> frozenset[str]:
    """Index terms of ``text`` (with synonym groups), memoised per index: passages repeat."""
    cached = index.term_cache.get(text)
    if cached is not None:
        return cached
    toks = index.lexical.tokenizer.tokenize(text)
    synonyms = index.lexical.synonyms
    terms = frozenset(synonyms.expand(toks) if synonyms is not None else toks)
    if len(index.term_cache) >= TERM_CACHE_SIZE:
        index.term_cache.clear()
    index.term_cache[text] = terms
    return terms


def coverage(found: Sequence[Concept], terms: frozenset[str]) -> float:
    """Share of the question's weight whose terms occur in ``terms`` (0 when nothing to match)."""
    total = sum(c.weight for c in found)
    if total <= 0:
        return 0.0
    return sum(c.weight for c in found if c.terms & terms) / total


def sentence_spans(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in SENTENCE.finditer(text) if m.group().strip()]


def best_sentences(
    index: DocIndex, found: Sequence[Concept], text: str, limit: int = 2
) -> list[tuple[int, int]]:
    """Spans of the sentences that carry most of the question's terms, in text order."""
    scored: list[tuple[float, tuple[int, int]]] = []
    for span in sentence_spans(text):
        terms = terms_of(index, text[span[0] : span[1]])
        score = sum(c.weight for c in found if c.terms & terms)
        if score > 0:
            scored.append((score, span))
    if not scored:
        return []
    top = max(s for s, _ in scored)
    chosen = sorted(scored, key=lambda x: (-x[0], x[1]))[:limit]
    return sorted(span for s, span in chosen if s >= 0.6 * top)


def _is_kanji(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"
