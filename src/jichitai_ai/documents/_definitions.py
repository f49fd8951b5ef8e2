"""Definition questions (定義): 「「市民等」には通勤している人も入りますか」「機能別団員とは」 ask what a
term the regulation defines covers, and the provision that defines it (「この条例において「市民等」
とは、…をいう。」, 「(3) 飼い主 飼い犬の所有者…をいう。」, 「市民(…を含む。以下同じ。)」) is what answers
them — however few of the question's other words (通勤, 会社, 預かる) it repeats."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from jichitai_ai.documents._index import DocIndex, Hit

#: A term the question quotes: 「市民等」.
_QUOTED = re.compile(r"「([^「」]{1,20})」")
#: The question asks what the quoted term means or covers (not, say, how 「申請」 is made).
#: 「「X」には…も入りますか」 asks it; 「「X」にはどんな責務が」 does not.
_ASKS_MEANING = re.compile(
    r"」\s*(とは|って|は何|の(意味|範囲|定義))|」\s*に[^「」。]*(含|入|当た|あた|該当)|意味|定義|指す"
)
#: An unquoted 「…でいう機能別団員とは」: the term is what precedes とは, back to a particle or
#: punctuation (「佐賀市の条例で、ふん害とは」 → ふん害).
_UNQUOTED = re.compile(r"(?:^|いう|[のでがをには、。\s])([^のでがをには、。\s「」]{2,20})とは")
_ITEM_NUMBER = r"(?:\([0-9一二三四五六七八九十]+\)|[0-9]+|[一二三四五六七八九十]+)"


@dataclass(frozen=True)
class DefinitionQuestion:
    """The terms a definition question asks about. ``quoted``: the staff member quoted them
    (「「飼い主」に当たりますか」), so only a provision defining them answers; otherwise (「ふん害とは」)
    a provision that defines one outright is preferred when a candidate has it."""

    terms: tuple[str, ...]
    quoted: bool


def definition_question(question: str) -> DefinitionQuestion | None:
    """What a definition question asks about (None when it asks something else)."""
    text = unicodedata.normalize("NFKC", question)
    if _ASKS_MEANING.search(text):
        quoted = tuple(dict.fromkeys(t.strip() for t in _QUOTED.findall(text) if t.strip()))
        if quoted:
            return DefinitionQuestion(quoted, True)
    # 「…でいう任用とは」 leaves いう on the term; 「…することはできますか」 is no とは
    found = (t.removeprefix("いう") for t in _UNQUOTED.findall(text) if not t.endswith("こ"))
    unquoted = tuple(dict.fromkeys(t for t in found if len(t) >= 2))
    return DefinitionQuestion(unquoted, False) if unquoted else None


def _patterns(term: str, strong: bool) -> tuple[re.Pattern[str], ...]:
    """How 例規 define a term: 「X」とは, an item headed by X (「(3) 飼い主 …」) and, weaker (an
    abbreviation or a scope note), 以下「X」という or X with a defining parenthesis
    (「市民(通勤等のため…を含む。以下同じ。)」)."""
    t = re.escape(term)
    outright = (
        re.compile(rf"「{t}」\s*とは"),
        re.compile(rf"^\s*{_ITEM_NUMBER}\s*{t}(\s|は、)", re.MULTILINE),
    )
    if strong:
        return outright
    return (
        *outright,
        re.compile(rf"「{t}」\s*という"),
        re.compile(rf"(?<![^\s、。「(]){t}\([^()]{{0,80}}(をいう|を含む|に限る|を除く)"),
    )


def defines(text: str, asked: DefinitionQuestion | None) -> bool:
    """``text`` (a provision or one of its sentences) defines one of the asked terms (outright
    only, for an unquoted term)."""
    if asked is None or not asked.terms:
        return False
    norm = unicodedata.normalize("NFKC", text)
    return any(p.search(norm) for t in asked.terms for p in _patterns(t, not asked.quoted))


def definition_first(
    index: DocIndex,
    hits: Sequence[Hit],
    asked: DefinitionQuestion | None,
    skip: Callable[[int, str], bool],
) -> list[Hit]:
    """``hits`` with the provision defining an asked term first: the definition in the
    first-ranked document (among the top three results' documents, in order, not ``skip``ped —
    another body's near-duplicate) that has one. Unchanged when none of them defines a term."""
    if asked is None:
        return list(hits)
    seen: set[int] = set()
    for hit in hits[:3]:
        doc = hit.record.document_id
        if doc in seen or skip(doc, hit.record.document_title):
            continue
        seen.add(doc)
        for record in index.records_of(doc):
            if defines(record.text, asked) and not index.is_front_matter(record):
                found = next((h for h in hits if h.record.id == record.id), None)
                first = found or Hit(record, hits[0].score)
                return [first] + [h for h in hits if h.record.id != record.id]
    return list(hits)
