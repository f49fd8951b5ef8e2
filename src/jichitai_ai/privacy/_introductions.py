"""Names in a self-introduction: 「森林 さくらと申します」, 私、笹ケ谷と申します (名乗り).

What stands between a boundary (start, 「, 。, 、, 私は, の) and と申します / と言います is
the writer's name, whatever SudachiPy makes of it: a surname that is also a common noun
(森林, 大和, 平和) is read as a word and missed by every dictionary rule.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence

from ._kana_names import katakana
from ._spaced_given import katakana_given_word
from ._tokens import Token
from ._types import Entity, EntityType

_NAME_CHAR = re.compile(r"[一-鿿々〆ヶぁ-ゖァ-ヺーA-Za-z]")
_TAIL = re.compile(
    r"と申します|と申しま|ともうします|と言います|といいます|と申す者|と名乗|と名の[るっり]|という名前"
    r"|って名前|っていう名前"
    # ひらのって人が…, 斉藤という方から: a name the speaker only half knows
    r"|(?:って|っていう|という)(?:人(?![手口気材物間生工形格権数])|方(?![法針向面式言]))"
)
# 「一ノ瀬 光」と名乗る: a quoted name right before the tail.
_QUOTED_BEFORE = re.compile(r"[「『]([^「」『』。、\n]{1,16})[」』]$")
#: Characters that end the backward walk: particles and punctuation before the name.
_STOP = frozenset("のはがをにでへもや、。，．,.！？!?「」『』（）()：:\n\t")
#: Words that end up before と申します without being a name (…の件と申しますか).
_NOT_NAMES = frozenset(
    {"私", "わたし", "わたくし", "僕", "担当", "担当者", "件", "こと", "者", "そう", "こう", "ああ"}
)
_KANJI_ONLY = re.compile(r"[一-鿿々〆ヶ]+")
_KANA_SURNAME_NO = re.compile(r"(?:^|(?<=[：:、。\s「『]))[ぁ-ゖー]{1,5}の[ \u3000]$")
_KANA_BEFORE = re.compile(r"(?<![ぁ-ゖー])[ぁ-ゖー]{2,6}$")


def find_introduced_names(text: str) -> Iterator[Entity]:
    """The name before と申します (see the module docstring): at most two words of up to six
    characters each, separated by one space."""
    if not any(
        w in text for w in ("申", "いいます", "言います", "名乗", "名の", "名前", "人", "方")
    ):
        return
    for m in _TAIL.finditer(text):
        quoted = _QUOTED_BEFORE.search(text, max(0, m.start() - 18), m.start())
        if quoted:
            name = quoted.group(1).strip(" \u3000")
            if name and name not in _NOT_NAMES:
                s, e = quoted.start(1), quoted.end(1)
                yield Entity(EntityType.PERSON, s, e, text[s:e], 0.85, "cue")
            continue
        start, spaces = m.start(), 0
        while start > 0 and m.start() - start < 13:
            ch = text[start - 1]
            if ch in " \u3000":
                if spaces or start == m.start():
                    break
                spaces += 1
            elif ch in _STOP or not _NAME_CHAR.match(ch):
                break
            elif start < m.start() and ch.isascii() != text[start].isascii():
                break  # TomとJerry: a change of script ends a Latin (or Japanese) name
            start -= 1
        name = text[start : m.start()].strip(" \u3000")
        start = m.start() - len(name)
        surname = _KANA_SURNAME_NO.search(text, max(0, start - 8), start)
        if spaces and surname and " " in text[surname.end() - 1 : start + 1].replace("\u3000", " "):
            # にしぞの まゆといいます: a hiragana surname ending in の, then a space
            name, start = text[surname.start() : m.start()], surname.start()
        kana = _KANA_BEFORE.search(text, max(0, m.start() - 7), m.start())
        if m.group().endswith(("人", "方")) and kana and len(kana.group()) > len(name):
            name, start = kana.group(), kana.start()  # ひらのって人: の inside a kana name
        for prefix in ("私", "わたくし", "わたし", "僕"):
            if name.startswith(prefix) and len(name) > len(prefix):
                name, start = (
                    name[len(prefix) :].lstrip(" \u3000"),
                    m.start() - len(name) + len(prefix),
                )
                start = m.start() - len(name)
        if not name or name in _NOT_NAMES:
            continue
        if m.group().endswith(("人", "方")) and (_KANJI_ONLY.fullmatch(name) or name in _NOT_NAMES):
            continue  # 市役所っていう方: a kanji word is left to the name detectors
        yield Entity(EntityType.PERSON, start, m.start(), name, 0.85, "cue")


# 「真壁です。」, ：鳥越ですけど: a surname alone, opening a message or a quote, before です.
_SURNAME_DESU = re.compile(
    r"(?:^|(?<=[「『：:\n。]))[ \u3000]?(?P<name>[一-鿿々〆ヶ]{1,4}|[ァ-ヺー]{2,8}|[ぁ-ゖー]{2,6})"
    # an emoji or the end may close the sentence in chat: こはねです😊
    r"(?:です|でございます)(?:[。、！!\s]|けど|が|$|[\u2600-\u27bf\U0001f300-\U0001faff])"
)
_FULL_NAME_DESU = re.compile(
    r"(?:^|(?<=[「『：:\n。]))(?P<name>(?P<surname>[一-鿿々〆ヶ]{1,3})[ \u3000]"
    r"(?P<given>[一-鿿々]{1,3}|[ぁ-ゖ]{2,4}|[ァ-ヺ]{2,3}))(?:です|でございます|と申します)"
)
#: Openings before です that are not a name (そう of そうです has a surname reading).
_NOT_OPENINGS = frozenset({"そう", "こちら", "わたし", "私", "僕", "以上", "本日", "担当"})


#: Pieces a dictionary breaks an unknown kana word into (ここ|な, ひま|り): a sentence-final
#: particle or an interjection inside the word.
_ODD_PIECES = frozenset({"終助詞", "フィラー", "感動詞"})
#: Pieces that make the run a phrase, not one word (あとすこし is fine; これから, いいです are not).
_PHRASE_PIECES = frozenset({"格助詞", "係助詞", "接続助詞", "副助詞", "動詞", "助動詞", "形容詞"})


def unread_kana(word: str, tokenize: Callable[[str], list[Token]] | None) -> bool:
    """A hiragana run the dictionary does not know as a word: it splits it into two or more
    pieces, one a sentence-final particle or an interjection (ささもと, ここな), none a
    case particle, verb or adjective, the first not a particle."""
    if tokenize is None:
        return False
    tokens = tokenize(word)
    if len(tokens) < 2 or tokens[0].pos[0] == "助詞":
        return False
    kinds = {t.pos[0] for t in tokens} | {t.pos[1] for t in tokens}
    if tokens[-1].surface in ("な", "り") and tokens[-1].pos[0] == "助動詞":
        # ここ|な, ひま|り: a name's last kana read as an auxiliary (no word ends so)
        kinds = {t.pos[0] for t in tokens[:-1]} | {t.pos[1] for t in tokens[:-1]} | {"終助詞"}
    # はいはい, ええと: interjections only, no noun or adverb piece
    return (
        bool(kinds & _ODD_PIECES and kinds & {"名詞", "副詞", "代名詞"})
        and not kinds & _PHRASE_PIECES
    )


# ここなが咳で欠席します（門脇）: a message signed with a surname in brackets at its end, opening
# with a hiragana word before が/は/も — the child or family member the signer writes about.
_SIGNED_SUBJECT = re.compile(r"^[ \u3000]*(?P<name>[ぁ-ゖ]{2,4})(?:が|は|も)(?![ぁ-ゖ]{0,1}[、。])")
_SIGNATURE = re.compile(r"[（(](?P<surname>[一-鿿々]{1,3})[）)][ \u3000。]*$")


def find_signed_subjects(
    text: str,
    name_parts: Callable[[str], frozenset[str]],
    tokenize: Callable[[str], list[Token]],
) -> Iterator[Entity]:
    """The hiragana subject of a message signed （姓） at its end, when the word is a given-name
    reading or one the dictionary does not know (see ``unread_kana``)."""
    sig = _SIGNATURE.search(text)
    if sig is None or "姓" not in name_parts(sig.group("surname")):
        return
    m = _SIGNED_SUBJECT.match(text)
    if m is None:
        return
    name = m.group("name")
    if "名" in name_parts(katakana(name)) or unread_kana(name, tokenize):
        yield Entity(EntityType.PERSON, m.start("name"), m.end("name"), name, 0.8, "cue")


def find_opening_surnames(
    text: str,
    name_parts: Callable[[str], frozenset[str]],
    tokenize: Callable[[str], list[Token]] | None = None,
) -> Iterator[Entity]:
    """A word with a surname reading that opens a message or quote before です (名乗り);
    in hiragana (めぐみです！, a message signed with a given name) a given-name reading too."""
    if "です" not in text and "でございます" not in text:
        return
    for m in _SURNAME_DESU.finditer(text):
        name = m.group("name")
        parts = name_parts(name)
        hiragana = "ぁ" <= name[0] <= "ゖ"
        unread = (
            hiragana
            and len(name) >= 3
            and text[m.end() - 1 : m.end()] in ("、", "。")
            and unread_kana(name, tokenize)
        )
        if name not in _NOT_OPENINGS and ("姓" in parts or (hiragana and "名" in parts) or unread):
            yield Entity(EntityType.PERSON, m.start("name"), m.end("name"), name, 0.8, "cue")
    for m in _FULL_NAME_DESU.finditer(text):
        # 丹後 美紗です。: a surname read as a place (丹後) is still a surname when a given
        # name follows it, spaced, before です.
        given = m.group("given")
        if (
            "名" in name_parts(given)
            or "姓" in name_parts(m.group("surname"))
            or (given[0] >= "ァ" and tokenize is not None and katakana_given_word(given, tokenize))
        ):
            yield Entity(EntityType.PERSON, m.start(), m.end("given"), m.group("name"), 0.8, "cue")


# 翔くん, 湊ちゃん: one or two kanji alone before a child's honorific. SudachiPy often glues
# the kanji to く (翔く = a verb), so this works on characters; kinship words and verb
# endings (行くんだ, 書くんです) are excluded.
_CHILD_NAME = re.compile(
    r"(?<![一-鿿々〆ヶ])(?P<name>[一-鿿々]{1,2})(?:くん|ちゃん)"
    r"(?=[（(、。,，\s」』はがのにとをもへ]|$)"
)
_KIN = frozenset("赤坊姉兄婆爺母父嬢叔伯孫弟妹娘息嫁婿祖") | {
    "お姉",
    "お兄",
    "お婆",
    "お爺",
    "お母",
    "お父",
    "赤",
    "坊",
    "奥",
    "彼",
    "皆",
    "誰",
}


def find_child_names(text: str) -> Iterator[Entity]:
    """Children's given names before くん / ちゃん (see the comment above)."""
    if "くん" not in text and "ちゃん" not in text:
        return
    for m in _CHILD_NAME.finditer(text):
        name = m.group("name")
        if name in _KIN or any(ch in _KIN for ch in name):
            continue
        yield Entity(EntityType.PERSON, m.start("name"), m.end("name"), name, 0.85, "cue")


