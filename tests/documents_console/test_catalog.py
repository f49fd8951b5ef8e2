"""Every message the documents pages use exists, in Japanese first and then English."""

from __future__ import annotations

import re
from pathlib import Path

from jichitai_ai.documents.console.routes_library import DONE, VISIBILITIES
from jichitai_ai.documents.console.views import FALLBACKS
from jichitai_ai.i18n import catalog

SRC = Path(__file__).resolve().parents[2] / "src/jichitai_ai"
KEY_RE = re.compile(r"""['"](documents_console\.[a-z0-9_.]+)['"]""")
DYNAMIC = {
    "documents_console.status.": ("indexed", "unchanged", "needs_ocr", "error"),
    "documents_console.visibility.": VISIBILITIES,
    "documents_console.visibility_hint.": VISIBILITIES,
    "documents_console.fallback.": (*FALLBACKS, "other"),
    "documents_console.done.": tuple(d for d in DONE if d != "drafts"),
    "documents_console.answer.heading_": ("extractive", "generative"),
}


def _used_keys() -> set[str]:
    files = [
        *SRC.joinpath("web/templates/documents_console").glob("*.html"),
        *SRC.joinpath("documents/console").glob("*.py"),
    ]
    text = "".join(f.read_text(encoding="utf-8") for f in files)
    keys = {k for k in KEY_RE.findall(text) if not k.endswith((".", "_"))}
    return keys | {prefix + s for prefix, suffixes in DYNAMIC.items() for s in suffixes}


def test_every_used_key_exists_in_japanese_then_english() -> None:
    messages = catalog()
    used = _used_keys()
    assert len(used) > 60
    assert sorted(k for k in used if k not in messages) == []
    for key in used:
        assert list(messages[key])[:2] == ["ja", "en"], key
        assert messages[key]["ja"].strip() and messages[key]["en"].strip(), key
