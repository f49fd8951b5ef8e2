"""Person-name (氏名) detection from SudachiPy tokens plus context cues.

Signals, strongest first:
- a label such as 氏名:／申請者: followed by name-like tokens;
- an honorific after a proper noun or unknown word (様, さん, 氏, 君, ちゃん, 殿, 先生);
- SudachiPy 固有名詞-人名 (姓/名) tokens, merged when adjacent (田中 + 太郎) and across
  katakana joiners (ジョン・スミス);
- a katakana run joined by ・／＝ to a 人名 token (foreign names).
"""

from __future__ import annotations

from collections.abc import Iterator

from ._tokens import Token, script_of
from ._types import Entity, EntityType

HONORIFICS = frozenset(
    {"様", "さま", "さん", "氏", "君", "くん", "ちゃん", "殿", "先生", "議員", "氏ら", "嬢"}
)
_JOINERS = frozenset({"・", "･", "＝", "=", "゠", " ", "　"})
_LABELS = frozenset(
    {
        "氏名",
        "名前",
        "お名前",
        "申請者",
        "届出人",
        "世帯主",
        "被保険者",
        "契約者",
        "代理人",
        "保護者",
        "相談者",
        "請求者",
        "受取人",
        "受給者",
        "本人",
        "患者",
        "利用者名",
        "担当者",
        "申込者",
        "依頼者",
        "同居人",
        "氏名欄",
        "フリガナ",
        "ふりがな",
        "名義",
        "口座名義",
    }
)
_LABEL_JOIN = frozenset({":", "：", "は", "「", " ", "　", "の", "が", "＝"})
# Common nouns that precede 様/さん but are not names (お客様, 皆様 …).
_NOT_NAMES = frozenset(
    {
        "皆",
        "客",
        "お客",
        "方",
        "奥",
        "お子",
        "子供",
        "担当",
        "担当者",
        "利用者",
        "職員",
        "神",
        "王",
        "お父",
        "お母",
        "先方",
        "各位",
        "会員",
        "皆さま",
        "みな",
        "みんな",
        "市民",
        "住民",
        "申請者",
        "俺",
        "私",
        "僕",
        "あなた",
        "彼",
        "彼女",
        "誰",
        "どなた",
        "ご主人",
        "奥様",
    }
)


# Nouns that may follow a name without making it part of a compound (田中部長, 山田宛).
_TITLES = frozenset(
    {
        "部長",
        "課長",
        "係長",
        "主任",
        "主査",
        "社長",
        "会長",
        "市長",
        "町長",
        "村長",
        "知事",
        "議員",
        "先生",
        "監督",
        "選手",
        "大佐",
        "王子",
        "王女",
        "容疑者",
        "被告",
        "被告人",
        "教授",
        "博士",
        "医師",
        "弁護士",
        "記者",
        "投手",
        "捕手",
        "夫妻",
        "兄弟",
        "姉妹",
        "親子",
        "本人",
        "自身",
        "宛",
        "名義",
        "様方",
        "方",
        "家",
        "一家",
        "等",
        "ら",
        "達",
        "たち",
        "側",
        "陣営",
        "作",
        "著",
        "訳",
        "監修",
        "編",
        "君",
        "氏",
        "夫人",
        "殿下",
        "陛下",
        "天皇",
        "大統領",
        "首相",
        "総理",
        "大臣",
        "長官",
        "委員",
        "委員長",
        "理事長",
        "院長",
        "校長",
        "園長",
        "所長",
        "館長",
        "代表",
        "父",
        "母",
        "妻",
        "夫",
        "長男",
        "長女",
        "次男",
        "次女",
        "さん",
        "様",
        "ちゃん",
        "くん",
        "役",
        "師",
        "師匠",
        "門下",
        "時代",
        "政権下",
        "自ら",
    }
)


