"""The API's FAQ search and the console's FAQ list find the same entries (one search function):
the category, 言い換え, answer, external id and question all count, case ignored."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from jichitai_ai.domain.models import FaqRecord
from jichitai_ai.services import faq as faq_service
from jichitai_ai.services.platform import Platform
from tests.console.helpers import World, login

QUERIES = {
    "戸籍・住民票": {"aoba"},  # category only (the API ignored it before)
    "旅券": {"pref"},  # the prefecture's category, inherited by あおば市
    "住民票がほしい": {"aoba"},  # 言い換え
    "本人確認書類": {"aoba"},  # answer
    "aoba-1": {"aoba"},  # external id, another case
    "パスポート": {"pref"},
    "できます": {"aoba", "pref"},
    "ドローン": set(),
}


@pytest.mark.parametrize("query", list(QUERIES))
def test_api_and_console_list_find_the_same_entries(
    client: TestClient, world: World, query: str
) -> None:
    login(client, "aoba-editor")
    expected = {
        {"aoba": world.aoba_entry, "pref": world.pref_entry}[name] for name in QUERIES[query]
    }
    api = client.get("/api/v1/tenants/aoba/faq", params={"q": query})
    assert api.status_code == 200
    assert {e["id"] for e in api.json()} == expected
    page = client.get("/console/t/aoba/faq", params={"q": query})
    assert page.status_code == 200
    listed = {int(i) for i in re.findall(r'href="/console/t/aoba/faq/(\d+)"', page.text)}
    assert listed == expected


def test_entries_that_ask_it_are_listed_before_those_that_mention_it(
    client: TestClient, platform: Platform, world: World
) -> None:
    """nc10: searching 「犬」 listed an entry about moving (its answer mentions 犬の登録) before
    the entries about dogs. PREF-1's answer mentions 戸籍謄本; an entry asking about it comes
    first although PREF-1 is older."""
    with platform.db.write() as db:
        asking = faq_service.create_entry(
            db,
            world.aoba_id,
            FaqRecord(question="戸籍謄本を取りたい", answer="本籍地の市区町村で請求できます。"),
            user="seed",
        )
    login(client, "aoba-editor")
    page = client.get("/console/t/aoba/faq", params={"q": "戸籍謄本"}).text
    listed = [int(i) for i in re.findall(r'href="/console/t/aoba/faq/(\d+)"', page)]
    assert list(dict.fromkeys(listed)) == [asking.id, world.pref_entry]
