"""Every message of the area exists, Japanese first and English second, and every key the
pages, templates and errors use is in the catalogue."""

from __future__ import annotations

import re
from pathlib import Path

from jichitai_ai.contact_settings.forms import KINDS
from jichitai_ai.contact_settings.store import KEYS
from jichitai_ai.i18n import catalog

SRC = Path(__file__).resolve().parents[2] / "src/jichitai_ai"
KEY_RE = re.compile(r"""['"](contact_settings\.[a-z0-9_.]+[a-z0-9_])['"]""")
DYNAMIC = {
    "contact_settings.done.": ("added", "saved", "deleted", "reset", "imported"),
    "contact_settings.action.": ("added", "saved", "deleted", "reset", "imported"),
    "contact_settings.kind.": KINDS,
    "contact_settings.key.": KEYS,
    "contact_settings.field.": (
        "number",
        "label",
        "note",
        "name",
        "topics",
        "words",
        "exclusive_words",
        "phone",
    ),
    "contact_settings.emergency.": ("new", "edit"),
    "contact_settings.authorities.": ("new", "edit"),
}


def _used_keys() -> set[str]:
    files = [
        *SRC.joinpath("contact_settings").glob("*.py"),
        SRC / "web/templates/console/contact_settings.html",
        SRC / "web/templates/console/contact_item.html",
        SRC / "web/templates/console/base.html",
    ]
    text = "".join(f.read_text(encoding="utf-8") for f in files)
    keys = set(KEY_RE.findall(text))
    keys |= {prefix + suffix for prefix, suffixes in DYNAMIC.items() for suffix in suffixes}
    return keys


def test_every_used_key_exists() -> None:
    used = _used_keys()
    assert len(used) > 80
    assert sorted(k for k in used if k not in catalog()) == []


def test_messages_are_japanese_first_then_english() -> None:
    own = {k: v for k, v in catalog().items() if k.startswith("contact_settings.")}
    for key, texts in own.items():
        assert list(texts)[:2] == ["ja", "en"], key
        assert texts["ja"].strip() and texts["en"].strip(), key
