"""The FAQ import page names a PDF as not a table (newcomer walkthrough nc6; the reader's
cases are in tests/faqio/test_not_a_table.py)."""

from __future__ import annotations

from fastapi.testclient import TestClient

from jichitai_ai.approval import service as approval
from jichitai_ai.i18n import t
from jichitai_ai.services import faq as faq_service
from jichitai_ai.services.platform import Platform
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


def test_a_blank_data_row_is_reported_and_nothing_changes(
    client: TestClient, platform: Platform, world: World
) -> None:
    """nc6: a CSV whose only data row is blank said 「取り込みました（新規 0 件…）」."""
    token = login(client, "aoba-editor")
    with platform.db.read() as db:
        entries = faq_service.count_entries(db, world.aoba_id)
        changes = len(approval.list_changes(db, world.aoba_id))
    for mode in ("insert", "upsert"):
        page = client.post(
            "/console/t/aoba/faq/import",
            data={"csrf_token": token, "mode": mode},
            files={"file": ("faq.csv", "質問,回答\r\n,\r\n".encode(), "text/csv")},
        )
        assert t("faqio.no_rows", "ja") in page.text, mode
        assert "取り込みました" not in page.text
    with platform.db.read() as db:
        assert faq_service.count_entries(db, world.aoba_id) == entries
        assert len(approval.list_changes(db, world.aoba_id)) == changes
