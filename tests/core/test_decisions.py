"""The three decisions: one answer, a clarifying choice (更問), or a hand-over."""

from __future__ import annotations

from jichitai_ai.domain.models import Decision
from jichitai_ai.services.platform import Platform

from .helpers import city_with_entries


def test_answer_clarify_and_handover(platform: Platform) -> None:
    with platform.db.write() as s:
        city_with_entries(s, "city")

    answer = platform.answering.ask("city", "粗大ごみはどうやって出せばいいですか")
    assert answer.decision is Decision.ANSWER
    assert answer.answer is not None and answer.answer.entry.external_id == "C4"
    assert answer.choices == [] and answer.contact is None

    clarify = platform.answering.ask("city", "証明書がほしい")
    assert clarify.decision is Decision.CLARIFY
    offered = {c.entry.external_id for c in clarify.choices}
    assert 2 <= len(offered) <= 3 and {"C2", "C3"} <= offered
    assert clarify.answer is None

    handover = platform.answering.ask("city", "宇宙船の操縦免許を取りたい")
    assert handover.decision is Decision.NO_ANSWER
    assert handover.answer is None and handover.choices == []

    # A weak match no longer hands over to the closest entry's department (市長の好きな食べ物
    # went to 防災課): routing needs the topic to belong to one department, else the general
    # contact (contact None) is shown. The closest entries are still recorded for editors.
    weak = platform.answering.ask("city", "市長の好きな食べ物は何ですか")
    assert weak.decision is Decision.NO_ANSWER
    assert weak.contact is None
    assert weak.general_contact == handover.general_contact


def test_unpublished_and_expired_entries_never_answer(platform: Platform) -> None:
    from datetime import date

    from jichitai_ai.domain.models import EntryStatus, FaqRecord
    from jichitai_ai.services import faq as faq_service
    from jichitai_ai.services import tenants as tenant_service

    with platform.db.write() as s:
        t = tenant_service.add_tenant(s, "city", "市")
        faq_service.create_entry(
            s,
            t.id,
            FaqRecord(
                external_id="D",
                question="下書きの給付金の申請方法",
                answer="まだ公開前です。",
                status=EntryStatus.DRAFT,
            ),
        )
        faq_service.create_entry(
            s,
            t.id,
            FaqRecord(
                external_id="E",
                question="終了した給付金の申請方法",
                answer="受付は終了しました。",
                valid_until=date(2020, 3, 31),
            ),
        )
    for question in ("給付金の申請方法", "下書きの給付金", "終了した給付金"):
        result = platform.answering.ask("city", question)
        assert result.decision is Decision.NO_ANSWER
        assert result.answer is None and result.choices == []
