"""The console edits an authority's exclusive words (business only it does: 外免切替,
脱退一時金) apart from its plain words, which residents also write about the city's own
procedures (visa, 失業) — services.other_authorities gives only the former no margin."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

from jichitai_ai.contact_settings.forms import AuthorityForm, Rejected
from jichitai_ai.services import other_authorities
from jichitai_ai.services import tenants as tenant_service
from jichitai_ai.services.platform import Platform
from tests.console.helpers import World, csrf_of, login

BASE = "/console/t/aoba/contacts"
IMMIGRATION: dict[str, str] = {
    "name_ja": "出入国在留管理局",
    "topics": "在留期間の更新\n在留資格の変更",
    "words": "ビザ\nvisa",
    "exclusive_words": "在留期間\n\n在留期間\nperiod of stay\n",
    "phone": "0000-00-7300",
}


def _post(client: TestClient, path: str, data: dict[str, Any]) -> Any:
    form_html = client.get(path).text
    marker = 'name="revision" value="'
    start = form_html.index(marker) + len(marker)
    revision = form_html[start : form_html.index('"', start)]
    form = {"csrf_token": csrf_of(client.get(BASE).text), "revision": revision, **data}
    return client.post(path, data=form, follow_redirects=False)


def test_an_editor_stores_exclusive_words_apart_from_plain_words(
    client: TestClient, platform: Platform, world: World
) -> None:
    login(client, "aoba-editor")
    saved = _post(client, f"{BASE}/authorities/new", IMMIGRATION)
    assert saved.status_code == 303, saved.text
    with platform.db.read() as db:
        stored = tenant_service.get_tenant(db, "aoba").settings["other_authorities"]
    # Blank lines and repeats dropped, as for the plain words.
    assert stored[0]["words"] == ["ビザ", "visa"]
    assert stored[0]["exclusive_words"] == ["在留期間", "period of stay"]
    (authority,) = other_authorities.configured({"other_authorities": stored})
    assert authority.exclusive_words == ("在留期間", "period of stay")
    # Both kinds name the authority; only the exclusive ones are exclusive.
    assert authority.words_in("visa renewal, period of stay") == ["visa", "period of stay"]
    assert authority.exclusive_in("juminhyo for my visa") == []
    edit = client.get(f"{BASE}/authorities/1")
    assert 'id="exclusive_words"' in edit.text and "period of stay" in edit.text
    assert "この機関だけが扱う業務の言葉" in edit.text
    english = client.get(f"{BASE}/authorities/1?lang=en").text
    assert "Words for this authority&#39;s business only" in english


def test_without_exclusive_words_nothing_is_written_and_long_lines_are_refused() -> None:
    form = AuthorityForm(
        name={"ja": "気象台"},
        topics=["天気予報"],
        words=["天気"],
        exclusive_words=["", " "],
        url="https://jma.example.jp/",
    )
    form.validate()
    assert "exclusive_words" not in form.to_item()
    for bad in (["天" * 201], [f"語{i}" for i in range(31)]):
        refused = AuthorityForm(
            name={"ja": "気象台"},
            topics=["天気予報"],
            exclusive_words=bad,
            url="https://jma.example.jp/",
        )
        with pytest.raises(Rejected) as caught:
            refused.validate()
        assert [e.params.get("field") for e in caught.value.errors] == ["exclusive_words"]
