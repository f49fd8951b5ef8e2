"""The spoken dialogue shared by the kiosk and the telephone: what to show and what to say.

It asks the same answering service as every channel and turns the result into a
:class:`VoiceTurn` — emergency numbers first, then the answer (its spoken text if staff
wrote one, else a short version), or the choices as 「1番…、2番…」, or the hand-over.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from sqlalchemy import select

from jichitai_ai.channels.contacts import Handover, handover_of
from jichitai_ai.channels.tables import SpokenText
from jichitai_ai.channels.voice import speech
from jichitai_ai.domain.models import Decision, EmergencyContact
from jichitai_ai.i18n import t
from jichitai_ai.services import feedback as feedback_service
from jichitai_ai.services import tenants as tenant_service
from jichitai_ai.services.answering import AskResult, LocalizedEntry
from jichitai_ai.services.errors import NotFound
from jichitai_ai.services.platform import Platform
from jichitai_ai.services.session_keys import hash_session_key
from jichitai_ai.storage.tables import QuestionLog
from jichitai_ai.timeutil import utcnow

Kind = Literal["answer", "clarify", "handover"]
MAX_CHOICES = 4  # more is too many to remember when heard


@dataclass
class VoiceTurn:
    kind: Kind
    question_id: int
    token: str
    language: str
    say: str
    emergency: list[EmergencyContact] = field(default_factory=list)
    answer: LocalizedEntry | None = None
    choices: list[LocalizedEntry] = field(default_factory=list)
    handover: Handover | None = None


def spoken_texts(platform: Platform, slug: str, external_ids: list[str]) -> dict[str, str]:
    """Staff-written spoken texts, nearest tenant in the chain first (inherited entries too)."""
    if not external_ids:
        return {}
    with platform.db.read() as session:
        tenant = tenant_service.get_tenant(session, slug)
        rows = session.execute(
            select(SpokenText).where(
                SpokenText.tenant_id.in_(tenant.chain), SpokenText.external_id.in_(external_ids)
            )
        ).scalars()
        order = {tid: n for n, tid in enumerate(tenant.chain)}
        best: dict[str, tuple[int, str]] = {}
        for row in rows:
            rank = order.get(row.tenant_id, 99)
            if row.external_id not in best or rank < best[row.external_id][0]:
                best[row.external_id] = (rank, row.text)
    return {k: v for k, (_, v) in best.items()}


def set_spoken_text(platform: Platform, slug: str, external_id: str, text: str) -> None:
    with platform.db.write() as session:
        tenant = tenant_service.get_tenant(session, slug)
        row = session.execute(
            select(SpokenText).where(
                SpokenText.tenant_id == tenant.id, SpokenText.external_id == external_id
            )
        ).scalar_one_or_none()
        if not text.strip():
            if row is not None:
                session.delete(row)
            return
        if row is None:
            row = SpokenText(tenant_id=tenant.id, external_id=external_id[:100], text="")
            session.add(row)
        row.text = text.strip()[:2000]
        row.updated_at = utcnow()


def _say_emergency(contacts: list[EmergencyContact], lang: str) -> str:
    return "".join(
        t("channels.voice.emergency", lang, label=c.label, number=speech.read_digits(c.number))
        for c in contacts
    )


def _say_handover(handover: Handover | None, lang: str) -> str:
    if handover is None or not (handover.name or handover.phone):
        return t("channels.voice.no_answer", lang)
    return t(
        "channels.voice.handover",
        lang,
        name=handover.name,
        phone=speech.read_digits(handover.phone) if handover.phone else "",
    )


class VoiceDialogue:
    def __init__(self, platform: Platform, channel: str) -> None:
        self.platform = platform
        self.channel = channel

    def _answer_turn(
        self, slug: str, result: AskResult, item: LocalizedEntry, handover: Handover | None
    ) -> VoiceTurn:
        own = spoken_texts(self.platform, slug, [item.entry.external_id]).get(
            item.entry.external_id, ""
        )
        say = speech.spoken_answer(item.entry.answer, own)
        if handover is not None and handover.phone and not handover.general:
            say += t(
                "channels.voice.department",
                result.language,
                name=handover.name,
                phone=speech.read_digits(handover.phone),
            )
        return VoiceTurn(
            "answer",
            result.question_id,
            result.feedback_token,
            result.language,
            say,
            answer=item,
            handover=handover,
        )

    def turn(self, slug: str, result: AskResult) -> VoiceTurn:
        lang = result.language
        prefix = _say_emergency(result.emergency, lang) if result.emergency else ""
        handover = handover_of(result)
        if result.answer is not None:
            turn = self._answer_turn(slug, result, result.answer, handover)
        elif result.choices:
            choices = result.choices[:MAX_CHOICES]
            say = speech.choices_prompt(
                [c.entry.question for c in choices], t("channels.voice.clarify", lang)
            )
            turn = VoiceTurn(
                "clarify", result.question_id, result.feedback_token, lang, say, choices=choices
            )
        elif result.decision is Decision.EMERGENCY:
            turn = VoiceTurn(
                "handover", result.question_id, result.feedback_token, lang, "", handover=handover
            )
        else:
            turn = VoiceTurn(
                "handover",
                result.question_id,
                result.feedback_token,
                lang,
                _say_handover(handover, lang),
                handover=handover,
            )
        turn.emergency = list(result.emergency)
        turn.say = prefix + turn.say
        return turn

    def ask(self, slug: str, text: str, session_key: str, lang: str = "ja") -> VoiceTurn:
        result = self.platform.answering.ask(
            slug, text, language=lang, session_key=session_key, channel=self.channel
        )
        return self.turn(slug, result)

    def choose(
        self,
        slug: str,
        question_id: int,
        entry_id: int,
        session_key: str,
        token: str = "",
        lang: str = "ja",
    ) -> VoiceTurn:
        item = self.platform.answering.choose(
            slug, token, entry_id, language=lang, client_address=session_key
        )
        result = AskResult(
            question_id=question_id,
            decision=Decision.ANSWER,
            language=lang,
            answer=item,
            feedback_token=token,
        )
        with self.platform.db.read() as session:
            result.general_contact = tenant_service.get_tenant(session, slug).general_contact()
        return self._answer_turn(slug, result, item, handover_of(result))

    def _own(self, slug: str, question_id: int, session_key: str) -> None:
        """Only the session (kiosk visit or call) that asked the question may act on it."""
        with self.platform.db.read() as session:
            tenant = tenant_service.get_tenant(session, slug)
            row = session.get(QuestionLog, question_id)
            if (
                row is None
                or row.tenant_id != tenant.id
                or row.session_key != hash_session_key(session_key)
            ):
                raise NotFound("ask.unknown_question")

    def more(
        self, slug: str, question_id: int, session_key: str, token: str, lang: str = "ja"
    ) -> VoiceTurn:
        """「他の候補を見る」 (as on the web and LINE): the further candidates of the question's
        logged ranking as numbered choices (picking one is an ordinary choice bound to the
        token), or the hand-over when there are none."""
        self._own(slug, question_id, session_key)
        items = feedback_service.offer_more(self.platform.answering, slug, token, language=lang)
        if not items:
            return VoiceTurn(
                "handover", question_id, token, lang, t("ask.more.none", lang), handover=None
            )
        choices = items[:MAX_CHOICES]
        say = speech.choices_prompt([c.entry.question for c in choices], t("ask.more.found", lang))
        return VoiceTurn("clarify", question_id, token, lang, say, choices=choices)

    def feedback(
        self, slug: str, question_id: int, entry_id: int, kind: str, session_key: str, token: str
    ) -> None:
        """Record a vote bound to the answer's token, only from the session (kiosk visit or
        call) that asked the question."""
        self._own(slug, question_id, session_key)
        feedback_service.submit(
            self.platform.answering,
            slug,
            token,
            kind,
            entry_id=entry_id,
            client_address=session_key,
        )