# 次男の蒼空（9）, こどものひなの（2021/4/8生まれ）: a word between a kinship word and an age or
# a birthdate in brackets is the family member's given name.
_KIN_AGE = re.compile(
    r"(?:(?:お(?:父|母|兄|姉|子|孫)|おじい|おばあ)(?:さん|ちゃん)"
    r"|(?<![一-鿿々お])(?:長男|長女|次男|次女|三男|三女|息子|娘|子ども|子供|こども|孫|妻|夫|兄|"
    r"姉|弟|妹|父|母))(?:の|[ \u3000])?(?P<name>[一-鿿々]{1,3}|[ぁ-ゖー]{2,6}?|[ァ-ヺー]{2,8})"
    r"(?:くん|ちゃん|さん|君)?[ \u3000]?"
    r"[（(](?:[0-9０-９]{1,3}(?:歳|才)?|[^（）()\n]{1,16}?生(?:まれ)?)[)）]"
)
#: Words that stand there without being a name (母の年齢（82）).
_NOT_KIN_NAMES = frozenset(
    {"年齢", "体調", "介護", "様子", "病状", "状態", "収入", "所得", "年金", "入院", "通院", "学年"}
)
_HONORIFIC_ONLY = frozenset({"さん", "さま", "くん", "ちゃん", "たち", "ども", "がた"})


