"""「姓 名」 + an honorific where SudachiPy knows neither half as a name (薬袋 大悟殿, 十河 よし子様).

A rare surname the dictionary holds as an ordinary word (薬袋 = a medicine bag, 九十九 = a
number) and a given name it also reads as a word (大悟 = enlightenment) gave no person reading
at all, so the rules that grow a half-found name had nothing to grow: the whole name went to
the model. Two short runs split by one space, the second glued to さん/様/氏/殿/くん/ちゃん/
先生, are a surname and a given name — unless either run is a title, a role or an
organisation (総務 課長様, 市民 皆様, 株式会社 田中様 keeps 田中 to the other rules), or the first
is a time word (本日 花子ちゃん: SudachiPy's 副詞可能 nouns — 本日, 先週, 毎年).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from . import _name_lexicon as lex
from ._tokens import Token
from ._types import Entity, EntityType

Tokenize = Callable[[str], list[Token]]

_PAIR = re.compile(
    r"(?<![一-鿿々〆ヶぁ-ゖァ-ヺーA-Za-z0-9０-９])"
    r"([一-鿿々〆ヶ]{1,4})[ \u3000]([一-鿿々〆ヶ]{1,3}|[ぁ-ゖ]{2,4}|[ァ-ヺー]{2,5})"
    r"(?=(?:さん|さま|様|氏|殿|くん|君|ちゃん|先生)(?![式方]))"
)
#: Last characters of organisations, roles and generic people words: 総務 課様, 市民 皆様,
#: 関係 者様, 担当 係長様.
_NOT_NAME_END = frozenset("課部局室係班会社院園校館庁署省所店組長員者皆各方達等")


def _time_word(word: str, tokenize: Tokenize) -> bool:
    tokens = tokenize(word)
    return len(tokens) == 1 and tokens[0].pos[2] == "副詞可能"


#: Family and role words glued before a surname (妻鳰 ハルさん, 児童 灯ちゃん): the word stays
#: readable; alone before the space it is no surname at all.
_LEADS = tuple(
    sorted(
        {"妻", "夫", "母", "父", "長男", "長女", "次男", "次女", "三男", "三女", "二男", "二女"}
        | {
            "息子",
            "娘",
            "祖母",
            "祖父",
            "孫",
            "兄",
            "姉",
            "弟",
            "妹",
            "叔母",
            "叔父",
            "伯母",
            "伯父",
        }
        | {"児童", "生徒", "園児", "本人", "世帯主", "保護者", "申請者", "相談者", "対象者", "担当"}
        | {"来所者", "来庁者", "宛名", "氏名", "名義", "利用者", "患者", "家族", "同居人", "故"},
        key=len,
        reverse=True,
    )
)


def find_honoured_pairs(text: str, tokenize: Tokenize) -> Iterator[Entity]:
    for m in _PAIR.finditer(text):
        surname, given = m.group(1), m.group(2)
        start = m.start()
        lead = next((w for w in _LEADS if surname.startswith(w)), "")
        if lead:
            if lead == surname:
                continue  # 児童 灯ちゃん: a role, then a given name the other rules handle
            surname, start = surname[len(lead) :], start + len(lead)
        if any(
            part in lex.TITLES or part in lex.LABELS or part in lex.NOT_NAMES
            for part in (surname, given)
        ):
            continue
        if surname[-1] in _NOT_NAME_END or given[-1] in _NOT_NAME_END:
            continue
        if _time_word(surname, tokenize):
            continue
        yield Entity(EntityType.PERSON, start, m.end(), text[start : m.end()], 0.85, "cue")
