"""Every console message exists in Japanese and English, and every key the templates use exists."""

from __future__ import annotations

import re
from pathlib import Path

from jichitai_ai.i18n import catalog

SRC = Path(__file__).resolve().parents[2] / "src/jichitai_ai"
KEY_RE = re.compile(r"""t\(\s*['"](console\.[a-z0-9_.-]+)['"]""")
DYNAMIC = {
    "console.status.": ("draft", "published", "archived"),
    "console.action.": ("draft", "published", "archived"),
    "console.origin.": ("own", "override", "inherited", "hidden"),
    "console.role.": ("editor", "admin", "auditor"),
    "console.language.": ("ja", "en", "zh-Hans", "zh-Hant", "ko", "ja-easy"),
    "console.done.": (
        "created",
        "saved",
        "published",
        "draft",
        "archived",
        "reverted",
        "overridden",
        "hidden",
        "unhidden",
        "reset",
        "settings",
        "approve",
        "reject",
    ),
    "console.learning.decision.": ("answer", "clarify", "no_answer"),
    "console.learning.status.": ("learning", "active", "proposed", "approved", "rejected"),
    "console.learning.policy.": ("auto", "review", "off"),
}


def _used_keys() -> set[str]:
    files = [
        *SRC.joinpath("web/templates/console").glob("*.html"),
        *SRC.joinpath("web/console").glob("*.py"),
    ]
    text = "".join(f.read_text(encoding="utf-8") for f in files)
    keys = {key for key in KEY_RE.findall(text) if not key.endswith(".")}
    keys |= {prefix + suffix for prefix, suffixes in DYNAMIC.items() for suffix in suffixes}
    return keys


def test_every_used_key_exists() -> None:
    messages = catalog()
    missing = sorted(k for k in _used_keys() if k not in messages)
    assert missing == []
    assert len(_used_keys()) > 150


def test_console_messages_are_japanese_first_and_english() -> None:
    console = {k: v for k, v in catalog().items() if k.startswith("console.")}
    assert console
    for key, texts in console.items():
        assert list(texts)[:2] == ["ja", "en"], key
        assert texts["ja"].strip() and texts["en"].strip(), key
