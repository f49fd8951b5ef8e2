"""A rich menu generated from the tenant's popular questions and categories.

Top row: the three questions residents asked most in the last 90 days (a message action, so
tapping one asks it); bottom row: the two largest categories (a postback listing their
questions) and the language menu. The image is a plain six-tile grid drawn here (PNG, no
imaging library); a municipality can upload its own designed image of the same size instead.
"""

from __future__ import annotations

import struct
import zlib
from collections import Counter
from datetime import timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from jichitai_ai.channels.line import postback
from jichitai_ai.channels.line.client import LineClient
from jichitai_ai.domain.models import FaqEntry
from jichitai_ai.i18n import t
from jichitai_ai.services import faq as faq_service
from jichitai_ai.services.tenants import TenantInfo
from jichitai_ai.storage.tables import QuestionLog
from jichitai_ai.timeutil import utcnow

WIDTH, HEIGHT = 2500, 1686
COLUMNS, ROWS = 3, 2
POPULAR_DAYS = 90
TILE_COLORS = (
    (0x1F, 0x4E, 0x8C),
    (0x2E, 0x6D, 0xB4),
    (0x1F, 0x4E, 0x8C),
    (0x0B, 0x6E, 0x4F),
    (0x13, 0x8A, 0x63),
    (0x55, 0x55, 0x55),
)


def popular_entries(
    session: Session, tenant: TenantInfo, entries: list[FaqEntry], limit: int
) -> list[FaqEntry]:
    """Most answered (or chosen) entries lately; the first entries when nothing was asked yet."""
    since = utcnow() - timedelta(days=POPULAR_DAYS)
    by_id = {e.id: e for e in entries if e.language == "ja"}
    counts: Counter[int] = Counter()
    for column in (QuestionLog.answer_entry_id, QuestionLog.chosen_entry_id):
        rows = session.execute(
            select(column, func.count())
            .where(
                QuestionLog.tenant_id == tenant.id,
                QuestionLog.asked_at >= since,
                column.is_not(None),
            )
            .group_by(column)
        ).all()
        for entry_id, count in rows:
            if entry_id in by_id:
                counts[entry_id] += int(count)
    chosen = [by_id[i] for i, _ in counts.most_common(limit)]
    for entry in by_id.values():
        if len(chosen) >= limit:
            break
        if entry not in chosen:
            chosen.append(entry)
    return chosen


def top_categories(entries: list[FaqEntry], limit: int) -> list[str]:
    counts = Counter(e.category for e in entries if e.category and e.language == "ja")
    return [name for name, _ in counts.most_common(limit)]


def _bounds(index: int) -> dict[str, int]:
    width, height = WIDTH // COLUMNS, HEIGHT // ROWS
    column, row = index % COLUMNS, index // COLUMNS
    return {"x": column * width, "y": row * height, "width": width, "height": height}


def definition(session: Session, tenant: TenantInfo, lang: str = "ja") -> dict[str, Any]:
    """The rich menu object (POST /v2/bot/richmenu) for this tenant."""
    entries = faq_service.visible_entries(session, tenant.id, residents=True)
    areas: list[dict[str, Any]] = []
    for entry in popular_entries(session, tenant, entries, 3):
        label = entry.question if len(entry.question) <= 20 else entry.question[:19] + "…"
        areas.append({"type": "message", "label": label, "text": entry.question[:300]})
    for category in top_categories(entries, 2):
        areas.append(
            {
                "type": "postback",
                "label": category[:20],
                "data": postback.encode(postback.CATEGORY, c=category),
                "displayText": category,
            }
        )
    areas.append(
        {
            "type": "postback",
            "label": t("channels.language.menu", lang)[:20],
            "data": postback.encode(postback.LANGUAGE_MENU),
        }
    )
    return {
        "size": {"width": WIDTH, "height": HEIGHT},
        "selected": True,
        "name": f"jichitai-ai {tenant.slug}"[:300],
        "chatBarText": t("channels.line.menu_bar", lang)[:14],
        "areas": [{"bounds": _bounds(i), "action": action} for i, action in enumerate(areas)],
    }


def grid_png() -> bytes:
    """A 2500×1686 PNG of six coloured tiles with white gutters (about 20 KB)."""
    width, height = WIDTH // COLUMNS, HEIGHT // ROWS
    rows = []
    for y in range(HEIGHT):
        line = bytearray(b"\x00")
        for column in range(COLUMNS):
            color = TILE_COLORS[(y // height) * COLUMNS + column if y // height < ROWS else column]
            gutter = y % height < 6 or y % height >= height - 6
            pixel = bytes((255, 255, 255)) if gutter else bytes(color)
            edge = bytes((255, 255, 255)) * 6
            line += edge + pixel * (width - 12) + edge
        line += bytes((255, 255, 255)) * (WIDTH - COLUMNS * width)
        rows.append(bytes(line))
    raw = b"".join(rows)

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    header = struct.pack(">IIBBBBB", WIDTH, HEIGHT, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw, 9))
        + chunk(b"IEND", b"")
    )


def publish(
    client: LineClient, menu: dict[str, Any], image: bytes, media_type: str = "image/png"
) -> str:
    """Create the menu, upload its image and make it every friend's default; returns its id."""
    rich_menu_id = client.create_rich_menu(menu)
    client.upload_rich_menu_image(rich_menu_id, image, media_type)
    client.set_default_rich_menu(rich_menu_id)
    return rich_menu_id
