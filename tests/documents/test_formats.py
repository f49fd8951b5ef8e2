"""Every supported format is ingested from a real file on disk, keeping structure."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from jichitai_ai.documents import Viewer
from jichitai_ai.documents.service import DocumentService
from jichitai_ai.documents.tables import DocumentChunk, DocumentRow
from jichitai_ai.services.platform import Platform
from tests.documents import samples


def _chunks(platform: Platform, document_id: int) -> list[DocumentChunk]:
    with platform.db.read() as session:
        rows = list(
            session.execute(
                select(DocumentChunk)
                .where(DocumentChunk.document_id == document_id)
                .order_by(DocumentChunk.ordinal)
            ).scalars()
        )
        session.expunge_all()
        return rows


def test_each_format_is_ingested_with_structure(
    tmp_path: Path, platform: Platform, service: DocumentService, tenant: str
) -> None:
    pdf = samples.write_pdf(
        tmp_path / "guide.pdf",
        [
            ["証明書交付のてびき", "窓口は一階です。"],
            ["コンビニ交付は午前六時半から午後十一時までです。"],
        ],
        title="証明書交付のてびき",
    )
    html = tmp_path / "gomi.html"
    html.write_text(samples.HTML, encoding="utf-8")
    md = tmp_path / "madoguchi.md"
    md.write_text(samples.MARKDOWN, encoding="utf-8")
    txt = samples.write_reiki_txt(tmp_path)
    files = [
        pdf,
        samples.write_docx(tmp_path / "net.docx"),
        samples.write_xlsx(tmp_path / "fees.xlsx"),
        html,
        md,
        txt,
    ]

    report = service.ingest_paths(tenant, files, collection="manuals")
    assert [i.status for i in report.items] == ["indexed"] * 6, [i.message for i in report.items]
    by_name = {i.name: i for i in report.items}

    pdf_chunks = _chunks(platform, by_name["guide.pdf"].document_id or 0)
    assert [(c.location, c.page) for c in pdf_chunks] == [("p.1", 1), ("p.2", 2)]
    assert "コンビニ交付" in pdf_chunks[1].text

    docx_chunks = _chunks(platform, by_name["net.docx"].document_id or 0)
    # The table is chunked by row with its header, at the section it belongs to.
    assert [c.location for c in docx_chunks] == [
        "パスワードの変更",
        "USBメモリの利用",
        "USBメモリの利用",
    ]
    assert docx_chunks[2].text == "窓口 | 内線\n情報政策課ヘルプデスク | 内線4321"
    assert "庁内ネットワーク利用マニュアル" in docx_chunks[0].heading  # heading carried as context

    xlsx_chunks = _chunks(platform, by_name["fees.xlsx"].document_id or 0)
    assert xlsx_chunks[0].location == "手数料一覧"
    assert any(c.text.endswith("戸籍全部事項証明書 | 450円") for c in xlsx_chunks)
    assert all(c.text.startswith("証明書 | 手数料\n") for c in xlsx_chunks)

    html_chunks = _chunks(platform, by_name["gomi.html"].document_id or 0)
    assert [c.location for c in html_chunks] == ["燃やすごみ", "粗大ごみ", "粗大ごみ"]
    joined = "\n".join(c.text for c in html_chunks)
    assert "品目 | 料金\n自転車 | 五百円" in joined
    assert "スクリプト" not in joined and "secretstyle" not in joined and "color" not in joined

    md_chunks = _chunks(platform, by_name["madoguchi.md"].document_id or 0)
    assert [c.location for c in md_chunks] == ["転入届の受付", "証明書の交付"]
    assert "**" not in md_chunks[0].text and "住民票の写し | 300円" in md_chunks[1].text

    reiki_chunks = _chunks(platform, by_name["kinmu-jorei.txt"].document_id or 0)
    locations = [c.location for c in reiki_chunks]
    # The title and 条例番号 alone are no passage; articles start at once.
    assert locations[0:10] == [f"第{n}条" for n in range(1, 11)]
    assert locations[-1] == "附則"
    art5 = reiki_chunks[locations.index("第5条")]
    assert "（年次休暇）" in art5.heading and "第3章 休暇" in art5.heading
    assert [label for _, label in art5.parts] == ["第5条", "第5条第1項", "第5条第2項", "第5条第3項"]

    with platform.db.read() as session:
        titles = dict(session.execute(select(DocumentRow.source_name, DocumentRow.title)).all())
    assert titles["gomi.html"] == "ごみの出し方ガイド"
    assert titles["net.docx"] == "庁内ネットワーク利用マニュアル"
    assert titles["guide.pdf"] == "証明書交付のてびき"

    # Every format is found by search, and the hit opens the source at the right place.
    hits = service.search(tenant, "コンビニ交付の時間", Viewer.everything())
    assert hits[0].document == "証明書交付のてびき" and hits[0].location == "p.2"
    assert hits[0].link.endswith(f"/documents/{by_name['guide.pdf'].document_id}/file#page=2")
    hits = service.search(tenant, "粗大ごみの申込み", Viewer.everything())
    assert hits[0].location == "粗大ごみ" and hits[0].link.endswith("/view#c1")


def test_scanned_pdf_is_reported_as_needing_ocr(
    tmp_path: Path, platform: Platform, service: DocumentService, tenant: str
) -> None:
    scan = samples.write_scanned_pdf(tmp_path / "scan.pdf")
    item = service.ingest(tenant, scan.name, scan.read_bytes())
    assert item.status == "needs_ocr"
    assert "要OCR" in item.message["ja"]
    assert _chunks(platform, item.document_id or 0) == []
    listed = service.list_documents(tenant, Viewer.everything())
    assert [(d["source_name"], d["status"]) for d in listed] == [("scan.pdf", "needs_ocr")]


def test_bad_file_is_reported_and_the_rest_continues(
    tmp_path: Path, service: DocumentService, tenant: str
) -> None:
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4 this is not really a pdf")
    unknown = tmp_path / "data.bin"
    unknown.write_bytes(b"\x00\x01")
    good = samples.write_reiki_txt(tmp_path)
    report = service.ingest_paths(tenant, [broken, unknown, good])
    statuses = {i.name: i.status for i in report.items}
    assert statuses == {"broken.pdf": "error", "data.bin": "error", "kinmu-jorei.txt": "indexed"}
    errors = {i.name: i.message["ja"] for i in report.items if i.status == "error"}
    assert "読み取れません" in errors["broken.pdf"]
    assert "取り込めない形式" in errors["data.bin"]


def test_scanned_pages_inside_a_pdf_are_reported(
    tmp_path: Path, service: DocumentService, tenant: str
) -> None:
    from pypdf import PdfReader, PdfWriter

    text = samples.write_pdf(
        tmp_path / "text.pdf", [["会議録　令和六年第一回定例会", "議長が開会を宣言した。"]]
    )
    scan = samples.write_scanned_pdf(tmp_path / "scan.pdf", pages=1)
    writer = PdfWriter()
    for source in (text, scan):
        for page in PdfReader(source).pages:
            writer.add_page(page)
    mixed = tmp_path / "kaigiroku.pdf"
    with mixed.open("wb") as handle:
        writer.write(handle)
    item = service.ingest(tenant, mixed.name, mixed.read_bytes())
    assert item.status == "indexed" and item.added == 1
    assert "p.2" in item.message["ja"] and "要OCR" in item.message["ja"]


def test_a_placeholder_title_gives_way_to_the_first_line(tmp_path: Path) -> None:
    """Newcomer walkthrough nc10: a PDF saved without a title carries 「untitled」 in its
    properties, and 文書検索 listed and cited the document as 「untitled 第3条」. A tool's
    placeholder is no title: the first line is used, and Office's 「Microsoft Word - 名前.docx」
    gives the name."""
    from jichitai_ai.documents._model import metadata_title
    from jichitai_ai.documents._read_pdf import read_pdf

    plain = samples.write_pdf(tmp_path / "gomi.pdf", [["あおば市 家庭ごみの出し方", "第1条"]])
    assert read_pdf(plain.read_bytes(), "gomi").title == "あおば市 家庭ごみの出し方"
    printed = samples.write_pdf(
        tmp_path / "printed.pdf", [["本文"]], title="Microsoft Word - 窓口案内の手引.docx"
    )
    assert read_pdf(printed.read_bytes(), "printed").title == "窓口案内の手引"
    for placeholder in ("untitled", "Untitled Document", "文書1", "無題", "Book1", "タイトル"):
        assert metadata_title(placeholder) == "", placeholder
    assert metadata_title("Microsoft Word - 文書1") == ""
    assert metadata_title(" 証明書交付の\nてびき ") == "証明書交付の てびき"


def test_a_shift_jis_csv_is_read_as_a_table_and_found(
    tmp_path: Path, platform: Platform, service: DocumentService, tenant: str
) -> None:
    """Newcomer walkthrough nc11: a Shift_JIS CSV (what Excel saves in Japan) was refused as
    「取り込めない形式です（.csv）」 while the same table as .xlsx was read. Each row is one
    table line (as a sheet's row), in UTF-8 with BOM or tab-separated too."""
    from jichitai_ai.documents._readers import parse

    rows = '施設名,使用料,備考\n髙田公民館 ホール,"1時間 1,200円",①冷暖房は別料金\n\n,,\n'
    doc = parse("使用料一覧.csv", rows.encode("cp932"))
    assert doc.format == "csv" and doc.title == "使用料一覧"
    assert [(b.text, b.kind) for b in doc.blocks] == [
        ("施設名 | 使用料 | 備考", "table"),
        ("髙田公民館 ホール | 1時間 1,200円 | ①冷暖房は別料金", "table"),
    ]
    tab = "施設名\t使用料\t備考\n髙田公民館 ホール\t1時間 1,200円\t①冷暖房は別料金\n"
    tabbed = parse("list.csv", ("\ufeff" + tab).encode("utf-8")).blocks
    assert [b.text for b in tabbed] == [b.text for b in doc.blocks]

    path = tmp_path / "使用料一覧.csv"
    path.write_bytes(rows.encode("cp932"))
    report = service.ingest_paths(tenant, [path], collection="manuals")
    assert [i.status for i in report.items] == ["indexed"], [i.message for i in report.items]
    found = service.search(tenant, "髙田公民館の使用料", Viewer.everything())
    assert found and "1,200円" in found[0].text
