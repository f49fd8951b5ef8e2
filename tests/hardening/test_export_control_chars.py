"""Spreadsheet exports survive control characters already in the database (red team hr3).

XML cannot hold ESC and most C0 controls; openpyxl raised on them and the whole XLSX download
was a 500. Such text was stored before this round's guards (questions sent as
``application/*+json``, departments posted as multipart) and may still come from other
channels. The CSV files were not affected.
"""

from __future__ import annotations

import io

from fastapi.testclient import TestClient
from openpyxl import load_workbook

from jichitai_ai.services.platform import Platform
from jichitai_ai.storage.tables import Department, QuestionLog
from tests.console.helpers import World
from tests.console.helpers import login as console_login


def _texts(data: bytes) -> list[str]:
    book = load_workbook(io.BytesIO(data), read_only=True)
    return [
        str(value)
        for sheet in book.worksheets
        for row in sheet.iter_rows(values_only=True)
        for value in row
        if isinstance(value, str)
    ]


def test_kpi_and_department_workbooks_leave_the_control_characters_out(
    client: TestClient, platform: Platform, world: World
) -> None:
    with platform.db.write() as session:
        for question in ("住民票\x1bの写し", "住民票\x1bの写し", '=HYPERLINK("http://x.example")'):
            session.add(
                QuestionLog(tenant_id=world.aoba_id, question=question, decision="no_answer")
            )
        session.add(Department(tenant_id=world.aoba_id, name="防災\x1b課", phone="0000-00-1234"))
    console_login(client, "aoba-auditor")
    kpi = client.get("/console/t/aoba/dashboard.xlsx")
    assert kpi.status_code == 200, kpi.status_code
    texts = _texts(kpi.content)
    assert "住民票の写し" in texts
    assert '\'=HYPERLINK("http://x.example")' in texts  # still guarded against formulas
    assert not any("\x1b" in text for text in texts)
    console_login(client, "aoba-editor")
    departments = client.get("/console/t/aoba/departments.xlsx")
    assert departments.status_code == 200, departments.status_code
    assert "防災課" in _texts(departments.content)
