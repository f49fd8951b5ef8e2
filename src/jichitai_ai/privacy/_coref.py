"""Person names known from the rest of the text (strict profile).

Three general signals that look beyond the token itself:

- ``role_names``: a role or kinship noun before a name (会長の山根明, 長女さつき,
  商人ヒルデ, ロシア人ヴィトゥス・ベーリング, ボーカルの長友仍世): the name is a surname
  entry with more kanji after it, or a katakana word the dictionary has no synonym for;
- ``listed_names``: in an enumeration (安田靫彦、前田青邨、長野草風、…) where at least two
  items are already names, the other short kanji items that start with a surname are too;
- ``repeated_names``: once a name is found, its other occurrences are names too
  (メリッサ・ブリム … ブリムが, 山田花子さん … 山田は).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator

from . import _name_lexicon as lex
from ._common_words import COMMON_WORDS
from ._kana_names import _GIVEN_AFTER
from ._names import prefixed_title
from ._tokens import Token, script_of
from ._types import Entity, EntityType

NameParts = Callable[[str], frozenset[str]]

# fmt: off
#: Roles that are followed by a person's name (職業・役職・続柄). Kept general: no names.
ROLE_NOUNS = frozenset({
    "会長", "副会長", "社長", "副社長", "理事長", "議長", "委員長", "部長", "課長", "所長", "院長",
    "校長", "園長", "館長", "市長", "町長", "村長", "知事", "首相", "大統領", "大臣", "議員", "代表",
    "選手", "投手", "捕手", "監督", "コーチ", "主将", "作家", "小説家", "画家", "詩人", "歌人",
    "俳人", "漫画家", "作曲家", "作詞家", "歌手", "俳優", "女優", "声優", "司会", "記者", "編集者",
    "教授", "准教授", "講師", "教師", "教諭", "医師", "看護師", "弁護士", "検事", "判事", "被告",
    "被告人", "原告", "被害者", "加害者", "容疑者", "犯人", "商人", "職人", "僧侶", "住職", "牧師",
    "神父", "棋士", "力士", "騎手", "ボーカル", "ギタリスト", "ベーシスト", "ドラマー", "ピアニスト",
    "指揮者", "プロデューサー", "脚本家", "演出家", "写真家", "建築家", "政治家", "実業家", "創業者",
    "研究者", "学者", "通訳", "担当", "担当者", "ケースワーカー", "相談員", "支援員", "民生委員",
    "息子", "娘", "妻", "夫", "長男", "長女", "次男", "次女", "三男", "三女", "兄", "姉", "弟", "妹",
    "祖父", "祖母", "孫", "父", "母", "叔父", "叔母", "伯父", "伯母", "友人", "同僚", "上司", "部下",
    "秘書", "弟子", "師匠", "恋人", "婚約者", "元妻", "元夫", "先輩", "後輩", "世帯主", "同居人",
    # 自治体の職種 (staff prompts: 保健師・蛭田と訪問, ケアマネの蛭田から)
    "保健師", "助産師", "介護士", "介護福祉士", "社会福祉士", "精神保健福祉士", "保育士", "栄養士",
    "理学療法士", "作業療法士", "ケアマネ", "ケアマネジャー", "ケアマネージャー", "ヘルパー", "職員",
    "主任", "主査", "主事", "係長", "係員", "室長", "次長", "局長", "課長補佐", "主治医", "児童委員",
    "ソーシャルワーカー", "相談支援専門員", "指導員", "調査員", "保護司", "里親",
})
# fmt: on

_NAME_END = frozenset(
    {
        "は",
        "が",
        "を",
        "に",
        "の",
        "と",
        "も",
        "や",
        "へ",
        "から",
        "より",
        "で",
        "ら",
        "、",
        "。",
        "」",
    }
)
_LIST_END = re.compile(r"(?:の\d+人|らの|ら|など|なども|の|と|が|は|を|も|、|。|$)")
_KANJI_ITEM = re.compile(r"^[一-鿿々]{1,5}$")
_ITEM = re.compile(r"^[一-鿿々ァ-ヺー・]+$")
_PERSON_COUNT = re.compile(
    r"(?:の|ら)?(?:[0-9０-９]{1,2}|[二三四五六七八九十]{1,2})[人名]|両名|兄弟"
)


_KANJI_DIGITS = {ch: i for i, ch in enumerate("〇一二三四五六七八九", start=0)}


def _count_value(count: str) -> int:
    """2 for 両名, 3 for の3人 / の三人 / ら3名; 0 when unknown (兄弟)."""
    if count == "両名":
        return 2
    digits = "".join(ch for ch in count if ch.isdigit())
    if digits:
        return int(digits)
    kanji = [ch for ch in count if ch in _KANJI_DIGITS or ch == "十"]
    if not kanji:
        return 0
    if "十" in kanji:
        pos = kanji.index("十")
        tens = _KANJI_DIGITS[kanji[0]] if pos == 1 else 1
        ones = _KANJI_DIGITS[kanji[pos + 1]] if pos + 1 < len(kanji) else 0
        return tens * 10 + ones
    return _KANJI_DIGITS[kanji[0]]


def _boundary(tokens: list[Token], j: int) -> bool:
    if j + 1 >= len(tokens):
        return True
    nxt = tokens[j + 1]
    return (
        nxt.surface in _NAME_END
        or nxt.surface in {"です", "でした", "だ", "だった"}
        or nxt.surface in lex.HONORIFICS
        or nxt.surface in lex.PERSON_TITLES
        or nxt.pos[0] == "補助記号"
        or prefixed_title(tokens, j)
    )


def _surname_start(word: str, name_parts: NameParts) -> bool:
    """Does a kanji run begin with a surname and go on (山根明, 長友仍世, 長野草風)?"""
    return any("姓" in name_parts(word[:n]) for n in range(1, min(3, len(word))))


def _katakana_name(tok: Token) -> bool:
    return (
        tok.is_noun
        and script_of(tok.surface) == "katakana"
        and len(tok.surface) >= 2
        and (tok.is_person or tok.oov or not tok.synonyms)
        and tok.surface not in COMMON_WORDS
        and tok.surface not in lex.NOT_NAMES
    )


#: 続柄: kinship words before a family member's given name (世帯員：妻 千景、次女 凛).
_KINSHIP = frozenset(
    {
        "息子",
        "娘",
        "妻",
        "夫",
        "長男",
        "長女",
        "次男",
        "次女",
        "三男",
        "三女",
        "兄",
        "姉",
        "弟",
        "妹",
        "祖父",
        "祖母",
        "孫",
        "父",
        "母",
        "叔父",
        "叔母",
        "伯父",
        "伯母",
    }
)


def _role(tok: Token, is_place: Callable[[str], bool]) -> bool:
    """A role noun, or a nationality (ロシア人, 中国人) before a name."""
    if tok.surface in ROLE_NOUNS:
        return True
    s = tok.surface
    return len(s) >= 3 and s.endswith("人") and is_place(s[:-1])


def role_names(
    tokens: list[Token], text: str, name_parts: NameParts, is_place: Callable[[str], bool]
) -> Iterator[Entity]:
    """Names right after a role noun, with の or glued."""
    n = len(tokens)
    for k, tok in enumerate(tokens):
        if not _role(tok, is_place) or k + 1 >= n:
            continue
        m = k + 1
        linked = tokens[m].surface in {"の", "・"}
        kin = tok.surface in _KINSHIP
        spaced = kin and tokens[m].surface in {" ", "\u3000"} and not linked
        if linked or spaced:
            m += 1
        if m >= n or tokens[m].start != tokens[m - 1].end:
            continue
        first = tokens[m]
        if _katakana_name(first):
            j = m
            while (
                j + 2 < n
                and tokens[j + 1].surface in lex.KATAKANA_JOINERS
                and script_of(tokens[j + 2].surface) == "katakana"
                and tokens[j + 2].is_noun
            ):
                j += 2
            while (
                j + 1 < n and _katakana_name(tokens[j + 1]) and tokens[j + 1].start == tokens[j].end
            ):
                j += 1
            if _boundary(tokens, j):
                yield _entity(tokens, m, j, text, 0.83)
            continue
        if script_of(first.surface) == "hiragana" and not linked:
            # 長女さつきは: a hiragana word glued to a kinship noun.
            if (
                first.is_noun
                and len(first.surface) >= 2
                and _boundary(tokens, m)
                and first.surface not in COMMON_WORDS
            ):
                yield _entity(tokens, m, m, text, 0.8)
            continue
        given_next = m + 1 < n and tokens[m + 1].is_person and tokens[m + 1].start == first.end
        place_only = first.is_place and not name_parts(first.surface) and not given_next
        if script_of(first.surface) != "kanji" or place_only:
            continue
        surname_word = len(first.surface) >= 2 and "姓" in name_parts(first.surface)
        if not linked:
            # 看護師蛭田が: glued to the role, only a surname entry (or 人名) on its own;
            # 次女 凛。: after a kinship word, a given-name entry too.
            given = kin and "名" in name_parts(first.surface)
            if (first.is_person or surname_word or given) and _boundary(tokens, m):
                yield _entity(tokens, m, m, text, 0.8)
            continue
        j = m
        while (
            j + 1 < n
            and tokens[j + 1].start == tokens[j].end
            and script_of(tokens[j + 1].surface) == "kanji"
            and tokens[j + 1].end - first.start <= 4
            and tokens[j + 1].surface not in lex.TITLES
        ):
            j += 1
        word = text[first.start : tokens[j].end]
        # One dictionary word (任期, 職務) is not a name unless it is a 人名 or unknown.
        # A surname entry tagged as a common noun (蛭田) is a name after a role.
        single_word = j == m and not first.oov and not surname_word
        # 知事の任期満了: a run opening with a dictionary word of 2+ characters that has no
        # name reading is a compound word, even when its first character is a one-character
        # surname (任). 会長の山根明 opens with 山, a surname on its own, and stays a name.
        ordinary = (
            len(first.surface) >= 2
            and first.is_common_noun
            and not first.oov
            and not name_parts(first.surface)
        )
        if (
            len(word) >= 2
            and not single_word
            and not ordinary
            and (first.is_person or surname_word or _surname_start(word, name_parts))
            and _boundary(tokens, j)
        ):
            yield _entity(tokens, m, j, text, 0.83)


def katakana_surnames(tokens: list[Token], text: str) -> Iterator[Entity]:
    """トヨダ ハナエ: a katakana word with no loanword sense (no synonym group: not データ,
    サービス) before one space and a katakana given name (人名・名) is its surname, whatever
    the dictionary tags it (トヨダ is a common noun to SudachiPy)."""
    for k in range(len(tokens) - 2):
        first, space, given = tokens[k], tokens[k + 1], tokens[k + 2]
        if (
            space.surface in {" ", "\u3000"}
            and first.end == space.start
            and space.end == given.start
            and _katakana_name(first)
            and not first.is_person
            and script_of(given.surface) == "katakana"
            and given.is_person
            and given.pos[3] == "名"
        ):
            yield _entity(tokens, k, k + 2, text, 0.8)


def _entity(tokens: list[Token], i: int, j: int, text: str, confidence: float) -> Entity:
    start, end = tokens[i].start, tokens[j].end
    return Entity(EntityType.PERSON, start, end, text[start:end], confidence, "context")


_KANJI_DOT = re.compile(r"(?<=[一-鿿々])[・･](?=[一-鿿々])")


def listed_names(found: Iterable[Entity], text: str, name_parts: NameParts) -> Iterator[Entity]:
    """Kanji items of an 、-list whose other items (two or more) are names."""
    persons = {(e.start, e.end) for e in found if e.type is EntityType.PERSON}
    if not persons:
        return
    # 上田・下田・中田の3名: ・ between kanji items separates a list like 、 (same offsets).
    listed = _KANJI_DOT.sub("、", text)
    for sentence in re.finditer(r"[^。\n]+", listed):
        s0 = sentence.start()
        parts = sentence.group().split("、")
        if len(parts) < 3:
            continue
        items: list[tuple[int, int]] = []
        pos = s0
        for idx, part in enumerate(parts):
            start, end = pos, pos + len(part)
            pos = end + 1
            if idx < len(parts) - 1 and not _ITEM.match(part):
                # The list starts here: its first item is what follows the last
                # particle or space (…までは島、池田、桝の3人).
                items = []
                m = re.search(r"[一-鿿々ァ-ヺー・]+$", part)
                if m is None:
                    continue
                start += m.start()
            elif idx == len(parts) - 1:
                m = re.match(r"[一-鿿々ァ-ヺー・]+?(?=" + _LIST_END.pattern + ")", part)
                if m is None:
                    continue
                end = start + m.end()
            items.append((start, end))
        named = [it for it in items if any(s <= it[0] and it[1] <= e for s, e in persons)]
        touched = [it for it in items if any(s < it[1] and it[0] < e for s, e in persons)]
        # A list closed by a head count of people (島、池田、桝の3人) is a list of
        # people: one recognised name is enough context.
        count = _PERSON_COUNT.match(text, items[-1][1]) if items else None
        counted = count is not None
        if count is not None:
            # 本日、佐藤、高橋、田中の3名: the count says where the list starts.
            size = _count_value(count.group())
            if size and size < len(items):
                items = items[-size:]
        if len(named) < 1 or (len(touched) < 2 and not counted):
            continue
        for start, end in items:
            word = text[start:end]
            if (start, end) in named or not _KANJI_ITEM.match(word):
                continue
            if any(s < end and start < e for s, e in persons):
                # Partly found (杓子|谷岳堂): the whole item is the name.
                yield Entity(EntityType.PERSON, start, end, word, 0.86, "context")
                continue
            if word in lex.TITLES or word in COMMON_WORDS:
                continue
            if (
                counted
                or "姓" in name_parts(word)
                or (len(word) >= 3 and _surname_start(word, name_parts))
            ):
                yield Entity(EntityType.PERSON, start, end, word, 0.83, "context")


_KATAKANA = "\u30a1-\u30fa\u30fc"


def _surname_of(e: Entity, tokens: list[Token]) -> str | None:
    """The surname token opening a kanji full name (宮崎 of 宮崎駿), if any."""
    i = bisect_left(tokens, e.start, key=lambda t: t.start)
    if i >= len(tokens) or tokens[i].start != e.start:
        return None
    first = tokens[i]
    if first.end < e.end and first.pos[3] == "姓" and len(first.surface) >= 2:
        return first.surface
    return None


_SEPARATORS = re.compile(r"[・=＝゠･ \u3000]")


def _long_enough(part: str, parts: int) -> bool:
    """A ・- or space-separated part of a name worth looking for again (3+ katakana, 2+ kanji,
    or a 3+ hiragana surname of a spaced full name of two parts)."""
    script = script_of(part) if part else ""
    long_enough = (
        (script == "katakana" and len(part) >= 3)
        or (script == "kanji" and len(part) >= 2)
        # ほりかわ of ほりかわ みちこ: a hiragana surname of a spaced full name
        or (script == "hiragana" and len(part) >= 3 and parts == 2)
    )
    return long_enough and part not in COMMON_WORDS and part not in lex.TITLES


def _name_parts(named: list[Entity], text: str) -> set[str]:
    """Every part of every name (what splitting each name's text at ・ and spaces gives),
    read from the text's separators once: names found inside one long run (山 田 repeated,
    one name per token to the run's end) used to be split one by one, quadratic in the run
    (red team H7-6). The parts strictly inside a name are whole runs between two separators,
    counted by a sweep; only a name's first and last parts are cut by the name itself."""
    separators = [m.start() for m in _SEPARATORS.finditer(text)]
    inside = [0] * (len(separators) + 1)  # +1 where a name's inner runs begin, -1 after them
    parts: set[str] = set()

    def add(part: str, count: int) -> None:
        if _long_enough(part, count):
            parts.add(part)

    for e in named:
        if e.end - e.start != len(e.text) or not text.startswith(e.text, e.start):
            pieces = _SEPARATORS.split(e.text)  # a name not read from this text as it stands
            for piece in pieces:
                add(piece, len(pieces))
            continue
        a, b = bisect_left(separators, e.start), bisect_left(separators, e.end)
        if a == b:
            add(e.text, 1)
            continue
        add(text[e.start : separators[a]], b - a + 1)
        add(text[separators[b - 1] + 1 : e.end], b - a + 1)
        if b - a >= 2:  # the runs between separators a … b-1, each a whole part
            inside[a] += 1
            inside[b - 1] -= 1
    depth = 0
    for t in range(len(separators) - 1):
        depth += inside[t]
        if depth > 0:
            add(text[separators[t] + 1 : separators[t + 1]], 3)
    return parts


class _Spans:
    """Does [start, end) overlap any of some spans? Sorted by start with the running
    furthest end, so each question is one binary search, not a pass over every span."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self._starts = [s for s, _ in ordered]
        self._reach: list[int] = []
        furthest = -1
        for _, e in ordered:
            furthest = max(furthest, e)
            self._reach.append(furthest)

    def overlaps(self, start: int, end: int) -> bool:
        before = bisect_left(self._starts, end)  # spans starting before ``end``
        return before > 0 and self._reach[before - 1] > start


def repeated_names(
    found: Iterable[Entity], text: str, tokens: list[Token] | None = None
) -> Iterator[Entity]:
    """Other occurrences of a found name, of its ・-separated parts (3+ katakana or 2+ kanji
    characters) or of the surname of a kanji full name (宮崎駿 … 宮崎は), not inside a
    longer word of the same script. They outweigh a place reading of the same word: the
    text has already used it as a name."""
    found = list(found)
    taken = [(e.start, e.end) for e in found if e.type is EntityType.PERSON]
    # Spans found with less confidence than a repetition (0.81) may lose to a place reading
    # inside them (村上 湊斗 at 0.75 against 湊 at 0.8): the repetition is added again.
    sure = [(e.start, e.end) for e in found if e.type is EntityType.PERSON and e.confidence >= 0.81]
    words: set[str] = set()
    named = [e for e in found if e.type is EntityType.PERSON and e.confidence >= 0.75]
    for e in named:
        surname = _surname_of(e, tokens) if tokens else None
        if surname and surname not in COMMON_WORDS:
            words.add(surname)
    words |= _name_parts(named, text)
    if not words:
        return
    roles = tuple(ROLE_NOUNS)
    sure_spans, taken_spans = _Spans(sure), _Spans(taken)
    for word in words:
        script = {"katakana": "[" + _KATAKANA + "]", "hiragana": "[ぁ-ゖ]"}.get(
            script_of(word), "[一-鿿々]"
        )
        pattern = re.compile(f"{re.escape(word)}(?!{script})")
        for m in pattern.finditer(text):
            start, end = m.start(), m.end()
            if start and re.match(script, text[start - 1]) and not text.endswith(roles, 0, start):
                continue  # inside a longer word, unless after 母／妻／担当 …
            given = _GIVEN_AFTER.match(text, end)
            if given and given.group(1) not in lex.TITLES and given.group(1) not in COMMON_WORDS:
                end = given.end(1)  # 雲母 杏: the surname again, with a given name
            # Skip where the surname is already in a confident name (斎藤 結衣 itself); 村上
            # found only weakly (0.75) before 湊斗 (read as a place) still grows to 村上 湊斗.
            if sure_spans.overlaps(start, m.end()) or (
                end == m.end() and taken_spans.overlaps(start, end)
            ):
                continue
            yield Entity(EntityType.PERSON, start, end, text[start:end], 0.81, "context")


# fmt: off
#: Frequent Chinese and Korean surnames (common-knowledge frequency lists, e.g. 百家姓 and
#: Statistics Korea's census tables), written in Japanese kanji.
CJK_SURNAMES = frozenset(
    "王李張劉陳楊黄趙呉周徐孫馬朱胡郭何高林羅鄭梁謝宋唐許韓馮鄧曹彭曾蕭董袁潘于蒋蔡余杜葉程"
    "蘇魏呂丁任沈姚盧姜崔鍾譚陸汪范金廖賈夏韋付方白鄒孟熊秦邱尹薛閻段雷侯龍史陶黎賀顧毛郝龔"
    "邵萬錢厳覃戴莫孔湯朴申権安柳洪全文裵南河兪成車具禹羅辛閔池薄習温"
)
# fmt: on
_NOT_GIVEN_CHARS = frozenset(
    "県市町村区郡都府道州国駅線川山島湾港橋寺社宮城院園館家氏様君殿党軍隊団会部局課所店"
    "派流式型系製産語人族側内外上下前後中間方面戦線号版藩領郷年月日時分円歳代目回位"
)


def cjk_names(tokens: list[Token], text: str) -> Iterator[Entity]:
    """Chinese and Korean names (薄熙来の, 文在寅大統領, 林鄭月娥が): a frequent surname that
    SudachiPy splits off as its own one-character token, then one to three kanji that form
    no dictionary word of their own (unknown words or single characters), then a particle,
    punctuation or a title."""
    n = len(tokens)
    for k, tok in enumerate(tokens):
        if tok.surface not in CJK_SURNAMES or tok.is_person:
            continue
        if k and tokens[k - 1].end == tok.start and script_of(tokens[k - 1].surface) == "kanji":
            continue  # inside a longer kanji word
        j, chars = k, 0
        while j + 1 < n and tokens[j + 1].start == tokens[j].end:
            nxt = tokens[j + 1]
            single = len(nxt.surface) == 1
            if (
                script_of(nxt.surface) != "kanji"
                or chars + len(nxt.surface) > 3
                or not (nxt.oov or single or nxt.is_person)
                or (single and nxt.surface in _NOT_GIVEN_CHARS)
                or nxt.surface in lex.TITLES
                or nxt.is_place
            ):
                break
            j += 1
            chars += len(nxt.surface)
        if j > k and _boundary(tokens, j):
            yield _entity(tokens, k, j, text, 0.82)


#: Nouns that, after 「X の」, say X is a person (宮崎の監督, 伴の猛打, 政緒の死去).
PERSON_RELATIONS = frozenset(
    {
        "死去",
        "逝去",
        "死",
        "死後",
        "誕生",
        "生誕",
        "葬儀",
        "墓",
        "遺体",
        "遺族",
        "生涯",
        "経歴",
        "晩年",
        "妻",
        "夫",
        "息子",
        "娘",
        "父",
        "母",
        "兄",
        "弟",
        "姉",
        "妹",
        "長男",
        "長女",
        "次男",
        "次女",
        "家族",
        "自宅",
        "実家",
        "著書",
        "著作",
        "発言",
        "辞任",
        "就任",
        "引退",
        "退任",
        "監督",
        "采配",
        "活躍",
        "師匠",
        "弟子",
        "後任",
        "前任",
        "選出",
        "猛打",
        "投球",
        "演技",
        "歌唱",
        "作詞",
        "作曲",
        "主演",
        "出演",
        "結婚",
        "離婚",
        "来日",
        "訪問",
        "暗殺",
        "逮捕",
        "起用",
        "指名",
        "推薦",
        "門下",
    }
)


def related_names(tokens: list[Token], text: str, name_parts: NameParts) -> Iterator[Entity]:
    """A bare word with a surname or given-name reading before 「の」 and a person relation
    (宮崎の監督を希望, 政緒の死去): the relation makes the reading a person."""
    n = len(tokens)
    for k in range(n - 2):
        tok, no, rel = tokens[k], tokens[k + 1], tokens[k + 2]
        if no.surface != "の" or rel.surface not in PERSON_RELATIONS or tok.is_person:
            continue
        if script_of(tok.surface) != "kanji" or not 1 <= len(tok.surface) <= 4:
            continue
        if k and tokens[k - 1].end == tok.start and tokens[k - 1].is_noun:
            continue  # part of a compound (高校時代の…)
        if not name_parts(tok.surface) or (tok.synonyms and tok.is_common_noun):
            continue
        yield _entity(tokens, k, k, text, 0.82)


_COORDINATORS = frozenset({"や", "と", "、", "・", "及び", "および", "ならびに", "，"})


def _coordinated_word(tok: Token, name_parts: NameParts) -> bool:
    """Could ``tok`` be a name, given that it is coordinated with one? A katakana noun of 3+
    characters or a kanji word with a surname or given-name reading, never a place."""
    if not tok.is_noun or tok.is_place or tok.surface in COMMON_WORDS or tok.is_person:
        return False
    script = script_of(tok.surface)
    if script == "katakana":
        return len(tok.surface) >= 3
    if script == "latin":  # TomとJerry
        return tok.surface[:1].isupper() and tok.surface[1:].islower() and len(tok.surface) >= 2
    if script == "kanji" and 1 <= len(tok.surface) <= 4:
        return bool(name_parts(tok.surface)) and not (tok.synonyms and tok.is_common_noun)
    return False


def coordinated_names(
    found: Iterable[Entity], tokens: list[Token], text: str, name_parts: NameParts
) -> Iterator[Entity]:
    """A word coordinated with a found name (ピカソやブラックと, 中村と佐々木の二人) is a name
    too when it could be one (:func:`_coordinated_word`) and a name-final context follows."""
    starts = {e.start for e in found if e.type is EntityType.PERSON and e.confidence >= 0.75}
    ends = {e.end for e in found if e.type is EntityType.PERSON and e.confidence >= 0.75}
    if not starts:
        return
    n = len(tokens)
    for k in range(1, n - 1):
        tok = tokens[k]
        if tok.surface not in _COORDINATORS:
            continue
        right = tokens[k + 1]
        if (
            tok.start in ends
            and right.start == tok.end
            and right.start not in starts
            and _coordinated_word(right, name_parts)
            and _boundary(tokens, k + 1)
        ):
            yield _entity(tokens, k + 1, k + 1, text, 0.78)
        left = tokens[k - 1]
        if tok.end in starts and left.end == tok.start and left.end not in ends:
            before_ok = (
                k - 2 < 0 or tokens[k - 2].surface in _COORDINATORS or not tokens[k - 2].is_noun
            )
            if _coordinated_word(left, name_parts) and before_ok:
                yield _entity(tokens, k - 1, k - 1, text, 0.78)
