"""Names SudachiPy does not tag as 人名: hiragana names (やまもと ゆうき, ゆうきさん) and
single common-noun kanji before an honorific (林様, 光ちゃん).

Hiragana names are found on characters (SudachiPy splits やまもと into やま+も+と): a
hiragana word pair separated by a space and followed by an honorific, a particle or
punctuation, or one hiragana word glued to an honorific. Greetings and kinship terms
(ありがとう ございます, おばあさん, みなさん) are excluded by a word list and by refusing any
part that SudachiPy reads as a verb, adjective, adverb or interjection. Kanji: a 1–2
character noun right before 様・さん・ちゃん … that the dictionary also lists as a surname
or given name (林, 光), not glued to a preceding word (お客様) and not a kinship term.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterator

from . import _name_lexicon as lex
from ._common_words import COMMON_WORDS
from ._tokens import Token, script_of
from ._types import Entity, EntityType

_HONORIFIC = r"(?:さん|さま|様|くん|君|ちゃん|氏|殿|先生)"
_BOUNDARY = (
    r"(?="
    + _HONORIFIC
    + r"|[、。,，.!！?？\s）)」』：:（(]|$|(?:から|は|が|に|の|と|を|へ|も|です|宛)(?![ぁ-ゖ]))"
)
_PAIR = re.compile(r"(?<![ぁ-ゖー])([ぁ-ゖー]{2,7})[ \u3000]([ぁ-ゖー]{2,8}?)" + _BOUNDARY)
# 氏名, 様子, 君主, 殿堂: an honorific character opening a longer word is not an honorific.
_SINGLE = re.compile(
    r"(?<![ぁ-ゖー])([ぁ-ゖー]{2,8})(?=(?:さん|さま|様(?![子式相])|くん|君(?![主臨])|ちゃん|氏(?![名族])"
    r"|殿(?![堂下])|先生))"
)
_HONORIFIC_WORDS = ("さん", "さま", "様", "くん", "君", "ちゃん", "氏", "殿", "先生")
#: 本日 花子が…: a time word before a given name is not its surname.
_TIME_ENDS = ("日", "月", "年", "時", "週", "中", "後", "前", "頃", "朝", "夜", "晩")
_TRAILING_HONORIFIC = re.compile(_HONORIFIC + r"$")
_PARTICLE_START = "のはがをにともへや"
_NOT_NAME_POS = frozenset(
    {"動詞", "形容詞", "助動詞", "感動詞", "副詞", "接続詞", "連体詞", "代名詞"}
)
NOT_KANA_NAMES = frozenset(
    {
        "みな",
        "みんな",
        "みなみな",
        "おばあ",
        "おじい",
        "おかあ",
        "おとう",
        "おにい",
        "おねえ",
        "おば",
        "おじ",
        "あか",
        "おくさ",
        "おきゃく",
        "おこ",
        "おこさ",
        "ぼっ",
        "おじょう",
        "だんな",
        "ねえ",
        "にい",
        "ばあ",
        "じい",
        "かあ",
        "とう",
        "おまわり",
        "おいしゃ",
        "おひめ",
        "おうじ",
        "おひさま",
        "かみ",
        "ほとけ",
        "あなた",
        "だれ",
        "どなた",
        "おたく",
        "おさる",
        "わん",
        "ねこ",
        "おとも",
        "ともだち",
        "せんせい",
        "こども",
        "まご",
        "むすめ",
        "むすこ",
        "おとなり",
        "となり",
        "ごしゅじん",
        "おく",
        "おや",
        "おやご",
        "おまご",
        "ごりょう",
        "おきゃくさ",
        "おにいち",
        "おねえち",
        "あかち",
        "おふくろ",
        "おやじ",
        "おつかれ",
        "ごくろう",
        "おげんき",
        "ごちそう",
        "おかげ",
        "ありがとう",
        "ございます",
        "よろしく",
        "おねがい",
        "こんにちは",
        "こんばんは",
        "おはよう",
        "すみません",
        "もうしわけ",
        "ください",
        "します",
        "しました",
        "おります",
        "です",
        "ます",
    }
)
_NOT_KANJI_NAMES = frozenset(
    "兄姉弟妹娘嫁孫父母婆爺奥坊姫殿仏神皆客王方様隣店係主夫妻婿舅姑叔伯".replace("", " ").split()
) | frozenset(
    {
        "息子",
        "叔父",
        "叔母",
        "伯父",
        "伯母",
        "旦那",
        "主人",
        "大家",
        "家主",
        "近所",
        "先方",
        "医者",
        "住職",
        "和尚",
        "神父",
        "牧師",
        "巡査",
        "刑事",
        "駅員",
        "係員",
        "乙女",
        "殿様",
        "王子",
        "姫様",
        "花子",
        "太郎",
    }
    - {"花子", "太郎"}
)
NameParts = Callable[[str], frozenset[str]]


def _clean_run(text: str, start: int, run: str) -> tuple[int, str]:
    """Drop a particle glued in front (相談者のやまもと → やまもと)."""
    if (
        len(run) >= 4
        and run[0] in _PARTICLE_START
        and start > 0
        and (script_of(text[start - 1]) in {"kanji", "katakana"} or text[start - 1] in "）)」』")
    ):
        return start + 1, run[1:]  # also （1歳）とさくら: a particle after a bracket
    return start, run


_VERB_ENDINGS = frozenset(
    {"ます", "です", "ました", "ません", "ない", "たい", "ください", "でした"}
)


#: A head count or an age read out in kana (子どもは ふたり です, むすこは 6さい, さんにん): a
#: number of people, never a name.
_COUNT = re.compile(
    r"ひとり|ふたり|(?:さん|よ|ご|ろく|しち|なな|はち|きゅう|く|じゅう)にん"
    r"|(?:いっ|に|さん|よん|ご|ろく|ろっ|なな|はっ|きゅう|じゅっ|じっ)さい"
)


def _wordlike(part: str, tokenize: Callable[[str], list[Token]]) -> bool:
    """Not a greeting, kinship term, head count or verb phrase: a single token of a non-name
    part of speech, or a polite verb ending, rules the part out (やまもと = やま+も+と passes)."""
    if part in NOT_KANA_NAMES or any(part.startswith(w) for w in ("おばあ", "おじい", "ござい")):
        return False
    if _COUNT.fullmatch(part):
        return False
    tokens = tokenize(part)
    if len(tokens) == 1 and tokens[0].pos[0] in _NOT_NAME_POS:
        return False
    return not any(t.surface in _VERB_ENDINGS for t in tokens)


_KATAKANA_SPACED = re.compile(
    r"(?<![ァ-ヺー])[ァ-ヺー]{1,12}(?:[ \u3000・][ァ-ヺー]{1,12}){1,4}(?=[ \u3000]?"
    + _HONORIFIC
    + r")"
)


# スズキ ハナコ(…), ヤマダ タロウ、: two katakana words, the first a surname reading and the
# second a given-name reading, then a bracket, punctuation or particle — no honorific needed.
_KATAKANA_PAIR = re.compile(
    r"(?<![ァ-ヺー])([ァ-ヺー]{2,6})[ \u3000]([ァ-ヺー]{2,6})(?=[(（、。,，\s」』]|$|(?:の|は|が|に|を|と|から|へ)(?![ァ-ヺー]))"
)


def find_katakana_pairs(text: str, name_parts: NameParts) -> Iterator[Entity]:
    """Spaced katakana full names known by their readings (see the comment above)."""
    for m in _KATAKANA_PAIR.finditer(text):
        if "姓" in name_parts(m.group(1)) and "名" in name_parts(m.group(2)):
            yield Entity(EntityType.PERSON, m.start(), m.end(), m.group(), 0.85, "kana")


def katakana(hiragana: str) -> str:
    """Hiragana → katakana, one character for one."""
    return "".join(chr(ord(c) + 0x60) if "ぁ" <= c <= "ゖ" else c for c in hiragana)


_NAME_CUE_AFTER = (*_HONORIFIC_WORDS, "です", "でした", "と申します", "ともうします", "といいます")


def _pair_is_name(first: str, second: str, after: str, name_parts: NameParts | None) -> bool:
    """やさしい日本語 is written in spaced hiragana (ごみの わけかたを おしえて), so a spaced
    pair is a name only with evidence: a cue right after it (さん, です, と申します) or a
    dictionary reading of the surname or given name — and a first part that ends in a
    particle (ごみの, こどもの) is a name only when the dictionary knows it as a surname."""
    if after.lstrip(" \u3000").startswith(_NAME_CUE_AFTER) or name_parts is None:
        return True
    surname = "姓" in name_parts(katakana(first))
    given = "名" in name_parts(katakana(second))
    if first[-1] in _PARTICLE_START and not surname:
        return False
    return surname or given


def find_kana_names(
    text: str,
    tokenize: Callable[[str], list[Token]],
    name_parts: NameParts | None = None,
) -> Iterator[Entity]:
    """Hiragana names: a spaced pair (やまもと ゆうき) or a word before an honorific; katakana
    names written in parts (グエン ティ マイさん) before an honorific. Without ``name_parts``
    every wordlike spaced pair counts (the older, stricter-for-privacy reading)."""
    for m in _KATAKANA_SPACED.finditer(text):
        if not any(part in COMMON_WORDS for part in re.split(r"[ \u3000・]", m.group())):
            yield Entity(EntityType.PERSON, m.start(), m.end(), m.group(), 0.85, "kana")
    taken: list[tuple[int, int]] = []
    for m in _PAIR.finditer(text):
        start, first = _clean_run(text, m.start(1), m.group(1))
        second = _TRAILING_HONORIFIC.sub("", m.group(2))
        end = m.start(2) + len(second)
        # A reading in brackets after a name, 小田切 譲二（おだぎり じょうじ）, is a name
        # whatever SudachiPy makes of its parts.
        furigana = text[start - 1 : start] in ("（", "(") and text[end : end + 1] in ("）", ")")
        # わたしは がくせい です: a pronoun or word + は／が／を is the subject, not a surname.
        subject = first[-1] in "はがを" and len(tokenize(first[:-1])) == 1
        if (
            len(second) < 2
            or subject
            or not (
                furigana
                or (
                    _wordlike(first, tokenize)
                    and _wordlike(second, tokenize)
                    and _pair_is_name(first, second, text[end:], name_parts)
                )
            )
        ):
            continue
        taken.append((start, end))
        yield Entity(EntityType.PERSON, start, end, text[start:end], 0.8, "kana")
    for m in _SINGLE.finditer(text):
        start, run = _clean_run(text, m.start(1), m.group(1))
        if any(s <= start < e for s, e in taken) or len(run) < 2:
            continue
        # お子さんのかいとくん: the run opens with the honorific of the word before (and a
        # particle); Santosさんの氏名: nothing is left after them.
        for honorific in ("さん", "さま", "くん", "ちゃん"):
            if run.startswith(honorific):
                start, run = start + len(honorific), run[len(honorific) :]
                if len(run) >= 3 and run[0] in _PARTICLE_START:
                    start, run = start + 1, run[1:]
                break
        if len(run) < 2 or run in NOT_KANA_NAMES:
            continue
        if _wordlike(run, tokenize):
            yield Entity(EntityType.PERSON, start, m.end(1), run, 0.8, "kana")


def find_kanji_honorific_names(
    tokens: list[Token], text: str, name_parts: NameParts
) -> Iterator[Entity]:
    """A 1–2 kanji common noun before an honorific that is also a name entry (林様)."""
    honorifics = lex.HONORIFICS
    for k in [i for i in range(1, len(tokens)) if tokens[i].surface in honorifics]:
        k -= 1
        tok, nxt = tokens[k], tokens[k + 1]
        if (
            tok.is_person
            or not tok.is_noun
            or nxt.surface not in lex.HONORIFICS
            or nxt.start != tok.end
            or len(tok.surface) > 2
            or script_of(tok.surface) != "kanji"
            or tok.surface in _NOT_KANJI_NAMES
            or tok.surface in lex.NOT_NAMES
        ):
            continue
        prev = tokens[k - 1] if k > 0 else None
        if (
            prev is not None
            and prev.end == tok.start
            and (prev.is_noun or prev.pos[0] in {"接頭辞", "動詞", "形容詞"})
        ):
            continue  # お客様, 担当者様: glued to a word before
        diminutive = nxt.surface in {"ちゃん", "くん", "君"} and len(tok.surface) == 1
        if diminutive or name_parts(tok.surface) & {"姓", "名"}:
            yield Entity(EntityType.PERSON, tok.start, tok.end, tok.surface, 0.85, "cue")


_KANJI_RUN_BEFORE = re.compile(r"[一-鿿々ヶ]{1,4}$")
_GIVEN_AFTER = re.compile(
    r"[ \u3000]([一-鿿々ぁ-ゖァ-ヺー]{1,5}?)(?="
    + _HONORIFIC
    + r"|[、。,，.!！?？\s）)」』：:（(]|$|から|は|が|に|の|と|を|へ|も|です|でした|だ)"
)


_RUN_BOUNDARY = frozenset(" \u3000\n\t、。，．,.：:（(「『)）」』・/")
#: Words that label the name that follows them (対象者 雲母 京香): the run after one is a surname.
_PERSON_LABELS = frozenset(
    {
        "対象者",
        "来所者",
        "来庁者",
        "宛名",
        "宛先",
        "児童",
        "保護者",
        "受給者",
        "差出人",
        "通報者",
        "傷病者",
        "入居者",
        "飼い主",
        "名義",
        "請求者",
        "送信者",
        "申請者",
        "相談者",
        "本人",
        "長男",
        "長女",
        "次男",
        "次女",
        "父",
        "母",
        "夫",
        "妻",
        "世帯主",
        "氏名",
        "旧姓",
        "利用者",
        "契約者",
        # registers (戸籍・相続・後見・固定資産): labels before a name, never its surname
        "二女",
        "三女",
        "二男",
        "三男",
        "筆頭者",
        "居住者",
        "所有者",
        "申立人",
        "相続人",
        "被相続人",
        "後見人",
        "同居人",
        "届出人",
        "納税者",
        "甥",
        "姪",
        "孫",
    }
)


def _surname_like(
    run: str, text: str, start: int, tokens: list[Token], name_parts: NameParts
) -> bool:
    """A kanji run before 「 名」 is a surname unless it is an ordinary word (来所者, 児童);
    after a person label (対象者 雲母 京香) it is a surname whatever the dictionary says."""
    if run in _PERSON_LABELS:
        return False
    before = text[max(0, start - 6) : start].rstrip(" \u3000：:")
    if before.endswith(tuple(_PERSON_LABELS) + tuple(lex.LABELS)):
        return True
    if "姓" in name_parts(run):
        return True
    first = bisect_left(tokens, start, key=lambda t: t.start)
    inside = []
    for t in tokens[first:]:
        if t.end > start + len(run):
            break
        inside.append(t)
    return not all(t.is_common_noun and t.synonyms for t in inside)


def _token_at(tokens: list[Token], start: int) -> Token | None:
    i = bisect_left(tokens, start, key=lambda t: t.start)
    return tokens[i] if i < len(tokens) and tokens[i].start == start else None


def _blocked(word: str) -> bool:
    return (
        word in lex.LABELS
        or word in lex.TITLES
        or word in lex.NOT_NAMES
        or word in lex.HONORIFICS
        or word in _NOT_KANJI_NAMES
        or word in NOT_KANA_NAMES
    )


def extend_spaced_names(
    entities: list[Entity], tokens: list[Token], text: str, name_parts: NameParts
) -> list[Entity]:
    """「姓 名」 written with a space where only one half was recognised: a given name tagged
    名 takes the kanji run before the space (四月一日 健吾, 雲母 京香); a surname takes the
    short word after it (千葉 さくら)."""
    out: list[Entity] = []
    for e in entities:
        if e.type is not EntityType.PERSON:
            out.append(e)
            continue
        start, end = e.start, e.end
        first = _token_at(tokens, start)
        given = first is not None and (
            first.is_person or (" " not in e.text and script_of(e.text) in {"hiragana", "katakana"})
        )
        confidence = e.confidence
        if start >= 2 and text[start - 1] in " \u3000" and given:
            m = _KANJI_RUN_BEFORE.search(text, max(0, start - 5), start - 1)
            # Try the longest run first, then shorter ones (相談者四十物 律子 → 四十物).
            for cut in range(0, len(m.group()) if m else 0):
                run_start = m.start() + cut if m else 0
                run = text[run_start : start - 1]
                if run.startswith(tuple(_PERSON_LABELS)) and run not in _PERSON_LABELS:
                    continue  # 母寒河江 ミツ: the kinship word stays readable
                # 鬼庭 左月 殿: the honorific may follow after a space
                after = text[e.end : e.end + 4].lstrip(" \u3000")
                honoured = (
                    after.startswith(_HONORIFIC_WORDS)
                    and 2 <= len(run) <= 3
                    and not run.endswith(_TIME_ENDS)
                )
                # 1 留守 政景 72 男: a dictionary given name (人名・名) after a space takes a
                # 2–3 kanji word before it, even an ordinary noun (留守 = absence)
                honoured = honoured or (
                    first is not None
                    and first.pos[3] == "名"
                    and 2 <= len(run) <= 3
                    and not run.endswith(_TIME_ENDS)
                )
                if (
                    not _blocked(run)
                    and (
                        run_start == 0
                        or text[run_start - 1] in _RUN_BOUNDARY
                        or (script_of(text[run_start - 1]) != "kanji" and "姓" in name_parts(run))
                        or (text[run_start - 1] in _PARTICLE_START and len(run) >= 2)
                        or text[:run_start].endswith(tuple(_PERSON_LABELS) + tuple(lex.LABELS))
                    )
                    and (
                        _surname_like(run, text, run_start, tokens, name_parts)
                        # 雲母 あかりちゃん: before a given name and an honorific, even a
                        # common word (雲母 = mica) is a surname.
                        or (honoured and (run_start == 0 or text[run_start - 1] in _RUN_BOUNDARY))
                    )
                ):
                    start = run_start
                    # 「寒河江 ミツ」: surname + given name outweighs a place reading.
                    confidence = max(confidence, 0.85)
                    break
        surname = " " not in e.text.strip() and (
            "姓" in name_parts(e.text) or (first is not None and first.pos[3] == "姓")
        )
        if surname and end < len(text) and text[end] in " \u3000":
            m = _GIVEN_AFTER.match(text, end)
            if m and not _blocked(m.group(1)) and m.group(1) not in lex.TITLES:
                end = m.end(1)
        if (start, end) == (e.start, e.end):
            out.append(e)
        else:
            out.append(Entity(e.type, start, end, text[start:end], confidence, e.source))
    return out


_KIN = (
    "息子|娘|妻|夫|父親|母親|父|母|長男|長女|次男|次女|三男|三女|二男|二女|孫|兄|姉|弟|妹|祖父|祖母|"
    "叔父|叔母|伯父|伯母|甥|姪|義母|義父|配偶者|子ども|子供|児童|生徒|本人|同居人|内縁の夫|内縁の妻"
)
_KIN_NAME = re.compile(
    rf"(?:{_KIN})(?:の|[：:]\s?)([一-鿿々]{{1,3}}|[ァ-ヺー]{{2,8}}|[ぁ-ゖ]{{2,6}}?)"
    r"(?=が|は|を|に|と|も|、|。|くん|ちゃん|さん|君|様|（|\(|[ \u3000]|$)"
)
_NOT_KIN_NAMES = frozenset(
    {
        "日",
        "方",
        "分",
        "件",
        "名",
        "代",
        "人",
        "者",
        "話",
        "家",
        "会",
        "ため",
        "こと",
        "もの",
        "ほう",
    }
)
_READING = re.compile(r"[（(]([ぁ-ゖァ-ヺー]{2,10}(?:[ \u3000][ぁ-ゖァ-ヺー]{2,10})?)[）)]")
_LABEL_KANA = re.compile(
    r"(?:氏名|名前|お名前|投稿者|差出人|送信者|対応者|記入者|回答者|報告者|通報者|相談者|申請者|"
    r"申込者|依頼者|担当者|保護者|ふりがな|フリガナ"
    # a form's kana fields for surname and given name opening their lines (せい：… めい：…, rt10)
    r"|(?<![^\n])(?:せい|めい|セイ|メイ))[：:]\s?([ぁ-ゖー]{2,8}(?:[ \u3000][ぁ-ゖー]{2,8})?)"
    r"(?=[）)、。,，\s]|$)"
)


def find_context_names(tokens: list[Token], text: str, name_parts: NameParts) -> Iterator[Entity]:
    """Names known by their context: after a kinship word (息子の湊斗が), a hiragana name after
    a label (投稿者：とみなが), and a kana reading in brackets before an honorific or after a
    label (颯真（そうま）くん)."""
    for m in _KIN_NAME.finditer(text):
        word = m.group(1)
        if word in _NOT_KIN_NAMES or _blocked(word) or word in COMMON_WORDS:
            continue
        if script_of(word) == "kanji" and not (name_parts(word) & {"姓", "名"}):
            first = bisect_left(tokens, m.start(1), key=lambda t: t.start)
            inside = [t for t in tokens[first : first + 4] if t.end <= m.end(1)]
            if inside and all(t.is_common_noun for t in inside):
                continue  # 母の介護, 父の実家: ordinary words
        if script_of(word) == "hiragana" and word in NOT_KANA_NAMES:
            continue
        yield Entity(EntityType.PERSON, m.start(1), m.end(1), word, 0.8, "cue")
    for m in _LABEL_KANA.finditer(text):
        yield Entity(EntityType.PERSON, m.start(1), m.end(1), m.group(1), 0.85, "cue")
    for m in _READING.finditer(text):
        after = text[m.end() : m.end() + 3]
        before = re.search(r"[一-鿿々]{1,4}$", text[max(0, m.start() - 4) : m.start()])
        if after.startswith(("くん", "ちゃん", "さん", "様", "さま", "君", "氏")) and before:
            start = m.start() - len(before.group())
            yield Entity(EntityType.PERSON, start, m.start(), text[start : m.start()], 0.85, "cue")
            yield Entity(EntityType.PERSON, m.start(1), m.end(1), m.group(1), 0.85, "cue")
