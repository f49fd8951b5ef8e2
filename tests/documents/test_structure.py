"""Structure of real layouts (issue 15 findings): 目次, 附則 blocks, (1)/ア items, 第1項 labels,
別表 rows, reiki-base HTML without ghost chunks, e-Gov 法令標準XML.

Fixtures: 行政手続法 as e-Gov text (2014) and e-Gov 法令XML (2024) — public law texts, not
copyrighted (著作権法第13条); みずほ町 ordinances written for the project in reiki-base markup.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from jichitai_ai.documents._chunking import chunk_document
from jichitai_ai.documents._model import Block, ChunkDraft, ParsedDocument, sub_location
from jichitai_ai.documents._readers import parse
from jichitai_ai.documents.errors import DocumentUnreadable

FIXTURES = Path(__file__).parent / "fixtures"
LAW_TXT = FIXTURES / "gyosei_tetsuzuki_2014.txt"
LAW_XML = FIXTURES / "405AC0000000088_gyosei_tetsuzuki.xml"


def _chunks(path: Path) -> list[ChunkDraft]:
    return chunk_document(parse(path.name, path.read_bytes()))


def _labels(chunk: ChunkDraft) -> list[str]:
    return [label for _, label in chunk.parts]


@pytest.mark.parametrize("path", [LAW_TXT, LAW_XML], ids=["text", "xml"])
def test_toc_supplement_line_does_not_make_every_article_a_supplement(path: Path) -> None:
    chunks = _chunks(path)
    locations = [c.location for c in chunks]
    main = [loc for loc in locations if re.fullmatch(r"第\d+条(の\d+)?(第\d+項)?", loc)]
    articles = {re.sub(r"第\d+項$", "", loc) for loc in main}
    # 第一条 … 第四十六条, 第三十六条の二, 第三十六条の三: all labelled as main provisions
    assert {f"第{n}条" for n in range(1, 47)} <= articles
    assert {"第36条の2", "第36条の3"} <= articles
    first_supplement = next(i for i, loc in enumerate(locations) if loc.startswith("附則"))
    assert all(not loc.startswith("附則") for loc in locations[:first_supplement])
    assert all(loc.startswith("附則") for loc in locations[first_supplement:])
    # The 目次 is not a passage: no chunk holds its article ranges.
    assert not any("（第一条―第四条）" in c.text for c in chunks)
    # Chapter headings come from the body, not from the 目次.
    art39 = next(c for c in chunks if c.location == "第39条")
    assert "第6章 意見公募手続等" in art39.heading and "（意見公募手続）" in art39.heading


@pytest.mark.parametrize("path", [LAW_TXT, LAW_XML], ids=["text", "xml"])
def test_supplement_blocks_are_labelled_with_their_amending_law(path: Path) -> None:
    locations = [c.location for c in _chunks(path)]
    assert "附則" in locations  # the original 附則
    assert "附則（平成11年12月8日法律第151号）第1条" in locations
    assert "附則（平成26年6月13日法律第69号）第5条" in locations
    # The same article number in two blocks stays two different labels.
    firsts = [loc for loc in locations if loc.endswith("第1条") and loc.startswith("附則")]
    assert len(firsts) == len(set(firsts)) >= 5


@pytest.mark.parametrize("path", [LAW_TXT, LAW_XML], ids=["text", "xml"])
def test_items_and_subitems_of_a_law(path: Path) -> None:
    chunks = _chunks(path)
    art2 = next(c for c in chunks if c.location == "第2条")
    labels = _labels(art2)
    assert "第2条第4号イ" in labels and "第2条第8号ニ" in labels
    assert "第2条第1項第1号" not in labels  # one 項 only: cited without 第1項
    offset = art2.text.index("行政指導指針（")
    assert sub_location(art2.location, art2.parts, offset) == "第2条第8号ニ"
    art39 = next(c for c in chunks if c.location == "第39条")
    assert "第39条第4項第1号" in _labels(art39)
    offset = art39.text.index("三十日以上")
    assert sub_location(art39.location, art39.parts, offset) == "第39条第3項"


def test_items_of_the_first_paragraph_carry_it_when_there_are_several() -> None:
    doc = ParsedDocument(
        "テスト条例",
        "txt",
        [
            Block(line)
            for line in (
                "（聴聞の通知）\n第十三条　行政庁は、次の各号のいずれかに該当するときは、聴聞を行う。\n"
                "一　許認可等を取り消すとき。\n二　資格を剥奪するとき。\n"
                "２　前項の規定は、次の各号のいずれかに該当するときは、適用しない。\n"
                "一　公益上緊急に不利益処分をする必要があるとき。\n"
                "第十四条　施行する。"
            ).splitlines()
        ],
    )
    art13 = chunk_document(doc)[0]
    assert _labels(art13) == [
        "第13条",
        "第13条第1項",
        "第13条第1項第1号",
        "第13条第1項第2号",
        "第13条第2項",
        "第13条第2項第1号",
    ]
    offset = art13.text.index("資格を剥奪")
    assert sub_location(art13.location, art13.parts, offset) == "第13条第1項第2号"


def test_reiki_base_html_municipal_items_tables_and_supplements() -> None:
    chunks = _chunks(FIXTURES / "mizuho_chushajo.html")
    assert all(c.text.strip() for c in chunks)  # no ghost chunks
    assert not any("トップページ" in c.text or "ページの先頭へ" in c.text for c in chunks)
    by_location: dict[str, list[ChunkDraft]] = {}
    for c in chunks:
        by_location.setdefault(c.location, []).append(c)
    assert _labels(by_location["第4条"][0])[1:] == ["第4条第1号", "第4条第2号", "第4条第3号"]
    assert _labels(by_location["第5条"][0])[1:] == ["第5条第1項", "第5条第2項"]
    # 附則 blocks: original and two amendments, the last with numbered 項.
    supplements = [c.location for c in chunks if c.location.startswith("附則")]
    assert supplements == [
        "附則",
        "附則(平成26年3月20日条例第5号)",
        "附則(令和元年9月24日条例第15号)",
    ]
    last = by_location["附則(令和元年9月24日条例第15号)"][0]
    assert _labels(last)[1:] == [
        "附則(令和元年9月24日条例第15号)第1項",
        "附則(令和元年9月24日条例第15号)第2項",
    ]
    assert "施行期日" in last.text
    # 別表: one chunk per row, each with the header row.
    rows = by_location["別表"]
    assert len(rows) == 4
    assert all(r.text.startswith("区分 | 単位 | 使用料\n") for r in rows)
    assert "第5条関係" in rows[0].heading
    # A table inside an article stays located at that article.
    assert any("みずほ駅前駐車場" in c.text for c in by_location["第2条"])


def test_reiki_base_subitems_under_municipal_items() -> None:
    chunks = _chunks(FIXTURES / "mizuho_tesuryo.html")
    art3 = next(c for c in chunks if c.location == "第3条")
    assert _labels(art3)[-2:] == ["第3条第3号ア", "第3条第3号イ"]
    row = next(c for c in chunks if "戸籍謄本" in c.text)
    assert row.location == "別表" and row.text.splitlines()[0] == "事務 | 単位 | 金額"


def test_reiki_base_toc_is_excluded_and_chapters_kept() -> None:
    chunks = _chunks(FIXTURES / "mizuho_kominkan.html")
    assert not any("第1条・第2条" in c.text for c in chunks)
    art3 = next(c for c in chunks if c.location == "第3条")
    assert "第2章 利用" in art3.heading
    assert "第3条第2項第1号" in _labels(art3)


def test_article_number_without_text_makes_no_chunk() -> None:
    html = (
        '<html><head><title>○テスト条例</title></head><body><div class="eline"><p>第1条</p></div>'
        '<div class="eline"><p>第2条　この条例は、公布の日から施行する。</p></div>'
        '<div class="eline"><p>附　則</p></div><div class="eline"><p>第7条</p></div>'
        "</body></html>"
    ).encode()
    chunks = chunk_document(parse("t.html", html))
    assert [c.location for c in chunks] == ["第2条"]
    assert all(c.text.strip() for c in chunks)


def test_body_sentence_starting_with_supplement_is_not_a_supplement_block() -> None:
    doc = ParsedDocument(
        "テスト条例",
        "txt",
        [
            Block("第一条　この条例は、公布の日から施行する。"),
            Block("附則第三条の規定により従前の例による。"),
            Block("第二条　委任する。"),
        ],
    )
    assert [c.location for c in chunk_document(doc)] == ["第1条", "第2条"]


def test_markdown_table_rows_with_header_outside_regulations() -> None:
    md = (
        "# 窓口手数料一覧\n\n| 証明書 | 手数料 |\n|---|---|\n| 戸籍謄本 | 450円 |\n"
        "| 住民票の写し | 300円 |\n| 印鑑登録証明書 | 300円 |\n\n窓口は平日に開いています。\n"
    )
    chunks = chunk_document(parse("fees.md", md.encode()))
    rows = [c for c in chunks if "|" in c.text]
    assert [r.text for r in rows] == [
        "証明書 | 手数料\n戸籍謄本 | 450円",
        "証明書 | 手数料\n住民票の写し | 300円",
        "証明書 | 手数料\n印鑑登録証明書 | 300円",
    ]
    assert any(c.text == "窓口は平日に開いています。" for c in chunks)


def test_hostile_xml_entities_are_not_expanded() -> None:
    evil = (
        '<?xml version="1.0"?><!DOCTYPE Law [<!ENTITY a "aaaaaaaaaa">'
        '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
        '<!ENTITY secret SYSTEM "file:///etc/passwd">]>'
        "<Law><LawNum>x</LawNum><LawBody><LawTitle>&secret;&b;</LawTitle>"
        "<MainProvision><Article><ArticleTitle>第一条</ArticleTitle><Paragraph><ParagraphNum/>"
        "<ParagraphSentence><Sentence>本文</Sentence></ParagraphSentence></Paragraph></Article>"
        "</MainProvision></LawBody></Law>"
    ).encode()
    try:
        parsed = parse("evil.xml", evil)
    except DocumentUnreadable:
        return
    text = "\n".join(b.text for b in parsed.blocks)
    assert "root:" not in text and "aaaaaaaaaa" not in text


def test_xml_that_is_not_a_law_is_reported_unreadable() -> None:
    with pytest.raises(DocumentUnreadable):
        parse("feed.xml", b"<rss><channel><title>x</title></channel></rss>")
    with pytest.raises(DocumentUnreadable):
        parse("broken.xml", b"<Law><LawBody>")


# -- published 例規集 pages as text and 特許法 from e-Gov data (second real-text set) ----------

PAGES = FIXTURES / "reiki_pages"
PATENT_XML = FIXTURES / "334AC0000000121_tokkyo_excerpt.xml"


@pytest.mark.parametrize(
    ("name", "title"),
    [
        ("toyooka_kinosaki_onsen.txt", "城崎温泉供給条例"),
        # the page title line comes first, the ○ line second
        ("tsurugi_idobata_fureaikan.txt", "つるぎ町井戸端ふれあい館条例"),
        ("tone_kinmu_jikan_kisoku.txt", "利根町職員の勤務時間,休暇等に関する規則"),
    ],
)
def test_reiki_page_text_title_without_its_circle(name: str, title: str) -> None:
    path = PAGES / name
    assert parse(path.name, path.read_bytes()).title == title


def test_a_circle_bullet_is_not_taken_for_a_title() -> None:
    doc = parse("memo.txt", "窓口の案内\n○ 受付は午前9時から\n".encode())
    assert doc.title == "窓口の案内"


def test_reiki_page_text_paragraphs_items_and_kana_items() -> None:
    onsen = {c.location: c for c in _chunks(PAGES / "toyooka_kinosaki_onsen.txt")}
    # 目次 lines are not articles; half-width 「2 温泉は」 is 第2項, 「(2) 旅館…」 its 第2号
    assert sorted(onsen) == ["第1条", "第2条"]
    labels = _labels(onsen["第2条"])
    assert {"第2条第1項", "第2条第2項第2号", "第2条第3項第3号", "第2条第4項"} <= set(labels)
    fees = {c.location: c for c in _chunks(PAGES / "kakogawa_tesuryo.txt")}
    # one 項 only: (1) is 第1号, its ア/イ are 第1号ア/第1号イ
    assert {"第2条第1号ア", "第2条第1号イ", "第2条第4号ア", "第2条第5号ウ"} <= set(
        _labels(fees["第2条"])
    )
    # articles without captions (喜茂別町職員就業規則) are still one chunk each
    rules = [c.location for c in _chunks(PAGES / "kimobetsu_shugyo_kisoku.txt")]
    assert [f"第{n}条" for n in range(1, 9)] == [r for r in rules if r.startswith("第")]


def test_appendix_table_rows_carry_the_caption_of_their_article() -> None:
    rows = [c for c in _chunks(PATENT_XML) if c.location == "別表"]
    # 別表（第百九十五条関係）: each row is found for 「手数料」 although no row says it
    assert rows and all("（手数料）" in c.heading for c in rows)
    assert any("一万六千円" in c.text for c in rows)


def test_print_layout_numbers_on_their_own_lines() -> None:
    """那珂川市's print layout puts 「第3条」, 「2」 and 「(1)」 on lines of their own."""
    path = FIXTURES / "reiki_pages_blind" / "nakagawa_sosaijo.txt"
    chunks = {c.location: c for c in _chunks(path)}
    assert _labels(chunks["第3条"]) == ["第3条", "第3条第1項", "第3条第2項"]
    assert _labels(chunks["第4条"]) == ["第4条", "第4条第1号", "第4条第2号"]
    assert "(1)\u30001月1日" in chunks["第4条"].text
    # on paged formats a number alone on a line may be a page number: it is not a 項
    paged = chunk_document(
        ParsedDocument(
            "テスト条例",
            "pdf",
            [Block(t, page=1) for t in ["第1条　この条例は、", "2", "目的とする。", "第2条　定義"]],
            pages=1,
        )
    )
    assert _labels(paged[0]) == ["第1条"]
