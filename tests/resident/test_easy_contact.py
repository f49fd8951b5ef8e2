"""The やさしい日本語 page names the 代表・総合案内 in plain words (newcomer walkthrough nc6: the
footer and every hand-over said 「あおば市役所 代表」 and 「平日 8:30〜17:15（第2・第4土曜日
9:00〜12:00 は市民課の一部業務のみ）」 while English, Chinese and Korean readers had theirs)."""

from __future__ import annotations

from fastapi.testclient import TestClient

from jichitai_ai.services.tenants import TenantInfo
from jichitai_ai.web.resident.view import general_contact

PAGE = "/t/aoba-city/"


def test_the_easy_page_shows_the_plain_contact(client: TestClient) -> None:
    easy = client.get(f"{PAGE}?lang=ja-easy").text
    assert "あおばし やくしょ（だいひょう）" in easy and "あおば市役所 代表" not in easy
    assert "いちぶ の てつづき だけ" in easy and "市民課の一部業務のみ" not in easy
    japanese = client.get(f"{PAGE}?lang=ja").text
    assert "あおば市役所 代表" in japanese and "あおばし やくしょ" not in japanese
    english = client.get(f"{PAGE}?lang=en").text
    assert "Aoba City Hall, main number" in english and "あおばし やくしょ" not in english


def test_without_a_plain_contact_the_japanese_one_is_shown() -> None:
    """A municipality that wrote none: the ordinary Japanese contact, never the English one."""
    tenant = TenantInfo(
        id=1,
        slug="x",
        name="X町",
        name_en="X Town",
        parent_id=None,
        settings={"contact": {"name": "X町役場"}, "contact_en": {"name": "X Town Office"}},
        chain=(1,),
    )
    assert general_contact(tenant, "ja-easy") == ({"name": "X町役場"}, "ja")
    assert general_contact(tenant, "ko") == ({"name": "X Town Office"}, "en")
    assert general_contact(tenant, "ja") == ({"name": "X町役場"}, "ja")
