"""Messaging API message objects for an answer: Flex bubbles and quick replies.

Order matters for residents: the emergency card always comes first, then the answer (or
the choices, or the hand-over), then the feedback question as quick replies. Labels are
cut to LINE's limits (quick reply 20, button 40, altText 400 characters).
"""

from __future__ import annotations

from typing import Any

from jichitai_ai.channels.contacts import Handover, dial_digits, handover_of
from jichitai_ai.channels.line import postback
from jichitai_ai.domain.models import Decision, EmergencyContact
from jichitai_ai.i18n import t
from jichitai_ai.services.answering import AskResult, LocalizedEntry

EMERGENCY_RED = "#B00020"
HEADER_BLUE = "#1F4E8C"
MAX_ANSWER_CHARS = 1800
MAX_CHOICES = 5


def _cut(text: str, limit: int) -> str:
    text = " ".join(text.split()) if limit <= 40 else text.strip()
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _text(text: str, **style: Any) -> dict[str, Any]:
    return {"type": "text", "text": text or " ", "wrap": True, **style}


def _uri_button(label: str, uri: str, style: str = "link", color: str = "") -> dict[str, Any]:
    button: dict[str, Any] = {
        "type": "button",
        "style": style,
        "height": "sm",
        "action": {"type": "uri", "label": _cut(label, 40), "uri": uri},
    }
    if color:
        button["color"] = color
    return button


def _is_web(url: str) -> bool:
    return url.startswith(("https://", "http://")) and len(url) <= 1000


def _bubble(
    header: str, color: str, body: list[dict[str, Any]], footer: list[dict[str, Any]]
) -> dict[str, Any]:
    bubble: dict[str, Any] = {
        "type": "bubble",
        "header": {
            "type": "box",
            "layout": "vertical",
            "backgroundColor": color,
            "contents": [_text(header, weight="bold", color="#FFFFFF", size="md")],
        },
        "body": {"type": "box", "layout": "vertical", "spacing": "md", "contents": body},
    }
    if footer:
        bubble["footer"] = {
            "type": "box",
            "layout": "vertical",
            "spacing": "sm",
            "contents": footer,
        }
    return bubble


def flex(alt: str, bubble: dict[str, Any]) -> dict[str, Any]:
    return {"type": "flex", "altText": _cut(alt, 400), "contents": bubble}


