"""Every UI string of the resident side exists in all its languages, and every key used exists."""

from __future__ import annotations

import re
from pathlib import Path

from jichitai_ai.i18n import catalog
from jichitai_ai.web.resident.rendering import SCRIPT_KEYS, STATIC_DIR, TEMPLATES_DIR
from jichitai_ai.web.resident.widget import WIDGET_KEYS

LANGS = {"ja", "en", "zh-Hans", "zh-Hant", "ko", "ja-easy"}
SRC = Path(__file__).resolve().parents[2] / "src" / "jichitai_ai" / "web" / "resident"


def test_resident_messages_in_every_language() -> None:
    messages = {k: v for k, v in catalog().items() if k.startswith("resident.")}
    assert len(messages) > 40
    missing = {k: sorted(LANGS - set(v)) for k, v in messages.items() if LANGS - set(v)}
    assert missing == {}
    for key, texts in messages.items():
        placeholders = {frozenset(re.findall(r"\{(\w+)\}", text)) for text in texts.values()}
        assert len(placeholders) == 1, f"{key}: placeholders differ between languages"


def test_every_key_used_is_defined() -> None:
    sources = [p.read_text(encoding="utf-8") for p in (TEMPLATES_DIR / "resident").glob("*.html")]
    sources += [p.read_text(encoding="utf-8") for p in SRC.glob("*.py")]
    used = set()
    for text in sources:
        used |= set(re.findall(r"['\"](resident\.[a-z_.]+[a-z_])['\"]", text))
    used |= set(SCRIPT_KEYS) | set(WIDGET_KEYS)
    script = (STATIC_DIR / "chat.js").read_text(encoding="utf-8")
    in_script = {"resident." + k for k in re.findall(r'S\["([a-z_.]+)"\]', script)}
    assert in_script and in_script <= set(SCRIPT_KEYS)  # the page hands the script these
    assert len(used) > 40
    assert sorted(used - set(catalog())) == []
