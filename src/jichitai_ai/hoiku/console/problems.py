"""Input problems shown as a table of file, row and reason, in the page's language.

The hoiku loaders report each problem as Japanese text. To show it in English too, the text is
matched back against the Japanese catalogue templates (``hoiku.err.*``), which gives the message
key and its parameters; the key is then rendered in the page's language. A text that matches no
template is shown as it is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from jichitai_ai.hoiku import HoikuInputError
from jichitai_ai.i18n import catalog, t

_FIELD = re.compile(r"\{(\w+)\}")


@dataclass(frozen=True)
class Problem:
    """One problem in one uploaded file (row 0: the file as a whole)."""

    file: str
    row: int
    key: str = ""
    params: dict[str, object] = field(default_factory=dict)
    text: str = ""

    def message(self, lang: str) -> str:
        return t(self.key, lang, **self.params) if self.key else self.text


class UploadRejected(Exception):
    """The upload cannot be used; ``problems`` lists every reason found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__(f"{len(problems)} problem(s)")


def _pattern(template: str) -> re.Pattern[str]:
    parts: list[str] = []
    seen: set[str] = set()
    pos = 0
    for m in _FIELD.finditer(template):
        parts.append(re.escape(template[pos : m.start()]))
        name = m.group(1)
        parts.append(f"(?P={name})" if name in seen else f"(?P<{name}>.*?)")
        seen.add(name)
        pos = m.end()
    parts.append(re.escape(template[pos:]))
    return re.compile("".join(parts), re.S)


@lru_cache(maxsize=1)
def _patterns() -> list[tuple[str, re.Pattern[str]]]:
    """``hoiku.err.*`` templates, the longest literal text first (most specific)."""
    found = [
        (key, messages["ja"])
        for key, messages in catalog().items()
        if key.startswith("hoiku.err.") and key != "hoiku.err.where"
    ]
    found.sort(key=lambda item: -len(_FIELD.sub("", item[1])))
    return [(key, _pattern(text)) for key, text in found]


def from_text(file: str, row: int, text: str) -> Problem:
    for key, pattern in _patterns():
        m = pattern.fullmatch(text)
        if m:
            return Problem(file, row, key, dict(m.groupdict()))
    return Problem(file, row, text=text)


def from_error(exc: HoikuInputError) -> list[Problem]:
    return [from_text(i.file, i.row, i.message) for i in exc.issues]
