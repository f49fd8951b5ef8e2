"""Extractive answers (no model): the passages that support the question, with the answering
sentences highlighted, or 「資料からは分かりません」 when nothing covers the question well enough."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import partial

from jichitai_ai.documents._definitions import DefinitionQuestion, defines, definition_question
from jichitai_ai.documents._index import ChunkRecord, DocIndex, Hit
from jichitai_ai.documents._model import sub_location
from jichitai_ai.documents._references import article_label, referred_articles
from jichitai_ai.documents._support import (
    ASKS_NAME,
    LIST_GIVES,
    NAMES_A_THING,
    QUESTION_WORDS,
    Concept,
    answer_kind,
    best_sentences,
    body_names,
    concepts,
    content_concepts,
    coverage,
    covers,
    groups_of,
    known_names,
    names_other_body,
    number_patterns,
    organ_names,
    sentences_with_lead,
    shown_kind,
    subject_terms,
    terms_of,
    titled_bodies,
    unit_of,
    value_owner,
)
from jichitai_ai.documents._vocabulary import OUTSIDE_WORDS

NOT_IN_DOCUMENTS = "資料からは分かりません"
#: A passage supports an answer when one of its sentences (with the article's heading) holds this
#: share of the question's idf-weighted terms. Chosen on the real-text set (docs/benchmarks.md):
#: lower bars cited wrong provisions in 10–20% of questions; this one keeps it under 5%.
MIN_COVERAGE = 0.7
#: The lower bar when both rankers of hybrid search, lexical and dense, independently put the
#: passage first: their agreement is evidence the words a paraphrase misses are there in other
#: wording. Chosen on the tuning set (questions.json), checked on the held-out sets (docs).
AGREED_COVERAGE = 0.5
#: Coverage lost per search rank when choosing which passage to cite first.
RANK_PENALTY = 0.02
#: A further passage is cited only when it covers within this margin of the best one.
SECOND_MARGIN = 0.05
MAX_PASSAGES = 1
#: Search results that may be cited: the first when it answers, else the best-covering of the
#: next ones that does (the same bar) — the gold provision is often 2nd or 3rd (docs §4).
CANDIDATES = 3


@dataclass
class Passage:
    """A numbered source passage ([1], [2] …) as shown and cited."""

    number: int
    chunk_id: int
    document_id: int
    document: str
    location: str
    text: str
    score: float
    link: str
    page: int | None = None
    #: Character spans of ``text`` to highlight (the sentences that answer).
    highlights: list[tuple[int, int]] = field(default_factory=list)
    coverage: float = 0.0

    def highlighted(self, start: str = "【", end: str = "】") -> str:
        out, pos = [], 0
        for lo, hi in self.highlights:
            out += [self.text[pos:lo], start, self.text[lo:hi], end]
            pos = hi
        out.append(self.text[pos:])
        return "".join(out)


@dataclass
class Answer:
    question: str
    text: str
    supported: bool
    mode: str = "extractive"
    passages: list[Passage] = field(default_factory=list)
    #: Why a generative answer fell back to extractive (empty when it did not).
    fallback: str = ""
    #: The closest provisions when nothing answers (「資料からは分かりません」): shown, never cited.
    see_also: list[Passage] = field(default_factory=list)

    def as_dict(self) -> dict[str, object]:
        return {
            "question": self.question,
            "answer": self.text,
            "supported": self.supported,
            "mode": self.mode,
            "fallback": self.fallback,
            "see_also": [
                {
                    "document": p.document,
                    "document_id": p.document_id,
                    "location": p.location,
                    "text": p.text,
                    "link": p.link,
                }
                for p in self.see_also
            ],
            "passages": [
                {
                    "number": p.number,
                    "document": p.document,
                    "document_id": p.document_id,
                    "location": p.location,
                    "text": p.text,
                    "highlighted": p.highlighted(),
                    "score": round(p.score, 4),
                    "link": p.link,
                }
                for p in self.passages
            ],
        }


LinkFor = Callable[[Hit, int | None], str]


def _passage(
    index: DocIndex,
    found: Sequence[Concept],
    hit: Hit,
    link_for: LinkFor,
    cov: float,
    kind: re.Pattern[str] | None = None,
    numbers: Sequence[re.Pattern[str]] = (),
    defined: DefinitionQuestion | None = None,
) -> Passage:
    record = hit.record
    unit_at = partial(unit_of, record.location, record.parts)
    subject = subject_terms(index, record.document_id, record.document_title)
    choose = partial(
        best_sentences,
        index,
        found,
        record.text,
        kind=kind,
        unit_at=unit_at,
        numbers=numbers,
        defined=defined,
    )
    # The location is the 項・号 of the single best sentence (as search results show it).
    best = choose(limit=1, subject=subject)
    offset = best[0][0] if best else 0
    # The quote stays inside the 項 that is cited: 「…（第5条第1項）」 quoting 第5条第2項 as well
    # shows words the citation does not cover (blind6); a 号's 柱書 is in its 項 and stays.
    cited_unit = unit_at(offset)[0]
    spans = [span for span in choose(subject=subject) if unit_at(span[0])[0] == cited_unit]
    return Passage(
        number=0,
        chunk_id=record.id,
        document_id=record.document_id,
        document=record.document_title,
        location=sub_location(record.location, record.parts, offset),
        text=record.text,
        score=hit.score,
        link=link_for(hit, record.page),
        page=record.page,
        highlights=spans,
        coverage=cov,
    )


def sentence_coverage(
    index: DocIndex,
    found: Sequence[Concept],
    record: ChunkRecord,
    kind: re.Pattern[str] | None = None,
    sudachi: bool = True,
    question: str = "",
) -> float:
    """Best coverage of the question by one sentence of the passage with its heading (見出し):
    an answer is a sentence, not a long article that mentions the words in different places.
    With ``sudachi``, a word also covers through its Sudachi synonym group (see covers).

    Question words in the document's title (「伊勢市の地区集会所を…」) only say which regulation is
    meant: every provision of it has them, so they are left out of the share — otherwise a
    名称及び位置 table that repeats the facility's name "answers" whatever is asked about it."""
    title = terms_of(index, record.document_title) if record.document_title else frozenset()
    found = [c for c in found if not c.terms & title]
    head = terms_of(index, f"{record.heading}\n{record.location}")
    unit_at = partial(unit_of, record.location, record.parts)
    # What the question asks for (いくら, いつ, どこ …) is one more term of it, as heavy as its
    # heaviest word, which a sentence covers by giving an answer of that kind: 「御所市の墓地は
    # どこに設置」 has no word left beside the title's, and 「…203番地に設置する」 answers it.
    kind_weight = max((c.weight for c in found), default=1.0) if kind is not None else 0.0
    # A sentence gives the value asked for only when it is the value of whose it was asked:
    # 「電子証明書の有効期間は何年ですか」 is not answered by 「カード代替電磁的記録の有効期間は、
    # 三月以内…」 in 第18条の2, which names the 電子証明書 elsewhere (blind10 nu2, cited through
    # the rankers' agreement).
    asked = value_owner(question) if question and kind is not None else None
    asked_of = (
        [c for c in concepts(index, asked) if not c.terms & (QUESTION_WORDS | title)]
        if asked
        else []
    )
    total = sum(c.weight for c in found) + kind_weight
    if total <= 0:
        return 0.0
    heading = unicodedata.normalize("NFKC", record.heading or "")
    best = 0.0
    opening: dict[str, str] = {}
    # The 項 a 項 refers back to (「前項の…」, ``_``) helps choose which 項 to show, not whether
    # it answers: with 第1項's words, 川辺町印鑑条例 第4条第2項 (「前項の確認は、…郵送…」) was cited
    # for 「代理人が印鑑登録を申請できますか」 (blind b08), 第87条第4項 for the 訂正 deadline (k35).
    for span, own, lead, _ in sentences_with_lead(index, record.text, unit_at):
        sentence = unicodedata.normalize("NFKC", record.text[span[0] : span[1]])
        unit, item = unit_at(span[0])
        if not item:
            opening[unit] = opening.get(unit, "") + sentence
        terms = head | own | lead
        groups = groups_of(index, terms) if sudachi else frozenset()
        covered = sum(c.weight for c in found if covers(c, terms, groups))
        if kind is not None:
            # A 号's 柱書 that hands the answer to its items gives it for each of them: 「次の各号
            # のいずれかに該当する者は、十万円以下の過料に処する」 is the penalty of 「三　偽り
            # その他不正の手段により…開示を受けた者」 (blind9 k45 cited 第179条 instead).
            # (Not for a whole-list question: the 柱書 itself answers that, not each item: a 附則's
            # 「次の各号に掲げる規定は…」 made its 第7号 answer 「どのような場合に限られますか」.)
            by_lead = (
                item
                and kind is not LIST_GIVES
                and LIST_GIVES.search(opening.get(unit, "")) is not None
            )
            gives = kind.search(sentence) or kind.search(heading)
            if not gives and by_lead:
                gives = kind.search(opening.get(unit, ""))
            every = groups_of(index, terms) if sudachi and asked_of else frozenset()
            of_asked = all(covers(c, terms, every) for c in asked_of)
            covered += kind_weight if gives and of_asked else 0.0
        best = max(best, covered / total)
    return best


