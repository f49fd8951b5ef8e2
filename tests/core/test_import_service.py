"""Importing into the database: all or nothing, upsert by external id, exact round trip."""

from __future__ import annotations

import io
from collections.abc import Iterator

import openpyxl
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from jichitai_ai.services import auth, importing
from jichitai_ai.services import faq as faq_service
from jichitai_ai.services import tenants as tenant_service
from jichitai_ai.services.importing import ImportFileInvalid, ImportRejected
from jichitai_ai.services.platform import Platform
from jichitai_ai.storage.tables import FaqEntryRow
from jichitai_ai.web.app import create_app

HEADER = "external_id,question,answer,department,department_phone,status\n"


def csv_bytes(rows: list[str], encoding: str = "utf-8") -> bytes:
    return (HEADER + "\n".join(rows) + "\n").encode(encoding)


@pytest.fixture
def tenant_id(platform: Platform) -> int:
    with platform.db.write() as s:
        return tenant_service.add_tenant(s, "city", "市").id


def count(platform: Platform, tenant_id: int) -> int:
    with platform.db.read() as s:
        return faq_service.count_entries(s, tenant_id)


def test_one_bad_row_imports_nothing_and_lists_every_error(
    platform: Platform, tenant_id: int
) -> None:
    data = csv_bytes(
        [
            "A1,住民票の取り方,市民課で取得できます。,市民課,0000-00-1111,published",
            "A2,,回答だけある,市民課,,published",
            "A3,質問だけある,,市民課,,published",
            "A4,状態が変,回答,市民課,,unknown",
        ]
    )
    with pytest.raises(ImportRejected) as info, platform.db.write() as s:
        importing.import_file(s, tenant_id, data, "faq.csv")
    rows = sorted({(e["row"], e["column"]) for e in info.value.report.errors})
    assert rows == [(3, "question"), (4, "answer"), (5, "status")]
    assert all(e["message"]["ja"] and e["message"]["en"] for e in info.value.report.errors)
    assert count(platform, tenant_id) == 0


def test_existing_rows_are_kept_when_a_later_import_fails(
    platform: Platform, tenant_id: int
) -> None:
    with platform.db.write() as s:
        importing.import_file(
            s, tenant_id, csv_bytes(["A1,質問1,回答1,市民課,,published"]), "a.csv"
        )
    with pytest.raises(ImportRejected), platform.db.write() as s:
        importing.import_file(
            s,
            tenant_id,
            csv_bytes(["A1,質問1改,回答1改,市民課,,published", "A2,,x,,,published"]),
            "b.csv",
            mode="upsert",
        )
    with platform.db.read() as s:
        entries = faq_service.visible_entries(s, tenant_id, residents=False)
    assert [(e.external_id, e.question, e.version) for e in entries] == [("A1", "質問1", 1)]


def test_insert_mode_refuses_existing_ids_upsert_updates_them(
    platform: Platform, tenant_id: int
) -> None:
    first = csv_bytes(["A1,質問1,回答1,市民課,,published", "A2,質問2,回答2,税務課,,published"])
    with platform.db.write() as s:
        report = importing.import_file(s, tenant_id, first, "faq.csv")
    assert report.created == 2
    with pytest.raises(ImportRejected) as info, platform.db.write() as s:
        importing.import_file(s, tenant_id, first, "faq.csv")
    assert {e["code"] for e in info.value.report.errors} == {"faq.duplicate_external_id"}
    second = csv_bytes(
        [
            "A1,質問1,回答1,市民課,,published",
            "A2,質問2,回答2（改訂）,税務課,,published",
            "A3,質問3,回答3,環境課,,draft",
        ]
    )
    with platform.db.write() as s:
        report = importing.import_file(s, tenant_id, second, "faq.csv", mode="upsert")
    assert (report.created, report.updated, report.unchanged) == (1, 1, 1)
    with platform.db.read() as s:
        by_id = {
            e.external_id: e for e in faq_service.visible_entries(s, tenant_id, residents=False)
        }
    assert by_id["A2"].version == 2 and by_id["A2"].answer == "回答2（改訂）"
    assert by_id["A1"].version == 1


