"""Reader for the LocalGovFAQ evaluation format (Sakata et al., SIGIR 2019).

corpus.json maps an id to "Question: …\\nAnswer: …\\n". Answers use ＜改＞ for line breaks, usually
end with a 【お問い合わせ】 contact block and sometimes carry a 【関連するＦＡＱ】 list of related
titles; they are split into separate fields so each can be weighted (or left out) when indexing.
The data itself is never shipped: callers pass the path of a local copy.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from jichitai_ai.retrieval._passages import first_sentence
from jichitai_ai.retrieval._types import IndexDocument

_BREAK = "＜改＞"
_CONTACT = "【お問い合わせ】"
_RELATED = "【関連するＦＡＱ】"


@dataclass(frozen=True)
class FaqText:
    """One corpus entry split into its parts (all plain text, ＜改＞ turned into newlines)."""

    faq_id: int
    question: str
    body: str
    related: str
    contact: str

    def first_sentence(self) -> str:
        """The answer's first sentence: a cheap summary to embed next to the question."""
        return first_sentence(self.body)

    def to_document(self) -> IndexDocument:
        return IndexDocument(
            self.faq_id,
            {
                "question": self.question,
                "answer": self.body,
                "related": self.related,
                "contact": self.contact,
            },
        )


def parse_entry(faq_id: int, raw: str) -> FaqText:
    """Split one corpus value into question, answer body, related-FAQ titles and contact block."""
    question, _, answer = raw.partition("\nAnswer:")
    question = question.removeprefix("Question:").strip()
    answer = answer.strip()
    contact = related = ""
    if _CONTACT in answer:
        answer, _, contact = answer.partition(_CONTACT)
    if _RELATED in answer:
        answer, _, related = answer.partition(_RELATED)
    return FaqText(faq_id, question, _clean(answer), _clean(related), _clean(contact))


def _clean(text: str) -> str:
    lines = [line.strip(" 。") for line in text.split(_BREAK)]
    return "\n".join(line for line in lines if line).strip()


def load_corpus(directory: str | Path) -> list[FaqText]:
    """All entries of ``directory``/corpus.json, ordered by id."""
    raw = json.loads(Path(directory, "corpus.json").read_text(encoding="utf-8"))
    return [parse_entry(int(k), v) for k, v in sorted(raw.items(), key=lambda kv: int(kv[0]))]


def load_queries(directory: str | Path, split: str = "dev") -> dict[str, str]:
    """Query id → question text."""
    data: dict[str, str] = json.loads(
        Path(directory, f"queries_{split}.json").read_text(encoding="utf-8")
    )
    return data


def load_qrels(directory: str | Path, split: str = "dev") -> dict[str, dict[int, int]]:
    """Query id → {faq id: grade} (2 = A, contains the answer; 1 = B, relevant)."""
    raw = json.loads(Path(directory, f"qrels_{split}.json").read_text(encoding="utf-8"))
    return {q: {int(d): int(g) for d, g in rel.items()} for q, rel in raw.items()}
