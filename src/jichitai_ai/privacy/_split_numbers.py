"""マイナンバー written to slip past per-message patterns: digits split by any spacing or
punctuation (one digit per line, 1234.5678.9012, 1234/5678/9012), across several messages
of one request, or inside a base64 block.

All texts of a request are put in canonical form and joined; digit groups separated by up
to three spacing or punctuation characters form a run, and every window of whole groups
holding exactly twelve digits is checked against the 個人番号 check digit. A valid window
with a マイナンバー / 個人番号 label nearby is a MY_NUMBER (refused by the gateway), without
one an ID_NUMBER (masked only). Spans map back to each message's original text.
"""

from __future__ import annotations

import base64
import binascii
import re
from collections.abc import Callable, Iterator, Sequence

from ._canonical import canonicalize
from ._patterns import my_number_context, unlabelled_my_number
from ._types import Entity, EntityType
from .checksums import is_valid_my_number

_GROUP = re.compile(r"[0-9]+")
_SEPARATOR = re.compile(r"[\s\-./,_|:;()・、。･]{1,3}")
#: Digit groups taken whole from where no digit precedes them (hr5: a run of 10,000 digits
#: with no separator was retried from every digit, 1.1 s of CPU for one message).
_RUN = re.compile(r"(?<![0-9])[0-9]++(?:[\s\-./,_|:;()・、。･]{1,3}[0-9]++)+")
_BASE64 = re.compile(r"(?<![A-Za-z0-9+/_-])[A-Za-z0-9+/_-]{16,4096}={0,2}")
_MAX_WINDOWS = 20_000


def _windows(run: str, offset: int) -> Iterator[tuple[int, int]]:
    """(start, end) of consecutive digit groups in ``run`` holding exactly 12 digits."""
    groups = [(offset + m.start(), offset + m.end()) for m in _GROUP.finditer(run)]
    total = 0
    first = 0
    for last, (start, end) in enumerate(groups):
        total += end - start
        while total > 12 and first <= last:
            total -= groups[first][1] - groups[first][0]
            first += 1
        if total == 12 and first < last:
            yield groups[first][0], end