def find_kin_age_names(text: str) -> Iterator[Entity]:
    """Given names between a kinship word and an age or birthdate (see the comment above)."""
    if "（" not in text and "(" not in text:
        return
    for m in _KIN_AGE.finditer(text):
        name = m.group("name")
        if name not in _NOT_KIN_NAMES and name not in _HONORIFIC_ONLY:
            yield Entity(EntityType.PERSON, m.start("name"), m.end("name"), name, 0.8, "cue")


# ファーストネームは Bruno, 名字：Oliveira, 下の名前は「みお」: a name-part label names what follows.
_NAME_PART_LABEL = re.compile(
    r"(?:ファーストネーム|ファミリーネーム|ミドルネーム|ラストネーム|名字|苗字|下の名前|上の名前|"
    r"(?<![A-Za-z])(?:[Ff]irst|[Gg]iven|[Ll]ast|[Ff]amily|[Mm]iddle)[ ]?[Nn]ame|[Ss]urname)"
    r"[ \u3000]?(?:は|が|=|[:：])[ \u3000]?[「『\"]?"
    r"(?P<name>[A-Z][A-Za-z'\u00c0-\u024f-]{1,20}|[ァ-ヺー]{2,10}|[ぁ-ゖ]{2,6}(?=[」』\"、。,\s]|です)"
    r"|[一-鿿々]{1,4}(?=[」』\"、。,\s]|です))"
)


