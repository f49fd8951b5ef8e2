"""Cell text hygiene shared by import and export.

Invariant of every imported string: no control characters except tab and
newline, newlines are ``\\n``, no leading/trailing whitespace. Export relies on
it, which is what makes ``parse(write(records)) == records`` exact.
"""

from __future__ import annotations

import re

# C0/C1 controls except \t and \n, bidi overrides (Trojan-source style
# spoofing), BOM, and Unicode noncharacters (illegal in XLSX's XML).
_STRIP_RE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ufeff\ufdd0-\ufdef\ufffe\uffff]"
)
_NEWLINE_RE = re.compile("\r\n?")

#: A cell starting with one of these is a formula to Excel (CSV injection).
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
#: Prefix added on CSV export, removed once on CSV import.
GUARD = "'"


def clean_text(value: str) -> tuple[str, bool]:
    """Normalise newlines, drop control characters, trim; report whether any were dropped."""
    value = _NEWLINE_RE.sub("\n", value)
    cleaned = _STRIP_RE.sub("", value)
    return cleaned.strip(), cleaned != value


def guard_formula(value: str) -> str:
    """CSV export rule: prefix ``'`` when the text starts with a formula trigger or ``'``."""
    if value.startswith((*FORMULA_TRIGGERS, GUARD)):
        return GUARD + value
    return value


def unguard_formula(value: str) -> str:
    """CSV import rule: remove exactly one leading ``'`` (inverse of :func:`guard_formula`)."""
    if value.startswith(GUARD):
        return value[1:].strip()
    return value


def split_lines(value: str) -> list[str]:
    """Lines of a multi-valued cell, trimmed, blanks dropped (only ``\\n`` separates)."""
    return [line.strip() for line in value.split("\n") if line.strip()]
