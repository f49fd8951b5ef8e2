"""The entry's daily cap and agreement (issue 16, round 16: ``entry_cap_agreement``).

Residents resolving many wordings with one popular entry on one day: under the plain cap the
first wordings' surplus voters (beyond the ``min_residents`` needed) use up the entry's budget
and later wordings never become lessons; counting only the votes that build agreement lets
them, while no more lessons of the entry can reach agreement in a day than before
(``entry_daily_cap // min_residents``). Service level, one cheap town, no index built per vote.
"""

from __future__ import annotations

from jichitai_ai.services import feedback as feedback_service
from jichitai_ai.services import tenants as tenant_service
from jichitai_ai.services.feedback import LearningPolicy
from jichitai_ai.services.platform import Platform
from tests.core.helpers import city_with_entries

#: Wordings the 粗大ごみ entry answers (or is offered for); each its own lesson (the town's
#: ``cluster_similarity`` 0.99 keeps distinct wordings apart).
WORDINGS = ("粗大ごみを捨てたい", "粗大ごみの出し方", "粗大ごみを出したい")


def _town(platform: Platform, agreement: bool) -> tuple[int, int]:
    with platform.db.write() as s:
        tenant = city_with_entries(s, "city")
        learning = {
            "entry_daily_cap": 4,
            "min_residents": 2,
            "cluster_similarity": 0.99,
            "entry_cap_agreement": agreement,
        }
        tenant_service.update_settings(s, tenant.id, {"learning": learning})
    asked = platform.answering.ask("city", WORDINGS[0], record=False)
    assert asked.answer is not None
    return tenant.id, asked.answer.entry.id


def _resolve(platform: Platform, tenant_id: int, target: int, q: str, n: int) -> str:
    """Resident ``n`` asks ``q`` and says 解決した on ``target`` (the answer or a choice)."""
    asked = platform.answering.ask("city", q, session_key=f"session-{n:04d}-abcdefgh")
    with platform.db.write() as s:
        policy = LearningPolicy.of(tenant_service.get_tenant(s, "city").settings)
        out = feedback_service.record(
            s,
            tenant_id,
            asked.feedback_token,
            "resolved",
            entry_id=target,
            client_hash=feedback_service.hash_client(f"192.0.2.{n}", "secret"),
            tokenize=platform.answering.factory.tokenizer.tokenize_query,
            policy=policy,
        )
    return out.why_not


def _agreed(platform: Platform, tenant_id: int) -> list[str]:
    with platform.db.read() as s:
        return sorted(x.text for x in feedback_service.active_lessons(s, tenant_id))


def _teach(platform: Platform, agreement: bool) -> tuple[int, int, list[str], list[str]]:
    """Five residents for the first wording, then two for each of the others."""
    tenant_id, target = _town(platform, agreement)
    why = [_resolve(platform, tenant_id, target, WORDINGS[0], n) for n in range(1, 6)]
    for i, q in enumerate(WORDINGS[1:], start=1):
        why += [_resolve(platform, tenant_id, target, q, 10 * i + n) for n in range(2)]
    return tenant_id, target, why, _agreed(platform, tenant_id)


def test_plain_cap_spends_the_budget_on_votes_that_change_nothing(platform: Platform) -> None:
    _tenant_id, _target, why, agreed = _teach(platform, agreement=False)
    assert why == ["", "", "", "", "entry_cap", "entry_cap", "entry_cap", "entry_cap", "entry_cap"]
    assert agreed == [WORDINGS[0]]


def test_only_votes_building_agreement_use_the_entry_budget(platform: Platform) -> None:
    tenant_id, target, why, agreed = _teach(platform, agreement=True)
    # The first wording's 3rd–5th residents change nothing anyone sees: no budget used; the
    # second wording reaches agreement; the budget (4 = two lessons' agreement) then stops the
    # third, exactly where an attacker spending 2 votes per lesson would be stopped.
    assert why == ["", "", "", "", "", "", "", "entry_cap", "entry_cap"]
    assert agreed == sorted(WORDINGS[:2])
    assert len(agreed) <= 4 // 2
    # A vote for a lesson already agreed still counts as its supporter (no budget needed).
    assert _resolve(platform, tenant_id, target, WORDINGS[0], 99) == ""
