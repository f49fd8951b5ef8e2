"""The FAQ import page names a PDF as not a table (newcomer walkthrough nc6; the reader's
cases are in tests/faqio/test_not_a_table.py)."""

from __future__ import annotations

from fastapi.testclient import TestClient

from jichitai_ai.i18n import t
from tests.console.helpers import World, login
from tests.faqio.test_not_a_table import A_REAL_PDF


def test_the_console_says_so(client: TestClient, world: World) -> None:
    token = login(client, "aoba-editor")
    page = client.post(
        "/console/t/aoba/faq/import",
        data={"csrf_token": token, "mode": "insert"},
        files={"file": ("手順書.pdf", A_REAL_PDF.read_bytes(), "application/pdf")},
    )
    assert t("faqio.not_a_table", "ja", name="手順書.pdf") in page.text
    assert "必須の列がありません" not in page.text
