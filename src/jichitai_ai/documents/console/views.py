"""Search results as the page shows them: answer text with clickable [n] citations, and
passages split into plain and highlighted segments (no HTML is built in Python)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from jichitai_ai.documents import Answer, Passage
from jichitai_ai.documents.service import SearchResult

CITATION = re.compile(r"\[(\d{1,2})\]")
#: Fall-back reasons the documents service reports (``Answer.fallback``).
FALLBACKS = ("invalid_citations", "backend_error", "policy_refused", "held_for_review")


@dataclass(frozen=True)
class Segment:
    """A piece of text; ``marked`` is an answering sentence, ``cite`` a [n] citation."""

    text: str
    marked: bool = False
    cite: int | None = None


@dataclass
class PassageView:
    """One passage card: where it is, its text and the link that opens the source there."""

    document: str
    document_id: int
    location: str
    score: float
    link: str
    segments: list[Segment] = field(default_factory=list)
    #: [n] when the passage supports the answer.
    number: int | None = None
    #: The PDF page, shown next to an article's location (第3条第2項 · p.2).
    page: int | None = None

    @property
    def page_label(self) -> str:
        return f"p.{self.page}" if self.page and not self.location.startswith("p.") else ""


def answer_segments(text: str, numbers: set[int]) -> list[Segment]:
    """The answer with each [n] that names a shown passage turned into a citation segment."""
    out: list[Segment] = []
    pos = 0
    for match in CITATION.finditer(text):
        number = int(match.group(1))
        if number not in numbers:
            continue
        if match.start() > pos:
            out.append(Segment(text[pos : match.start()]))
        out.append(Segment(match.group(0), cite=number))
        pos = match.end()
    if pos < len(text):
        out.append(Segment(text[pos:]))
    return out


def highlighted(text: str, spans: list[tuple[int, int]]) -> list[Segment]:
    out: list[Segment] = []
    pos = 0
    for lo, hi in sorted(spans):
        lo, hi = max(lo, pos), min(hi, len(text))
        if hi <= lo:
            continue
        if lo > pos:
            out.append(Segment(text[pos:lo]))
        out.append(Segment(text[lo:hi], marked=True))
        pos = hi
    if pos < len(text):
        out.append(Segment(text[pos:]))
    return out


def supporting_views(answer: Answer) -> list[PassageView]:
    return [_from_passage(p) for p in answer.passages]


def _from_passage(p: Passage) -> PassageView:
    return PassageView(
        p.document,
        p.document_id,
        p.location,
        p.score,
        p.link,
        highlighted(p.text, p.highlights),
        p.number,
        p.page,
    )


def other_views(answer: Answer, results: list[SearchResult]) -> list[PassageView]:
    """Search hits that are not already shown as supporting passages."""
    shown = {(p.document_id, p.text) for p in answer.passages}
    return [
        PassageView(
            r.document, r.document_id, r.location, r.score, r.link, [Segment(r.text)], page=r.page
        )
        for r in results
        if (r.document_id, r.text) not in shown
    ]