# 名前はこばやかわです, 氏名：荒井 ほのか。, 下はあやね (after a 名前 sentence): a whole name after
# a label saying it is one, up to です, と申します or punctuation.
_WORD = r"(?:[一-鿿々]{1,4}|[ァ-ヺー]{2,10}|[ぁ-ゖ]{2,6})"
_NAME_LABEL = re.compile(
    r"(?:お?名前|なまえ|氏名|名字|苗字|(?<=[。、\s「])下)[ \u3000]?(?:は|が|[:：])[ \u3000]?[「『]?"
    rf"(?P<name>{_WORD}(?:[ \u3000・]{_WORD})?)"
    r"(?=[」』、。,，！!\n]|です|と(?:申|言|いい|もう))"
)
#: What follows 名前は without being a name (氏名は必須です, 名前は不明です).
_NOT_LABELLED_NAMES = frozenset(
    {
        "必須",
        "不明",
        "未定",
        "未記入",
        "空欄",
        "任意",
        "本名",
        "仮名",
        "同じ",
        "変更",
        "なし",
        "不要",
    }
    | {"漢字", "カタカナ", "ひらがな", "ローマ字", "英語", "何", "なに", "なん", "まだ", "秘密"}
)


# わたしは ふくなが りお です (やさしい日本語, spaced): two kana words after わたしは and before
# です are a name (one word is not: わたしは がくせい です); in katakana up to four (わたしは
# ヌグエン ティ タオ です: a Vietnamese name has three parts).
_I_AM = re.compile(
    r"(?:わたし|私|ぼく|僕|あたし)[はわ、][ \u3000]*"
    r"(?P<name>[ぁ-ゖー]{2,6}[ \u3000][ぁ-ゖー]{1,6}|[ァ-ヺー]{2,10}(?:[ \u3000・][ァ-ヺー]{1,10}){1,3})"
    r"[ \u3000]*(?:です|と[ \u3000]?(?:いいます|もうします|申します))"
)


