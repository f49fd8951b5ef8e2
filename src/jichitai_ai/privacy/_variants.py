"""異体字 in names folded to the forms SudachiPy knows, one character for one.

Resident records keep the registered form of a name (髙橋, 濵田, 𠮷田, 栁田, 山﨑). SudachiPy
knows 渡邉, 齋藤, 德川 … but not these: 髙橋一生 is read as 髙橋 (一般) + 一生 (副詞), so
the name went unmasked while 高橋一生 is masked. Detection runs on the folded text; every
mapping is one code point to one, so offsets (and the original text under each mask) stay.
"""

from __future__ import annotations

_TABLE = str.maketrans(
    {"髙": "高", "﨑": "崎", "濵": "浜", "𠮷": "吉", "栁": "柳", "𣘺": "橋", "𡈽": "土"}
)


def fold_variants(text: str) -> str:
    """``text`` with the variant kanji above replaced (same length, same offsets)."""
    return text.translate(_TABLE)