def _document_terms(index: DocIndex, document_id: int) -> frozenset[str]:
    cached = index.document_terms_cache.get(document_id)
    if cached is None:
        cached = frozenset(
            t
            for r in index.records_of(document_id)
            for t in terms_of(index, f"{r.heading}\n{r.text}")
        )
        index.document_terms_cache[document_id] = cached
    return cached


def matched_through_its_opposite(
    index: DocIndex, found: Sequence[Concept], record: ChunkRecord
) -> bool:
    """An outside word of the question (OUTSIDE_WORDS) this provision has only through its group
    while the document uses it elsewhere: the document tells the two apart. 町外 ≈ 町内 serves residence
    questions (「町外に住んでいる人でも」 → 「町内に住所を有する」), but 佐呂間町's ordinance has a
    町外路線 and a 町内路線, and 「町外の路線の料金はいくら」 cited 「町内路線の料金は、無料」
    (blind8 ju4, the 町外 項 being cut off)."""
    terms = terms_of(index, f"{record.heading}\n{record.location}\n{record.text}")
    suspects = [
        c
        for c in found
        if c.terms & OUTSIDE_WORDS and c.terms & terms and not c.terms & OUTSIDE_WORDS & terms
    ]
    if not suspects:
        return False
    elsewhere = _document_terms(index, record.document_id)
    return any(c.terms & OUTSIDE_WORDS & elsewhere for c in suspects)


