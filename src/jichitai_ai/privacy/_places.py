"""Place names (地名) and postal addresses (住所).

A run of SudachiPy 地名 tokens, gazetteer hits (47 都道府県 and "…市/区/町/村"
after a prefecture) and GiNZA place entities gives a place span. When it is
followed by 町名・丁目・番地・号 and an optional building (マンション … 号室), the
whole run becomes an address; otherwise it stays a plain location.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from ._fold import KANJI_NUMERAL_CHARS
from ._thing_contexts import used_as_thing
from ._tokens import Token, script_of
from ._types import Entity, EntityType

PREFECTURES: tuple[str, ...] = (
    "北海道",
    "青森県",
    "岩手県",
    "宮城県",
    "秋田県",
    "山形県",
    "福島県",
    "茨城県",
    "栃木県",
    "群馬県",
    "埼玉県",
    "千葉県",
    "東京都",
    "神奈川県",
    "新潟県",
    "富山県",
    "石川県",
    "福井県",
    "山梨県",
    "長野県",
    "岐阜県",
    "静岡県",
    "愛知県",
    "三重県",
    "滋賀県",
    "京都府",
    "大阪府",
    "兵庫県",
    "奈良県",
    "和歌山県",
    "鳥取県",
    "島根県",
    "岡山県",
    "広島県",
    "山口県",
    "徳島県",
    "香川県",
    "愛媛県",
    "高知県",
    "福岡県",
    "佐賀県",
    "長崎県",
    "熊本県",
    "大分県",
    "宮崎県",
    "鹿児島県",
    "沖縄県",
)
_KANJI = r"一-鿿々ヶ〆"
_PLACE_SUFFIX = frozenset(
    {"市", "区", "町", "村", "郡", "県", "都", "府", "道", "州", "省", "島", "丁目", "地方", "半島"}
)
_GAZETTEER = re.compile(
    "(?:"
    + "|".join(PREFECTURES)
    + rf")(?:[{_KANJI}ァ-ヶー]{{1,6}}?郡)?(?:[{_KANJI}ァ-ヶー]{{1,6}}?[市区町村]){{0,2}}"
)
_NUM = rf"(?:[0-9]{{1,5}}|[{KANJI_NUMERAL_CHARS}]{{1,4}})"
# 町名 + 丁目・番地・号 (also 1-2-3 and 1番地の2), then a building and room.
_BLOCK = re.compile(
    # 北海道: 宮前1条2丁目, 北5条西3丁目 (条 only before a 丁目: never 第3条 of a law).
    rf"[{_KANJI}ァ-ヶー]{{0,8}}?(?:{_NUM}条[東西南北]?(?={_NUM}丁目))?{_NUM}(?:丁目|番地|番|号|-)"
    rf"(?:(?:の|-)?(?:[0-9]{{1,5}}(?:丁目|番地|番|号(?!室))?|[{KANJI_NUMERAL_CHARS}]{{1,4}}(?:丁目|番地|番|号(?!室)))){{0,4}}"
    # building and room: ハイツ桜503号室, コーポ緑 2階, グリーンマンション101号
    rf"(?:[ 　]?[{_KANJI}ァ-ヶーA-Za-z]{{1,16}}?[ 　]?[0-9]{{1,4}}(?:号室|号|階|F))?"
)
_ADDRESS_CUES = (
    "住所",
    "在住",
    "住まい",
    "居住",
    "住んで",
    "所在地",
    "転居先",
    "転入",
    "転出",
    "送付先",
)


def _address_cue(text: str, start: int) -> bool:
    window = text[max(0, start - 12) : start + 40]
    return any(cue in window for cue in _ADDRESS_CUES)


# Geographic heads: "<unknown word> + 湖" is a place (ドナー湖, ティペラリー県).
_GEO_HEADS = frozenset(
    {
        "県",
        "州",
        "市",
        "町",
        "村",
        "郡",
        "島",
        "湖",
        "山",
        "川",
        "温泉",
        "盆地",
        "地区",
        "半島",
        "諸島",
        "海峡",
        "湾",
        "平野",
        "高原",
        "峠",
        "岬",
        "池",
        "沼",
        "省",
        "自治区",
        "地方",
    }
)
# Organisation / facility heads: a place glued to one names that body (東京大学).
_ORG_HEADS = (
    "大学",
    "高校",
    "学校",
    "中学校",
    "航空",
    "銀行",
    "協会",
    "神社",
    "寺",
    "公園",
    "城",
    "駅",
    "線",
    "軍",
    "空軍",
    "陸軍",
    "海軍",
    "政府",
    "局",
    "庁",
    "会社",
    "株式会社",
    "合同会社",
    "選手団",
    "FC",
    "放送",
    "ラジオ",
    "水族館",
    "資料館",
    "美術館",
    "博物館",
    "新聞",
    "電鉄",
    "鉄道",
    "発電",
    "製粉",
    "競馬",
    "センター",
    "タワー",
    "機関区",
    "古墳群",
    "城址",
    "戦争",
    "映画祭",
    "祭",
    "シリーズ",
    "クラブ",
    "病院",
    "議会",
    "会議",
    "委員会",
    "政権",
    "植民地政府",
    "党",
)


def _glued_to_org(tokens: list[Token], j: int) -> bool:
    if j + 1 >= len(tokens):
        return False
    nxt = tokens[j + 1]
    if nxt.start != tokens[j].end:
        return False
    if nxt.surface in {"・", "･"} and j + 2 < len(tokens):
        return tokens[j + 2].is_noun and not tokens[j + 2].is_place and tokens[j + 2].is_proper
    return (nxt.is_noun or nxt.pos[0] == "接尾辞") and nxt.surface.endswith(_ORG_HEADS)


_STEM_ENDS = frozenset("人系語籍製産内初土地")


def _country_stem(tok: Token, is_place: Callable[[str], bool]) -> int:
    """Length of a place stem in 日本人 / イタリア人 / 米国籍 style tokens, else 0."""
    if len(tok.surface) < 3 or tok.surface[-1] not in _STEM_ENDS:
        return 0
    for suffix in ("人", "系", "語", "籍", "国籍", "製", "産", "国内", "初", "全土", "各地"):
        stem = tok.surface.removesuffix(suffix)
        if stem != tok.surface and len(stem) >= 2 and is_place(stem):
            return len(stem)
    return 0


# Heads that make almost any short noun a place name (湯屋温泉, 大野盆地, 菅島).
_NATURAL_HEADS = frozenset(
    {"温泉", "盆地", "島", "湖", "岳", "山", "地区", "準州", "地域", "半島", "諸島"}
)
# Context that marks an unknown katakana word as a place (…州のズリーンに, ルイビルで).
_PLACE_BEFORE = ("州の", "県の", "国の", "首都", "州都", "市の", "地方の", "近郊の")
_PLACE_AFTER = frozenset({"で", "へ", "から", "近郊", "郊外", "出身", "在住", "市内", "市街"})


def _unknown_place(tokens: list[Token], k: int) -> bool:
    tok = tokens[k]
    if not (
        tok.oov and tok.is_noun and script_of(tok.surface) == "katakana" and len(tok.surface) >= 3
    ):
        return False
    before = "".join(t.surface for t in tokens[max(0, k - 2) : k])
    after = tokens[k + 1].surface if k + 1 < len(tokens) else ""
    return (before.endswith(_PLACE_BEFORE) or after in _PLACE_AFTER) and not used_as_thing(
        tokens, k
    )


def place_spans(
    tokens: list[Token], folded: str, is_place: Callable[[str], bool] | None = None
) -> list[tuple[int, int, str]]:
    """Spans of 地名 runs, <name>+湖/県… and gazetteer hits as (start, end, source)."""
    spans: list[tuple[int, int, str]] = []
    k = 0
    n = len(tokens)
    while k < n:
        tok = tokens[k]
        if not tok.is_place:
            if is_place is not None and tok.is_noun and not tok.is_proper:
                stem = _country_stem(tok, is_place)
                if stem:
                    spans.append((tok.start, tok.start + stem, "sudachi"))
            if (
                k + 1 < n
                and tokens[k + 1].start == tok.end
                and tokens[k + 1].surface in _GEO_HEADS
                and tok.is_noun
                and (
                    tok.oov
                    or tok.is_proper
                    or script_of(tok.surface) == "katakana"
                    or (tokens[k + 1].surface in _NATURAL_HEADS and len(tok.surface) <= 3)
                )
                and not _glued_to_org(tokens, k + 1)
            ):
                spans.append((tok.start, tokens[k + 1].end, "cue"))
                k += 2
                continue
            if _unknown_place(tokens, k):
                spans.append((tok.start, tok.end, "cue"))
            k += 1
            continue
        j = k
        while (
            j + 1 < n
            and tokens[j + 1].start == tokens[j].end
            and (tokens[j + 1].is_place or tokens[j + 1].surface in _PLACE_SUFFIX)
        ):
            j += 1
        if not _glued_to_org(tokens, j):
            spans.append((tok.start, tokens[j].end, "sudachi"))
        k = j + 1
    for m in _GAZETTEER.finditer(folded):
        spans.append((m.start(), m.end(), "gazetteer"))
    return spans


def find_places(text: str, folded: str, spans: list[tuple[int, int, str]]) -> Iterator[Entity]:
    """Turn place spans into ADDRESS (with a block/番地 tail or an address cue) or LOCATION."""
    merged: list[list[int | str]] = []
    for start, end, source in sorted(spans):
        if merged and start <= int(merged[-1][1]):
            merged[-1][1] = max(int(merged[-1][1]), end)
        else:
            merged.append([start, end, source])
    # Join neighbouring place runs (東京都 + 千代田区) into one span.
    joined: list[list[int | str]] = []
    for item in merged:
        if joined and int(item[0]) - int(joined[-1][1]) <= 0:
            joined[-1][1] = max(int(joined[-1][1]), int(item[1]))
        else:
            joined.append(item)
    for start_o, end_o, source_o in joined:
        start, end, source = int(start_o), int(end_o), str(source_o)
        tail = _BLOCK.match(folded, end)
        if (
            tail
            and tail.end() > end
            and any(ch.isdigit() or ch in KANJI_NUMERAL_CHARS for ch in tail.group())
        ):
            end = tail.end()
            yield Entity(EntityType.ADDRESS, start, end, text[start:end], 0.95, source)
        elif _address_cue(text, start):
            yield Entity(EntityType.ADDRESS, start, end, text[start:end], 0.85, source)
        else:
            yield Entity(EntityType.LOCATION, start, end, text[start:end], 0.8, source)


# 町名 + 丁目・番地・号 or a 1-2-3 block, found on characters: the town name is often
# unknown to SudachiPy (若葉台, 丘の上, みなと北町) and then no place span starts the address.
_KNUM = rf"(?:[0-9]{{1,4}}|[{KANJI_NUMERAL_CHARS}]{{1,4}})"
_BLOCK_ONLY = re.compile(
    # 北5条西12丁目3-8: the 番-号 pair may follow 丁目 as a bare block.
    rf"(?:{_KNUM}条[東西南北]?)?{_KNUM}丁目(?:{_KNUM}番地?(?:の?{_KNUM}号?)?|[-－][0-9]{{1,4}}(?:[-－][0-9]{{1,4}})?"
    rf"|[0-9]{{1,4}}[-－][0-9]{{1,4}}(?![0-9]))?"
    # 1234番地イ, 1234番地のイ: a lot split by イロハ or 甲乙 after 番地 (rt10)
    rf"|{_KNUM}番地(?:[のノ]{_KNUM}|の?[イロハニホヘト甲乙丙丁](?![ァ-ヺー一-鿿]))?"
    rf"|{_KNUM}番{_KNUM}号"
    # 港町1-8-3-402: the room number as a fourth group (rt10)
    r"|(?<![0-9-])[0-9]{1,4}-[0-9]{1,4}-[0-9]{1,4}(?:-[0-9]{1,4})?(?![0-9-])"
    # hand-typed: 中央2の14の3, 東町二ノ五ノ八
    rf"|(?<![0-9]){_KNUM}[のノ]{_KNUM}[のノ]{_KNUM}(?![0-9])"
)
# quotes and brackets too: {"address": "宮城野区…"} must not take the opening quote
_TOWN_STOP = frozenset(
    "はをにでへともや、。，．,.：:（(「『)）」』 \u3000\n\t　/\"'“”‘’[]{}<>＜＞【】"
)
_BUILDING = re.compile(
    r"[ \u3000]?[ァ-ヺーA-Za-z一-鿿々ぁ-ゖ]{1,16}?(?:[ \u3000]?[A-Za-z0-9]{1,3}棟)?[ \u3000]?"
    r"[0-9]{1,4}(?:号室|号館|号棟|号|階|F)"
    r"|[ \u3000]?[ァ-ヺー]{2,16}[一-鿿々ァ-ヺー]{0,8}[ \u3000]?[A-Z]?-?[0-9]{1,4}(?![0-9])"
)
# A building and room on its own (メゾン桜木203, 工業団地5号棟402, サンハイツ伊勢崎 B-204):
# a housing word, then a room number.
_HOUSING = (
    r"(?:団地|ハイツ|コーポ|マンション|アパート|荘|寮|レジデンス|ハイム|メゾン|パレス|ヴィラ|"
    r"シャトー|コート|ハウス|ドミール|グランド|住宅)"
)
_STANDALONE_BUILDING = re.compile(
    rf"[一-鿿々ァ-ヺー]{{0,8}}{_HOUSING}[一-鿿々ァ-ヺーA-Za-z]{{0,8}}[ \u3000]?"
    r"(?:[A-Z0-9]{1,3}[-]?棟[ \u3000]?|[0-9]{1,3}号棟[ \u3000]?)?"
    r"(?:[A-Z]-?)?[0-9]{2,4}(?:号室|号)?(?![0-9一-鿿々])"
)


# 駅前通2-3, 緑町1-14: a two-number block after a town name ending like one, or after 住所.
_TWO_BLOCK = re.compile(r"(?<![0-9-])[0-9]{1,4}-[0-9]{1,4}(?![0-9-])")
_TOWN_ENDS = ("町", "通", "通り", "台", "丘", "坂", "村", "丁", "字", "条", "野", "原", "浜")


# A town written in katakana words before a block number: アオバク チュウオウ 1-2-3.
#: あおばし みどりまち 2-8-5 (やさしい日本語): spaced hiragana town words, the last one ending
#: as a town (まち, ちょう, ちょうめ, むら, だんち), those before as a city or ward (し, く, まち).
_HIRAGANA_TOWN = re.compile(
    r"(?<![ぁ-ゖー])(?:[ぁ-ゖー]{2,8}(?:し|く|ぐん|まち|ちょう)[ \u3000]){0,2}"
    r"[ぁ-ゖー]{1,8}(?:まち|ちょう|ちょうめ|むら|だんち)[ \u3000]$"
)
_KATAKANA_TOWN = re.compile(
    r"(?<![ァ-ヺー])[ァ-ヺー]{2,12}(?:[ \u3000][ァ-ヺー]{2,12}){0,3}[ \u3000]$"
)


def _town_start(text: str, end: int) -> int:
    """Start of the town name written right before a block number (at most 8 characters)."""
    start = end
    while start > 0 and end - start < 8 and text[start - 1] not in _TOWN_STOP:
        if text[start - 1].isdigit():
            break
        start -= 1
    return start


_AZA_LOT = re.compile(
    r"(?<![文漢数赤黒太題名活誤脱])字[一-鿿ヶケノの]{2,6}?[ \u3000]?[0-9]{1,5}(?:番地?)?(?:[-の][0-9]{1,5}){0,3}(?![0-9])(?![年月日時分歳才人件回])"
)


_OAZA_BEFORE = re.compile(r"大字[一-鿿ヶケノの]{1,6}[ \u3000]$")


# 図1-2-3, 表2-1-1, 条例第3-1-2, 第3-1-2号, 資料1-2-3, p.1-2-3: a figure, table, article,
# section or page number, not a town and block (unless an address word is near: 住所 …).
_NUMBERED_ITEM = re.compile(
    r"(?:図|表|図表|第|資料|別表|別紙|別添|別記|様式|付録|附録|参考|添付|頁|章|節|項|号|条例|規則|"
    r"要綱|p\.?|pp\.?|P\.?|No\.?|Fig\.?|Table|Figure|Section|Art\.?)[ \u3000]?$"
)


def numbered_item(text: str, start: int, block_start: int) -> bool:
    """``text[start:block_start]`` (the word before a block number) ends with a figure, table,
    article or page label and no address word is near."""
    return bool(_NUMBERED_ITEM.search(text, start, block_start)) and not _address_cue(text, start)


def find_block_addresses(text: str, folded: str) -> Iterator[Entity]:
    """Addresses recognised by their block number (2丁目5番7号, 4-7-21) and the town name
    glued before it, with a building and room after it (グランシャトー丘の上 B棟 507号室)."""
    for m in _BLOCK_ONLY.finditer(folded):
        if m.group()[:1] in "0０":
            continue  # 090-6628-1173 after 电话是: a 番地 never starts with 0; a phone does
        start = _town_start(folded, m.start())
        if start < m.start() and numbered_item(folded, start, m.start()):
            continue  # 図1-2-3, 条例第3-1-2: a numbered item
        if start == m.start() and "番地" in m.group():
            pass  # 1234番地イ with no town before it: 番地 is an address word of its own
        elif start == m.start():
            kana = _KATAKANA_TOWN.search(folded, max(0, m.start() - 30), m.start())
            kana = kana or _HIRAGANA_TOWN.search(folded, max(0, m.start() - 40), m.start())
            if not kana:
                continue  # a bare 1-2-3 without a town name: a date or a code, not an address
            start = kana.start()  # アオバク チュウオウ 1-2-3 (半角カナ forms, read aloud)
        end = m.end()
        building = _BUILDING.match(folded, end)
        if building:
            end = building.end()
        yield Entity(EntityType.ADDRESS, start, end, text[start:end], 0.93, "block")
    for m in _TWO_BLOCK.finditer(folded):
        start = _town_start(folded, m.start())
        town = folded[start : m.start()]
        if start == m.start() or not (town.endswith(_TOWN_ENDS) or _address_cue(text, start)):
            continue  # 表2-3, 様式2-3: a numbered item, not a town and block
        end = m.end()
        building = _BUILDING.match(folded, end)
        if building:
            end = building.end()
        yield Entity(EntityType.ADDRESS, start, end, text[start:end], 0.85, "block")
    # 実沢字中山10, 湯元字薬師102: a 字 name and a bare lot number, with the town before it
    for m in _AZA_LOT.finditer(folded):
        start = _town_start(folded, m.start())
        oaza = _OAZA_BEFORE.search(folded, max(0, start - 12), start)
        if oaza:
            start = oaza.start()  # 大字下河原 字宮ノ前 1290-3: the 大字 spaced before the 字
        yield Entity(EntityType.ADDRESS, start, m.end(), text[start : m.end()], 0.88, "aza")
    for m in _STANDALONE_BUILDING.finditer(folded):
        yield Entity(
            EntityType.ADDRESS, m.start(), m.end(), text[m.start() : m.end()], 0.85, "building"
        )
