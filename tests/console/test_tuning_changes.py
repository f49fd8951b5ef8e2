"""The tuning page's tenant settings — synonym groups, pinned questions, 行政以外の話題の判定 —
each leave a line in the change record (変更履歴) that staff see on the page: who, when, what
before and after. Found by the newcomer walkthrough: these settings change every resident's
answers, yet only the contact lists' changes were recorded (settings_changes)."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

from jichitai_ai.services.outside_topics import DEFAULT_MARGIN
from jichitai_ai.services.platform import Platform
from tests.console.helpers import World, login

PAGE = "/console/t/aoba/tuning"


def _rows(html: str) -> list[list[str]]:
    """The record's rows, newest first, as the cells' text."""
    table = re.search(r'<table[^>]*id="tuning-changes-table".*?</table>', html, re.S)
    assert table, "no change record on the tuning page"
    body = table.group(0).split("<tbody>", 1)[1]
    return [
        [re.sub(r"<[^>]+>", "", cell).strip() for cell in re.findall(r"<td>(.*?)</td>", row, re.S)]
        for row in re.findall(r"<tr data-key=[^>]*>(.*?)</tr>", body, re.S)
    ]


def _post(client: TestClient, path: str, data: dict[str, object]) -> None:
    response = client.post(f"/console/t/aoba/{path}", data=data, follow_redirects=False)
    assert response.status_code == 303, response.text


def test_each_tuning_setting_change_is_recorded_and_shown(
    client: TestClient, platform: Platform, world: World
) -> None:
    token = login(client, "aoba-editor")
    assert "まだ変更はありません。" in client.get(PAGE).text

    _post(client, "synonyms", {"csrf_token": token, "synonyms": "粗大ごみ、大型ごみ"})
    _post(client, "pins", {"csrf_token": token, "pin": "AOBA-1"})
    _post(client, "tuning/outside", {"csrf_token": token, "outside_mode": "off"})
    # Saving the same synonyms again changes nothing and records nothing.
    _post(client, "synonyms", {"csrf_token": token, "synonyms": "粗大ごみ, 大型ごみ"})

    rows = _rows(client.get(PAGE).text)
    assert [row[1:] for row in rows] == [
        ["aoba-editor", "行政以外の話題の判定", f"既定値（{DEFAULT_MARGIN}）", "判定しない"],
        ["aoba-editor", "よくある質問（固定表示）", "なし", "1 件: AOBA-1"],
        ["aoba-editor", "同義語グループ", "なし", "1 件: 粗大ごみ, 大型ごみ"],
    ]
    assert all(re.match(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}", row[0]) for row in rows), rows

    # The record is in English for English-speaking staff, and the contact settings page keeps
    # showing only its own lists' changes.
    english = _rows(client.get(PAGE + "?lang=en").text)
    assert english[0][2:] == ["Questions about other topics", f"default ({DEFAULT_MARGIN})", "off"]
    contacts = client.get("/console/t/aoba/contacts").text
    assert "同義語グループ" not in contacts.split('id="changes"', 1)[1]


def test_another_municipality_does_not_see_the_record(
    client: TestClient, platform: Platform, world: World
) -> None:
    token = login(client, "aoba-editor")
    _post(client, "pins", {"csrf_token": token, "pin": "AOBA-1"})
    client.cookies.clear()
    login(client, "sakura-editor")
    assert _rows(client.get("/console/t/sakura/tuning").text) == []
