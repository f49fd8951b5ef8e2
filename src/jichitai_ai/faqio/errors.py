"""Error and warning values of FAQ import/export.

They carry a message key and params rather than text so the API can render
Japanese and English from the i18n catalogue (``faqio.toml``).
"""

from __future__ import annotations

import csv
import logging
from dataclasses import dataclass, field

from jichitai_ai.i18n import t

log = logging.getLogger(__name__)


class FaqFileError(ValueError):
    """The whole file is unusable (encoding, format, limits, missing columns)."""

    def __init__(self, key: str, **params: object) -> None:
        self.key = key
        self.params: dict[str, object] = params
        super().__init__(t(key, "en", **params))

    def message(self, lang: str | None = None) -> str:
        return t(self.key, lang, **self.params)


def field_too_large(exc: csv.Error) -> bool:
    """The csv module's only refusal of a file in practice: a field over its limit, mostly a
    quotation mark left open that joins the following lines into one field."""
    return str(exc).startswith("field larger than field limit")


def csv_error(exc: csv.Error, row: int) -> FaqFileError:
    """The error shown for a CSV the csv module refuses near ``row``: a catalogue message per
    failure class; the module's English (``field larger than field limit (131072)``) is only
    logged."""
    log.warning("CSV refused near line %d: %s", row, exc)
    if field_too_large(exc):
        return FaqFileError("faqio.csv_field_too_large", row=row, limit=csv.field_size_limit())
    return FaqFileError("faqio.csv_malformed", row=row)


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