def text_message(text: str, quick: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    message: dict[str, Any] = {"type": "text", "text": _cut(text, 5000)}
    if quick:
        message["quickReply"] = {"items": quick[:13]}
    return message


def quick_postback(label: str, data: str, display: str = "") -> dict[str, Any]:
    action: dict[str, Any] = {"type": "postback", "label": _cut(label, 20), "data": data}
    if display:
        action["displayText"] = _cut(display, 300)
    return {"type": "action", "action": action}


def emergency_card(contacts: list[EmergencyContact], lang: str) -> dict[str, Any]:
    body = [_text(t("channels.emergency.text", lang), size="md")]
    body += [_text(f"{c.label} {c.number}　{c.note}".strip(), size="sm") for c in contacts]
    buttons = [
        _uri_button(
            t("channels.emergency.call", lang, label=c.label, number=c.number),
            f"tel:{dial_digits(c.number)}",
            style="primary",
            color=EMERGENCY_RED,
        )
        for c in contacts
        if dial_digits(c.number)
    ]
    header = t("channels.emergency.heading", lang)
    alt = header + " " + " / ".join(f"{c.label} {c.number}" for c in contacts)
    return flex(alt, _bubble(header, EMERGENCY_RED, body, buttons))


def _department_rows(
    handover: Handover, lang: str
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    rows: list[dict[str, Any]] = []
    if handover.name:
        rows.append(_text(handover.name, weight="bold", size="sm"))
    if handover.phone:
        rows.append(_text(t("channels.department.phone", lang, phone=handover.phone), size="sm"))
    if handover.hours:
        rows.append(_text(t("channels.department.hours", lang, hours=handover.hours), size="xs"))
    buttons = []
    if handover.dial:
        buttons.append(
            _uri_button(
                t("channels.department.call", lang, name=handover.name or handover.phone),
                f"tel:{handover.dial}",
                style="secondary",
            )
        )
    return rows, buttons


def answer_card(item: LocalizedEntry, lang: str, handover: Handover | None) -> dict[str, Any]:
    entry = item.entry
    body: list[dict[str, Any]] = [_text(entry.question, weight="bold", size="md")]
    if not item.translated and lang not in ("ja", "ja-easy"):
        body.append(_text(t("channels.only_japanese", lang), size="xs", color="#555555"))
    body.append(_text(_cut(entry.answer, MAX_ANSWER_CHARS), size="sm"))
    body.append(_text(t("channels.answer.may_be_wrong", lang), size="xxs", color="#555555"))
    footer: list[dict[str, Any]] = []
    if entry.source_url and _is_web(entry.source_url):
        footer.append(_uri_button(t("channels.answer.source", lang), entry.source_url))
    if handover is not None and not handover.general:
        rows, buttons = _department_rows(handover, lang)
        body.append({"type": "separator"})
        body.append(_text(t("channels.department.heading", lang), size="xs", color="#555555"))
        body += rows
        footer += buttons
    header = t("channels.answer.heading", lang)
    return flex(f"{entry.question}\n{entry.answer}", _bubble(header, HEADER_BLUE, body, footer))


def handover_card(handover: Handover | None, lang: str) -> dict[str, Any]:
    header = t("channels.handover.heading", lang)
    body = [_text(t("channels.handover.text", lang), size="sm")]
    footer: list[dict[str, Any]] = []
    if handover is not None:
        rows, footer = _department_rows(handover, lang)
        body += rows
    alt = header + (f" {handover.name} {handover.phone}" if handover else "")
    return flex(alt, _bubble(header, HEADER_BLUE, body, footer))


def feedback_quick(
    question_id: int, token: str, lang: str, entry_id: int = 0
) -> list[dict[str, Any]]:
    items = []
    for kind in ("resolved", "not_resolved"):
        label = t(f"channels.feedback.{kind}", lang)
        data = postback.encode(postback.FEEDBACK, q=question_id, k=kind, e=entry_id or "", t=token)
        items.append(quick_postback(label, data, label))
    return items


def more_quick(question_id: int, token: str, lang: str) -> list[dict[str, Any]]:
    """「他の候補を見る」 (as on the web page): further candidates the resident may pick, which
    is how a resident teaches an entry that was not shown (docs/learning.md)."""
    if not question_id or not token:
        return []
    label = t("resident.more.button", lang)
    return [quick_postback(label, postback.encode(postback.MORE, q=question_id, t=token), label)]


def with_quick(message: dict[str, Any], quick: list[dict[str, Any]]) -> dict[str, Any]:
    """The message with quick replies (LINE shows those of the last message only)."""
    if quick:
        message = {**message, "quickReply": {"items": quick[:13]}}
    return message


def _choices_message(
    prompt: str, choices: list[LocalizedEntry], question_id: int, token: str
) -> dict[str, Any]:
    choices = choices[:MAX_CHOICES]
    lines = [prompt]
    lines += [f"{n}. {c.entry.question}" for n, c in enumerate(choices, 1)]
    quick = [
        quick_postback(
            f"{n}. {c.entry.question}",
            postback.encode(postback.CHOOSE, q=question_id, e=c.entry.id, t=token),
            c.entry.question,
        )
        for n, c in enumerate(choices, 1)
    ]
    return text_message("\n".join(lines), quick)


def clarify_message(result: AskResult, lang: str) -> dict[str, Any]:
    message = _choices_message(
        t("channels.clarify.prompt", lang),
        result.choices,
        result.question_id,
        result.feedback_token,
    )
    # None of them fits: 他の候補 after the choices.
    quick = message.get("quickReply", {}).get("items", [])
    return with_quick(message, quick + more_quick(result.question_id, result.feedback_token, lang))


def more_messages(
    items: list[LocalizedEntry], question_id: int, token: str, lang: str
) -> list[dict[str, Any]]:
    """The further candidates as choices (picking one is an ordinary choice bound to the
    token), or that there are none."""
    if not items:
        return [text_message(t("ask.more.none", lang))]
    return [_choices_message(t("ask.more.found", lang), items, question_id, token)]


def answer_messages(result: AskResult, lang: str) -> list[dict[str, Any]]:
    """Everything one question gets back, emergency first (at most 5 messages)."""
    messages: list[dict[str, Any]] = []
    if result.emergency:
        messages.append(emergency_card(result.emergency, lang))
    if result.decision is Decision.EMERGENCY and not (result.answer or result.choices):
        return messages or [handover_card(handover_of(result), lang)]
    if result.answer is not None:
        messages.append(answer_card(result.answer, lang, handover_of(result)))
        messages.append(
            text_message(
                t("channels.feedback.question", lang),
                feedback_quick(
                    result.question_id, result.feedback_token, lang, result.answer.entry.id
                ),
            )
        )
    elif result.choices:
        messages.append(clarify_message(result, lang))
    else:
        card = handover_card(handover_of(result), lang)
        messages.append(
            with_quick(card, more_quick(result.question_id, result.feedback_token, lang))
        )
    return messages[:5]


def chosen_messages(
    item: LocalizedEntry, question_id: int, token: str, lang: str, handover: Handover | None
) -> list[dict[str, Any]]:
    return [
        answer_card(item, lang, handover),
        text_message(
            t("channels.feedback.question", lang),
            feedback_quick(question_id, token, lang, item.entry.id),
        ),
    ]
