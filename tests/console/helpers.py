"""Test data and helpers for the staff console tests (all data written for these tests)."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from jichitai_ai.domain.models import DepartmentContact, EntryStatus, FaqRecord
from jichitai_ai.services import auth
from jichitai_ai.services import faq as faq_service
from jichitai_ai.services import tenants as tenant_service
from jichitai_ai.services.platform import Platform
from jichitai_ai.web.app import create_app
from jichitai_ai.web.console import install

PASSWORD = "correct-horse-battery"
CSRF_RE = re.compile(r'name="csrf_token" value="([^"]+)"')

SHIMIN = DepartmentContact(name="市民課", phone="0000-00-1111", hours="平日 8:30〜17:15")
KANKYO = DepartmentContact(name="環境課", phone="0000-00-3333")


@dataclass(frozen=True)
class World:
    """Ids of the seeded prefecture, its two municipalities and their entries."""

    pref_id: int
    aoba_id: int
    sakura_id: int
    pref_entry: int
    aoba_entry: int
    sakura_entry: int


USERS = {
    "aoba-editor": ("aoba", auth.Role.EDITOR),
    "sakura-editor": ("sakura", auth.Role.EDITOR),
    "aoba-auditor": ("aoba", auth.Role.AUDITOR),
    "aoba-approver": ("aoba", auth.Role.APPROVER),
    "pref-admin": ("pref", auth.Role.ADMIN),
    "pref-editor": ("pref", auth.Role.EDITOR),
}


def seed(platform: Platform, *, with_links: bool = False) -> World:
    """みずほ県 (pref) with あおば市 (aoba) and さくら町 (sakura), entries and staff users."""
    with platform.db.write() as db:
        pref = tenant_service.add_tenant(db, "pref", "みずほ県", name_en="Mizuho Prefecture")
        aoba = tenant_service.add_tenant(
            db, "aoba", "あおば市", parent_slug="pref", name_en="Aoba City"
        )
        sakura = tenant_service.add_tenant(
            db, "sakura", "さくら町", parent_slug="pref", name_en="Sakura Town"
        )
        pref_entry = faq_service.create_entry(
            db,
            pref.id,
            FaqRecord(
                external_id="PREF-1",
                question="パスポートの申請はどこでできますか",
                answer="パスポートは県の旅券窓口で申請できます。戸籍謄本と写真をお持ちください。",
                category="旅券",
                source_url="https://www.pref.mizuho.example.jp/passport" if with_links else "",
            ),
            user="seed",
        )
        aoba_entry = faq_service.create_entry(
            db,
            aoba.id,
            FaqRecord(
                external_id="AOBA-1",
                question="住民票の写しを取りたい",
                answer="住民票の写しは市役所市民課の窓口で請求できます。本人確認書類をお持ちください。",
                alternatives=["住民票がほしい"],
                department=SHIMIN,
                category="戸籍・住民票",
            ),
            user="seed",
        )
        sakura_entry = faq_service.create_entry(
            db,
            sakura.id,
            FaqRecord(
                external_id="SAKURA-1",
                question="粗大ごみの出し方を教えてください",
                answer="粗大ごみは事前申込制です。環境課に電話で申し込んでください。",
                department=KANKYO,
                status=EntryStatus.PUBLISHED,
            ),
            user="seed",
        )
        for username, (slug, role) in USERS.items():
            auth.create_user(db, username, PASSWORD, display_name=username)
            auth.grant(db, username, slug, role)
    return World(pref.id, aoba.id, sakura.id, pref_entry.id, aoba_entry.id, sakura_entry.id)


def make_app(platform: Platform) -> FastAPI:
    app = create_app(platform=platform)
    install(app)
    return app


def csrf_of(html: str) -> str:
    match = CSRF_RE.search(html)
    assert match, "no CSRF token in the page"
    return match.group(1)


def login(client: TestClient, username: str, password: str = PASSWORD) -> str:
    """Log in through the form; returns the session's CSRF token."""
    page = client.get("/console/login")
    assert page.status_code == 200
    response = client.post(
        "/console/login",
        data={"username": username, "password": password, "csrf_token": csrf_of(page.text)},
        follow_redirects=False,
    )
    assert response.status_code == 303, response.text
    return csrf_of(client.get("/console/", follow_redirects=True).text)


def approve_open(
    platform: Platform, tenant_id: int, entry_id: int, approver: str = "aoba-approver"
) -> None:
    """An approver (not the author) approves the entry's open change, submitting a draft first."""
    from jichitai_ai.approval import service as approval

    with platform.db.write() as db:
        change = approval.open_change(db, entry_id)
        assert change is not None, "no open change"
        if change.state == "draft":
            approval.submit(db, tenant_id, change.id, user=change.authors[0])
        approval.approve(db, tenant_id, change.id, user=approver)


def republish_through_a_draft(
    db: Session,
    tenant_id: int,
    entry_id: int,
    record: FaqRecord,
    answers: tuple[str, str],
    user: str,
) -> None:
    """The owner saves the entry as a draft (answers[0]), then publishes a revision
    (answers[1]): a history with a version members must never see between published ones."""
    for status, answer in ((EntryStatus.DRAFT, answers[0]), (EntryStatus.PUBLISHED, answers[1])):
        faq_service.update_entry(
            db, tenant_id, entry_id, replace(record, answer=answer, status=status), user=user
        )
