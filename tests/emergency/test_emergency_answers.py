"""Emergencies through the real answering path: API, resident page and question log.

Also personal data in questions: retrieval ignores it, the resident is told, the log is masked.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from jichitai_ai.demo.loader import load_demo
from jichitai_ai.domain.models import Decision
from jichitai_ai.emergency import EmergencyKind
from jichitai_ai.i18n import t
from jichitai_ai.services import tenants as tenant_service
from jichitai_ai.services.platform import Platform
from jichitai_ai.storage.tables import QuestionLog
from jichitai_ai.web.app import create_app
from tests.emergency.test_detector import FRESH

TENANT = "aoba-city"
PAGE = f"/t/{TENANT}/"
#: One question per UI language; 「家が火事です！」 got 不動産取得税 and DV相談 as choices before.
EMERGENCIES = {
    "ja": "家が火事です！",
    "ja-easy": "おかあさんが たおれて いきを して いない",
    "en": "Someone broke into my house, please help",
    "zh-Hans": "我想死",
    "zh-Hant": "我家著火了",
    "ko": "지진으로 집 안에 갇혔어요",
}


@pytest.fixture
def demo(platform: Platform) -> Platform:
    with platform.db.write() as session:
        load_demo(session)
    return platform


@pytest.fixture
def client(demo: Platform) -> Iterator[TestClient]:
    with TestClient(create_app(platform=demo)) as c:
        yield c


def test_emergency_in_every_language_comes_first_with_numbers(
    client: TestClient, demo: Platform
) -> None:
    for lang, question in EMERGENCIES.items():
        r = client.post(
            f"/api/v1/tenants/{TENANT}/ask", json={"question": question, "language": lang}
        )
        assert r.status_code == 200, r.text
        body = r.json()
        assert body["decision"] == "emergency", (lang, question)
        assert body["answer"] is None and body["choices"] == []  # never an unrelated FAQ
        numbers = [c["number"] for c in body["emergency"]]
        assert numbers and set(numbers) & {"119", "110", "0570-783-556"}, numbers
        assert all(c["label"] for c in body["emergency"])
        assert body["message"][lang]
        with demo.db.read() as s:
            row = s.get(QuestionLog, body["question_id"])
            assert row is not None and row.decision == "emergency"
    ko = client.post(
        f"/api/v1/tenants/{TENANT}/ask", json={"question": "불이 났어요", "language": "ko"}
    ).json()
    assert ko["emergency"][0]["number"] == "119"
    assert ko["emergency"][0]["label"] == t("emergency.contact.fire_ambulance.label", "ko")


def test_emergency_card_is_rendered_first_on_the_page(client: TestClient) -> None:
    client.post(PAGE + "notice", data={"lang": "en"})
    html = client.post(PAGE, data={"question": "My house is on fire", "lang": "en"}).text
    card = html.index('class="card emergency"')
    assert 'href="tel:119"' in html[card:]
    assert t("resident.emergency.heading", "en") in html
    assert 'class="card answer"' not in html and 'class="card clarify"' not in html
    assert 'class="card handover"' not in html


def test_questions_about_fire_insurance_or_drills_are_ordinary(demo: Platform) -> None:
    for question in ("火災保険の申請", "消防団の募集はありますか", "防災訓練はいつですか"):
        result = demo.answering.ask(TENANT, question, record=False)
        assert result.decision is not Decision.EMERGENCY and result.emergency == []


def test_tenant_configures_its_own_emergency_contacts(demo: Platform) -> None:
    with demo.db.write() as s:
        tenant = tenant_service.get_tenant(s, TENANT)
        tenant_service.update_settings(
            s,
            tenant.id,
            {
                "emergency_contacts": [
                    {"number": "119", "kinds": ["fire"], "label": {"ja": "あおば消防"}},
                    {"number": "0000-00-0110", "kinds": ["crime"], "label": "あおば警察署"},
                ]
            },
        )
    fire = demo.answering.ask(TENANT, "家が火事です", record=False)
    assert [(c.number, c.label) for c in fire.emergency] == [("119", "あおば消防")]
    crime = demo.answering.ask(TENANT, "泥棒に入られた", record=False)
    assert [c.number for c in crime.emergency] == ["0000-00-0110"]


def test_personal_data_is_cut_before_retrieval_and_masked_in_the_log(
    client: TestClient, demo: Platform
) -> None:
    plain = "住民票を郵送で取り寄せたい"
    with_pii = "住民票を郵送で取り寄せたい。山田太郎です。電話は090-1234-5678、よろしく"
    base = demo.answering.ask(TENANT, plain, record=False)
    r = client.post(f"/api/v1/tenants/{TENANT}/ask", json={"question": with_pii})
    body = r.json()
    assert body["decision"] == str(base.decision)
    shown = [body["answer"]["entry_id"]] if body["answer"] else []
    shown += [c["entry_id"] for c in body["choices"]]
    base_shown = [base.answer.entry.id] if base.answer else [c.entry.id for c in base.choices]
    assert shown == base_shown  # same entries as without the name and phone number
    assert body["personal_data"] is True
    assert body["privacy_notice"]["ja"] == t("ask.privacy_notice", "ja")
    with demo.db.read() as s:
        logged = s.get(QuestionLog, body["question_id"])
        assert logged is not None
        assert "山田" not in logged.question and "090-1234-5678" not in logged.question
        assert "住民票" in logged.question
    clean = client.post(f"/api/v1/tenants/{TENANT}/ask", json={"question": plain}).json()
    assert clean["personal_data"] is False and clean["privacy_notice"] == {}


#: The number each kind must show first (national defaults).
FIRST_NUMBER = {
    EmergencyKind.FIRE: "119",
    EmergencyKind.MEDICAL: "119",
    EmergencyKind.DISASTER: "119",
    EmergencyKind.CRIME: "110",
    EmergencyKind.SUICIDE: "0570-783-556",
}


def test_every_kind_in_every_language_gets_the_card_first(demo: Platform) -> None:
    """火事 / 救急 / 事件 / 自殺をほのめかす言葉 / 災害 in all six UI languages, through ask():
    the emergency card with that kind's number first, never an FAQ answer or choices."""
    for lang, cases in FRESH.items():
        for question, kind in cases:
            r = demo.answering.ask(TENANT, question, language=lang, record=False)
            assert r.decision is Decision.EMERGENCY, (lang, question)
            assert r.answer is None and r.choices == [], (lang, question)
            assert r.emergency[0].number == FIRST_NUMBER[kind], (lang, question)
            assert all(c.label for c in r.emergency)
