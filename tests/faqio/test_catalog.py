"""Every message key the faqio code uses exists in Japanese and English."""

from __future__ import annotations

import re
from pathlib import Path

import jichitai_ai.faqio as faqio
from jichitai_ai.i18n import catalog


def test_all_faqio_keys_are_translated() -> None:
    source = "".join(
        p.read_text(encoding="utf-8") for p in Path(faqio.__file__).parent.glob("*.py")
    )
    used = set(re.findall(r"\"(faqio\.[a-z_]+)\"", source))
    assert len(used) > 20
    messages = catalog()
    missing = sorted(k for k in used if k not in messages or "en" not in messages[k])
    assert missing == []
    unused = sorted(k for k in messages if k.startswith("faqio.") and k not in used)
    assert unused == []
