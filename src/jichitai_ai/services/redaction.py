"""Masking of personal data before anything is stored in logs (質問ログ).

Questions are kept for improving the FAQ; personal data in them is not needed
for that, so it is replaced by placeholders (【氏名1】, 【電話番号1】 …) by the
privacy detector before the row is written.
"""

from __future__ import annotations

from jichitai_ai.privacy import redact


def redact_for_log(text: str) -> str:
    """Mask personal data for storage in the question log."""
    return redact(text)
