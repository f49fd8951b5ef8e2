"""e-Gov 法令標準XML (法令API / e-Gov法令検索 downloads) → lines in the e-Gov text layout.

The XML says outright what each element is (Article, Paragraph, Item, Subitem1 …, SupplProvision,
AppdxTable), so the reader writes each as the line the 例規 parser expects (「第一条　…」, 「２　…」,
「一　…」, 「附　則（…法律第…号）　抄」, 別表 rows as table rows) and skips the 目次 (TOC) element.
External entities and DTDs are never resolved (hostile files).
"""

from __future__ import annotations

from collections.abc import Iterator

from lxml import etree

from jichitai_ai.documents._model import Block, ParsedDocument

_DIVISIONS = {"Part", "Chapter", "Section", "Subsection", "Division"}
_SUBITEMS = {f"Subitem{n}" for n in range(1, 11)}
_SKIP = {"TOC", "Rt", "ArithFormula", "Fig", "QuoteStruct"}
MAX_XML_BYTES = 32 * 1024 * 1024


def is_egov_xml(data: bytes) -> bool:
    head = data[:4096]
    return b"<Law" in head and (b"LawBody" in data[:65536] or b"LawNum" in head)


def _text(el: etree._Element | None) -> str:
    """All text of an element except ruby readings (Rt) and skipped parts."""
    if el is None:
        return ""
    out: list[str] = []

    def walk(node: etree._Element) -> None:
        if isinstance(node.tag, str) and node.tag in _SKIP:
            if node.tail:
                out.append(node.tail)
            return
        if node.text:
            out.append(node.text)
        for child in node:
            walk(child)
        if node is not el and node.tail:
            out.append(node.tail)

    walk(el)
    return "".join(out).strip()


def _sentences(el: etree._Element | None) -> str:
    """A *Sentence element: its Sentence children, Columns separated by a full-width space."""
    if el is None:
        return ""
    columns = el.findall("Column")
    if columns:
        return "　".join(_text(c) for c in columns if _text(c))
    return "".join(_text(s) for s in el.iter("Sentence")) or _text(el)


def _table_rows(el: etree._Element) -> Iterator[Block]:
    for row in el.iter("TableRow"):
        cells = [" ".join(_text(c).split()) for c in row.findall("TableColumn")]
        if any(cells):
            yield Block(" | ".join(c for c in cells if c), "table")


def _item_lines(el: etree._Element) -> Iterator[Block]:
    tag = str(el.tag)
    title = _text(el.find(f"{tag}Title"))
    sentence = _sentences(el.find(f"{tag}Sentence"))
    line = f"{title}　{sentence}".strip("　")
    if line:
        yield Block(line)
    for child in el:
        if child.tag in _SUBITEMS:
            yield from _item_lines(child)
        elif child.tag == "TableStruct":
            yield from _table_rows(child)


def _paragraph_lines(el: etree._Element, first_line_prefix: str = "") -> Iterator[Block]:
    caption = _text(el.find("ParagraphCaption"))
    if caption:
        yield Block(caption)
    number = _text(el.find("ParagraphNum")) or _unprinted_number(el)
    sentence = _sentences(el.find("ParagraphSentence"))
    head = first_line_prefix or number
    yield Block(f"{head}　{sentence}" if head else sentence)
    for child in el:
        if child.tag == "Item":
            yield from _item_lines(child)
        elif child.tag == "TableStruct":
            yield from _table_rows(child)


def _unprinted_number(el: etree._Element) -> str:
    """Laws of 1947 and before print no 項 numbers (empty ParagraphNum); the 項 is still cited
    by its number (労働基準法第39条第2項), which the element's Num gives. Without it a second 項
    read as more text of the first, or of the first 項's last 号."""
    num = el.get("Num") or ""
    if not num.isdigit() or int(num) < 2:
        return ""
    return num.translate(str.maketrans("0123456789", "０１２３４５６７８９"))


def _article_lines(el: etree._Element) -> Iterator[Block]:
    caption = _text(el.find("ArticleCaption"))
    if caption:
        yield Block(caption)
    title = _text(el.find("ArticleTitle"))
    paragraphs = el.findall("Paragraph")
    for n, para in enumerate(paragraphs):
        yield from _paragraph_lines(para, first_line_prefix=title if n == 0 else "")
    if not paragraphs:
        yield Block(title)


def _body_lines(el: etree._Element) -> Iterator[Block]:
    for child in el:
        tag = child.tag
        if not isinstance(tag, str) or tag in _SKIP:
            continue
        if tag in _DIVISIONS:
            yield Block(_text(child.find(f"{tag}Title")), "heading", 2)
            yield from _body_lines(child)
        elif tag == "Article":
            yield from _article_lines(child)
        elif tag == "Paragraph":
            yield from _paragraph_lines(child)
        elif tag in ("EnactStatement", "Preamble"):
            yield Block(_text(child))


def _suppl_lines(el: etree._Element) -> Iterator[Block]:
    label = "".join(_text(el.find("SupplProvisionLabel")).split()) or "附則"
    amend = el.get("AmendLawNum") or ""
    line = f"{label}（{amend}）" if amend else label
    if el.get("Extract") == "true":
        line += "　抄"
    yield Block(line)
    yield from _body_lines(el)
    for child in el:
        if child.tag == "SupplProvisionAppdxTable":
            yield from _appendix_lines(child, "SupplProvisionAppdxTable")


def _appendix_lines(el: etree._Element, tag: str = "AppdxTable") -> Iterator[Block]:
    title = _text(el.find(f"{tag}Title"))
    related = _text(el.find("RelatedArticleNum"))
    # 「別表第二」「身体障害等級及び災害補償表（第七十七条関係）」: a name is set apart by a space
    gap = "　" if title and related and related[0] not in "（(" else ""
    yield Block(f"{title}{gap}{related}" or "別表")
    for child in el:
        if child.tag == "TableStruct":
            yield from _table_rows(child)
        elif child.tag == "Item":
            yield from _item_lines(child)
        elif child.tag == "Remarks":
            yield Block(_text(child))


def read_egov_xml(data: bytes, fallback_title: str) -> ParsedDocument:
    """Parse one 法令XML file; raises on malformed XML (reported as unreadable)."""
    if len(data) > MAX_XML_BYTES:
        raise ValueError("XML file too large")
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
    )
    root = etree.fromstring(data, parser)
    law = root if root.tag == "Law" else root.find(".//Law")
    if law is None:
        raise ValueError("not an e-Gov 法令XML file (no <Law> element)")
    body = law.find("LawBody")
    if body is None:
        raise ValueError("no <LawBody> element")
    title = _text(body.find("LawTitle")) or fallback_title
    blocks = [Block(title, "heading", 1)]
    number = _text(law.find("LawNum"))
    if number:
        blocks.append(Block(number))
    for child in body:
        tag = child.tag
        if tag == "MainProvision":
            blocks.extend(_body_lines(child))
        elif tag == "SupplProvision":
            blocks.extend(_suppl_lines(child))
        elif tag in ("AppdxTable", "AppdxNote", "Appdx"):
            blocks.extend(_appendix_lines(child, str(tag)))
        elif tag in ("EnactStatement", "Preamble"):
            blocks.append(Block(_text(child)))
    blocks = [b for b in blocks if b.text.strip()]
    return ParsedDocument(title=title, format="xml", blocks=blocks)
