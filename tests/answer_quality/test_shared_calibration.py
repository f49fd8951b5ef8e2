"""Every worker decides with the same per-tenant model, before and after edits and imports.

The self-calibrated decision model (services.tenant_calibration) is stored in the database: a
worker started after an edit must not fit its own, different model, or the same question would
be answered by one worker and handed over by another.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select

from jichitai_ai.config import Settings
from jichitai_ai.demo.loader import load_demo
from jichitai_ai.faqio import write_csv
from jichitai_ai.services import faq as faq_service
from jichitai_ai.services import importing, tenant_calibration
from jichitai_ai.services import tenants as tenant_service
from jichitai_ai.services.answering import AnsweringService
from jichitai_ai.services.platform import Platform
from jichitai_ai.storage.tables import TenantDecisionModel

QUESTIONS = [
    "住民票を取りたい",
    "粗大ごみの出し方",
    "犬の登録はどこで",
    "引っ越しの手続き",
    "保育園に入りたい",
    "マイナンバーカードをなくした",
    "児童手当はいつ振り込まれますか",
    "市長の好きな食べ物",
]


def _stored(platform: Platform, tenant_id: int) -> list[tuple[str | None, datetime]]:
    """(model JSON, fitted at) of the tenant's stored models."""
    with platform.db.read() as session:
        return [
            (row.model, row.fitted_at)
            for row in session.execute(
                select(TenantDecisionModel).where(TenantDecisionModel.tenant_id == tenant_id)
            ).scalars()
        ]


def _count_fits(service: AnsweringService) -> list[int]:
    fits = [0]
    original = service.factory.calibrations._fit

    def counting(*args, **kwargs):  # type: ignore[no-untyped-def]
        fits[0] += 1
        return original(*args, **kwargs)

    service.factory.calibrations._fit = counting  # type: ignore[method-assign]
    return fits


def _decisions(service: AnsweringService) -> list[tuple[str, list[str]]]:
    out = []
    for q in QUESTIONS:
        r = service.ask("aoba-city", q, record=False)
        shown = (
            [r.answer.entry.external_id] if r.answer else [c.entry.external_id for c in r.choices]
        )
        out.append((r.decision.value, shown))
    return out


def test_workers_share_one_decision_model_across_edits(
    settings: Settings, platform: Platform
) -> None:
    with platform.db.write() as session:
        load_demo(session)
        tenant_id = tenant_service.get_tenant(session, "aoba-city").id
    first = AnsweringService(platform.db, settings)
    assert first.factory.policy.self_calibration
    first_fits = _count_fits(first)
    _decisions(first)  # builds the index: fits and stores the model
    rows = _stored(platform, tenant_id)
    assert first_fits[0] == 1 and len(rows) == 1 and rows[0][0], "fitted once and stored"

    # Editors change texts and add an entry; the running worker replays the change log.
    with platform.db.write() as session:
        entries = faq_service.visible_entries(session, tenant_id, residents=False)
        own = [e for e in entries if not e.inherited and e.language == "ja"]
        for entry in own[:5]:
            record = faq_service.record_of(entry)
            record.alternatives = [*record.alternatives, f"{record.question}について教えて"]
            faq_service.update_entry(session, tenant_id, entry.id, record)
        new = faq_service.record_of(own[0])
        new.external_id = faq_service.new_external_id()
        new.question = "公園の使用許可を取りたい"
        faq_service.create_entry(session, tenant_id, new)
    after_running = _decisions(first)
    assert first.refresher.counts["replay"] >= 1

    # A worker started now reads the stored model instead of fitting a different one.
    second = AnsweringService(platform.db, settings)
    second_fits = _count_fits(second)
    after_fresh = _decisions(second)
    assert second_fits[0] == 0
    assert after_fresh == after_running
    assert first_fits[0] == 1
    assert len(_stored(platform, tenant_id)) == 1


def test_an_import_refits_once_for_every_worker(settings: Settings, platform: Platform) -> None:
    with platform.db.write() as session:
        load_demo(session)
        tenant_id = tenant_service.get_tenant(session, "aoba-city").id
    one, two = AnsweringService(platform.db, settings), AnsweringService(platform.db, settings)
    fits_one, fits_two = _count_fits(one), _count_fits(two)
    _decisions(one)
    _decisions(two)
    assert (fits_one[0], fits_two[0]) == (1, 0)
    stamp = _stored(platform, tenant_id)[0][1]

    with platform.db.read() as session:
        entries = faq_service.visible_entries(session, tenant_id, residents=False)
        records = [
            faq_service.record_of(e) for e in entries if not e.inherited and e.language == "ja"
        ][:3]
    for r in records:
        r.external_id, r.question = faq_service.new_external_id(), r.question + "（写し）"
    importing.import_into(platform.db, tenant_id, write_csv(records), "more.csv")
    assert _stored(platform, tenant_id) == []  # dropped by the import

    a = _decisions(one)
    b = _decisions(two)
    rows = _stored(platform, tenant_id)
    assert len(rows) == 1 and rows[0][1] >= stamp
    assert fits_one[0] + fits_two[0] == 2  # one refit, by whichever worker came first
    assert a == b


def test_forget_drops_the_models_of_inheriting_municipalities(platform: Platform) -> None:
    with platform.db.write() as session:
        load_demo(session)
        city = tenant_service.get_tenant(session, "aoba-city")
    assert len(city.chain) == 2, "the demo city inherits from the demo prefecture"
    parent = city.chain[-1]
    AnsweringService(platform.db, platform.settings).ask("aoba-city", "住民票", record=False)
    assert _stored(platform, city.id)
    with platform.db.write() as session:
        tenant_calibration.forget(session, parent)
    assert _stored(platform, city.id) == []