# Heads of organisation / facility names: a name glued to one is part of that name.
_ORG_HEADS = (
    "製作所",
    "商事",
    "建築",
    "事務所",
    "政権",
    "連合",
    "高校",
    "大学",
    "寺",
    "線",
    "駅",
    "銀行",
    "航空",
    "会社",
    "社",
    "店",
    "病院",
    "学校",
    "工業",
    "産業",
    "商店",
    "商会",
    "財閥",
    "党",
    "政府",
    "軍",
    "城",
    "神社",
    "公園",
    "通り",
    "賞",
    "主義",
    "研究所",
    "記念館",
    "営業所",
    "薬舗",
    "ダム",
    "球場",
    "劇場",
    "書店",
    "出版",
    "文庫",
    "新聞",
    "放送",
    "協会",
    "財団",
    "基金",
    "杯",
    "砦",
    "合金",
    "ターミナル",
    "教会",
    "病",
    "法",
    "効果",
    "定理",
    "方程式",
    "賞",
    "ホール",
)


# Titles that follow a person's name in running text.
_PERSON_TITLES = frozenset(
    {
        "監督",
        "選手",
        "大佐",
        "中佐",
        "少佐",
        "大将",
        "中将",
        "少将",
        "王子",
        "王女",
        "伯爵",
        "侯爵",
        "公爵",
        "男爵",
        "子爵",
        "議員",
        "大統領",
        "首相",
        "教授",
        "博士",
        "容疑者",
        "被告",
        "投手",
        "捕手",
        "外野手",
        "内野手",
        "夫人",
        "殿下",
        "陛下",
        "元帥",
        "司令官",
        "将軍",
        "神父",
        "牧師",
        "国王",
        "女王",
        "皇帝",
        "社長",
        "会長",
        "市長",
        "知事",
        "氏",
    }
)


def _in_compound(tokens: list[Token], i: int, j: int) -> bool:
    """True when a name run is glued to an organisation or facility head
    (清水合金製作所, ニクソン政権): then it names that, not a person."""
    end = tokens[j].end
    for nxt in tokens[j + 1 : j + 4]:
        if nxt.start != end or not nxt.is_noun or nxt.surface in _TITLES or nxt.is_person:
            return False
        if nxt.surface.endswith(_ORG_HEADS):
            return True
        end = nxt.end
    return False


def _name_like(token: Token) -> bool:
    if token.surface in _NOT_NAMES or token.surface in _LABELS:
        return False
    script = script_of(token.surface)
    if token.is_person:
        return True
    if script == "hiragana" or not token.is_noun:
        return False
    if token.pos[1] in {"数詞", "助動詞語幹"}:
        return False
    return token.is_proper or token.oov or (script == "katakana" and len(token.surface) >= 2)


_KATAKANA_JOINERS = frozenset({"・", "･", "＝", "=", "゠"})


def _katakana_part(token: Token) -> bool:
    return (
        token.is_noun
        and script_of(token.surface) == "katakana"
        and (token.is_person or token.oov or token.is_common_noun or token.is_proper)
    )


def _person(
    tokens: list[Token], first: int, last: int, text: str, confidence: float, source: str
) -> Entity:
    start, end = tokens[first].start, tokens[last].end
    return Entity(EntityType.PERSON, start, end, text[start:end], confidence, source)


def _given_name(tokens: list[Token], k: int) -> bool:
    """Could tokens[k] be a given name after a surname and a space (太郎, 亮, さくら)?"""
    tok = tokens[k]
    if tok.is_person:
        return True
    if not tok.is_noun or tok.pos[1] == "数詞" or tok.surface in _TITLES or tok.surface in _NOT_NAMES:
        return False
    if len(tok.surface) > 3 or script_of(tok.surface) not in {"kanji", "hiragana", "katakana"}:
        return False
    return k + 1 >= len(tokens) or not tokens[k + 1].is_noun


def _extend_name_run(tokens: list[Token], i: int, j: int) -> tuple[int, int]:
    """Grow [i, j] over adjacent 人名 tokens and ・-joined katakana parts."""
    while i > 0:
        prev = tokens[i - 1]
        if prev.is_person and prev.end == tokens[i].start:
            i -= 1
        elif (
            i > 1
            and prev.surface in _JOINERS
            and prev.surface.strip()
            and script_of(tokens[i - 2].surface) == "katakana"
            and tokens[i - 2].is_noun
        ):
            i -= 2
        else:
            break
    while j + 1 < len(tokens):
        nxt = tokens[j + 1]
        if nxt.is_person and nxt.start == tokens[j].end and nxt.surface not in HONORIFICS:
            j += 1
        elif (
            j + 2 < len(tokens)
            and nxt.surface in {" ", "　"}
            and tokens[j].is_person
            and tokens[j].pos[3] == "姓"
            and _given_name(tokens, j + 2)
        ):
            j += 2  # 山田 太郎 / 林 亮: surname, space, given name
        elif (
            j + 2 < len(tokens)
            and nxt.surface in _JOINERS
            and nxt.surface.strip()
            and script_of(tokens[j + 2].surface) == "katakana"
            and tokens[j + 2].is_noun
        ):
            j += 2
        else:
            break
    return i, j


