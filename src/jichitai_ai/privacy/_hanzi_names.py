"""Chinese names the dictionary cannot read, found by what is around them (rt10).

Taiwanese and mainland names use given-name characters SudachiPy lists as nothing at all
(宥蓁, 素卿), and a traditional surname (黃, 簡) is often not read as one. Three shapes say
"a name" without a list of names:

- 「我女儿简宥蓁要上幼儿园」, 「我妈妈黄素卿1958年…」: three Han characters (a surname and a
  given name) right after a Chinese kinship word (女儿, 儿子, 妈妈, 丈夫 …), ending before a verb
  or function character, a digit or punctuation, none of them a grammar character (老公失业了,
  孩子放学后: checked on the 1,068 questions of tests/answer_quality); the first character may not be one (我女儿要上… names no one), nor
  may the characters make a dictionary word (我妈妈身体不好);
- 「母 黃 素卿。」: after a Japanese kinship word and a space, one Han character, a space and one
  or two more, closed by punctuation or the line's end (a surname and a given name typed apart);
- 「簡 宥蓁（ジエン ヨウジェン）」: the same spaced pair followed by its katakana reading of two
  words in brackets — the pair and the reading are both the name.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from ._tokens import Token
from ._types import Entity, EntityType

Tokenize = Callable[[str], list[Token]]

#: Characters that open a verb phrase or a function word in Chinese, never a name's first.
_FUNCTION = "要是的在今明去想已从和也都很不没会能可上下还就把被给让跟说叫有"
_ZH_KIN = (
    r"(?:女儿|儿子|妈妈|爸爸|丈夫|妻子|老公|老婆|母亲|父亲|孩子|儿媳|女婿|孙子|孙女|"
    r"女兒|兒子|媽媽|母親|父親|哥哥|姐姐|弟弟|妹妹)"
)
#: Grammar characters no full name holds (老公失业了, 孩子放学后, 生病时 are no names).
_GRAMMAR = "了的吗呢吧过過着后後时時们們没沒不很也都就在是有"
_ZH_KIN_NAME = re.compile(
    rf"(?:我|我的|我们的)?{_ZH_KIN}(?P<name>[^\W\d_{_FUNCTION}{_GRAMMAR}][^\W\d_{_FUNCTION}{_GRAMMAR}]{{2}})"
    rf"(?=[{_FUNCTION}，,。、.!！?？0-9])"
)
_JA_KIN = r"(?:母|父|妻|夫|娘|息子|長男|長女|次男|次女|祖母|祖父|子)"
_SPACED_PAIR = r"[一-鿿][ \u3000][一-鿿]{1,2}"
_KIN_PAIR = re.compile(
    rf"(?<![一-鿿]){_JA_KIN}[ \u3000](?P<name>{_SPACED_PAIR})(?=[。、，,）)\n]|$)"
)
_READ_PAIR = re.compile(
    rf"(?<![一-鿿])(?P<name>{_SPACED_PAIR})[（(](?P<reading>[ァ-ヺー]{{1,8}}[ \u3000・][ァ-ヺー]{{1,8}})[）)]"
)


def _no_word(name: str, tokenize: Tokenize) -> bool:
    """No known word of two or more characters inside ``name`` (身体, 工作 are words)."""
    return all(len(t.surface) == 1 or t.oov or t.is_person for t in tokenize(name))


def find_hanzi_names(text: str, tokenize: Tokenize) -> Iterator[Entity]:
    """Names by the shapes of the module docstring."""
    for m in _ZH_KIN_NAME.finditer(text):
        if all("\u4e00" <= ch <= "\u9fff" for ch in m["name"]) and _no_word(m["name"], tokenize):
            yield Entity(EntityType.PERSON, m.start("name"), m.end("name"), m["name"], 0.8, "kin")
    for m in _KIN_PAIR.finditer(text):
        yield Entity(EntityType.PERSON, m.start("name"), m.end("name"), m["name"], 0.8, "kin")
    for m in _READ_PAIR.finditer(text):
        for group in ("name", "reading"):
            yield Entity(EntityType.PERSON, m.start(group), m.end(group), m[group], 0.8, "reading")
