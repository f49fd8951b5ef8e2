"""The resident page over plain HTTP (no JavaScript): notice, ask, choice, feedback, headers.

Runs on SQLite and PostgreSQL. Questions are picked by the decision the answering service
returns for them now (see helpers), and the page must show exactly that result.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from jichitai_ai.i18n import t
from jichitai_ai.services import other_authorities
from jichitai_ai.services import tenants as tenant_service
from jichitai_ai.services.feedback import hash_token
from jichitai_ai.services.platform import Platform
from jichitai_ai.storage.tables import FeedbackEvent, QuestionLog

from . import helpers
from .conftest import ALLOWED_ORIGIN

PAGE = "/t/aoba-city/"


def _ack(client: TestClient, lang: str = "ja") -> None:
    r = client.post(PAGE + "notice", data={"lang": lang}, follow_redirects=False)
    assert r.status_code == 303
    assert r.headers["location"].startswith(PAGE)


def test_first_visit_shows_notice_and_security_headers(client: TestClient) -> None:
    r = client.get(PAGE)
    assert r.status_code == 200
    html = r.text
    assert "<title>あおば市" in html and 'class="tenant-name">あおば市' in html
    # The tenant's own notice, before first use, with the question box hidden until acknowledged.
    assert "個人を特定できる情報" in html and "自動的に選んで表示します" in html
    assert re.search(r'id="jai-chat"[^>]*\shidden', html)
    assert not re.search(r'id="jai-notice"[^>]*\shidden', html)
    # The skip link must not lead to the hidden question box: it goes to the notice until then.
    assert '<a class="skip" href="#jai-notice"' in html and t("resident.skip_notice", "ja") in html
    csp = r.headers["content-security-policy"]
    assert "default-src 'self'" in csp and "script-src 'self'" in csp
    assert "frame-ancestors 'none'" in csp and "unsafe-inline" not in csp
    assert r.headers["x-content-type-options"] == "nosniff"
    assert r.headers["referrer-policy"] == "same-origin"
    assert r.headers["x-frame-options"] == "DENY"
    assert "<script>" not in html and " onclick=" not in html and 'style="' not in html
    assert "jai_rsid=" in r.headers["set-cookie"]
    # Acknowledging is remembered: the chat is shown, the notice is not.
    _ack(client)
    html = client.get(PAGE).text
    assert re.search(r'id="jai-notice"[^>]*\shidden', html)
    assert not re.search(r'id="jai-chat"[^>]*\shidden', html)
    assert '<a class="skip" href="#question">' + t("resident.skip", "ja") in html


def _token(html: str) -> str:
    """The feedback token the page carries in its forms (no question id, no session id)."""
    match = re.search(r'name="token" value="([A-Za-z0-9_-]{20,})"', html)
    assert match is not None
    return match.group(1)


def _question_id(platform: Platform, token: str) -> int:
    with platform.db.read() as s:
        return int(
            s.execute(
                select(QuestionLog.id).where(QuestionLog.feedback_token_hash == hash_token(token))
            ).scalar_one()
        )


def test_no_js_answer_card_and_feedback_row(client: TestClient, demo: Platform) -> None:
    probe = helpers.answer_with_source(demo)
    entry = probe.result.answer.entry  # type: ignore[union-attr]
    _ack(client)
    r = client.post(PAGE, data={"question": probe.question, "lang": "ja"})
    assert r.status_code == 200
    html = r.text
    assert f'data-entry="{entry.id}"' in html
    assert entry.question in html
    assert f'href="{entry.source_url}"' in html
    assert entry.department is not None
    assert entry.department.name in html and entry.department.phone in html
    token = _token(html)
    qid = _question_id(demo, token)
    with demo.db.read() as s:
        log = s.get(QuestionLog, qid)
        assert log is not None and log.channel == "web" and log.decision == "answer"
        session_key = log.session_key
        assert session_key  # grouped by the browser's session id (stored hashed)
    r = client.post(
        PAGE + "feedback",
        data={"token": token, "entry_id": entry.id, "kind": "resolved", "lang": "ja"},
    )
    assert r.status_code == 200
    assert t("resident.feedback.thanks", "ja") in r.text
    with demo.db.read() as s:
        events = (
            s.execute(select(FeedbackEvent).where(FeedbackEvent.question_id == qid)).scalars().all()
        )
        assert [(e.kind, e.entry_id) for e in events] == [("resolved", entry.id)]
        assert events[0].session_key == session_key


def test_no_js_not_resolved_keeps_the_answer_and_its_department(
    client: TestClient, demo: Platform
) -> None:
    """「解決しなかった」 says "contact the department shown": the page must still show it."""
    probe = helpers.answer_with_source(demo)
    entry = probe.result.answer.entry  # type: ignore[union-attr]
    assert entry.department is not None and entry.department.phone
    _ack(client)
    html = client.post(PAGE, data={"question": probe.question, "lang": "ja"}).text
    # Post exactly what the page's feedback form carries (its hidden fields), as a browser would.
    form = re.search(r'<form class="feedback".*?</form>', html, re.S)
    assert form is not None
    fields = dict(re.findall(r'type="hidden" name="([^"]+)" value="([^"]*)"', form.group(0)))
    r = client.post(PAGE + "feedback", data={**fields, "kind": "not_resolved"})
    assert r.status_code == 200
    assert t("resident.feedback.not_resolved_hint", "ja") in r.text
    assert f'data-entry="{entry.id}"' in r.text and entry.question in r.text
    assert entry.department.name in r.text and entry.department.phone in r.text
    # No second set of vote buttons under the card.
    assert 'value="not_resolved"' not in r.text


def test_no_js_clarify_choice_then_feedback(client: TestClient, demo: Platform) -> None:
    probe = helpers.clarify(demo)
    _ack(client)
    html = client.post(PAGE, data={"question": probe.question, "lang": "ja"}).text
    assert t("resident.clarify.heading", "ja") in html
    # 「どれにも当てはまらない」 does not say "no answer was found" right under three close
    # questions: it says what to do next, before the button and the offices.
    none = html.split('class="none-of-these"')[1].split("</details>")[0]
    assert t("resident.handover.text", "ja") not in none
    assert none.index(t("resident.clarify.none_text", "ja")) < none.index('class="more"')
    offered = [int(x) for x in re.findall(r'name="entry_id" value="(\d+)"', html)]
    assert offered == [c.entry.id for c in probe.result.choices]
    token = _token(html)
    qid = _question_id(demo, token)
    picked = probe.result.choices[1].entry
    r = client.post(PAGE + "choice", data={"token": token, "entry_id": picked.id, "lang": "ja"})
    assert r.status_code == 200 and picked.question in r.text
    r = client.post(
        PAGE + "feedback",
        data={"token": token, "entry_id": picked.id, "kind": "not_resolved", "lang": "ja"},
    )
    assert t("resident.feedback.not_resolved_hint", "ja") in r.text
    with demo.db.read() as s:
        kinds = s.execute(
            select(FeedbackEvent.kind, FeedbackEvent.entry_id).where(
                FeedbackEvent.question_id == qid
            )
        ).all()
        assert sorted(kinds) == [("choice", picked.id), ("not_resolved", picked.id)]
    # A choice that was never offered is refused with a message, not a stack trace.
    r = client.post(PAGE + "choice", data={"token": token, "entry_id": 999999, "lang": "ja"})
    assert r.status_code == 422 and 'role="alert"' in r.text


def test_no_answer_hands_over_to_contact(client: TestClient, demo: Platform) -> None:
    probe = helpers.no_answer(demo)
    html = client.post(PAGE, data={"question": probe.question, "lang": "ja"}).text
    assert t("resident.handover.heading", "ja") in html
    assert "0000-00-1000" in html  # あおば市役所 代表 (tenants.toml contact)
    assert "https://www.city.aoba.example.jp/form/otoiawase" in html
    if probe.result.contact is not None:
        assert probe.result.contact.name in html
    assert 'name="kind"' not in html  # nothing to rate: no entry was shown


def test_other_authority_hand_over_card(
    client: TestClient, demo: Platform, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The card only (matching needs the embedding: tests/answer_quality/test_out_of_scope.py):
    # the demo's 運転免許センター, as the service picks it from あおば市's settings.
    licence = other_authorities.configured(_aoba_settings(demo))[0]
    monkeypatch.setattr(demo.answering, "_other_authority", lambda *a: licence)
    html = client.post(PAGE, data={"question": "免許の更新", "lang": "en"}).text
    assert t("resident.handover.other_authority", "en") in html
    assert "Mizuho Prefectural Police, Driver&#39;s Licence Centre" in html
    assert "0000-00-7100" in html and "https://www.police.pref.mizuho.example.jp/menkyo/" in html
    assert html.count(t("resident.handover.text", "en")) == 1  # the script's strings only
    assert "0000-00-1000" in html  # the city's general contact stays as a way out


def _aoba_settings(demo: Platform) -> dict[str, Any]:
    with demo.db.read() as session:
        return dict(tenant_service.get_tenant(session, "aoba-city").settings)


def test_languages_and_untranslated_note(client: TestClient, demo: Platform) -> None:
    html = client.get(PAGE + "?lang=en").text
    assert '<html lang="en">' in html and "Aoba City" in html and ">Ask</button>" in html
    assert "Do not enter personal information such as your name" in html  # tenant's en notice
    translated = helpers.english_answer(demo, translated=True)
    html = client.post(PAGE, data={"question": translated.question, "lang": "en"}).text
    card = translated.result.answer
    assert card is not None and card.entry.question in html
    assert 'data-translated="true"' in html and 'class="note only-ja"' not in html
    untranslated = helpers.english_answer(demo, translated=False)
    html = client.post(PAGE, data={"question": untranslated.question, "lang": "en"}).text
    note = t("resident.only_japanese", "en")
    assert 'data-translated="false"' in html and f'<p class="note only-ja">{note}</p>' in html
    assert f'lang="ja">{untranslated.result.answer.entry.question}' in html  # type: ignore[union-attr]
    # 繁體中文 reader, only a 简体 translation approved: the approved text in their script,
    # not the Japanese original (and no "Japanese only" note).
    html = client.post(PAGE, data={"question": "垃圾收集日是哪天？", "lang": "zh-Hant"}).text
    assert 'data-translated="true"' in html and 'class="note only-ja"' not in html
    assert 'lang="zh-Hant">垃圾收集日是哪天？' in html and "環境課" in html and "週六" in html
    assert "环境课" not in html and "周六" not in html
    for code in ("zh-Hans", "zh-Hant", "ko", "ja-easy"):
        html = client.get(f"{PAGE}?lang={code}").text
        assert t("resident.ask.submit", code) in html
        # No tenant notice in this language: our summary plus the official Japanese text.
        assert t("resident.notice.original", code) in html and "個人を特定できる情報" in html
    # The choice is remembered in a cookie for the next visit.
    html = client.get(PAGE).text  # last one picked: やさしい日本語
    assert '<html lang="ja">' in html and f">{t('resident.ask.submit', 'ja-easy')}</button>" in html


def test_embed_mode_frame_ancestors_and_cors(client: TestClient) -> None:
    r = client.get(PAGE + "embed")
    assert r.status_code == 200 and 'class="embed"' in r.text
    csp = r.headers["content-security-policy"]
    assert f"frame-ancestors 'self' {ALLOWED_ORIGIN}" in csp
    assert "javascript" not in csp and "not an origin" not in csp
    assert "x-frame-options" not in r.headers
    body = {"question": "ごみ", "session_id": "s" * 20}
    ok = client.post("/api/v1/tenants/aoba-city/ask", json=body, headers={"Origin": ALLOWED_ORIGIN})
    assert ok.status_code == 200 and ok.headers["access-control-allow-origin"] == ALLOWED_ORIGIN
    pre = client.options(
        "/api/v1/tenants/aoba-city/feedback",
        headers={"Origin": ALLOWED_ORIGIN, "Access-Control-Request-Method": "POST"},
    )
    assert pre.status_code == 204 and "POST" in pre.headers["access-control-allow-methods"]
    bad = client.post(
        "/api/v1/tenants/aoba-city/ask", json=body, headers={"Origin": "https://evil.example"}
    )
    assert bad.status_code == 403 and "access-control-allow-origin" not in bad.headers
    other = client.post(
        "/api/v1/tenants/sakura-town/ask", json=body, headers={"Origin": ALLOWED_ORIGIN}
    )
    assert other.status_code == 403  # listed by aoba-city only
    # Same-origin and non-browser callers are not affected.
    assert client.post("/api/v1/tenants/sakura-town/ask", json=body).status_code == 200


def test_widget_loader_and_unknown_tenant(client: TestClient) -> None:
    r = client.get("/widget.js")
    assert r.status_code == 200 and "javascript" in r.headers["content-type"]
    assert r.headers["x-content-type-options"] == "nosniff"
    js = r.text
    assert "/*__STRINGS__*/" not in js and t("resident.widget.open", "en") in js
    assert "/embed?lang=" in js and "data-tenant" in js
    r = client.get("/t/no-such-town/")
    assert r.status_code == 404 and "no-such-town" in r.text
    # A mistyped address is not a dead end: the page links back to the list of municipalities.
    assert f'<a href="/">{t("resident.not_found.back", "ja")}</a>' in r.text
    r = client.get("/t/no-such-town/?lang=en")
    assert r.status_code == 404 and t("resident.not_found.back", "en") in r.text
    assert "default-src 'self'" in r.headers["content-security-policy"]


def test_plain_japanese_answer_is_marked_lang_ja(client: TestClient, demo: Platform) -> None:
    """やさしい日本語 is Japanese to a screen reader: an approved やさしい日本語 entry answered on
    the server-rendered page is marked lang="ja" (the code "ja-easy" is not a language tag)."""
    from jichitai_ai.services import importing

    easy = (
        "external_id,question,answer,department,department_hours,language\n"
        "AOBA-0001,じゅうみんひょう を もらいたい,しやくしょ の まどぐち で もらえます。,"
        "しみんか,へいじつ 8:30から 17:15まで,ja-easy\n"
    )
    with demo.db.write() as s:
        tenant = tenant_service.get_tenant(s, "aoba-city")
        importing.import_file(s, tenant.id, easy.encode(), "easy.csv", mode="upsert")
    html = client.post(PAGE, data={"question": "住民票の写しを取得したい", "lang": "ja-easy"}).text
    assert 'data-language="ja-easy"' in html and "しやくしょ の まどぐち で もらえます。" in html
    assert 'lang="ja">じゅうみんひょう を もらいたい' in html
    assert 'lang="ja-easy"' not in html


def test_choices_shown_in_japanese_on_an_english_page_are_announced(
    client: TestClient, demo: Platform
) -> None:
    """A 更問 on the English page may offer entries only written in Japanese: one note above the
    list says so (as the answer card does), and a Japanese page never shows it."""
    probe = helpers.find(
        demo,
        [*helpers.CLARIFY_CANDIDATES, "my dog ran away", "How do I pay my taxes?"],
        lambda r: str(r.decision) == "clarify" and any(c.language != "en" for c in r.choices),
        language="en",
        what="an English-page clarification with a Japanese-only choice",
    )
    _ack(client, "en")
    html = client.post(PAGE, data={"question": probe.question, "lang": "en"}).text
    card = html.split('class="card clarify"')[1].split("</section>")[0]
    note = f'<p class="note only-ja">{t("resident.clarify.some_japanese", "en")}</p>'
    assert note in card and card.index(note) < card.index('class="choices"')
    ja = helpers.clarify(demo)
    html = client.post(PAGE, data={"question": ja.question, "lang": "ja"}).text
    assert t("resident.clarify.some_japanese", "ja") not in html


def test_chinese_and_korean_pages_name_the_city_and_its_contact_in_their_language(
    client: TestClient,
) -> None:
    """Before, the 简体 / 繁體 / 한국어 pages said "Aoba City" and showed the English main contact
    beside popular questions that say 青叶市 / 아오바시."""
    for code, name, contact in (
        ("zh-Hans", "青叶市", "青叶市政府 总机"),
        ("zh-Hant", "青葉市", "青葉市政府 總機"),
        ("ko", "아오바시", "아오바시청 대표"),
    ):
        html = client.get(f"{PAGE}?lang={code}").text
        assert f"<title>{name} " in html and f'class="tenant-name">{name}' in html
        assert f'lang="{code}">{contact}</dd>' in html
        assert "Aoba City" not in html
    # A language without a written name keeps the English one.
    assert "Aoba City" in client.get(f"{PAGE}?lang=en").text


def test_display_name_falls_back_to_english_then_japanese() -> None:
    from jichitai_ai.services.tenants import TenantInfo
    from jichitai_ai.web.resident.view import display_name

    def info(name_en: str, settings: dict[str, Any]) -> TenantInfo:
        return TenantInfo(1, "x", "あおば市", name_en, None, settings, (1,))

    named = info("Aoba City", {"names": {"ko": " 아오바시 ", "zh-Hans": ""}})
    assert display_name(named, "ko") == "아오바시"
    assert display_name(named, "zh-Hans") == "Aoba City"  # blank: not a name
    assert display_name(named, "ja-easy") == "あおば市"
    assert display_name(info("", {"names": "not a table"}), "zh-Hant") == "あおば市"
