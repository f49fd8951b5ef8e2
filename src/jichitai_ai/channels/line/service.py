"""One LINE conversation step: an event in, messages out (reply, or push when the token is spent).

The webhook route only verifies and records events; this service answers them after the
HTTP response has gone back to LINE, so LINE never waits on retrieval or on its own API.
"""

from __future__ import annotations

import logging
import unicodedata
import uuid
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from jichitai_ai.channels import credentials
from jichitai_ai.channels.contacts import Handover
from jichitai_ai.channels.line import cards, events, postback, users
from jichitai_ai.channels.line.client import LineApiError, LineClient, LineOptions
from jichitai_ai.gateway._config import retention_of
from jichitai_ai.i18n import LANGUAGES, catalog, t
from jichitai_ai.services import faq as faq_service
from jichitai_ai.services import feedback as feedback_service
from jichitai_ai.services import tenants as tenant_service
from jichitai_ai.services.errors import ServiceError
from jichitai_ai.services.platform import Platform
from jichitai_ai.services.session_keys import hash_session_key
from jichitai_ai.services.tenants import TenantInfo
from jichitai_ai.storage.tables import QuestionLog
from jichitai_ai.web.input_guard import strip_control_text

log = logging.getLogger(__name__)

CHANNEL = "line"
SECRET = "channel_secret"
TOKEN = "access_token"
#: Messages that open the language menu (a resident can also use the rich menu).
LANGUAGE_COMMANDS = {
    "言語",
    "げんご",
    "language",
    "languages",
    "lang",
    "言語設定",
    "语言",
    "語言",
    "언어",
}
LANGUAGE_NAMES = {
    "ja": "日本語",
    "ja-easy": "やさしいにほんご",
    "en": "English",
    "zh-Hans": "简体中文",
    "zh-Hant": "繁體中文",
    "ko": "한국어",
}
NAMESPACE = uuid.UUID("6f1d7c7e-8a43-4a55-9d0c-2b3a4f0e1c11")


@dataclass
class LineAccount:
    tenant: TenantInfo
    secret: str
    token: str


