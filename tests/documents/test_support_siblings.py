"""What an answer may cite when the question's key word belongs to a sibling provision (issue 15,
blind8): a 施行期日 question is answered by the 施行期日, and an outside word (町外) is not covered
by the inside one (町内) in a document that has both. Real texts: blind8's fixtures (laws and
ordinances are not copyrighted, 著作権法第13条; provenance in benchmarks/documents/realtext)."""

from __future__ import annotations

from pathlib import Path

from jichitai_ai.documents import Viewer
from jichitai_ai.documents._support import body_names
from jichitai_ai.documents.service import DocumentService

FIXTURES = Path(__file__).parent / "fixtures" / "blind8"


def _ingest(service: DocumentService, tenant: str, *names: str) -> None:
    for name in names:
        service.ingest(tenant, name, (FIXTURES / name).read_bytes())


def test_when_it_took_effect_is_the_enforcement_provision(
    service: DocumentService, tenant: str
) -> None:
    # 第5条 names 「東京都情報公開条例(平成十一年東京都条例第五号…)」: a year, and the body the
    # question names; it was cited for 「いつから施行」 (blind8 j41/j44).
    _ingest(service, tenant, "tokyo_kojin_joho_shiko_jorei.html")
    answer = service.answer(
        tenant, "東京都の個人情報の施行条例は、いつから施行されましたか", Viewer.everything()
    )
    assert all(p.location.startswith("附則") for p in answer.passages)
    answer = service.answer(tenant, "この条例の施行期日はいつですか", Viewer.everything())
    assert [p.location for p in answer.passages] == ["附則第1条"]
    assert "令和五年四月一日から施行する" in answer.text


def test_an_outside_word_is_not_covered_by_the_inside_one_where_both_are_used(
    service: DocumentService, tenant: str
) -> None:
    # 町外 ≈ 町内 lets 「町外に住む人でも」 reach 「町内に住所を有する」; but 佐呂間町 has a 町外路線
    # and a 町内路線, and the 町外 項 of 第4条 is cut off in the stored text (blind8 ju4).
    _ingest(service, tenant, "saroma_fureai_bus.txt")
    asked = "佐呂間町のふれあいバスで、町外の路線の料金はいくらですか"
    answer = service.answer(tenant, asked, Viewer.everything())
    assert not answer.supported
    answer = service.answer(
        tenant, "佐呂間町のふれあいバスで、町内の路線の料金はいくらですか", Viewer.everything()
    )
    assert [p.location for p in answer.passages] == ["第4条第2項"]


def test_bodies_with_kana_in_their_names_and_prefectures_are_bodies() -> None:
    # 「西ノ島町営バス」「東京都の」 were not taken for a body's name, so the name counted as a
    # word of the question and chose the 項 spelling it (「西ノ島町に住居を有する…」,
    # 「東京都(以下「都」という。)の機関等は…」) over the one asked about (blind8 j39, j60).
    assert body_names("西ノ島町営バスの運賃は1回いくらですか") == ("西ノ島",)
    assert body_names("東京都の登録簿は、都民も閲覧できますか") == ("東京",)
    assert body_names("大阪府立の図書館と京都市の図書館") == ("大阪", "京都")
    assert body_names("都道府県の手数料と市町村の手数料") == ()
