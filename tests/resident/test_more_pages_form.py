"""「さらに他の候補を見る」 without JavaScript (issue 16, page 2 of 「他の候補」): after page 1's
further choices the page offers a form posting ``page=2`` when the tenant's
``learning.more_pages`` allows it; page 2 lists the next entries of the ranking logged with the
question, a pick there is voted like one from page 1, and an empty page 2 says so with the
contact. Real app, real DB (SQLite and PostgreSQL), the demo town's data."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient
from sqlalchemy import select

from jichitai_ai.i18n import t
from jichitai_ai.services import feedback as feedback_service
from jichitai_ai.services import tenants as tenant_service
from jichitai_ai.services.platform import Platform
from jichitai_ai.storage.tables import FeedbackEvent

from . import helpers
from .test_pages import PAGE, _ack, _question_id, _token

CANDIDATES = helpers.ANSWER_CANDIDATES + helpers.CLARIFY_CANDIDATES + helpers.NO_ANSWER_CANDIDATES


def _ranking(platform: Platform, question: str) -> tuple[list[int], list[int]]:
    """What was shown for ``question`` and the full ranking (asked without recording it)."""
    r = platform.answering.ask(helpers.TENANT, question, record=False, rank_all=True)
    return ([r.answer.entry.id] if r.answer else [c.entry.id for c in r.choices]), r.ranking


def _pages(platform: Platform, question: str) -> tuple[list[int], list[int]]:
    """Brute force from the full ranking: page 1 the first ``more_choices`` of the top 10 not
    shown, page 2 the first ``more_choices`` of the top 20 not shown nor on page 1."""
    shown, ranking = _ranking(platform, question)
    n = feedback_service.LearningPolicy().more_choices
    first = [e for e in ranking[:10] if e not in shown][:n]
    second = [e for e in ranking[:20] if e not in shown and e not in first][:n]
    return first, second


def _question(platform: Platform, page2: bool) -> str:
    """A demo question whose page 1 has entries and whose page 2 has (or has none)."""
    for question in CANDIDATES:
        first, second = _pages(platform, question)
        if first and bool(second) is page2:
            return question
    raise AssertionError(f"no demo question with page 2 {'full' if page2 else 'empty'}")


def _more_card(html: str) -> str:
    return html.split('class="card more-choices"')[1].split("</section>")[0]


def _offered(card: str) -> list[int]:
    return [int(x) for x in re.findall(r'name="entry_id" value="(\d+)"', card)]


def _next_form(card: str) -> dict[str, str] | None:
    """The hidden fields of the card's 「さらに他の候補を見る」 form, if it has one."""
    form = re.search(r'<form[^>]*class="more-form".*?</form>', card, re.S)
    if form is None:
        return None
    assert t("resident.more.button_next", "ja") in form.group(0)
    return dict(re.findall(r'type="hidden" name="([^"]+)" value="([^"]*)"', form.group(0)))


def _ask(client: TestClient, question: str) -> str:
    _ack(client)
    r = client.post(PAGE, data={"question": question, "lang": "ja"})
    assert r.status_code == 200
    return _token(r.text)


def test_page_two_form_lists_the_next_entries_and_a_pick_there_is_a_vote(
    client: TestClient, demo: Platform
) -> None:
    question = _question(demo, page2=True)
    first, second = _pages(demo, question)
    token = _ask(client, question)
    r = client.post(PAGE + "more", data={"token": token, "lang": "ja"})
    assert r.status_code == 200
    card = _more_card(r.text)
    assert _offered(card) == first
    fields = _next_form(card)
    assert fields == {"token": token, "lang": "ja", "page": "2"}
    # Post what the page's form carries, as a browser without JavaScript would.
    r = client.post(PAGE + "more", data=fields)
    assert r.status_code == 200
    card = _more_card(r.text)
    assert _offered(card) == second and not set(second) & set(first)
    assert t("ask.more.found", "ja") in card
    assert _next_form(card) is None  # the policy's last page (2)
    pick = second[-1]
    r = client.post(PAGE + "choice", data={"token": token, "entry_id": pick, "lang": "ja"})
    assert r.status_code == 200 and f'data-entry="{pick}"' in r.text
    data = {"token": token, "entry_id": pick, "kind": "resolved", "lang": "ja"}
    assert client.post(PAGE + "feedback", data=data).status_code == 200
    with demo.db.read() as s:
        rows = s.execute(
            select(FeedbackEvent.kind, FeedbackEvent.entry_id).where(
                FeedbackEvent.question_id == _question_id(demo, token)
            )
        ).all()
    assert sorted((str(k), int(e)) for k, e in rows) == [("choice", pick), ("resolved", pick)]
    # An entry never shown (ranked beyond page 2) is still refused.
    shown, ranking = _ranking(demo, question)
    unseen = [e for e in ranking if e not in shown + first + second]
    if unseen:
        data = {"token": token, "entry_id": unseen[0], "lang": "ja"}
        assert client.post(PAGE + "choice", data=data).status_code == 422


def test_empty_page_two_says_so_with_the_contact(client: TestClient, demo: Platform) -> None:
    question = _question(demo, page2=False)
    token = _ask(client, question)
    card = _more_card(client.post(PAGE + "more", data={"token": token, "lang": "ja"}).text)
    fields = _next_form(card)
    assert fields is not None and fields["page"] == "2"
    card = _more_card(client.post(PAGE + "more", data=fields).text)
    assert _offered(card) == [] and _next_form(card) is None
    assert t("ask.more.none", "ja") in card
    assert 'class="dept"' in card and t("resident.handover.general", "ja") in card


def test_no_page_two_button_when_the_tenant_keeps_one_page(
    client: TestClient, demo: Platform
) -> None:
    with demo.db.write() as s:
        tenant = tenant_service.get_tenant(s, helpers.TENANT)
        tenant_service.update_settings(s, tenant.id, {"learning": {"more_pages": 1}})
    question = _question(demo, page2=True)
    token = _ask(client, question)
    card = _more_card(client.post(PAGE + "more", data={"token": token, "lang": "ja"}).text)
    assert _offered(card) and _next_form(card) is None
    # Asking for page 2 anyway offers nothing (the service's rule, unchanged).
    card = _more_card(client.post(PAGE + "more", data={"token": token, "page": 2}).text)
    assert _offered(card) == [] and t("ask.more.none", "ja") in card