def find_labelled_name_parts(text: str) -> Iterator[Entity]:
    """A surname or given name after a label saying it is one (see the comment above), and a
    whole name after 名前は."""
    for m in _NAME_PART_LABEL.finditer(text):
        name = m.group("name")
        yield Entity(EntityType.PERSON, m.start("name"), m.end("name"), name, 0.9, "cue")
    for m in _I_AM.finditer(text):
        yield Entity(
            EntityType.PERSON, m.start("name"), m.end("name"), m.group("name"), 0.85, "cue"
        )
    if "名" not in text:
        return
    for m in _NAME_LABEL.finditer(text):
        name = m.group("name")
        if name in _NOT_LABELLED_NAMES:
            continue
        if m.group().startswith("下") and "名" not in text[max(0, m.start() - 30) : m.start()]:
            continue  # 下は only right after a sentence about the name
        yield Entity(EntityType.PERSON, m.start("name"), m.end("name"), name, 0.85, "cue")


# =VLOOKUP("長谷部 陸",…), 検索語「長谷部 陸」: a quote holding only 姓 + space + a short given
# name is a person, even when the given name is an ordinary word (陸 = land).
_QUOTED_FULL_NAME = re.compile(
    r"(?<=[「『\"“'‘])(?P<surname>[一-鿿々]{1,4})[ \u3000](?P<given>[一-鿿々]{1,3}|[ぁ-ゖァ-ヺー]{2,5})"
    r"(?=[」』\"”'’])"
)


def find_quoted_full_names(
    text: str, name_parts: Callable[[str], frozenset[str]]
) -> Iterator[Entity]:
    """A full name alone inside quotes (see the comment above)."""
    for m in _QUOTED_FULL_NAME.finditer(text):
        if "姓" in name_parts(m.group("surname")):
            yield Entity(EntityType.PERSON, m.start(), m.end(), m.group(), 0.85, "cue")


# 司法書士 八乙女 淡路, 民生委員 国分 盛重: a profession or post, then 姓 名 with a space,
# is a person even when both halves read as places.
_TITLED_FULL_NAME = re.compile(
    r"(?:司法書士|弁護士|行政書士|税理士|社会保険労務士|社労士|社会福祉士|介護福祉士|精神保健福祉士|"
    r"歯科医師|医師|看護師|保健師|助産師|民生委員|児童委員|ケアマネジャー|ケアマネ|相談員|支援員|"
    r"後見人|保佐人|補助人|担当者|担当|主査|係長|課長|部長|主任|主事|技師|教諭|校長|園長)"
    r"[ \u3000]+(?P<name>[一-鿿々]{1,4}[ \u3000][一-鿿々]{1,3}|[一-鿿々]{1,4}[ \u3000][ぁ-ゖァ-ヺー]{2,5})"
    r"(?=[、。，,.\s）)」』]|$|さん|様|氏|先生|殿)"
)


def find_titled_full_names(text: str, tokens: Sequence[Token]) -> Iterator[Entity]:
    """姓 名 after a profession or post (see the comment above); not a telegraphic memo
    (課長 会議 出席: verbal nouns)."""
    verbal = {(t.start, t.end) for t in tokens if t.pos[1] == "普通名詞" and t.pos[2] == "サ変可能"}
    for m in _TITLED_FULL_NAME.finditer(text):
        s, e = m.start("name"), m.end("name")
        if text[e - 1] in "氏様殿" and e - 1 > s and text[e - 2] not in " \u3000":
            e -= 1  # 淡路氏: the honorific, not part of the name
        parts = [(s + p.start(), s + p.end()) for p in re.finditer(r"[^ \u3000]+", text[s:e])]
        if not any(part in verbal for part in parts):
            yield Entity(EntityType.PERSON, s, e, text[s:e], 0.85, "cue")