def agreed(hit: Hit) -> bool:
    """Both rankers of hybrid search put this passage first."""
    return hit.lexical_rank == 1 and hit.dense_rank == 1


def supporting_passages(
    index: DocIndex, question: str, hits: Sequence[Hit], link_for: LinkFor
) -> list[Passage]:
    """Numbered passages that answer the question, best first (empty: nothing answers it).

    A passage is cited only when it holds most of the question's weighted terms; the best
    covering passage among the candidates comes first (ties keep search order), and a second
    one only when it covers about as much. Citing a provision that does not answer is worse
    than saying 「資料からは分かりません」, so the bar is high.
    """
    asked = body_names(question)
    # The body a question names (「佐川町の…」) says whose rules are meant, not what a provision
    # must say: a name no document carries could never be covered (blind5 g22), and a name only
    # one provision happens to cite (「佐川町補助金交付規則」 in 第1条 of a 規程 titled without
    # the town) made that provision "answer" every question about the town (blind6 h48, h50).
    # Which documents may answer is settled by names_other_body below.
    found = content_concepts(index, question)
    kind = answer_kind(question)
    names = titled_bodies(index, asked)
    # A council the question names (「公文書管理委員会の委員の任期」) is answered only by a document
    # that names it: 個人情報保護法 第135条 (the 個人情報保護委員会's 任期) was cited for the
    # 公文書管理委員会, whose 任期 公文書管理法 leaves to a 政令 (blind13 ru4).
    organs = known_names(index, organ_names(question))
    defined = definition_question(question)
    eligible = [
        (rank, hit)
        for rank, hit in enumerate(hits[:CANDIDATES])
        if not names_other_body(index, names, hit.record.document_id, hit.record.document_title)
        and not names_other_body(index, organs, hit.record.document_id, hit.record.document_title)
        and not index.is_front_matter(hit.record)
    ]
    # 「歴史の資料として大切な書類のことを、この法律では何と呼んでいますか」 is answered by the
    # definition (「「歴史公文書等」とは、歴史資料として重要な公文書その他の文書をいう」), not by a
    # provision that says the same words without naming anything (第25条, blind13 r05).
    if ASKS_NAME.search(unicodedata.normalize("NFKC", question)):
        eligible = [
            (r, h)
            for r, h in eligible
            if NAMES_A_THING.search(unicodedata.normalize("NFKC", h.record.text))
        ]
    # A definition question (「「市民等」には…も入りますか」) is answered by the provision that
    # defines the term, and by no other: 「「自転車等」には何が含まれますか」 cited the 放置禁止
    # article that uses the word (blind2 n32); the words it adds (通勤, 預かる) are what the staff
    # member checks against the definition. Unquoted (「ふん害とは」), only when a candidate
    # defines the term outright.
    if defined is not None and (
        defined.quoted or any(defines(hit.record.text, defined) for _, hit in eligible)
    ):
        chosen = [
            (1.0 - RANK_PENALTY * r, r, h) for r, h in eligible if defines(h.record.text, defined)
        ]
        return _numbered(index, found, chosen, link_for, kind, question, defined)
    scored: list[tuple[float, int, Hit]] = []
    for rank, hit in eligible:
        record = hit.record
        if kind is not None and not kind.search(record.text):
            # 「何年ですか」「いくらですか」 is not answered by a provision that names no time
            # or amount, however many of the question's words it shares.
            continue
        if matched_through_its_opposite(index, found, record):
            continue
        cov = sentence_coverage(index, found, record, kind, question=question)
        # Both rankers agreeing lowers the bar because the words a paraphrase misses are likely
        # there in other wording; a Sudachi synonym is such other wording already, so the lower
        # bar counts the question's own words only (held-out hn03: 「写し」 ≈ 謄本 and agreement
        # together cited a 別表 without 戸籍の附票 for its fee).
        if cov >= MIN_COVERAGE or (
            agreed(hit)
            and sentence_coverage(index, found, record, kind, sudachi=False, question=question)
            >= AGREED_COVERAGE
        ):
            scored.append((cov - RANK_PENALTY * rank, rank, hit))
    return _numbered(index, found, scored, link_for, kind, question, defined)


