"""Which articles of its own law a provision refers to (「第三十九条第一項の規定による法人番号の
指定を行うために…」): its words there are that article's subject, not its own."""

from __future__ import annotations

import re
import unicodedata

from jichitai_ai.documents._numbers import KANJI_NUMERAL, to_int

_NUMBER = f"[0-9{KANJI_NUMERAL}]+"
#: 「第三十九条」「第十八条の二」 (not 「附則第三条」, nor another law's article cited by its name:
#: 「住民基本台帳法第七条」「商業登記法(昭和三十八年法律第百二十五号)第七条」).
_REFERENCE = re.compile(rf"(?<![附則法令例規)])第({_NUMBER})条((?:の{_NUMBER})*)")
#: The article part of a location: 「第39条」「第18条の2」 (a 附則 article is left out).
_ARTICLE = re.compile(r"^第([0-9]+)条((?:の[0-9]+)*)")


def _label(number: str, branches: str) -> str | None:
    main = to_int(number)
    if main is None:
        return None
    out = f"第{main}条"
    for part in filter(None, branches.split("の")):
        value = to_int(part)
        if value is None:
            return None
        out += f"の{value}"
    return out


def referred_articles(text: str) -> frozenset[str]:
    """Article labels (「第39条」) the text refers to."""
    out = set()
    for number, branches in _REFERENCE.findall(unicodedata.normalize("NFKC", text)):
        label = _label(number, branches)
        if label:
            out.add(label)
    return frozenset(out)


def article_label(location: str) -> str | None:
    """「第39条第1項」 → 「第39条」; None for 附則, 別表 and the like."""
    m = _ARTICLE.match(unicodedata.normalize("NFKC", location))
    return f"第{m.group(1)}条{m.group(2)}" if m else None