def find_persons(tokens: list[Token], text: str) -> Iterator[Entity]:
    """Yield person spans; overlapping spans are resolved by the caller."""
    n = len(tokens)
    for k, tok in enumerate(tokens):
        # 1. 人名 part-of-speech runs.
        if tok.is_person and (
            k == 0 or not tokens[k - 1].is_person or tokens[k - 1].end != tok.start
        ):
            i, j = _extend_name_run(tokens, k, k)
            confidence = 0.85 if j > i else 0.75
            nxt = tokens[j + 1].surface if j + 1 < n else ""
            if nxt in HONORIFICS:
                confidence = 0.97
            if not _in_compound(tokens, i, j):
                yield _person(tokens, i, j, text, confidence, "sudachi")
        # 1b. Foreign names: katakana parts joined by ・／＝ (エルッキ・リーカネン).
        if (
            _katakana_part(tok)
            and (
                k == 0 or tokens[k - 1].surface not in _JOINERS or not tokens[k - 1].surface.strip()
            )
            and k + 2 < n
            and tokens[k + 1].surface in _KATAKANA_JOINERS
            and _katakana_part(tokens[k + 2])
        ):
            j = k + 2
            while (
                j + 2 < n
                and tokens[j + 1].surface in _KATAKANA_JOINERS
                and _katakana_part(tokens[j + 2])
            ):
                j += 2
            quoted = k > 0 and tokens[k - 1].surface in {"「", "『", "“", '"'}
            parts = tokens[k : j + 1 : 2]
            namey = any(p.is_person or p.oov for p in parts)
            if namey and not quoted and not _in_compound(tokens, k, j):
                yield _person(tokens, k, j, text, 0.7, "katakana")
        # 2. Honorific after a name-like word the dictionary does not know as 人名.
        if tok.surface in HONORIFICS and k > 0 and tokens[k - 1].end == tok.start:
            j = k - 1
            if _name_like(tokens[j]) and not tokens[j].is_person:
                i = j
                while (
                    i > 0
                    and _name_like(tokens[i - 1])
                    and tokens[i - 1].end == tokens[i].start
                    and j - i < 2
                ):
                    i -= 1
                i, j = _extend_name_run(tokens, i, j)
                yield _person(tokens, i, j, text, 0.9, "cue")
        # 2b. A person title after an unknown / katakana word (メイウェザー監督, キュリオ大佐).
        if tok.surface in _PERSON_TITLES and k > 0 and tokens[k - 1].end == tok.start:
            j = k - 1
            if _name_like(tokens[j]) and not tokens[j].is_person and not tokens[j].is_place:
                i, j = _extend_name_run(tokens, j, j)
                yield _person(tokens, i, j, text, 0.75, "cue")
        # 3. Labels: 氏名：山田花子, 申請者は鈴木一郎.
        if tok.surface in _LABELS:
            m = k + 1
            while m < n and tokens[m].surface in _LABEL_JOIN and m - k <= 2:
                m += 1
            first = m
            colon = any(tokens[x].surface in {":", "："} for x in range(k + 1, first))
            while (
                m < n
                and m - first < 3
                and (
                    _name_like(tokens[m])
                    or (colon and tokens[m].is_noun and tokens[m].pos[1] != "数詞")
                    or (tokens[m].surface in {" ", "　"} and m > first)
                )
            ):
                m += 1
            last = m - 1
            while last >= first and not tokens[last].surface.strip():
                last -= 1
            if last >= first:
                yield _person(tokens, first, last, text, 0.9, "cue")
