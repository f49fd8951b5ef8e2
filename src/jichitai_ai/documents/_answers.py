"""Extractive answers (no model): the passages that support the question, with the answering
sentences highlighted, or 「資料からは分かりません」 when nothing covers the question well enough."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from jichitai_ai.documents._index import DocIndex, Hit
from jichitai_ai.documents._model import sub_location
from jichitai_ai.documents._support import best_sentences, concepts, coverage, terms_of

NOT_IN_DOCUMENTS = "資料からは分かりません"
#: A passage supports an answer when it holds this share of the question's (idf-weighted) terms.
MIN_COVERAGE = 0.3
MAX_PASSAGES = 3


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


def supporting_passages(
    index: DocIndex, question: str, hits: Sequence[Hit], link_for: LinkFor
) -> list[Passage]:
    """Numbered passages that cover the question, best first (may be empty)."""
    found = concepts(index, question)
    out: list[Passage] = []
    for hit in hits:
        record = hit.record
        terms = terms_of(index, f"{record.heading}\n{record.location}\n{record.text}")
        cov = coverage(found, terms)
        # Further passages must support about as well as the first one.
        floor = MIN_COVERAGE if not out else max(MIN_COVERAGE, 0.8 * out[0].coverage)
        if cov < floor:
            continue
        spans = best_sentences(index, found, record.text)
        offset = spans[0][0] if spans else 0
        location = sub_location(record.location, record.parts, offset)
        out.append(
            Passage(
                number=len(out) + 1,
                chunk_id=record.id,
                document_id=record.document_id,
                document=record.document_title,
                location=location,
                text=record.text,
                score=hit.score,
                link=link_for(hit, record.page),
                page=record.page,
                highlights=spans,
                coverage=cov,
            )
        )
        if len(out) >= MAX_PASSAGES:
            break
    return out


def extractive_answer(question: str, passages: list[Passage]) -> Answer:
    if not passages:
        return Answer(question, NOT_IN_DOCUMENTS, supported=False)
    lines = []
    for p in passages[:2]:
        quote = "".join(p.text[lo:hi] for lo, hi in p.highlights).strip() or p.text[:200]
        lines.append(f"{quote} [{p.number}]（{p.document} {p.location}）")
    return Answer(question, "\n".join(lines), supported=True, passages=passages)
