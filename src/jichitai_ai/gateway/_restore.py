"""Restoring placeholders in a streamed answer, where 【氏名1】 may arrive split in pieces.

Text after an opening bracket is held back until the bracket closes (or grows too
long to be a placeholder), then restored and released.
"""

from __future__ import annotations

from ._privacy import MaskingSession

_OPEN = "【[［〔"
_CLOSE = "】]］〕"
_MAX_PLACEHOLDER = 16


def _safe_cut(text: str) -> int:
    """Length of the prefix that cannot contain the start of an unfinished placeholder."""
    for index in range(len(text) - 1, max(-1, len(text) - _MAX_PLACEHOLDER - 1), -1):
        char = text[index]
        if char in _CLOSE:
            return len(text)
        if char in _OPEN:
            return index
    return len(text)


class StreamRestorer:
    def __init__(self, vault: MaskingSession) -> None:
        self._vault = vault
        self._pending = ""

    def feed(self, delta: str) -> str:
        text = self._pending + delta
        cut = _safe_cut(text)
        self._pending = text[cut:]
        return self._vault.restore(text[:cut])

    def flush(self) -> str:
        text, self._pending = self._pending, ""
        return self._vault.restore(text)
