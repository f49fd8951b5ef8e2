"""A newcomer's first FAQ entry: 新規作成 → 承認申請 → 承認 reaches residents without touching
the 状態 field (it used to default to 下書き, so the approved entry stayed hidden and the
approver reviewed an empty table), and an approver is told when a change would stay hidden."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

from jichitai_ai.approval import service as approval
from jichitai_ai.domain.models import EntryStatus
from jichitai_ai.i18n import t
from jichitai_ai.services import faq as faq_service
from jichitai_ai.services.platform import Platform
from tests.console.helpers import World, csrf_of, login

QUESTION = "ドローンを市の公園で飛ばしてもよいですか"
ANSWER = "市内の都市公園ではドローンの飛行を原則として禁止しています。"


def _submit_new(client: TestClient, token: str, **extra: str) -> int:
    form_page = client.get("/console/t/aoba/faq/new")
    select = form_page.text.split('id="status_field"', 1)[1].split("</select>", 1)[0]
    selected = re.search(r'<option value="(\w+)" selected>', select)
    fields = {
        "question": QUESTION,
        "answer": ANSWER,
        "category": "くらし",
        "language": "ja",
        "status": selected.group(1) if selected else "",  # the form as presented
        "csrf_token": token,
        "action": "submit",
        **extra,
    }
    response = client.post("/console/t/aoba/faq/new", data=fields, follow_redirects=False)
    assert response.status_code == 303, response.text
    return int(re.findall(r"/faq/(\d+)", response.headers["location"])[0])


def test_submitted_as_presented_the_entry_is_published_once_approved(
    client: TestClient, platform: Platform, world: World
) -> None:
    token = login(client, "aoba-editor")
    page = client.get("/console/t/aoba/faq/new").text
    assert t("console.edit.status_hint", "ja") in page
    entry_id = _submit_new(client, token)
    with platform.db.read() as db:
        change = approval.open_change(db, entry_id)
    assert change is not None and change.state == "pending"
    login(client, "aoba-approver")
    review = client.get(f"/console/t/aoba/approvals/{change.id}").text
    assert QUESTION in review and 'id="stays-hidden"' not in review
    done = client.post(
        f"/console/t/aoba/approvals/{change.id}/approve",
        data={"csrf_token": csrf_of(review), "comment": ""},
        follow_redirects=False,
    )
    assert done.status_code == 303
    with platform.db.read() as db:
        entry = faq_service.get_entry(db, world.aoba_id, entry_id)
    assert entry.status == EntryStatus.PUBLISHED and entry.answer == ANSWER
    asked = platform.answering.ask("aoba", QUESTION)
    assert asked.answer is not None and asked.answer.entry.external_id == entry.external_id


def test_the_approver_is_told_when_a_change_stays_hidden(
    client: TestClient, platform: Platform, world: World
) -> None:
    token = login(client, "aoba-editor")
    entry_id = _submit_new(client, token, status="draft")
    with platform.db.read() as db:
        change = approval.open_change(db, entry_id)
    assert change is not None
    login(client, "aoba-approver")
    review = client.get(f"/console/t/aoba/approvals/{change.id}").text
    assert 'id="stays-hidden"' in review
    status = t("console.status.draft", "ja")
    assert t("approval.change.stays_hidden", "ja", status=status) in review
    assert QUESTION in review and ANSWER in review  # the approver can read what was submitted
    assert t("console.edit.preview_hint", "ja") not in review  # no プレビュー button here