def test_shift_jis_export_from_excel(platform: Platform, tenant_id: int) -> None:
    data = csv_bytes(
        ["S1,髙橋さんの印鑑登録①,市民課で登録します～,市民課,0000-00-1111,published"], "cp932"
    )
    with platform.db.write() as s:
        importing.import_file(s, tenant_id, data, "excel-export.csv")
    with platform.db.read() as s:
        entry = faq_service.visible_entries(s, tenant_id)[0]
    assert entry.question == "髙橋さんの印鑑登録①"
    assert entry.department is not None and entry.department.phone == "0000-00-1111"


def test_not_a_spreadsheet_is_a_clear_file_error(platform: Platform, tenant_id: int) -> None:
    with pytest.raises(ImportFileInvalid) as info, platform.db.write() as s:
        importing.import_file(s, tenant_id, b"PK\x03\x04 broken zip", "faq.xlsx")
    assert info.value.messages()["ja"] and info.value.messages()["en"]
    with pytest.raises(ImportFileInvalid), platform.db.write() as s:
        importing.import_file(s, tenant_id, b"question,answer\n", "faq.csv", mapping={"nope": "x"})
    assert count(platform, tenant_id) == 0


def test_export_round_trips_through_import(platform: Platform, tenant_id: int) -> None:
    rows = [
        'R1,"改行を含む\n質問","回答, カンマ ""引用"" と =SUM(A1)",市民課,0000-00-1111,published',
        "R2,絵文字😀と全角ＡＢＣ,回答,税務課,,draft",
        "00123,先頭ゼロ,回答,,,archived",
    ]
    with platform.db.write() as s:
        importing.import_file(s, tenant_id, csv_bytes(rows), "faq.csv")
    for fmt in ("csv", "xlsx"):
        with platform.db.read() as s:
            exported = importing.export_entries(s, tenant_id, fmt)  # type: ignore[arg-type]
            original = [
                faq_service.snapshot(faq_service.record_of(e))
                for e in faq_service.visible_entries(s, tenant_id, residents=False)
            ]
        with platform.db.write() as s:
            other = tenant_service.add_tenant(s, f"copy-{fmt}", "コピー")
            importing.import_file(s, other.id, exported, f"export.{fmt}")
        with platform.db.read() as s:
            copied = [
                faq_service.snapshot(faq_service.record_of(e))
                for e in faq_service.visible_entries(s, other.id, residents=False)
            ]
        assert copied == original


@pytest.fixture
def editor_client(
    platform: Platform, tenant_id: int
) -> Iterator[tuple[TestClient, dict[str, str]]]:
    with platform.db.write() as s:
        auth.create_user(s, "ed", "correct horse battery")
        auth.grant(s, "ed", "city", auth.Role.EDITOR)
        key = auth.create_api_key(s, "ed")
    with TestClient(create_app(platform=platform)) as c:
        yield c, {"Authorization": f"Bearer {key}"}


def test_api_import_of_xlsx_and_20mb_csv(
    editor_client: tuple[TestClient, dict[str, str]], platform: Platform, tenant_id: int
) -> None:
    client, headers = editor_client
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["管理番号", "質問", "回答", "担当課"])
    ws.append(["X1", "児童手当の申請", "こども家庭課で申請します。", "こども家庭課"])
    buf = io.BytesIO()
    wb.save(buf)
    r = client.post(
        "/api/v1/tenants/city/faq/import",
        files={"file": ("faq.xlsx", buf.getvalue())},
        headers=headers,
    )
    assert r.status_code == 200, r.text
    assert r.json()["created"] == 1
    # a 20 MB file with one bad row near the end: rejected, nothing half-imported
    answer = "長い回答です。" * 300
    rows = [f"B{i},質問{i},{answer},市民課,,published" for i in range(3400)]
    rows[-3] = "B-bad,,回答,市民課,,published"
    big = csv_bytes(rows)
    assert len(big) > 20 * 1024 * 1024
    r = client.post(
        "/api/v1/tenants/city/faq/import", files={"file": ("big.csv", big)}, headers=headers
    )
    assert r.status_code == 422
    report = r.json()["error"]["report"]
    assert [e["row"] for e in report["errors"]] == [3399]
    assert count(platform, tenant_id) == 1
    r = client.get("/api/v1/tenants/city/faq/export?format=xlsx", headers=headers)
    assert r.status_code == 200 and r.content[:2] == b"PK"


