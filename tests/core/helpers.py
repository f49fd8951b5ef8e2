"""Builders for test data written for these tests."""

from __future__ import annotations

from sqlalchemy.orm import Session

from jichitai_ai.domain.models import DepartmentContact, EntryStatus, FaqRecord
from jichitai_ai.services import faq as faq_service
from jichitai_ai.services import tenants as tenant_service
from jichitai_ai.services.tenants import TenantInfo

SHIMIN = DepartmentContact(name="市民課", phone="0000-00-1111", hours="平日 8:30〜17:15")
ZEIMU = DepartmentContact(name="税務課", phone="0000-00-2222", hours="平日 8:30〜17:15")


def record(external_id: str, question: str, answer: str, **kw: object) -> FaqRecord:
    return FaqRecord(external_id=external_id, question=question, answer=answer, **kw)  # type: ignore[arg-type]


def city_with_entries(session: Session, slug: str = "city") -> TenantInfo:
    tenant = tenant_service.add_tenant(session, slug, "テスト市")
    for rec in [
        record(
            "C1",
            "住民票の写しはどこで取得できますか",
            "住民票の写しは市役所市民課の窓口、またはマイナンバーカードを使ってコンビニで取得できます。",
            alternatives=["住民票がほしい"],
            department=SHIMIN,
        ),
        record(
            "C2",
            "印鑑登録証明書を取りたい",
            "印鑑登録証明書は印鑑登録証（カード）を持って市民課窓口で申請してください。",
            department=SHIMIN,
        ),
        record(
            "C3",
            "納税証明書の発行方法",
            "納税証明書は税務課で発行します。本人確認書類をお持ちください。",
            department=ZEIMU,
        ),
        record(
            "C4",
            "粗大ごみの出し方を教えてください",
            "粗大ごみは事前申込制です。粗大ごみ受付センターに電話で申し込み、処理券を貼って出してください。",
            department=DepartmentContact(name="環境課", phone="0000-00-3333"),
        ),
        record(
            "C5",
            "マイナンバーカードの暗証番号を忘れました",
            "暗証番号の再設定は、マイナンバーカードを持って市民課窓口で手続きしてください。",
            department=SHIMIN,
        ),
    ]:
        faq_service.create_entry(session, tenant.id, rec, user="tester")
    return tenant


def draft(external_id: str, question: str, answer: str) -> FaqRecord:
    return record(external_id, question, answer, status=EntryStatus.DRAFT)