def _split_candidates(joined: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, digits) of 12-digit windows in the joined canonical text."""
    seen = 0
    for m in _RUN.finditer(joined):
        for start, end in _windows(m.group(), m.start()):
            seen += 1
            if seen > _MAX_WINDOWS:
                return
            digits = "".join(ch for ch in joined[start:end] if ch.isdigit())
            yield start, end, digits


def scan_split_numbers(texts: Sequence[str]) -> list[list[Entity]]:
    """Per text, MY_NUMBER / ID_NUMBER entities of 12-digit numbers split by formatting."""
    canons = [canonicalize(t) for t in texts]
    pieces: list[str] = []
    owners: list[tuple[int, int]] = []  # (joined start, text index)
    cursor = 0
    for index, canon in enumerate(canons):
        owners.append((cursor, index))
        pieces.append(canon.text)
        cursor += len(canon.text) + 1
    joined = "\n".join(pieces)
    out: list[list[Entity]] = [[] for _ in texts]
    for start, end, digits in _split_candidates(joined):
        if not is_valid_my_number(digits):
            continue
        labelled = my_number_context(joined, start, end)
        mine = labelled or unlabelled_my_number(joined, start, end)
        kind = EntityType.MY_NUMBER if mine else EntityType.ID_NUMBER
        for index, local_start, local_end in _per_text(owners, canons, start, end):
            s, e = canons[index].span(local_start, local_end)
            original = texts[index]
            out[index].append(
                Entity(kind, s, e, original[s:e], 0.95 if labelled else 0.85, "split", "split")
            )
    for groups in _labelled_word_splits(joined):
        for g_start, g_end in groups:
            for index, local_start, local_end in _per_text(owners, canons, g_start, g_end):
                s, e = canons[index].span(local_start, local_end)
                if any(x.start < e and s < x.end for x in out[index]):
                    continue  # already found by the punctuation pass
                original = texts[index]
                out[index].append(
                    Entity(EntityType.MY_NUMBER, s, e, original[s:e], 0.95, "split", "words")
                )
    return out


_LOOSE_LABEL = re.compile(r"マイナンバー|個人番号|my ?number", re.IGNORECASE)
_LOOSE_GROUP = re.compile(r"(?<![0-9])[0-9]{2,11}(?![0-9])")
_LOOSE_FIRST = 40  # label → first group
_LOOSE_GAP = 16  # words between two groups (続きは, 、最後 …)
_LOOSE_REACH = 200


def _labelled_word_splits(joined: str) -> Iterator[list[tuple[int, int]]]:
    """Digit groups after a マイナンバー / 個人番号 label with ordinary words between them
    (番号は1234、続きは5678、最後9012です), across messages: every run of consecutive groups
    holding exactly twelve digits that passes the check digit. Only after a label, since
    words between numbers are ordinary text otherwise."""
    for label in _LOOSE_LABEL.finditer(joined):
        groups: list[tuple[int, int]] = []
        limit = min(len(joined), label.end() + _LOOSE_REACH)
        for g in _LOOSE_GROUP.finditer(joined, label.end(), limit):
            gap = g.start() - (groups[-1][1] if groups else label.end())
            if gap > (_LOOSE_GAP if groups else _LOOSE_FIRST):
                break
            groups.append((g.start(), g.end()))
        for first in range(len(groups)):
            total = 0
            for last in range(first, len(groups)):
                total += groups[last][1] - groups[last][0]
                if total > 12:
                    break
                if total == 12 and last > first:
                    digits = "".join(joined[s:e] for s, e in groups[first : last + 1])
                    if is_valid_my_number(digits):
                        yield groups[first : last + 1]


def _per_text(
    owners: list[tuple[int, int]], canons: Sequence[object], start: int, end: int
) -> Iterator[tuple[int, int, int]]:
    """Cut a joined span into (text index, local start, local end) pieces holding digits."""
    for position, (base, index) in enumerate(owners):
        limit = owners[position + 1][0] - 1 if position + 1 < len(owners) else None
        text_end = limit if limit is not None else end
        local_start = max(start, base) - base
        local_end = min(end, text_end) - base
        if local_end > local_start:
            yield index, local_start, local_end


def decoded_blocks(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, decoded text) of base64 blocks in ``text`` that decode to UTF-8 text."""
    for m in _BASE64.finditer(text):
        raw = m.group()
        if not any(ch.isdigit() for ch in raw) and not any(ch.isupper() for ch in raw[1:]):
            continue  # a plain long word, not an encoding
        for decoder in (base64.b64decode, base64.urlsafe_b64decode):
            try:
                data = decoder(raw + "=" * (-len(raw) % 4))
                decoded = data.decode("utf-8")
            except (binascii.Error, ValueError):
                continue
            if decoded and sum(ch.isprintable() or ch in "\n\t" for ch in decoded) == len(decoded):
                yield m.start(), m.end(), decoded
                break


def scan_encoded(
    text: str, detect: Callable[[str], list[Entity]], masked_types: frozenset[EntityType]
) -> list[Entity]:
    """Entities covering base64 blocks whose decoded text holds personal data: the whole
    block gets the most specific type found inside (MY_NUMBER when labelled 個人番号)."""
    from ._detector import _PRIORITY

    out: list[Entity] = []
    for start, end, decoded in decoded_blocks(text):
        inner = [e for e in detect(decoded) if e.type in masked_types]
        for group in scan_split_numbers([decoded]):
            inner.extend(group)
        if not inner:
            continue
        kind = min((e.type for e in inner), key=lambda k: _PRIORITY.get(k, 99))
        out.append(Entity(kind, start, end, text[start:end], 0.95, "base64", "base64"))
    return out
