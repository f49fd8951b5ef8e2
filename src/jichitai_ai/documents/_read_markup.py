"""HTML (stdlib html.parser; script/style dropped), Markdown, plain text (改ページ = form feed)
and CSV (a table: one line per row, like a sheet of an XLSX)."""

from __future__ import annotations

import contextlib
import csv
import io
import re
from html.parser import HTMLParser

from jichitai_ai.documents._decode import decode_text
from jichitai_ai.documents._model import Block, ParsedDocument

_SKIP = {"script", "style", "noscript", "template", "head", "svg"}
_BLOCK = {
    "p",
    "div",
    "li",
    "br",
    "section",
    "article",
    "dd",
    "dt",
    "pre",
    "blockquote",
    "tr",
    "caption",
}
_CELL = {"td", "th"}
#: reiki-base (ぎょうせい Super Reiki-Base) 例規集 pages: one ``div.eline`` per line of text.
REIKI_BASE_LINE = 'class="eline"'


class _Extractor(HTMLParser):
    """Blocks of an HTML page. ``only_class``: keep only text inside ``<div class="…">`` of that
    class (reiki-base pages put each line of the regulation in ``div.eline``; the rest is menus)."""

    def __init__(self, only_class: str = "") -> None:
        super().__init__(convert_charrefs=True)
        self.only_class = only_class
        #: One flag per open div: does it open a kept region?
        self._divs: list[bool] = []
        self._kept = 0
        self.blocks: list[Block] = []
        self.title = ""
        self._skip = 0
        self._in_title = False
        self._heading = 0
        self._buffer: list[str] = []
        self._cells: list[str] | None = None

    def _flush(self) -> None:
        text = re.sub(r"\s+", " ", "".join(self._buffer)).strip()
        self._buffer = []
        if not text or (self.only_class and not self._kept):
            return
        if self._cells is not None:
            self._cells.append(text)
        elif self._heading:
            self.blocks.append(Block(text, "heading", self._heading))
        else:
            self.blocks.append(Block(text))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP and tag != "head":
            self._skip += 1
            return
        if tag == "div" and self.only_class:
            classes = (dict(attrs).get("class") or "").split()
            opens = self.only_class in classes
            self._divs.append(opens)
            self._kept += opens
        if tag == "title":
            self._in_title = True
        elif re.fullmatch(r"h[1-6]", tag):
            self._flush()
            self._heading = int(tag[1])
        elif tag == "tr":
            self._flush()
            self._cells = []
        elif tag in _CELL or tag in _BLOCK:
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP and tag != "head":
            self._skip = max(0, self._skip - 1)
            return
        if tag == "div" and self.only_class and self._divs:
            self._flush()
            self._kept -= self._divs.pop()
        if tag == "title":
            self._in_title = False
        elif re.fullmatch(r"h[1-6]", tag):
            self._flush()
            self._heading = 0
        elif tag == "tr":
            self._flush()
            if self._cells:
                self.blocks.append(Block(" | ".join(self._cells), "table"))
            self._cells = None
        elif tag in _CELL or tag in _BLOCK:
            self._flush()

    def handle_data(self, data: str) -> None:
        if self._skip:
            return
        if self._in_title:
            self.title += data
            return
        self._buffer.append(data)

    def close(self) -> None:
        super().close()
        self._flush()


def read_html(data: bytes, fallback_title: str) -> ParsedDocument:
    text = decode_text(data)
    declared = re.search(rb"charset=[\"']?([A-Za-z0-9_\-]+)", data[:2048])
    if declared:
        with contextlib.suppress(LookupError, UnicodeDecodeError):
            text = data.decode(declared.group(1).decode("ascii"))
    reiki_base = REIKI_BASE_LINE in text
    parser = _Extractor(only_class="eline" if reiki_base else "")
    parser.feed(text)
    parser.close()
    title = parser.title.strip()
    if reiki_base:  # 「○かつらぎ町営駐車場条例」: the ○ marks a 例規 title in 例規集
        title = title.lstrip("○◯〇 　")
        blocks = [Block(b.text.lstrip("○◯"), b.kind, b.level, b.page) for b in parser.blocks]
        return ParsedDocument(title=title, format="html", blocks=blocks)
    if not title:
        title = next((b.text for b in parser.blocks if b.kind == "heading"), fallback_title)
    return ParsedDocument(title=title, format="html", blocks=parser.blocks)


_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MD_EMPHASIS = re.compile(r"(\*\*|__|\*|`)")
_MD_TABLE_RULE = re.compile(r"^\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?$")


def read_markdown(data: bytes, fallback_title: str) -> ParsedDocument:
    blocks: list[Block] = []
    for raw in decode_text(data).splitlines():
        line = raw.strip()
        if not line or _MD_TABLE_RULE.match(line):
            continue
        line = _MD_EMPHASIS.sub("", _MD_LINK.sub(r"\1", line))
        if m := _MD_HEADING.match(line):
            blocks.append(Block(m.group(2), "heading", len(m.group(1))))
        elif line.startswith("|"):
            cells = [c.strip() for c in line.strip("|").split("|")]
            blocks.append(Block(" | ".join(c for c in cells if c), "table"))
        else:
            blocks.append(Block(re.sub(r"^(?:[-*+]|\d+\.)\s+", "", line)))
    title = next((b.text for b in blocks if b.kind == "heading" and b.level == 1), fallback_title)
    return ParsedDocument(title=title, format="md", blocks=blocks)


def read_text(data: bytes, fallback_title: str) -> ParsedDocument:
    text = decode_text(data)
    pages = text.split("\f")
    blocks: list[Block] = []
    paged = len(pages) > 1
    for number, page in enumerate(pages, start=1):
        for line in page.splitlines():
            if line.strip():
                blocks.append(Block(line.strip(), page=number if paged else None))
    title = blocks[0].text[:100] if blocks else fallback_title
    return ParsedDocument(
        title=title, format="txt", blocks=blocks, pages=len(pages) if paged else 0
    )


def read_csv(data: bytes, fallback_title: str) -> ParsedDocument:
    """A CSV table as Excel saves it in Japan (Shift_JIS, or UTF-8 with or without BOM;
    comma or tab separated): each non-empty row one table line, its cells joined by 「 | 」 as
    a sheet of an XLSX is. The newcomer walkthrough nc11 found a Shift_JIS CSV refused as
    「取り込めない形式です（.csv）」 while the same table saved as .xlsx was read."""
    text = decode_text(data)
    first = text.split("\n", 1)[0]
    delimiter = "\t" if "\t" in first and "," not in first else ","
    blocks = [
        Block(" | ".join(cells), "table")
        for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        if (cells := [c.strip() for c in row if c.strip()])
    ]
    return ParsedDocument(title=fallback_title, format="csv", blocks=blocks)
