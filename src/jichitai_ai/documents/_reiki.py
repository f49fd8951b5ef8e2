"""例規 and 法令 structure: 目次, 編章節, 第○条 with its caption (見出し), 項, 号 and their
subdivisions (イロハ, (1), ア, (ア)), 附則 blocks and 別表.

Regulations are chunked one article (条) per chunk; a chunk records where each 項 and 号 starts,
so a passage can be cited as 「第13条第1項第1号」. Numbers become arabic (第十二条 → 第12条)
because that is how staff type them in questions and how search results read best.

Real layouts this survives (each has a regression test): the 目次 of e-Gov laws (its 「附則」
line must not turn every article into 附則第N条), several 附則 blocks (each article labelled with
its block: 「附則（平成11年12月8日法律第151号）第3条」), municipal 号 written (1) with ア under
them, 第1項 cited as such when an article has several 項, tables split by row with their header.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field

from jichitai_ai.documents._model import Block, ChunkDraft
from jichitai_ai.documents._numbers import KANJI_NUMERAL, to_int
from jichitai_ai.documents._tables import TableRows

_NUM = f"[{KANJI_NUMERAL}0-9０-９]+"
ARTICLE = re.compile(rf"^第({_NUM})条((?:の{_NUM})*)(?:[\s　]+(.*)|$|(?=[（(]))(.*)$")
CAPTION = re.compile(r"^[（(]([^）)]{1,60})[）)]$")
DIVISION = re.compile(rf"^第({_NUM})([編章節款目])((?:の{_NUM})*)(?:[\s　]+(.*))?$")
PARAGRAPH = re.compile(r"^([0-9０-９]{1,3})[\s　]+(.+)$")
SUPPLEMENT = re.compile(r"^附[\s　]*則[\s　]*([（(].*[）)])?[\s　]*(抄)?$")
#: 「別表第二　身体障害等級及び災害補償表（第七十七条関係）」: a name may follow the number.
APPENDIX = re.compile(
    rf"^(別表|別記)[\s　]*(第?{_NUM}(?:の{_NUM})?)?(?:[\s　]+([^\s　（(。、]{{1,30}}?))?[\s　]*([（(].*)?$"
)
TOC = re.compile(r"^目[\s　]*次$")
#: 「（第一条―第四条）」 at the end of a 目次 line.
TOC_RANGE = re.compile(r"[（(]第[^）)]*条[^）)]*[）)]$")
#: A 項 or 号 number alone on its line (print layouts: 「2」 then the text on the next line).
LONE_MARKER = re.compile(
    rf"^([0-9０-９]{{1,3}}|[（(][0-9０-９]{{1,3}}[）)]|[⑴-⒇]|[（(][ア-ン][）)]|[ア-ン]|[①-⑳]"
    rf"|[{KANJI_NUMERAL}]{{1,4}})$"
)
SENTENCE_END = ("。", "．", "：", ":")
MAX_CHUNK_CHARS = 1200
MAX_HEADING_LINE = 60

#: Item markers, outermost first as usually written; the first kind met under a 項 is 号.
_ITEM_MARKERS: list[tuple[str, re.Pattern[str]]] = [
    # 「三の二　退職手当の定めをする場合…」: a 号 inserted later (労働基準法第89条第3号の2)
    (
        "kanji",
        re.compile(rf"^([{KANJI_NUMERAL}]{{1,4}}(?:の[{KANJI_NUMERAL}]{{1,4}})?)[\s　]+(.+)$"),
    ),
    ("paren_num", re.compile(r"^[（(]([0-9０-９]{1,3})[）)][\s　]*(.+)$")),
    ("paren_num", re.compile(r"^([⑴-⒇])[\s　]*(.+)$")),
    ("paren_kana", re.compile(r"^[（(]([ア-ン])[）)][\s　]*(.+)$")),
    ("kana", re.compile(r"^([ア-ン])[\s　]+(.+)$")),
    ("circled", re.compile(r"^([①-⑳])[\s　]*(.+)$")),
]


def looks_like_reiki(lines: Iterable[str]) -> bool:
    """At least two article lines (第○条) at line starts."""
    count = 0
    for line in lines:
        if ARTICLE.match(line.strip()):
            count += 1
            if count >= 2:
                return True
    return False


def _item_marker(line: str) -> tuple[str, str, str] | None:
    """(kind, label as cited, text) for a 号 or subdivision line, else None."""
    for kind, pattern in _ITEM_MARKERS:
        if m := pattern.match(line):
            raw = m.group(1)
            if kind == "kanji":
                values = [to_int(x) for x in raw.split("の")]
                if any(v is None for v in values):
                    return None
                return kind, "の".join(str(v) for v in values), m.group(2)
            if kind == "paren_num":
                return kind, f"({unicodedata.normalize('NFKC', raw).strip('()')})", m.group(2)
            if kind == "paren_kana":
                return kind, f"({raw})", m.group(2)
            if kind == "circled":
                return kind, raw, m.group(2)
            return kind, raw, m.group(2)
    return None


@dataclass
class _Part:
    offset: int
    paragraph: int
    items: tuple[str, ...] = ()


@dataclass
class _Unit:
    """An article (条), a 附則 without articles, or a 別表: one chunk (or several if long)."""

    label: str
    caption: str
    divisions: list[str]
    page: int | None
    #: 附則 paragraphs and 別表 content are cited 附則第2項; articles cite 第1項 only with 第2項.
    numbered_first: bool = False
    text: str = ""
    parts: list[_Part] = field(default_factory=list)
    paragraph: int = 1
    paragraphs_seen: int = 1
    item_kinds: list[str] = field(default_factory=list)
    item_path: list[str] = field(default_factory=list)

    def add_line(self, line: str, *, new_unit: bool) -> None:
        if not self.text:
            self.text = line
        elif new_unit or self.text.endswith(SENTENCE_END):
            self.text += "\n" + line
        else:  # a line wrapped by the PDF layout: join without a break
            self.text += line

    def next_offset(self) -> int:
        return len(self.text) + 1 if self.text else 0

    def start_paragraph(self, number: int, line: str) -> None:
        self.paragraph = number
        self.paragraphs_seen = max(self.paragraphs_seen, number)
        self.item_kinds, self.item_path = [], []
        self.parts.append(_Part(self.next_offset(), number))
        self.add_line(line, new_unit=True)

    def start_item(self, kind: str, label: str, line: str) -> None:
        family = "kana" if kind in ("kana", "paren_kana") and kind in self.item_kinds else kind
        if family in self.item_kinds:
            depth = self.item_kinds.index(family)
            del self.item_kinds[depth + 1 :]
            del self.item_path[depth:]
        else:
            self.item_kinds.append(family)
        self.item_path.append(label)
        self.parts.append(_Part(self.next_offset(), self.paragraph, tuple(self.item_path)))
        self.add_line(line, new_unit=True)

    def labelled_parts(self) -> list[tuple[int, str]]:
        """(offset, 「第13条第1項第1号」) pairs; the first one is the unit itself."""
        several = self.paragraphs_seen > 1 or (
            self.numbered_first and any(p.paragraph for p in self.parts)
        )
        out: list[tuple[int, str]] = [(0, self.label)]
        if several and not self.numbered_first:
            out.append((0, f"{self.label}第1項"))
        for part in self.parts:
            label = self.label
            if several and part.paragraph:
                label += f"第{part.paragraph}項"
            for depth, item in enumerate(part.items):
                if depth == 0:
                    number, _, branch = item.strip("()").partition("の")
                    label += f"第{number}号" + (f"の{branch}" if branch else "")
                else:
                    label += item
            if label != out[-1][1] or part.offset != out[-1][0]:
                out.append((part.offset, label))
        return out


def _article_label(m: re.Match[str]) -> str:
    label = f"第{to_int(m.group(1))}条"
    for branch in re.findall(_NUM, m.group(2) or ""):
        label += f"の{to_int(branch)}"
    return label


def _appendix_label(m: re.Match[str]) -> str:
    number = m.group(2) or ""
    digits = re.findall(_NUM, number)
    label = m.group(1)
    if digits:
        label += f"第{to_int(digits[0])}"
        if len(digits) > 1:
            label += f"の{to_int(digits[1])}"
    return label


def _squeeze(text: str) -> str:
    return re.sub(r"[\s　]+", "", text)


def _not_a_caption(text: str) -> bool:
    """「（1）」 is an item, 「（平成五年法律第八十八号）」 the law's number, not captions."""
    return text.strip().isdigit() or bool(re.search(r"第.+号$", text))


