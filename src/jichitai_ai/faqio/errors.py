"""Error and warning values of FAQ import/export.

They carry a message key and params rather than text so the API can render
Japanese and English from the i18n catalogue (``faqio.toml``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from jichitai_ai.i18n import t


class FaqFileError(ValueError):
    """The whole file is unusable (encoding, format, limits, missing columns)."""

    def __init__(self, key: str, **params: object) -> None:
        self.key = key
        self.params: dict[str, object] = params
        super().__init__(t(key, "en", **params))

    def message(self, lang: str | None = None) -> str:
        return t(self.key, lang, **self.params)


@dataclass(frozen=True)
class RowError:
    """One bad cell; ``row`` is the row number the user sees in Excel (header = 1)."""

    row: int
    column: str
    key: str
    params: dict[str, object] = field(default_factory=dict)

    def message(self, lang: str | None = None) -> str:
        return t(self.key, lang, **self.params)


@dataclass(frozen=True)
class ParseWarning:
    """Something the import tolerated but the editor should know (``row`` 0 = whole file)."""

    key: str
    params: dict[str, object] = field(default_factory=dict)
    row: int = 0
    column: str = ""

    def message(self, lang: str | None = None) -> str:
        return t(self.key, lang, **self.params)