class LineService:
    def __init__(self, platform: Platform, options: LineOptions | None = None) -> None:
        self.platform = platform
        self.options = options or LineOptions.from_settings(platform.settings)
        #: Events older than this are refused as possible replays; retention deletes recorded
        #: event ids past it (``[gateway.retention] line_events_days``, hr6).
        self.replay_window = timedelta(days=retention_of(platform.settings).line_events_days)

    # --- set-up ---------------------------------------------------------------------------

    def account(self, slug: str) -> LineAccount | None:
        """The tenant's LINE credentials, or None when LINE is not set up for it."""
        with self.platform.db.read() as session:
            tenant = tenant_service.get_tenant(session, slug)
            settings = self.platform.settings
            secret = credentials.load(session, settings, tenant.id, CHANNEL, SECRET)
            token = credentials.load(session, settings, tenant.id, CHANNEL, TOKEN)
        if not secret or not token:
            return None
        return LineAccount(tenant, secret, token)

    def client(self, account: LineAccount) -> LineClient:
        return LineClient(account.token, self.options)

    # --- events -------------------------------------------------------------------------

    def process(self, account: LineAccount, batch: list[dict[str, Any]]) -> None:
        """Answer claimed events in order; a failure marks the event for redelivery."""
        client = self.client(account)
        for event in batch:
            try:
                messages = self.respond(account, client, event)
                if messages:
                    self.deliver(client, event, messages)
            except Exception:
                log.exception("LINE event %s failed", event.get("webhookEventId"))
                events.finish(self.platform.db, account.tenant.id, event, events.FAILED)
            else:
                events.finish(self.platform.db, account.tenant.id, event, events.DONE)

    def deliver(
        self, client: LineClient, event: dict[str, Any], messages: list[dict[str, Any]]
    ) -> str:
        """Reply with the token; push when it is missing, spent or expired. Returns how."""
        token = event.get("replyToken")
        if isinstance(token, str) and token:
            try:
                client.reply(token, messages)
                return "reply"
            except LineApiError as exc:
                if exc.status != 400:
                    raise
                log.info("reply token refused (%s); pushing instead", exc.status)
        target = _target(event)
        if not target:
            return "none"
        key = str(uuid.uuid5(NAMESPACE, str(event.get("webhookEventId") or uuid.uuid4())))
        client.push(target, messages, retry_key=key)
        return "push"

    def respond(
        self, account: LineAccount, client: LineClient, event: dict[str, Any]
    ) -> list[dict[str, Any]]:
        user_id = _user_id(event)
        if not user_id:
            return []
        kind = event.get("type")
        lang = self.language(account, client, user_id)
        if kind == "follow":
            return self.welcome(account.tenant, lang)
        if kind == "postback":
            data = postback.decode(str((event.get("postback") or {}).get("data", "")))
            return self.on_postback(account.tenant, user_id, lang, data)
        if kind != "message":
            return []
        message = event.get("message") or {}
        if message.get("type") != "text":
            return [cards.text_message(t("channels.line.text_only", lang))]
        # The webhook lets control characters through (a batch holds other residents'
        # events); no question needs them, and PostgreSQL cannot store NUL.
        text = strip_control_text(str(message.get("text", "")))
        if _command(text) in LANGUAGE_COMMANDS:
            return [self.language_menu(lang)]
        return self.ask(account.tenant, user_id, lang, text)

    def language(self, account: LineAccount, client: LineClient, user_id: str) -> str:
        """The chosen language; else the LINE app's language from the profile (asked once)."""
        tenant_id = account.tenant.id
        with self.platform.db.read() as session:
            row = users.stored_language(session, tenant_id, user_id)
            known = None if row is None else (row.language, users.due_for_sighting(row))
        if known is not None:
            if known[1]:  # retention counts "not seen" from updated_at (hr6)
                with self.platform.db.write() as session:
                    users.seen(session, tenant_id, user_id)
            return known[0]
        try:
            lang = users.profile_language(str(client.profile(user_id).get("language") or ""))
        except (LineApiError, ValueError, OSError):
            lang = "ja"
        with self.platform.db.write() as session:
            return users.remember_language(session, tenant_id, user_id, lang, chosen=False)

    # --- answers ------------------------------------------------------------------------

    def ask(self, tenant: TenantInfo, user_id: str, lang: str, text: str) -> list[dict[str, Any]]:
        try:
            result = self.platform.answering.ask(
                tenant.slug,
                text,
                language=lang,
                session_key=users.session_key(tenant.id, user_id),
                channel=CHANNEL,
            )
        except ServiceError as exc:
            return [cards.text_message(error_text(exc, lang))]
        return cards.answer_messages(result, lang)

    def _owned(self, tenant: TenantInfo, user_id: str, question_id: int) -> bool:
        """A postback may only act on a question this friend asked (defence in depth)."""
        with self.platform.db.read() as session:
            row = session.get(QuestionLog, question_id)
            return (
                row is not None
                and row.tenant_id == tenant.id
                and row.session_key == hash_session_key(users.session_key(tenant.id, user_id))
            )

    def _department(self, tenant: TenantInfo, entry_id: int) -> Handover | None:
        with self.platform.db.read() as session:
            index = self.platform.answering.index_for(session, tenant)
        try:
            entry = index.entry(entry_id)
        except (KeyError, IndexError):
            entry = None
        department = entry.department if entry is not None else None
        if department is not None and (department.name or department.phone):
            return Handover(department.name, department.phone, department.hours, general=False)
        general = tenant.general_contact()
        if general.get("name") or general.get("phone"):
            return Handover(
                general.get("name", ""), general.get("phone", ""), general.get("hours", ""), True
            )
        return None

    def on_postback(
        self, tenant: TenantInfo, user_id: str, lang: str, data: dict[str, str]
    ) -> list[dict[str, Any]]:
        action = data.get("a", "")
        if action == postback.LANGUAGE_MENU:
            return [self.language_menu(lang)]
        if action == postback.LANGUAGE:
            return self.switch_language(tenant, user_id, data.get("l", ""))
        if action == postback.CATEGORY:
            return [self.category_menu(tenant, data.get("c", ""), lang)]
        try:
            question_id = int(data.get("q", "0"))
            entry_id = int(data.get("e", "0") or 0)
        except ValueError:
            question_id = entry_id = 0
        if not question_id or not self._owned(tenant, user_id, question_id):
            return [cards.text_message(t("channels.error.expired", lang))]
        token = data.get("t", "")
        # One LINE friend counts as one resident in learning (hashed there with the server key).
        client = users.session_key(tenant.id, user_id)
        try:
            if action == postback.CHOOSE:
                item = self.platform.answering.choose(
                    tenant.slug, token, entry_id, language=lang, client_address=client
                )
                handover = self._department(tenant, item.entry.id)
                return cards.chosen_messages(item, question_id, token, lang, handover)
            if action == postback.FEEDBACK:
                kind = data.get("k", "")
                feedback_service.submit(
                    self.platform.answering,
                    tenant.slug,
                    token,
                    kind,
                    entry_id=entry_id or None,
                    client_address=client,
                )
                thanks = cards.text_message(t("channels.feedback.thanks", lang))
                if kind == "not_resolved":
                    card = cards.handover_card(self._department(tenant, entry_id), lang)
                    more = cards.more_quick(question_id, token, lang)
                    return [thanks, cards.with_quick(card, more)]
                return [thanks]
            if action == postback.MORE:
                items = feedback_service.offer_more(
                    self.platform.answering, tenant.slug, token, language=lang
                )
                return cards.more_messages(items, question_id, token, lang)
        except ServiceError:
            return [cards.text_message(t("channels.error.expired", lang))]
        return []

    # --- menus and greetings ------------------------------------------------------------

    def language_menu(self, lang: str) -> dict[str, Any]:
        quick = [
            cards.quick_postback(name, postback.encode(postback.LANGUAGE, l=code), name)
            for code, name in LANGUAGE_NAMES.items()
        ]
        return cards.text_message(t("channels.language.prompt", lang), quick)

    def switch_language(self, tenant: TenantInfo, user_id: str, code: str) -> list[dict[str, Any]]:
        if code not in LANGUAGES:
            code = "ja"
        with self.platform.db.write() as session:
            lang = users.remember_language(session, tenant.id, user_id, code, chosen=True)
        return [
            cards.text_message(t("channels.language.switched", lang, name=LANGUAGE_NAMES[lang]))
        ]

    def category_menu(self, tenant: TenantInfo, category: str, lang: str) -> dict[str, Any]:
        with self.platform.db.read() as session:
            entries = [
                e
                for e in faq_service.visible_entries(session, tenant.id, residents=True)
                if e.category == category and e.language == "ja"
            ]
        quick = [
            {
                "type": "action",
                "action": {
                    "type": "message",
                    "label": cards._cut(e.question, 20),
                    "text": e.question[:300],
                },
            }
            for e in entries[:13]
        ]
        if not quick:
            return cards.text_message(t("channels.category.empty", lang, category=category))
        return cards.text_message(t("channels.category.prompt", lang, category=category), quick)

    def welcome(self, tenant: TenantInfo, lang: str) -> list[dict[str, Any]]:
        name = tenant.name_for(lang)
        return [
            cards.text_message(t("channels.line.welcome", lang, tenant=name)),
            self.language_menu(lang),
        ]


def _user_id(event: dict[str, Any]) -> str:
    source = event.get("source") or {}
    return str(source.get("userId") or "") if isinstance(source, dict) else ""


def _target(event: dict[str, Any]) -> str:
    source = event.get("source") or {}
    if not isinstance(source, dict):
        return ""
    kind = source.get("type")
    if kind == "group":
        return str(source.get("groupId") or "")
    if kind == "room":
        return str(source.get("roomId") or "")
    return str(source.get("userId") or "")


def _command(text: str) -> str:
    return unicodedata.normalize("NFKC", text).strip().lower()


def error_text(exc: ServiceError, lang: str) -> str:
    key = f"channels.error.{exc.key}"
    if key not in catalog():
        key = "channels.error.generic"
    return t(key, lang, **exc.params)
