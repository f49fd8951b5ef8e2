"""Two imports of the same new ids at the same moment (red team hr5).

Found: on PostgreSQL both imports passed the write transaction's re-check (neither saw the
other's uncommitted rows) and the second failed on the unique constraint: an IntegrityError,
so the API answered 500 instead of the clear all-or-nothing rejection SQLite's single writer
gives. Nothing was lost (the transaction rolled back); the loser now decides again once the
winner has committed: rejected with row errors in ``insert`` mode, stored as updates in
``upsert`` mode. (SQLite serialises the write phases, so the race cannot happen there.)
"""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import func, select

from jichitai_ai.services import importing
from jichitai_ai.services import tenants as tenant_service
from jichitai_ai.services.platform import Platform
from jichitai_ai.storage.tables import FaqEntryRow
from tests.conftest import SKIP_PG

pytestmark = [
    pytest.mark.skipif(SKIP_PG, reason="the race needs PostgreSQL (JICHITAI_TEST_SKIP_PG=1)"),
    pytest.mark.parametrize("database_url", ["postgresql"], indirect=True),
]


def _csv(answer: str) -> bytes:
    rows = [f"N{i},手続き {i} の窓口はどこですか,{answer} {i}" for i in range(5)]
    return ("管理番号,質問,回答\n" + "\n".join(rows) + "\n").encode("utf-8")


@pytest.fixture
def tenant_id(platform: Platform) -> int:
    with platform.db.write() as session:
        return tenant_service.add_tenant(session, "aoba", "あおば市").id


def _race(platform: Platform, tenant_id: int, mode: importing.ImportMode) -> object:
    """Our import's write phase has re-checked; a colleague's import of the same ids commits
    before ours stores anything."""
    original = importing._number
    other: list[object] = []
    started: list[bool] = []

    def number_then_race(*args: object, **kwargs: object) -> None:
        original(*args, **kwargs)  # type: ignore[arg-type]
        if not started:  # our import only, not the colleague's (the hook is module-wide)
            started.append(True)
            worker = threading.Thread(
                target=lambda: other.append(
                    importing.import_into(platform.db, tenant_id, _csv("同僚"), "c.csv")
                )
            )
            worker.start()
            worker.join(30)
            assert other, "the colleague's import did not finish"

    importing._number = number_then_race
    try:
        return importing.import_into(platform.db, tenant_id, _csv("取込"), "f.csv", mode=mode)
    except importing.ImportRejected as rejected:
        return rejected
    finally:
        importing._number = original


def _answers(platform: Platform) -> list[str]:
    with platform.db.read() as session:
        return list(
            session.execute(select(FaqEntryRow.answer).order_by(FaqEntryRow.external_id))
            .scalars()
            .all()
        )


def test_insert_loses_the_race_with_a_clear_rejection(platform: Platform, tenant_id: int) -> None:
    outcome = _race(platform, tenant_id, "insert")
    assert isinstance(outcome, importing.ImportRejected), outcome
    assert len(outcome.report.errors) == 5
    assert all(answer.startswith("同僚") for answer in _answers(platform))  # the winner kept


def test_upsert_after_the_race_updates_what_the_colleague_stored(
    platform: Platform, tenant_id: int
) -> None:
    outcome = _race(platform, tenant_id, "upsert")
    assert isinstance(outcome, importing.ImportReport), outcome
    assert (outcome.created, outcome.updated) == (0, 5)
    assert all(answer.startswith("取込") for answer in _answers(platform))
    with platform.db.read() as session:
        assert session.execute(select(func.count()).select_from(FaqEntryRow)).scalar_one() == 5
