"""HTML and URL encodings read back before detection (HTML・URLエンコードの貼り付け).

Staff paste page sources, form notifications and links: a name written as character
references (&#x7C9F;&#x98EF;&#x539F; is 粟飯原), percent-encoded in a query string
(shimei=%E5%BF%BD%E9%82%A3 is 忽那), or cut into table cells and bold tags
(<td>渡邉</td><td>こはる</td>). A model reads all of these back; the patterns and name rules
only read text. Like the mojibake repair (``_mojibake``), detection runs on the decoded text
and each decoded character keeps the original span it came from, so masks cover the encoded
original. Tags of HTML's own vocabulary become one space (a line break for block tags), so
that cells read like a spaced name; ``<nick>`` or ``<mail@example.jp>`` are no tags.
"""

from __future__ import annotations

import html
import re

from ._splice import Piece, splice

_TAG_NAMES = (
    "a|b|i|u|s|em|strong|small|big|font|span|div|p|br|hr|td|th|tr|table|thead|tbody|tfoot"
    "|caption|ul|ol|li|dl|dt|dd|h[1-6]|label|input|option|select|textarea|form|code|pre|tt"
    "|blockquote|center|section|article|header|footer|main|nav|body|html|head|title|img|sup|sub"
)
_TAG = rf"</?(?:{_TAG_NAMES})(?:\s[^<>]*)?/?>"
#: A run of tags, &nbsp; and spaces, taken whole (a tag is looked for inside it afterwards):
#: ``(?:unit)*TAG(?:unit)*`` retried from every space of a long run without a tag (hr7:
#: 40,000 spaces or &nbsp; beside one tag cost seconds).
_UNIT_RUN = re.compile(rf"(?:{_TAG}|&nbsp;|[ \t\u3000])+", re.I)
_HAS_TAG = re.compile(_TAG, re.I)
_BLOCK = re.compile(r"</?(?:p|br|tr|div|li|h[1-6]|table|ul|ol|dl|dt|dd)\b", re.I)
_REFERENCE = re.compile(r"&(?:#[0-9]{2,7}|#[xX][0-9A-Fa-f]{2,6}|nbsp|amp|lt|gt|quot|apos);")
_PERCENT_RUN = re.compile(r"(?:%[0-9A-Fa-f]{2})+")
_TRIGGER = re.compile(r"<[A-Za-z/]|&#|&nbsp;|%[CDEcde][0-9A-Fa-f]%[89ABab]")


def _percent(m: re.Match[str]) -> list[tuple[str, int, int]] | None:
    """The run's characters (with their byte spans) when it holds non-ASCII UTF-8; a byte
    that is no part of a valid UTF-8 character (a URL cut inside a character, %FF, an encoded
    surrogate) stays as its own ``%XX`` and the rest is still read (hr7: one stray byte had
    left the whole run, name and all, undecoded and unmasked)."""
    run = m.group()
    raw = bytes(int(run[i + 1 : i + 3], 16) for i in range(0, len(run), 3))
    decoded = raw.decode("utf-8", errors="surrogateescape")
    if not any(ch > "\x7f" and not "\udc80" <= ch <= "\udcff" for ch in decoded):
        return None
    out: list[tuple[str, int, int]] = []
    pos = m.start()
    for ch in decoded:
        if "\udc80" <= ch <= "\udcff":  # an undecodable byte: kept as typed
            out.extend((c, pos + k, pos + k + 1) for k, c in enumerate(run[pos - m.start() :][:3]))
            pos += 3
            continue
        width = 3 * len(ch.encode("utf-8"))
        out.append((ch, pos, pos + width))
        pos += width
    return out


def decode_markup(text: str) -> tuple[str, list[int], list[int]] | None:
    """The text with tags, character references and percent-encoded UTF-8 read back, and for
    each of its characters the original span (start, end); None when nothing changed."""
    if not _TRIGGER.search(text):
        return None
    pieces: list[Piece] = []
    for m in _UNIT_RUN.finditer(text):
        if not _HAS_TAG.search(m.group()):
            continue
        sep = "\n" if _BLOCK.search(m.group()) else " "
        pieces.append((m.start(), m.end(), [(sep, m.start(), m.end())]))
    taken = [(s, e) for s, e, _ in pieces]
    for m in _REFERENCE.finditer(text):
        if any(s <= m.start() < e for s, e in taken):
            continue
        ch = html.unescape(m.group()).replace("\xa0", " ")
        if len(ch) == 1 and ch != m.group():
            pieces.append((m.start(), m.end(), [(ch, m.start(), m.end())]))
    for m in _PERCENT_RUN.finditer(text):
        decoded = _percent(m)
        if decoded:
            pieces.append((m.start(), m.end(), decoded))
    if not pieces:
        return None
    return splice(text, pieces)