def _arabic_dates(text: str) -> str:
    """（平成一一年一二月八日法律第一五一号） → （平成11年12月8日法律第151号）."""
    return re.sub(rf"([{KANJI_NUMERAL}]+)(?=[年月日号])", lambda m: str(to_int(m.group(1))), text)


def _starts_a_unit(line: str) -> bool:
    return any(p.match(line) for p in (ARTICLE, CAPTION, DIVISION, SUPPLEMENT, APPENDIX, TOC))


def _is_heading_line(line: str) -> bool:
    return len(line) <= MAX_HEADING_LINE and "。" not in line


class _Parser:
    def __init__(self, title: str) -> None:
        self.title = title
        self.divisions: dict[str, str] = {}
        self.caption = ""
        self.supplement = ""
        self.preamble: list[str] = []
        self.preamble_page: int | None = None
        self.units: list[_Unit] = []
        self.current: _Unit | None = None
        self.in_toc = False
        self.toc_seen: set[str] = set()
        self.tables: list[TableRows] = []
        self.table: TableRows | None = None
        self.lone_marker = ""

    # -- 目次 -------------------------------------------------------------------------------
    def _toc_line(self, line: str) -> bool:
        """True when ``line`` belongs to the 目次 (and is skipped)."""
        if ARTICLE.match(line) or ((m := CAPTION.match(line)) and not _not_a_caption(m.group(1))):
            self.in_toc = False
            return False
        key = _squeeze(TOC_RANGE.sub("", line))
        if DIVISION.match(line) and _is_heading_line(line):
            if key in self.toc_seen:  # the body starts: its first heading repeats the 目次
                self.in_toc = False
                return False
            self.toc_seen.add(key)
            return True
        if SUPPLEMENT.match(line) or APPENDIX.match(line) or TOC_RANGE.search(line):
            self.toc_seen.add(key)
            return True
        self.in_toc = False
        return False

    # -- lines ------------------------------------------------------------------------------
    def feed(self, block: Block) -> None:
        if block.kind == "table":
            self._table_row(block)
            return
        self.table = None
        for raw in block.text.splitlines():
            line = raw.strip()
            if line:
                self._line(line, block.page)

    def _line(self, line: str, page: int | None) -> None:
        if self.lone_marker:
            lone, self.lone_marker = self.lone_marker, ""
            if not _starts_a_unit(line):
                line = f"{lone}　{line}"
            elif self.current is not None:
                self.current.add_line(lone, new_unit=True)
        elif (
            page is None
            and self.current is not None
            and not self.in_toc
            and LONE_MARKER.match(line)
        ):
            # read with the next line: 「2」「華石苑の…」 is 第2項 (not on paged formats, where a
            # number alone on a line is as likely a page number)
            self.lone_marker = line
            return
        if TOC.match(line):
            self.in_toc = True
            return
        if self.in_toc and self._toc_line(line):
            return
        if m := ARTICLE.match(line):
            self._article(m, page)
            return
        if (m := CAPTION.match(line)) and not _not_a_caption(m.group(1)):
            self.caption = m.group(1)
            return
        if (m := DIVISION.match(line)) and _is_heading_line(line):
            kind = m.group(2)
            order = "編章節款目"
            for deeper in order[order.index(kind) :]:
                self.divisions.pop(deeper, None)
            number = f"第{to_int(m.group(1))}{kind}"
            for branch in re.findall(_NUM, m.group(3) or ""):
                number += f"の{to_int(branch)}"
            self.divisions[kind] = f"{number} {m.group(4) or ''}".strip()
            self.current = None
            return
        if m := SUPPLEMENT.match(line):
            note = _arabic_dates(_squeeze(m.group(1) or ""))
            self.supplement = f"附則{note}"
            self.divisions = {"附則": self.supplement}
            self.current = None
            self.caption = ""
            return
        if (m := APPENDIX.match(line)) and _is_heading_line(line):
            label = _appendix_label(m)
            # name and 「（第七十七条関係）」 both: the related article lends its caption
            related = (m.group(4) or "").strip("（）() 　")
            caption = " ".join(x for x in (m.group(3), related) if x)
            self.current = _Unit(label, caption, [], page)
            self.current.numbered_first = False
            self.units.append(self.current)
            self.divisions = {}
            self.supplement = ""
            return
        current = self.current
        if current is None:
            if self.supplement:
                current = _Unit(self.supplement, "", list(self.divisions.values()), page)
                current.numbered_first = True
                current.paragraph = 0
                self.current = current
                self.units.append(current)
            else:
                self.preamble.append(line)
                self.preamble_page = self.preamble_page or page
                return
        if self.caption:  # a caption before a 項 (附則 「（施行期日）」): keep it in the text
            current.add_line(f"（{self.caption}）", new_unit=True)
            self.caption = ""
        if pm := PARAGRAPH.match(line):
            para_no = to_int(pm.group(1)) or 0
            if para_no == current.paragraph + 1 or (para_no == 1 and current.paragraph == 0):
                current.start_paragraph(para_no, line)
                return
        if marker := _item_marker(line):
            current.start_item(marker[0], marker[1], line)
            return
        current.add_line(line, new_unit=False)

    def _article(self, m: re.Match[str], page: int | None) -> None:
        rest = ((m.group(3) or "") + (m.group(4) or "")).strip()
        cap = self.caption
        if not cap and (cm := re.match(r"^[（(]([^）)]{1,60})[）)][\s　]*(.*)$", rest)):
            cap, rest = cm.group(1), cm.group(2)
        label = self.supplement + _article_label(m)
        self.current = _Unit(label, cap, list(self.divisions.values()), page)
        self.units.append(self.current)
        self.caption = ""
        self.table = None
        if rest:
            self.current.add_line(rest, new_unit=True)

    def _table_row(self, block: Block) -> None:
        text = block.text.strip()
        if not text:
            return
        if self.table is None:
            unit = self.current
            self.table = TableRows(
                header=text,
                location=unit.label if unit is not None else self.title or "表",
                heading=self._heading(unit) if unit is not None else self.title,
                page=block.page,
            )
            self.tables.append(self.table)
            return
        self.table.rows.append(text)

    # -- chunks -----------------------------------------------------------------------------
    def _heading(self, unit: _Unit) -> str:
        return " ".join(
            x
            for x in [
                self.title,
                *unit.divisions,
                f"（{unit.caption}）" if unit.caption else "",
                self._related_caption(unit),
            ]
            if x
        )

    def _related_caption(self, unit: _Unit) -> str:
        """A 別表 「（第百九十五条関係）」 borrows that article's caption 「（手数料）」: staff ask
        for the 手数料, and the table rows themselves only name who pays how much."""
        if not unit.label.startswith("別表") or not unit.caption:
            return ""
        m = re.search(rf"第({_NUM})条((?:の{_NUM})*)", unit.caption)
        if not m:
            return ""
        label = f"第{to_int(m.group(1))}条" + "".join(
            f"の{to_int(b)}" for b in re.findall(_NUM, m.group(2) or "")
        )
        for other in self.units:
            if other.label == label and other.caption:
                return f"（{other.caption}）"
        return ""

    def chunks(self) -> list[ChunkDraft]:
        chunks: list[ChunkDraft] = []
        if any("。" in line for line in self.preamble):  # 制定文・前文, not just title and number
            text = "\n".join(self.preamble)
            chunks.append(ChunkDraft(self.title or "冒頭", self.title, text, self.preamble_page))
        for unit in self.units:
            if unit.text.strip():
                chunks.extend(_split_article(unit, self._heading(unit)))
        for table in self.tables:
            chunks.extend(table.chunks())
        return [
            ChunkDraft(c.location, c.heading, c.text, c.page, f"c{i}", c.parts)
            for i, c in enumerate(chunks)
            if c.text.strip()
        ]


