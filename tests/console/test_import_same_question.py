"""Importing a file without 管理番号 twice (newcomer walkthrough nc8): every row was silently
added again, each a new entry waiting for approval. The import still adds them (the file has no
key to update by) but each such row is named with the entry it repeats and the way to update."""

from __future__ import annotations

import html

from fastapi.testclient import TestClient
from sqlalchemy import select

from jichitai_ai.services.platform import Platform
from jichitai_ai.storage.tables import FaqEntryRow
from tests.console.helpers import World, login

# As Excel's 「CSV（コンマ区切り）」 saves it: Shift_JIS, CRLF, a 「No.」 column, empty trailing cells.
EXCEL_CSV = (
    "No.,質問,回答,分類,,\r\n"
    "1,粗大ごみの出し方を知りたい（髙橋）,粗大ごみは事前申込制です。①電話～②シール,ごみ,,\r\n"
    "2,犬の登録をしたい,生後91日以上の犬は登録が必要です。,動物,,\r\n"
).encode("cp932")


def _import(client: TestClient, token: str, content: bytes = EXCEL_CSV) -> str:
    page = client.post(
        "/console/t/aoba/faq/import",
        data={"csrf_token": token, "mode": "insert"},
        files={"file": ("faq.csv", content, "text/csv")},
    )
    assert page.status_code == 200, page.text
    return html.unescape(page.text)


def test_the_second_import_names_the_entries_it_repeats(
    client: TestClient, platform: Platform, world: World
) -> None:
    token = login(client, "aoba-editor")
    first = _import(client, token)
    assert "新規 2 件" in first and "既存の項目" not in first
    with platform.db.read() as db:
        ids = (
            db.execute(
                select(FaqEntryRow.external_id).where(
                    FaqEntryRow.tenant_id == world.aoba_id,
                    FaqEntryRow.question == "犬の登録をしたい",
                )
            )
            .scalars()
            .all()
        )
    assert len(ids) == 1
    second = _import(client, token)
    assert "新規 2 件" in second
    assert second.count("既存の項目") == 2
    assert f"既存の項目「{ids[0]}」と同じ文です" in second
    with platform.db.read() as db:  # still added: the file has no key to update by
        assert (
            db.execute(select(FaqEntryRow.id).where(FaqEntryRow.question == "犬の登録をしたい"))
            .all()
            .__len__()
            == 2
        )
    assert "「追加・更新」で取り込んでください" in second


def test_the_import_help_names_the_columns_in_japanese_first(client: TestClient) -> None:
    """nc9: the help named the columns in English only (external_id, question, answer) while
    Excel users write 質問 / 回答; both are accepted, the Japanese name now comes first."""
    login(client, "aoba-editor")
    ja = html.unescape(client.get("/console/t/aoba/faq/import").text)
    assert "管理番号（external_id）、質問（question）" in ja and "回答（answer）" in ja
    en = html.unescape(client.get("/console/t/aoba/faq/import?lang=en").text)
    assert "質問 (question)" in en and "回答 (answer)" in en


def test_the_same_question_twice_in_one_file_is_named_and_both_rows_kept(
    client: TestClient, platform: Platform
) -> None:
    """nc9: a question repeated within one file (a row copied twice in Excel) was not warned."""
    repeated = (
        EXCEL_CSV
        + "3, 犬の登録をしたい ,生後91日以上の犬は登録が必要です。,動物,,\r\n".encode("cp932")
    )
    page = _import(client, login(client, "aoba-editor"), repeated)
    assert "新規 3 件" in page  # nothing lost
    assert page.count("同じファイルの") == 1
    assert "行 4: この質問は同じファイルの 3 行目と同じ文です" in page
    with platform.db.read() as db:
        rows = db.execute(select(FaqEntryRow.id).where(FaqEntryRow.question == "犬の登録をしたい"))
        assert len(rows.all()) == 2
