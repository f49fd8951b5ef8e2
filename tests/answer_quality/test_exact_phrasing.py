"""A resident who asks an entry's own published question gets that entry directly.

The self-calibrated decision model is cautious between sibling entries (パスポートを新しく作りたい /
申請したパスポートを受け取りたい); before this rule it offered 更問 for 25 of the demo city's 87 own
questions, popular-question buttons and the phone menu included.
"""

from __future__ import annotations

from jichitai_ai.config import Settings
from jichitai_ai.demo.loader import load_demo
from jichitai_ai.domain.models import Decision, EntryStatus
from jichitai_ai.services import faq as faq_service
from jichitai_ai.services import tenants as tenant_service
from jichitai_ai.services.answering import AnsweringService
from jichitai_ai.services.platform import Platform


def test_every_own_question_and_phrasing_is_answered_with_its_entry(platform: Platform) -> None:
    with platform.db.write() as session:
        load_demo(session)
    with platform.db.read() as session:
        tenant = tenant_service.get_tenant(session, "aoba-city")
        entries = [
            e
            for e in faq_service.visible_entries(session, tenant.id, residents=True)
            if e.language == "ja"
        ]
    phrasings: dict[str, set[str]] = {}
    for e in entries:
        for text in (e.question, *e.alternatives):
            phrasings.setdefault(text, set()).add(e.external_id)
    unique = {text: ids.pop() for text, ids in phrasings.items() if len(ids) == 1}
    assert len(unique) > 80
    wrong = []
    for text, external_id in unique.items():
        # Width, spacing and end punctuation do not matter.
        for asked in (text, f" {text.rstrip('。？?')}？ "):
            result = platform.answering.ask("aoba-city", asked, record=False)
            if result.decision is not Decision.ANSWER or result.answer is None:
                wrong.append((asked, result.decision.value))
            elif result.answer.entry.external_id != external_id:
                wrong.append((asked, result.answer.entry.external_id))
    assert wrong == []


def test_a_phrasing_shared_by_two_entries_is_not_forced(platform: Platform) -> None:
    with platform.db.write() as session:
        load_demo(session)
        tenant = tenant_service.get_tenant(session, "aoba-city")
        own = [
            e
            for e in faq_service.visible_entries(session, tenant.id, residents=False)
            if e.language == "ja" and not e.inherited
        ]
        first, second = own[0], own[1]
        for entry in (first, second):
            record = faq_service.record_of(entry)
            record.alternatives = [*record.alternatives, "手続きについて知りたい"]
            faq_service.update_entry(session, tenant.id, entry.id, record)
    with platform.db.read() as session:
        index = platform.answering.index_for(
            session, tenant_service.get_tenant(session, "aoba-city")
        )
    assert index.exact_entry("手続きについて知りたい") is None
    assert index.exact_entry(first.question) == first.id


def test_edits_rekey_phrasings_like_a_fresh_worker(settings: Settings, platform: Platform) -> None:
    """The running worker re-keys only the edited entries; it must agree with a fresh build."""
    with platform.db.write() as session:
        load_demo(session)
        tenant_id = tenant_service.get_tenant(session, "aoba-city").id
    worker = AnsweringService(platform.db, settings)
    worker.ask("aoba-city", "印鑑登録をしたい。", record=False)  # phrasings materialised
    with platform.db.write() as session:
        own = [
            e
            for e in faq_service.visible_entries(session, tenant_id, residents=False)
            if e.language == "ja" and not e.inherited
        ]
        edited = own[2]
        old_question = edited.question
        record = faq_service.record_of(edited)
        record.question = "飼い猫の不妊手術に助成はありますか"
        faq_service.update_entry(session, tenant_id, edited.id, record)
        unpublished = faq_service.record_of(own[3])
        unpublished.status = EntryStatus.DRAFT  # leaves the residents' index
        faq_service.update_entry(session, tenant_id, own[3].id, unpublished)
    result = worker.ask("aoba-city", "飼い猫の不妊手術に助成はありますか？", record=False)
    assert worker.refresher.counts["replay"] >= 1
    assert result.answer is not None and result.answer.entry.id == edited.id
    fresh = AnsweringService(platform.db, settings)
    with platform.db.read() as session:
        tenant = tenant_service.get_tenant(session, "aoba-city")
        running = worker.index_for(session, tenant)
        rebuilt = fresh.index_for(session, tenant)
    assert running.exact_entry(old_question) is None
    assert running.exact_entry(own[3].question) is None
    rebuilt.exact_entry("")  # materialise
    assert running._phrasings == rebuilt._phrasings
