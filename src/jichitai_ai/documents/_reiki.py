"""例規 (条例・規則) structure: 章・節, 第○条 with its caption (見出し), 項 and 号.

Regulations are chunked one article (条) per chunk; a chunk records where each 項 and 号 starts,
so a passage can be cited as 「第12条第2項」. Numbers become arabic (第十二条 → 第12条) because
that is how staff type them in questions and how search results read best.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from jichitai_ai.documents._model import Block, ChunkDraft
from jichitai_ai.documents._numbers import KANJI_NUMERAL, to_int

_NUM = f"[{KANJI_NUMERAL}0-9０-９]+"
ARTICLE = re.compile(rf"^第({_NUM})条(?:の({_NUM}))?(?:[\s　]+(.*)|$|(?=[（(]))(.*)$")
CAPTION = re.compile(r"^[（(]([^）)]{1,60})[）)]$")
DIVISION = re.compile(rf"^第({_NUM})([編章節款目])[\s　]*(.*)$")
PARAGRAPH = re.compile(r"^([0-9０-９]{1,3})[\s　]+(.+)$")
ITEM = re.compile(rf"^([{KANJI_NUMERAL}]{{1,4}})[\s　]+(.+)$")
SUPPLEMENT = re.compile(r"^附[\s　]*則(.*)$")
SENTENCE_END = ("。", "．", "：", ":")
MAX_CHUNK_CHARS = 1200


def looks_like_reiki(lines: Iterable[str]) -> bool:
    """At least two article lines (第○条) at line starts."""
    count = 0
    for line in lines:
        if ARTICLE.match(line.strip()):
            count += 1
            if count >= 2:
                return True
    return False


@dataclass
class _Article:
    label: str
    caption: str
    divisions: list[str]
    page: int | None
    text: str = ""
    parts: list[tuple[int, str]] = field(default_factory=list)
    paragraph: int = 1
    has_paragraphs: bool = False

    def add_line(self, line: str, *, new_unit: bool) -> None:
        if not self.text:
            self.text = line
        elif new_unit or self.text.endswith(SENTENCE_END):
            self.text += "\n" + line
        else:  # a line wrapped by the PDF layout: join without a break
            self.text += line


def _article_label(m: re.Match[str]) -> str:
    number = to_int(m.group(1))
    label = f"第{number}条"
    if m.group(2):
        label += f"の{to_int(m.group(2))}"
    return label


def chunk_reiki(title: str, blocks: list[Block]) -> list[ChunkDraft]:
    """One chunk per article; long articles are split at 項 boundaries."""
    divisions: dict[str, str] = {}
    caption = ""
    supplement = ""
    preamble: list[str] = []
    preamble_page: int | None = None
    articles: list[_Article] = []
    current: _Article | None = None

    for block in blocks:
        for raw in block.text.splitlines():
            line = raw.strip()
            if not line:
                continue
            if m := ARTICLE.match(line):
                rest = ((m.group(3) or "") + (m.group(4) or "")).strip()
                cap = caption
                if not cap and (cm := re.match(r"^[（(]([^）)]{1,60})[）)][\s　]*(.*)$", rest)):
                    cap, rest = cm.group(1), cm.group(2)
                label = supplement + _article_label(m)
                current = _Article(label, cap, list(divisions.values()), block.page)
                current.parts.append((0, label))
                articles.append(current)
                caption = ""
                if rest:
                    current.add_line(rest, new_unit=True)
                continue
            if m := CAPTION.match(line):
                caption = m.group(1)
                continue
            if m := DIVISION.match(line):
                kind = m.group(2)
                order = "編章節款目"
                for deeper in order[order.index(kind) :]:
                    divisions.pop(deeper, None)
                divisions[kind] = f"第{to_int(m.group(1))}{kind} {m.group(3)}".strip()
                continue
            if m := SUPPLEMENT.match(line):
                supplement = "附則"
                divisions = {"附則": "附則"}
                current = None
                if m.group(1).strip():
                    articles.append(_Article("附則", "", ["附則"], block.page))
                    current = articles[-1]
                    current.add_line(m.group(1).strip(), new_unit=True)
                continue
            if current is None:
                if supplement:
                    current = _Article("附則", "", ["附則"], block.page)
                    articles.append(current)
                else:
                    preamble.append(line)
                    preamble_page = preamble_page or block.page
                    continue
            if m := PARAGRAPH.match(line):
                number = to_int(m.group(1)) or 0
                if number == current.paragraph + 1:
                    current.paragraph = number
                    current.has_paragraphs = True
                    offset = len(current.text) + 1
                    current.parts.append((offset, f"{current.label}第{number}項"))
                    current.add_line(line, new_unit=True)
                    continue
            if m := ITEM.match(line):
                item = to_int(m.group(1))
                base = current.label
                if current.has_paragraphs:
                    base += f"第{current.paragraph}項"
                offset = len(current.text) + 1
                current.parts.append((offset, f"{base}第{item}号"))
                current.add_line(line, new_unit=True)
                continue
            current.add_line(line, new_unit=False)

    chunks: list[ChunkDraft] = []
    if preamble:
        text = "\n".join(preamble)
        chunks.append(ChunkDraft(title or "冒頭", title, text, preamble_page))
    for article in articles:
        heading = " ".join(
            x
            for x in [
                title,
                *article.divisions,
                f"（{article.caption}）" if article.caption else "",
            ]
            if x
        )
        chunks.extend(_split_article(article, heading))
    return [
        ChunkDraft(c.location, c.heading, c.text, c.page, f"c{i}", c.parts)
        for i, c in enumerate(chunks)
    ]


def _split_article(article: _Article, heading: str) -> list[ChunkDraft]:
    text = article.text
    if len(text) <= MAX_CHUNK_CHARS:
        return [ChunkDraft(article.label, heading, text, article.page, "", tuple(article.parts))]
    # Cut at 項 boundaries, greedily keeping pieces under the limit.
    cuts = [o for o, label in article.parts if label.endswith("項") and o > 0]
    pieces: list[tuple[int, int]] = []
    start = prev = 0
    for bound in [*cuts, len(text)]:
        if bound - start > MAX_CHUNK_CHARS and prev > start:
            pieces.append((start, prev))
            start = prev
        prev = bound
    pieces.append((start, len(text)))
    out: list[ChunkDraft] = []
    for lo, hi in pieces:
        piece = text[lo:hi].strip("\n")
        shift = lo + (len(text[lo:hi]) - len(text[lo:hi].lstrip("\n")))
        parts = [(o - shift, label) for o, label in article.parts if lo <= o < hi]
        inherited = [label for o, label in article.parts if o <= lo]
        location = (
            parts[0][1]
            if parts and parts[0][0] == 0
            else (inherited[-1] if inherited else article.label)
        )
        if not parts or parts[0][0] != 0:
            parts.insert(0, (0, location))
        for n, sub in enumerate(_hard_split(piece)):
            sub_parts = tuple(p for p in parts if p[0] < len(sub)) if n == 0 else ((0, location),)
            out.append(ChunkDraft(location, heading, sub, article.page, "", sub_parts))
    return out


def _hard_split(text: str, limit: int = MAX_CHUNK_CHARS * 2) -> list[str]:
    """A single 項 longer than twice the limit is cut at sentence ends."""
    if len(text) <= limit:
        return [text]
    out: list[str] = []
    while len(text) > limit:
        cut = text.rfind("。", 0, limit)
        cut = cut + 1 if cut > 0 else limit
        out.append(text[:cut])
        text = text[cut:]
    if text:
        out.append(text)
    return out