def _numbered(
    index: DocIndex,
    found: Sequence[Concept],
    scored: list[tuple[float, int, Hit]],
    link_for: LinkFor,
    kind: re.Pattern[str] | None,
    question: str,
    defined: DefinitionQuestion | None,
) -> list[Passage]:
    """The passages to cite from (coverage, rank, hit) of those that answer."""
    if not scored:
        return []
    # The first result, when it answers, is cited before any later one (search order is evidence
    # too); a later one only when the first does not answer.
    scored.sort(key=lambda x: (x[1] != 0, -x[0], x[1]))
    scored = _referred_first(scored)
    best = scored[0][0]
    out: list[Passage] = []
    for value, _, hit in scored:
        if out and value < best - SECOND_MARGIN:
            break
        # the support test's kind decided that it answers; which 項・号 to show also knows a
        # whole-list question (shown_kind)
        passage = _passage(
            index,
            found,
            hit,
            link_for,
            value,
            shown_kind(question),
            number_patterns(question),
            defined,
        )
        passage.number = len(out) + 1
        out.append(passage)
        if len(out) >= MAX_PASSAGES:
            break
    return out


def _referred_first(scored: list[tuple[float, int, Hit]]) -> list[tuple[float, int, Hit]]:
    """The article the first passage refers to comes first when it answers as well: 第41条
    (「国税庁長官は、第三十九条第一項の規定による法人番号の指定を行うために…」) holds every word
    of 「法人番号は、誰が指定するのですか」 only through its reference to 第39条, which is the
    provision that answers it (blind10 n43)."""
    first = scored[0][2].record
    refers = referred_articles(first.text) - {article_label(first.location)}
    for i, (value, _, hit) in enumerate(scored[1:], start=1):
        other = hit.record
        if (
            other.document_id == first.document_id
            and article_label(other.location) in refers
            and value >= scored[0][0] - SECOND_MARGIN
        ):
            return [scored[i], *scored[:i], *scored[i + 1 :]]
    return scored


def see_also(
    index: DocIndex, question: str, hits: Sequence[Hit], link_for: LinkFor, limit: int = 3
) -> list[Passage]:
    """The closest provisions, listed (never cited) when nothing answers the question."""
    found = content_concepts(index, question)
    out = []
    for hit in hits[:limit]:
        terms = terms_of(index, f"{hit.record.heading}\n{hit.record.location}\n{hit.record.text}")
        passage = _passage(
            index,
            found,
            hit,
            link_for,
            coverage(found, terms),
            shown_kind(question),
            number_patterns(question),
            definition_question(question),
        )
        out.append(passage)
    return out


def extractive_answer(
    question: str, passages: list[Passage], nearest: list[Passage] | None = None
) -> Answer:
    if not passages:
        return Answer(question, NOT_IN_DOCUMENTS, supported=False, see_also=nearest or [])
    lines = []
    for p in passages[:2]:
        quote = "".join(p.text[lo:hi] for lo, hi in p.highlights).strip() or p.text[:200]
        lines.append(f"{quote} [{p.number}]（{p.document} {p.location}）")
    return Answer(question, "\n".join(lines), supported=True, passages=passages)
