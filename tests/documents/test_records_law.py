"""Real 公文書等の管理に関する法律 as e-Gov publishes it (blind13's fixture; laws are not copyrighted,
著作権法第13条; provenance in benchmarks/documents/realtext/PROVENANCE.md), asked in staff's
everyday words: a council the question names is answered only by a document that names it, a
question asking what a thing is called by a provision that names things, and records are
「捨てる」 (廃棄), kept in a 「台帳」 (管理簿), given as a 「コピー」 (写し)."""

from __future__ import annotations

from pathlib import Path

import pytest

from jichitai_ai.documents import Viewer
from jichitai_ai.documents._evalset import article_of
from jichitai_ai.documents._support import ASKS_NAME, NAMES_A_THING, organ_names
from jichitai_ai.documents.service import DocumentService

KOBUNSHO = Path(__file__).parent / "fixtures" / "blind13" / "421AC0000000066_kobunsho_kanri.xml"
LAW = "公文書等の管理に関する法律"
#: Another body's council with a 任期 (the 公文書管理法 leaves its council's 任期 to a 政令).
SHINSAKAI = """○あおば市個人情報保護審査会条例
（設置）
第1条　あおば市個人情報保護審査会（以下「委員会」という。）を置く。
（委員の任期）
第2条　委員会の委員の任期は、2年とする。
""".encode()


@pytest.fixture
def records_law(service: DocumentService, tenant: str) -> DocumentService:
    service.ingest(tenant, KOBUNSHO.name, KOBUNSHO.read_bytes())
    return service


def test_a_named_council_is_answered_only_by_a_document_that_names_it(
    records_law: DocumentService, tenant: str
) -> None:
    records_law.ingest(tenant, "aoba_shinsakai.txt", SHINSAKAI)
    viewer = Viewer.everything()
    # 個人情報保護法 第135条 (the 個人情報保護委員会's 任期) was cited for this (blind13 ru4).
    answer = records_law.answer(tenant, "公文書管理委員会の委員の任期は何年ですか", viewer)
    assert not answer.supported
    # the council named by the document that has it is still answered
    answer = records_law.answer(
        tenant, "あおば市個人情報保護審査会の委員の任期は何年ですか", viewer
    )
    assert [(p.document, p.location) for p in answer.passages] == [
        ("あおば市個人情報保護審査会条例", "第2条")
    ]


def test_a_name_asked_is_a_definition_and_everyday_words_reach_the_law(
    records_law: DocumentService, tenant: str
) -> None:
    viewer = Viewer.everything()
    # 第25条 (「…歴史資料として重要でなくなったと認める場合には…廃棄することができる」) was cited;
    # 第2条第6項 defines 「歴史公文書等」 (blind13 r05).
    answer = records_law.answer(
        tenant, "歴史の資料として大切な書類のことを、この法律では何と呼んでいますか", viewer
    )
    assert [(p.document, p.location) for p in answer.passages] == [(LAW, "第2条第6項")]
    # 捨てる ≈ 廃棄, 台帳 ≈ 管理簿, コピー ≈ 写し (blind13 r27, r22, r48)
    for question, article in [
        ("総理大臣が、このファイルは捨てないでほしいと役所に言うことはできますか", "第8条"),
        ("ファイルの台帳は、一般の人も見られるようにしないといけませんか", "第7条"),
        ("資料のコピーをもらうのにお金はかかりますか", "第20条"),
    ]:
        hits = records_law.search(tenant, question, viewer, k=1)
        assert article_of(hits[0].location) == article, question


def test_which_questions_name_a_council_or_ask_a_name() -> None:
    assert organ_names("公文書管理委員会の委員の任期は何年ですか") == ("公文書管理委員会",)
    assert organ_names("市の情報公開審査会のメンバーは何人") == ("情報公開審査会",)
    # a council not named
    assert organ_names("文書管理を話し合う国の委員会はどこに置かれていますか") == ()
    assert organ_names("審査会の委員を辞めた後も") == ()
    assert ASKS_NAME.search("法律上なんと呼ばれますか")
    assert ASKS_NAME.search("何といいますか")
    assert not ASKS_NAME.search("何年ですか")
    # what names a thing: a definition, an abbreviation, a list of kinds headed by their names
    assert NAMES_A_THING.search("この法律において「行政文書」とは、…をいう。")
    assert NAMES_A_THING.search(
        "給水装置は、次の3種とする。\n(2) 共用給水装置 2世帯以上で共用するもの"
    )
    assert not NAMES_A_THING.search(
        "…重要でなくなったと認める場合には、当該文書を廃棄することができる。"
    )
    assert not NAMES_A_THING.search("次に掲げる事項\n一 法令の制定又は改廃及びその経緯")
