"""プレビュー: what a resident asking this question would be told — the emergency card, a
hand-over to another authority, or the FAQ's own decision — by the answering service itself
(the question is not recorded), so staff check exactly what residents get."""

from __future__ import annotations

from dataclasses import dataclass, field

from jichitai_ai.domain.models import EmergencyContact
from jichitai_ai.services.answering import AnsweringService

MAX_CHARS = 300


@dataclass(frozen=True)
class Preview:
    question: str
    language: str
    decision: str
    emergency: list[EmergencyContact] = field(default_factory=list)
    authority: dict[str, str] | None = None
    answer: str = ""
    choices: list[str] = field(default_factory=list)
    contact: str = ""
    #: Without a dense embedder no question is handed to another authority.
    dense: bool = True


def preview(answering: AnsweringService, tenant_slug: str, question: str, language: str) -> Preview:
    result = answering.ask(tenant_slug, question, language=language, record=False, channel="test")
    contact = result.contact.name if result.contact else result.general_contact.get("name", "")
    return Preview(
        question=question,
        language=result.language,
        decision=str(result.decision),
        emergency=list(result.emergency),
        authority=result.other_authority,
        answer=result.answer.entry.question if result.answer else "",
        choices=[c.entry.question for c in result.choices],
        contact=contact,
        dense=answering.factory.embedder is not None,
    )