def chunk_reiki(title: str, blocks: list[Block]) -> list[ChunkDraft]:
    """One chunk per article (long ones split at 項), table rows with their header."""
    parser = _Parser(title)
    for block in blocks:
        parser.feed(block)
    return parser.chunks()


def _split_article(unit: _Unit, heading: str) -> list[ChunkDraft]:
    text = unit.text
    labelled = unit.labelled_parts()
    if len(text) <= MAX_CHUNK_CHARS:
        return [ChunkDraft(unit.label, heading, text, unit.page, "", tuple(labelled))]
    # Cut at 項 boundaries, greedily keeping pieces under the limit.
    cuts = [p.offset for p in unit.parts if not p.items and p.offset > 0]
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
        parts = [(o - shift, label) for o, label in labelled if lo <= o < hi and o > 0]
        inherited = [label for o, label in labelled if o <= lo]
        location = (
            parts[0][1]
            if parts and parts[0][0] == 0
            else (inherited[-1] if inherited else unit.label)
        )
        if lo == 0:
            location = unit.label
            parts = [p for p in labelled if p[0] < hi]
        if not parts or parts[0][0] != 0:
            parts.insert(0, (0, location))
        for n, sub in enumerate(_hard_split(piece)):
            sub_parts = tuple(p for p in parts if p[0] < len(sub)) if n == 0 else ((0, location),)
            out.append(ChunkDraft(location, heading, sub, unit.page, "", sub_parts))
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
