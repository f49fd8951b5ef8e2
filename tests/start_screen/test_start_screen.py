"""Popular questions (from the log, pinned first) and category buttons on the resident page."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from jichitai_ai.demo.loader import load_demo
from jichitai_ai.domain.models import FaqRecord
from jichitai_ai.services import auth, importing
from jichitai_ai.services import faq as faq_service
from jichitai_ai.services import start_screen as start_service
from jichitai_ai.services import tenants as tenant_service
from jichitai_ai.services.errors import Invalid
from jichitai_ai.services.platform import Platform
from jichitai_ai.web.app import create_app

TENANT = "aoba-city"


@pytest.fixture
def demo(platform: Platform) -> Platform:
    with platform.db.write() as session:
        load_demo(session)
    return platform


@pytest.fixture
def client(demo: Platform) -> Iterator[TestClient]:
    with TestClient(create_app(platform=demo)) as c:
        yield c


def test_popular_questions_follow_the_log_and_pins_come_first(demo: Platform) -> None:
    fresh = start_service.start_screen(demo.answering, TENANT, "ja")
    # No log yet: one entry per category, never an empty screen.
    assert fresh.popular and len({i.entry_id for i in fresh.popular}) == len(fresh.popular)
    # The city's own questions and categories come before the prefecture's inherited ones (a
    # newcomer at あおば市 saw six prefecture questions — パスポート, 県税 … — and no 住民票).
    assert [i.external_id[:5] for i in fresh.popular] == ["AOBA-"] * len(fresh.popular)
    first = fresh.categories[0]
    assert first.name == "住民票" and first.items[0].external_id.startswith("AOBA-")
    assert [c.name for c in fresh.categories].index("県税") > 10
    # One question asked shrank the list from six to one, and a popular untranslated entry
    # stood before translated ones on the English and やさしい日本語 pages.
    easy = (
        "external_id,question,answer,language\n"
        "AOBA-0001,じゅうみんひょう を もらいたいです,しやくしょ で もらえます。,ja-easy\n"
    )
    with demo.db.write() as s:
        tenant = tenant_service.get_tenant(s, TENANT)
        importing.import_file(s, tenant.id, easy.encode(), "easy.csv", mode="upsert")
    for question in ["パスポートを新しく作りたい。"] * 3 + ["粗大ごみを出したい。"]:
        assert demo.answering.ask(TENANT, question, record=True).answer is not None
    ja = start_service.start_screen(demo.answering, TENANT, "ja")
    assert len(ja.popular) == 6 and ja.popular[0].question == "パスポートを新しく作りたい。"
    en = start_service.start_screen(demo.answering, TENANT, "en")
    assert len(en.popular) == 6 and len({i.entry_id for i in en.popular}) == 6
    assert en.popular[0].question == "How do I dispose of oversized garbage?"
    assert [i.language for i in en.popular] == ["en"] * 6  # the Japanese-only パスポート waits
    plain = start_service.start_screen(demo.answering, TENANT, "ja-easy")
    assert plain.popular[0].question == "じゅうみんひょう を もらいたいです"
    assert [i.language for i in plain.popular[1:3]] == ["ja", "ja"]
    assert plain.popular[1].question == "パスポートを新しく作りたい。"
    answered = None
    for _ in range(3):
        result = demo.answering.ask(TENANT, "粗大ごみを出したい", record=True)
        answered = result.answer.entry if result.answer else None
    assert answered is not None
    screen = start_service.start_screen(demo.answering, TENANT, "ja")
    assert screen.popular[0].entry_id == answered.id and not screen.popular[0].pinned
    with demo.db.write() as s:
        assert start_service.set_pinned(s, TENANT, ["AOBA-0047", " AOBA-0047", "AOBA-0001"]) == [
            "AOBA-0047",
            "AOBA-0001",
        ]
    screen = start_service.start_screen(demo.answering, TENANT, "ja")
    assert [i.external_id for i in screen.popular[:3]] == [
        "AOBA-0047",
        "AOBA-0001",
        answered.external_id,
    ]
    assert screen.popular[0].pinned and screen.popular[1].pinned
    with demo.db.write() as s, pytest.raises(Invalid):
        start_service.set_pinned(s, TENANT, [f"X{i}" for i in range(11)])


def test_categories_and_translations(demo: Platform) -> None:
    ja = start_service.start_screen(demo.answering, TENANT, "ja")
    names = {c.name for c in ja.categories}
    assert {"ごみ", "税", "住民票"} <= names
    garbage = next(c for c in ja.categories if c.name == "ごみ")
    assert garbage.items and all(i.language == "ja" for i in garbage.items)
    with demo.db.write() as s:
        start_service.set_pinned(s, TENANT, ["AOBA-0001"])
    en = start_service.start_screen(demo.answering, TENANT, "en")
    # AOBA-0001 has an English translation: the popular question is shown in English.
    assert en.popular[0].language == "en" and "residence" in en.popular[0].question.lower()


def test_start_screen_on_page_and_api_and_pinning_needs_an_editor(
    client: TestClient, demo: Platform
) -> None:
    html = client.get(f"/t/{TENANT}/").text
    assert 'id="jai-start"' in html and 'class="start-q"' in html
    assert 'class="category"' in html
    widget = client.get(f"/t/{TENANT}/embed").text
    assert 'id="jai-start"' in widget
    body = client.get(f"/api/v1/tenants/{TENANT}/start", params={"language": "ko"}).json()
    assert body["popular"] and body["categories"]
    with demo.db.write() as s:
        auth.create_user(s, "ed", "correct horse battery")
        auth.grant(s, "ed", TENANT, auth.Role.EDITOR)
        auth.create_user(s, "au", "correct horse battery")
        auth.grant(s, "au", TENANT, auth.Role.AUDITOR)
        ed = auth.create_api_key(s, "ed")
        au = auth.create_api_key(s, "au")
    url = f"/api/v1/tenants/{TENANT}/pinned"
    assert client.put(url, json={"external_ids": ["AOBA-0013"]}).status_code == 401
    denied = client.put(
        url, json={"external_ids": ["AOBA-0013"]}, headers={"Authorization": f"Bearer {au}"}
    )
    assert denied.status_code == 403
    ok = client.put(
        url, json={"external_ids": ["AOBA-0013"]}, headers={"Authorization": f"Bearer {ed}"}
    )
    assert ok.status_code == 200 and ok.json() == ["AOBA-0013"]
    first = client.get(f"/api/v1/tenants/{TENANT}/start").json()["popular"][0]
    assert first["external_id"] == "AOBA-0013" and first["pinned"] is True
    # Asking a start-screen question (the no-JavaScript form) answers it.
    client.post(f"/t/{TENANT}/notice", data={"lang": "ja"})
    page = client.post(f"/t/{TENANT}/", data={"question": first["question"], "lang": "ja"}).text
    assert first["question"] in page and 'id="jai-start"' not in page


JAPANESE_SCRIPT = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_every_demo_category_and_new_tenant_question_in_the_ui_language(
    demo: Platform, lang: str
) -> None:
    """Before, 12 of 23 category names and all six popular questions stayed Japanese on the
    English page (prefecture categories first, their entries untranslated)."""
    screen = start_service.start_screen(demo.answering, TENANT, lang)
    assert len(screen.categories) >= 20
    untranslated = [c.label for c in screen.categories if JAPANESE_SCRIPT.search(c.label)]
    assert untranslated == []
    # No log and no pins: translated entries come first, one per category.
    translated_categories = {
        c.name for c in screen.categories if any(i.language == lang for i in c.items)
    }
    expected = min(len(translated_categories), len(screen.popular))
    assert expected >= 4
    assert [i.language for i in screen.popular[:expected]] == [lang] * expected
    assert all(not JAPANESE_SCRIPT.search(i.question) for i in screen.popular[:expected])
    assert len({i.entry_id for i in screen.popular}) == len(screen.popular)


def test_category_names_prefer_the_tenants_words_then_the_catalogue_then_japanese(
    demo: Platform,
) -> None:
    with demo.db.write() as s:
        tenant = tenant_service.get_tenant(s, TENANT)
        faq_service.create_entry(
            s,
            tenant.id,
            FaqRecord(
                external_id="AOBA-DRONE",
                question="ドローンを公園で飛ばしてもよいですか",
                answer="市内の公園ではドローンの飛行を禁止しています。",
                category="ドローン",
            ),
        )
    labels = {
        c.name: c.label for c in start_service.start_screen(demo.answering, TENANT, "ko").categories
    }
    assert labels["転入・転出・転居"] == "전입·전출"  # the city's own translated entries
    assert (
        labels["県税"] == "현세(도세)"
    )  # the catalogue (the prefecture's entries: no translation)
    assert labels["ドローン"] == "ドローン"  # neither: Japanese
    easy = start_service.start_screen(demo.answering, TENANT, "ja-easy")
    assert {c.name: c.label for c in easy.categories}["ごみ"] == "ごみ"
    assert {c.name: c.label for c in easy.categories}["防災"] == "さいがいへの そなえ"


@pytest.mark.parametrize("path", ["/t/aoba-city/", "/t/aoba-city/embed"])
def test_page_and_widget_show_translated_categories_and_questions(
    client: TestClient, path: str
) -> None:
    html = client.get(path, params={"lang": "en"}).text
    summaries = re.findall(r"<summary>([^<]*)</summary>", html)
    assert "Garbage" in summaries and "Passports" in summaries and "ごみ" not in summaries
    start = html.split('id="jai-start"', 1)[1].split("</ul>", 1)[0]
    questions = re.findall(r'class="start-q" lang="([^"]+)"', start)
    assert questions and questions[0] == "en"


def test_category_catalogue_speaks_every_ui_language() -> None:
    from jichitai_ai.i18n import LANGUAGES, catalog

    names = {k: v for k, v in catalog().items() if k.startswith("start.category.")}
    assert len(names) >= 27
    assert {
        k: sorted(set(LANGUAGES) - set(v)) for k, v in names.items() if set(LANGUAGES) - set(v)
    } == {}
    assert all(v["ja"] == k.removeprefix("start.category.") for k, v in names.items())
    assert all(not JAPANESE_SCRIPT.search(v["en"] + v["ko"]) for v in names.values())
