"""Tenant settings edited on console pages — the tuning page's synonym groups, pinned questions
and 行政以外の話題の判定, the four-eyes rule on the approval page, the websites allowed to embed
the chat — each leave a line in the change record (変更履歴) that staff see on that page: who,
when, what before and after. Found by the newcomer walkthrough: these settings change every
resident's answers or who may publish, yet only the contact lists' changes were recorded
(settings_changes)."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

from jichitai_ai.services.outside_topics import DEFAULT_MARGIN
from jichitai_ai.services.platform import Platform
from tests.console.helpers import World, login

PAGE = "/console/t/aoba/tuning"


def _rows(html: str, record: str = "tuning-changes") -> list[list[str]]:
    """The record's rows, newest first, as the cells' text."""
    table = re.search(rf'<table[^>]*id="{record}-table".*?</table>', html, re.S)
    assert table, f"no change record {record} on the page"
    body = table.group(0).split("<tbody>", 1)[1]
    return [
        [
            re.sub(r"<[^>]+>", "", cell).strip()
            for cell in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)
        ]
        for row in re.findall(r"<tr data-key=[^>]*>(.*?)</tr>", body, re.S)
    ]


def _post(client: TestClient, path: str, data: dict[str, object]) -> None:
    _post_to(client, f"/console/t/aoba/{path}", data)


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


def test_the_four_eyes_rule_and_the_widget_websites_are_recorded(
    client: TestClient, platform: Platform, world: World
) -> None:
    """Turning off 四つの目の原則 lets one person publish alone: every role that reads the
    approval page (an auditor too) sees who did it."""
    token = login(client, "pref-admin")
    settings = "/console/t/aoba/settings/approval"
    _post_to(client, settings, {"csrf_token": token})  # the box unticked: off
    _post_to(client, settings, {"csrf_token": token})  # again: no change, no line
    _post_to(client, settings, {"csrf_token": token, "four_eyes": "1"})
    origins = "/console/t/aoba/widget/origins"
    _post_to(client, origins, {"csrf_token": token, "origin": "https://www.city.aoba.example.jp/"})
    _post_to(client, origins, {"csrf_token": token, "origin": "https://aoba.example.jp"})
    widget = _rows(client.get("/console/t/aoba/widget").text, "widget-record")
    assert [row[1:] for row in widget] == [
        [
            "pref-admin",
            "埋め込みを許可するサイト",
            "1 件: https://www.city.aoba.example.jp",
            "2 件: https://aoba.example.jp / https://www.city.aoba.example.jp",
        ],
        [
            "pref-admin",
            "埋め込みを許可するサイト",
            "なし",
            "1 件: https://www.city.aoba.example.jp",
        ],
    ]
    client.cookies.clear()
    login(client, "aoba-auditor")
    rows = _rows(client.get("/console/t/aoba/approvals").text, "approval-record")
    label = "四つの目の原則（承認は別の職員）"
    assert [row[1:] for row in rows] == [
        ["pref-admin", label, "オフ", "オン"],
        ["pref-admin", label, "オン", "オフ"],
    ]
    # Each page lists only its own settings.
    assert _rows(client.get(PAGE).text) == []


def _post_to(client: TestClient, path: str, data: dict[str, object]) -> None:
    response = client.post(path, data=data, follow_redirects=False)
    assert response.status_code == 303, response.text