# やさしい日本語 with spaces: 「やまもと はると さんの おかあさん」 — the hiragana word before a
# spaced さん／さま／くん／ちゃん is a name, and so is the word before it unless a particle.
_SPACED_KANA_HONORIFIC = re.compile(
    r"(?:(?<=[\s「『（(、。])|^)(?:(?P<first>[ぁ-ゖー]{2,6})[ \u3000])?(?P<last>[ぁ-ゖー]{2,6})"
    r"[ \u3000](?:さん|さま|くん|ちゃん)(?![ぁ-ゖ]{0,1}[ぁ-ゖ]{2})",
    re.MULTILINE,
)
_PARTICLE_WORDS = frozenset(
    {"から", "まで", "より", "には", "では", "とは", "への", "ので", "けど", "あした", "きょう",
     "きのう", "みんな", "みなさん", "あなた", "わたし", "この", "その", "あの", "どの"}
)  # fmt: skip


def find_spaced_kana_names(text: str) -> Iterator[Entity]:
    """Hiragana names in spaced やさしい日本語 before a spaced honorific (see above)."""
    if (
        " さん" not in text
        and " さま" not in text
        and " くん" not in text
        and " ちゃん" not in text
    ):
        return
    for m in _SPACED_KANA_HONORIFIC.finditer(text):
        last = m.group("last")
        if last in _PARTICLE_WORDS:
            continue
        first = m.group("first")
        start = m.start("first") if first and first not in _PARTICLE_WORDS else m.start("last")
        yield Entity(
            EntityType.PERSON, start, m.end("last"), text[start : m.end("last")], 0.8, "cue"
        )


# 連絡網・名簿: "・とだ れん（父：戸田 健）", "まつお ひなた(母:由香)": the entry before a
# bracketed guardian is a child's name, in whatever script (spaced hiragana has no other cue).
_GUARDIAN_ENTRY = re.compile(
    r"(?:^|(?<=[\n・･●○◯■□◆◇\-*、,\t：:]))[ \u3000]*"
    r"(?P<name>[ぁ-ゖァ-ヺー一-鿿々A-Za-z]{1,8}(?:[ \u3000][ぁ-ゖァ-ヺー一-鿿々A-Za-z]{1,8})?)"
    r"[ \u3000]?[（(](?:父|母|父親|母親|保護者|祖父|祖母|兄|姉|養父|養母|里親)[:：\s]",
    re.MULTILINE,
)


_KANJI_WORD = re.compile(r"[一-鿿々]+")


def find_guardian_listed_names(text: str) -> Iterator[Entity]:
    """Children listed with a guardian in brackets (see the comment above)."""
    if "（" not in text and "(" not in text:
        return
    for m in _GUARDIAN_ENTRY.finditer(text):
        name = m.group("name")
        # one kanji word (申込書（保護者：…）) is left to the name detectors
        if name in _KIN or (_KANJI_WORD.fullmatch(name) is not None):
            continue
        yield Entity(EntityType.PERSON, m.start("name"), m.end("name"), name, 0.85, "cue")


# 田中っち, 佐藤たん: a surname entry before a casual nickname suffix (SudachiPy reads 田中っ
# as a verb form).
_NICKNAME = re.compile(
    r"(?<![一-鿿々〆ヶ])(?P<name>[一-鿿々〆ヶ]{1,4})(?:っち|ッチ|っちゃん|っさん|やん|たん|りん|ぴょん)"
    r"(?=[がはのにともを、。,，!！?？\s」』]|$)"
)


def find_nicknames(text: str, name_parts: Callable[[str], frozenset[str]]) -> Iterator[Entity]:
    """Surnames before a nickname suffix (see the comment above)."""
    for m in _NICKNAME.finditer(text):
        if "姓" in name_parts(m.group("name")):
            s, e = m.start("name"), m.end("name")
            yield Entity(EntityType.PERSON, s, e, text[s:e], 0.8, "cue")
