"""Text normalisation applied before tokenisation, to queries and FAQ text alike.

Residents type full-width digits, half-width katakana, ｳﾞｧ/ヴァ/バ spellings and stray long-vowel
marks; normalising both sides makes them match without synonym lists.
"""

from __future__ import annotations

import re
import unicodedata

# ヴ-row spellings folded to the common バ-row ones (ヴァイオリン → バイオリン). Safe: ヴ never
# contrasts with ブ/バ in Japanese administrative vocabulary.
_VU_PAIRS = (
    ("ヴァ", "バ"),
    ("ヴィ", "ビ"),
    ("ヴェ", "ベ"),
    ("ヴォ", "ボ"),
    ("ヴュ", "ビュ"),
    ("ヴ", "ブ"),
)
# Small ヶ/ヵ in place names and counters (霞ヶ関, ３ヵ月) are written with ケ/カ just as often.
_SMALL_KE = str.maketrans({"ヶ": "ケ", "ヵ": "カ", "ゖ": "け", "ゕ": "か"})
# Dashes that follow a katakana letter are long-vowel marks typed with the wrong key (サ－ビス).
_KATAKANA = "\u30a1-\u30fa\u30fc"
_FAKE_CHOONPU = re.compile(f"(?<=[{_KATAKANA}])[\\-\u2010-\u2015\u2212\u30fc\uff70~\u301c\uff5e]+")
_SPACES = re.compile(r"\s+")


def normalize(text: str) -> str:
    """Return a canonical form of ``text`` for matching (not for display).

    NFKC folds full/half width (ＡＢＣ１２３ → abc123 after case folding, ｶﾞ → ガ); ヴ-spellings and
    small ヶ are folded; runs of long-vowel marks or dashes after katakana become one ー; case is
    folded; whitespace runs become one space.
    """
    text = unicodedata.normalize("NFKC", text)
    for src, dst in _VU_PAIRS:
        text = text.replace(src, dst)
    # NFKC again: a voiced mark left uncombined after ヶ (ヶﾞ) combines once ヶ is ケ (ゲ), and
    # must do so before the long-vowel rule looks at the letter before a dash.
    text = unicodedata.normalize("NFKC", text.translate(_SMALL_KE))
    text = _FAKE_CHOONPU.sub("ー", text)
    # NFKC again after case folding (e.g. "İ" folds to i + combining dot), as Unicode advises
    # for caseless matching, so the result is stable under a second call.
    text = unicodedata.normalize("NFKC", text.casefold())
    return _SPACES.sub(" ", text).strip()
