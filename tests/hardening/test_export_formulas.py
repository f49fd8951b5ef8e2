"""A control character in front of a formula does not slip it past the export guard (red team hr5).

Found: the KPI and department workbooks guarded ``=`` with a ``'`` first and only then left out
the characters XML cannot hold. Text stored as ``\\x01=HYPERLINK(...)`` (a resident's question
from a channel that keeps C0 controls, or a department stored before the console's guard) passed
the guard, lost its ``\\x01`` and was written as a live formula into the staff's workbook.
"""

from __future__ import annotations

import io

from fastapi.testclient import TestClient
from openpyxl import load_workbook

from jichitai_ai.services.platform import Platform
from jichitai_ai.storage.tables import Department, QuestionLog
from tests.console.helpers import World
from tests.console.helpers import login as console_login

HOSTILE = '\x01=HYPERLINK("http://evil.example/","詳しくはこちら")'


def _cells(data: bytes) -> list[tuple[str, object]]:
    book = load_workbook(io.BytesIO(data))
    return [
        (cell.data_type, cell.value)
        for sheet in book.worksheets
        for row in sheet.iter_rows()
        for cell in row
        if cell.value is not None
    ]


def test_no_formula_reaches_the_kpi_or_department_workbook(
    client: TestClient, platform: Platform, world: World
) -> None:
    with platform.db.write() as session:
        for _ in range(2):
            session.add(
                QuestionLog(tenant_id=world.aoba_id, question=HOSTILE, decision="no_answer")
            )
        session.add(Department(tenant_id=world.aoba_id, name=HOSTILE, phone="0000-00-1234"))
    console_login(client, "aoba-auditor")
    kpi = client.get("/console/t/aoba/dashboard.xlsx")
    assert kpi.status_code == 200, kpi.status_code
    console_login(client, "aoba-editor")
    departments = client.get("/console/t/aoba/departments.xlsx")
    assert departments.status_code == 200, departments.status_code
    for workbook in (kpi.content, departments.content):
        cells = _cells(workbook)
        assert [value for kind, value in cells if kind == "f"] == []
        assert HOSTILE[1:] in [str(value).removeprefix("'") for _, value in cells]