def _stored(platform: Platform, tenant_id: int) -> list[tuple[str, str, dict[str, object]]]:
    with platform.db.read() as s:
        return sorted(
            (e.external_id, e.language, faq_service.snapshot(faq_service.record_of(e)))
            for e in faq_service.visible_entries(s, tenant_id, residents=False)
        )


def _outcome(run: object) -> tuple[str, object]:
    """What one import did: its report, or the rejection with every row error."""
    try:
        report = run()  # type: ignore[operator]
    except ImportRejected as exc:
        return "rejected", [(e["row"], e["column"], e["code"]) for e in exc.report.errors]
    return "ok", (report.created, report.updated, report.unchanged, len(report.warnings))


# Each step runs on both tenants in turn: the first file seeds, later ones upsert or clash.
STEPS: list[tuple[list[str], importing.ImportMode]] = [
    (["S1,質問一,回答一,市民課,,published", "S2,質問二,回答二,,,draft"], "insert"),
    (["S1,質問一,回答一,市民課,,published", "S3,質問三,回答三,,,published"], "insert"),  # clash
    (["S1,質問一,回答を変えた,市民課,,published", "S3,質問三,回答三,,,published"], "upsert"),
    (["S4,重複,回答,,,draft", "S4,重複,回答,,,draft"], "upsert"),  # same id twice in a file
    (["S5,,回答のみ,,,draft", "S6,質問,回答,,,unknown"], "upsert"),  # bad rows
    (["S2,質問二,回答二,,,draft", "S3,質問三,回答三,,,published"], "upsert"),  # unchanged
]


def test_import_file_and_import_into_do_the_same(platform: Platform) -> None:
    """Differential: the in-transaction entry point and the multi-worker one agree on every
    step (reports, rejections with their rows, and what is stored)."""
    with platform.db.write() as s:
        a = tenant_service.add_tenant(s, "via-file", "甲").id
        b = tenant_service.add_tenant(s, "via-into", "乙").id
    for rows, mode in STEPS:
        data = csv_bytes(rows)

        def in_session(data: bytes = data, mode: importing.ImportMode = mode) -> object:
            with platform.db.write() as s:
                return importing.import_file(s, a, data, "f.csv", mode=mode)

        def into(data: bytes = data, mode: importing.ImportMode = mode) -> object:
            return importing.import_into(platform.db, b, data, "f.csv", mode=mode)

        assert _outcome(in_session) == _outcome(into), rows
        assert _stored(platform, a) == _stored(platform, b)
    assert [k for k, _, _ in _stored(platform, a)] == ["S1", "S2", "S3"]


def test_rows_without_an_id_get_the_next_readable_ids(platform: Platform, tenant_id: int) -> None:
    """nc4: a Shift_JIS file from Excel without 管理番号 gave 'E41861441E8'-style codes; rows
    now get the tenant's prefix and the next numbers in file order, on both import paths."""
    with platform.db.write() as s:
        tenant_service.update_settings(s, tenant_id, {"entry_prefix": "SHI"})
        importing.import_file(
            s, tenant_id, csv_bytes(["SHI-0007,犬の登録,保健所で登録します。,,,draft"]), "a.csv"
        )
    first = csv_bytes(
        [
            ",粗大ごみの申込み,電話で申し込みます。,,,draft",
            ",証明書の郵送請求,郵送で請求できます。,,,draft",
        ],
        "cp932",
    )
    with platform.db.write() as s:
        importing.import_file(s, tenant_id, first, "excel.csv")
    importing.import_into(
        platform.db, tenant_id, csv_bytes([",図書館の利用カード,窓口で作れます。,,,draft"]), "b.csv"
    )
    with platform.db.read() as s:
        rows = s.execute(
            select(FaqEntryRow.question, FaqEntryRow.external_id).where(
                FaqEntryRow.tenant_id == tenant_id
            )
        ).all()
    assert dict(rows) == {
        "犬の登録": "SHI-0007",
        "粗大ごみの申込み": "SHI-0008",
        "証明書の郵送請求": "SHI-0009",
        "図書館の利用カード": "SHI-0010",
    }
