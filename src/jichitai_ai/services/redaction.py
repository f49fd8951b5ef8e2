"""Masking of personal data before anything is stored in logs (質問ログ).

Questions are kept for improving the FAQ; personal data in them is not needed
for that, so it is replaced by placeholders before the row is written.
"""

from __future__ import annotations

import re

_DIGITS = "0-9０-９"
_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"[\w.+-]+[@＠][\w-]+(?:[.．][\w-]+)+"), "【メール】"),
    (
        re.compile(
            rf"(?<![{_DIGITS}])[{_DIGITS}]{{2,5}}[-－ー‐（(）)\s]?[{_DIGITS}]{{1,4}}[-－ー‐（(）)\s]?[{_DIGITS}]{{3,4}}(?![{_DIGITS}])"
        ),
        "【電話番号】",
    ),
    (re.compile(rf"(?<![{_DIGITS}])(?:[{_DIGITS}][\s-]?){{11}}[{_DIGITS}](?![{_DIGITS}])"), "【番号】"),
]


def redact_for_log(text: str) -> str:
    """Mask personal data for storage, using the full detector when it is installed."""
    try:
        from jichitai_ai.privacy import redact  # type: ignore[attr-defined]
    except ImportError:
        redact = None
    if redact is not None:
        return str(redact(text))
    for pattern, placeholder in _PATTERNS:
        text = pattern.sub(placeholder, text)
    return text
