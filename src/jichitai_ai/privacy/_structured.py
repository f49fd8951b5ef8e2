"""Personal data in pasted structures and chat logs (red team rt5, docs/benchmarks.md §3).

Staff paste what their systems print: JSON, YAML, SQL, log lines, URL query strings, chat
logs with a time and a speaker. There the *key* says what a value is, so no name list is
needed — the value of ``"kana"``, ``family_name:``, ``target="…"`` or the ``name`` column of an
``INSERT`` is a name whatever it looks like (a person's value must be name-shaped: ``user:
ごみの出し方を教えて`` of a pasted transcript is a message); and the speaker of a timestamped
chat line (``[09:12] @handle:``, ``[午前 10:15] Surname, Given:``, ``10:06 みやけ「``), a Discord
header (``handle — 今日 21:04``) or a handle before アカウント is a person. Also here, each a
shape that says "name" without a list:

- names joined by と/、/和/, before a head count (ラジェシュ と プージャ と アーリヤン の 3にん,
  변 지우, 변 소율, 변 태오 세 명, 傅 嘉豪和傅 雨桐、傅 子轩三个人) and katakana names before
  the times of a schedule (ヤマグチ タクミ 10時、ソノダ 13時: two or more);
- a katakana word opening a message before です, or after わたしは (グエット です), when it is
  not a dictionary word;
- a Korean surname + given name before 입니다/이에요, after 이름:, or ending a message as its
  signature (not 안 줘요: a negation before a verb ending);
- "Is X eligible …" and "for Grace Adeyemi" (a known first word, an unknown surname);
- a name written in capitals (TRAN DUC LOC) of words that are neither English nor acronyms;
- an address block n-n-n after a CJK place word, with the building and room after it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from ._common_words import COMMON_WORDS
from ._foreign_scripts import _KOREAN_SURNAMES
from ._latin_names import english_word, municipal_word
from ._places import numbered_item
from ._tokens import Token
from ._types import Entity, EntityType

Tokenize = Callable[[str], list[Token]]

_PERSON_KEYS = (
    r"name|full_?name|family_?name|given_?name|first_?name|last_?name|sur_?name|kana|furigana"
    r"|yomi|shimei|namae|applicant|child|guardian|parent|resident|user(?:_?name)?|nick(?:name)?"
    r"|target|owner|氏名|名前|フリガナ|ふりがな|申請者|児童|保護者"
)
_TYPED_KEYS: dict[EntityType, str] = {
    EntityType.PERSON: _PERSON_KEYS,
    EntityType.BIRTHDATE: r"birth(?:_?date|day)?|dob|date_of_birth|seinengappi|生年月日",
    EntityType.ADDRESS: r"addr(?:ess)?|jusho|juusho|住所",
    EntityType.POSTAL_CODE: r"zip(?:code)?|postal(?:_?code)?|post_?code|yubin|郵便番号",
    EntityType.PHONE: r"tel|phone|mobile|denwa|電話",
    EntityType.EMAIL: r"e?-?mail|メール",
}
_KEY_TYPE = [
    (kind, re.compile(rf"(?:{keys})", re.IGNORECASE)) for kind, keys in _TYPED_KEYS.items()
]
# "key": "value" (JSON), key: value (YAML, one line), key=value / key="value" (logs, URLs).
_PAIR = re.compile(
    r"\"(?P<jkey>[A-Za-z_一-鿿ァ-ヺぁ-ゖ]{2,24})\"\s*:\s*\"(?P<jval>[^\"\n]{1,60})\""
    r"|^[ \t-]*(?P<ykey>[A-Za-z_]{2,24}):[ \t]+(?P<yval>[^\n#{}\[\]]{1,60}?)[ \t]*$"
    r"|(?<![A-Za-z0-9_])(?P<lkey>[A-Za-z_]{2,24})=(?:\"(?P<lqval>[^\"\n]{1,60})\""
    r"|(?P<lval>[^\s&\"]{1,60}))",
    re.MULTILINE,
)
_SQL = re.compile(
    r"INSERT\s+INTO\s+\S+\s*\((?P<cols>[^)]{1,400})\)\s*VALUES\s*\((?P<vals>[^)]{1,800})\)",
    re.IGNORECASE,
)
_SQL_VALUE = re.compile(r"'((?:[^'\n]|'')*)'|(-?[0-9][0-9.]*)|NULL", re.IGNORECASE)


# A name-shaped value: letters of any script with spaces, dots, +, _ or ・ between, up to 30
# characters, and not kanji mixed with three or more hiragana (a sentence: 出し方を教えて).
_NAME_SHAPED = re.compile(
    r"(?![^\n]*[一-鿿])[A-Za-z0-9ぁ-ゖァ-ヺー가-힣 \u3000.+_・'’-]{1,30}"
    r"|(?!(?:[^ぁ-ゖ\n]*[ぁ-ゖ]){3})[A-Za-z0-9ぁ-ゖァ-ヺー一-鿿가-힣 \u3000.+_・'’-]{1,30}"
)


# Keys that name a *thing* as often as a person ({"name": "児童手当"}): their value counts only
# when it has two parts (鏑木 湊, Kawabuchi+Shiori) or is a handle (nagumo.yuki).
_GENERIC_PERSON_KEYS = re.compile(
    r"name|nick(?:name)?|user(?:_?name)?|target|owner|resident|parent|名前", re.IGNORECASE
)
_TWO_PARTS = re.compile(r"\S+[ \u3000・,+]+\S+|[A-Za-z][A-Za-z0-9]*[._][A-Za-z0-9._]+")


#: What may stand before _name in a key whose value is a person's name (guardian_name, childName).
_WHOSE = frozenset(
    [
        "full",
        "family",
        "given",
        "first",
        "last",
        "sur",
        "middle",
        "maiden",
        "legal",
        "real",
        "nick",
        "display",
        "user",
        "resident",
        "applicant",
        "child",
        "guardian",
        "parent",
        "mother",
        "father",
        "member",
        "staff",
        "patient",
        "contact",
        "owner",
        "person",
        "student",
        "holder",
        "account",
        "spouse",
        "kid",
        "baby",
        "head",
    ]
)


def _key_type(key: str) -> EntityType | None:
    """What a key's value is: the whole key (kana, dob) or its last part (guardian_name,
    childName, applicant-kana, dateOfBirth → birth)."""
    snake = re.sub(r"(?<=[a-z])(?=[A-Z])", "_", key).lower()
    parts = [p for p in re.split(r"[_\-]", snake) if p]
    if len(parts) > 1 and parts[-1] in {"name", "kana", "yomi"} and parts[-2] not in _WHOSE:
        return None  # file_name, school_name, company_kana: a thing's name
    for candidate in dict.fromkeys([key, *parts[-1:], "_".join(parts[-2:])]):
        for kind, pattern in _KEY_TYPE:
            if pattern.fullmatch(candidate):
                return kind
    return None


def _value_entity(
    text: str, start: int, end: int, kind: EntityType, key: str = ""
) -> Entity | None:
    value = text[start:end]
    stripped = value.strip().strip("'\"")
    if not stripped or stripped.lower() in {"null", "none", "true", "false", "-"}:
        return None
    generic = kind is EntityType.PERSON and _GENERIC_PERSON_KEYS.fullmatch(key)
    if generic and not _TWO_PARTS.fullmatch(stripped):
        return None
    offset = value.find(stripped)
    start, end = start + offset, start + offset + len(stripped)
    if kind is EntityType.PERSON and not _NAME_SHAPED.fullmatch(stripped):
        # user: ごみの出し方を教えて (a pasted chat transcript) is a message, not a name
        return None
    if kind is not EntityType.PERSON and not re.search(r"[0-9０-９@]|[一-鿿]", stripped):
        return None
    return Entity(kind, start, end, text[start:end], 0.85, "regex", "keyed value")


def find_keyed_values(text: str) -> Iterator[Entity]:
    """Values of personal keys in pasted JSON, YAML, log lines, URL queries and SQL."""
    for m in _PAIR.finditer(text):
        key = m.group("jkey") or m.group("ykey") or m.group("lkey")
        group = next(g for g in ("jval", "yval", "lqval", "lval") if m.group(g) is not None)
        kind = _key_type(key)
        if kind is None:
            continue
        start, end = m.span(group)
        entity = _value_entity(text, start, end, kind, key)
        if entity is not None:
            yield entity
    for m in _SQL.finditer(text):
        cols = [c.strip().strip('`"[]') for c in m.group("cols").split(",")]
        values = list(_SQL_VALUE.finditer(text, m.start("vals"), m.end("vals")))
        if len(values) != len(cols):
            continue
        for col, v in zip(cols, values, strict=True):
            kind = _key_type(col)
            if kind is None or v.group(1) is None:
                continue
            entity = _value_entity(text, v.start(1), v.end(1), kind, col)
            if entity is not None:
                yield entity


# --- chat logs ---------------------------------------------------------------------------
_TIME = r"(?:\[?(?:\d{4}[-/]\d{1,2}[-/]\d{1,2}[ T])?(?:午前|午後)?\s?\d{1,2}:\d{2}(?::\d{2})?\]?)"
# 10:06 みやけ「…」, [09:12] @ko.nishizono: …, [午前 10:15] Kurosu, Mayumi: …
_CHAT_LINE = re.compile(
    rf"^[ \t]*{_TIME}[ \t]+(?P<who>@?[A-Za-z][A-Za-z0-9._]{{1,30}}(?:,[ ][A-Z][a-z]+)?"
    r"|[ぁ-ゖー]{2,8}|[ァ-ヺー]{2,10})[ \t]*(?=[:：「]|[ \t]—)",
    re.MULTILINE,
)
# Discord: "yuzuha_0512 — 今日 21:04"; IRC: "<nick> …"
_HANDLE_HEADER = re.compile(
    r"^[ \t]*(?P<who>[A-Za-z][A-Za-z0-9._]{2,30})[ \t]+[—–-][ \t]+(?:今日|昨日|\d{1,4}[/年])",
    re.MULTILINE,
)
# a handle with _ or . before アカウント / account / のアカウント (ookubo_t のアカウント)
_ACCOUNT_HANDLE = re.compile(
    r"(?<![A-Za-z0-9._@])(?P<who>[a-z][a-z0-9]*[._][a-z0-9._]*[a-z0-9])"
    r"(?=\s?(?:の\s?)?(?:アカウント|ユーザー|account))"
)
_ROLE_HANDLES = frozenset({"admin", "root", "system", "bot", "info", "support", "noreply"})


_KATA_ONLY = re.compile(r"[ァ-ヺー]+")
# A chat pasted without times (rt10): 「まゆ: …⏎ひで: …⏎まゆ: …」, 「ゆかりんママ：…」. A kana word
# opening a line before a colon, with ママ/パパ/オンマ (a parent named by the child) or in a
# transcript of three or more such lines where a speaker speaks twice.
_BARE_CHAT_LINE = re.compile(
    r"^[ \t]*(?P<who>[ぁ-ゖー]{2,8}?|[ァ-ヺー]{2,10}?)(?:ちゃん|くん|さん)?"
    r"(?P<parent>ママ|パパ|オンマ|アッパ)?[ \t]*[:：]",
    re.MULTILINE,
)
#: Hiragana labels a form or a やさしい日本語 sheet opens lines with (しつもん: … こたえ: …).
_KANA_LABELS = frozenset(
    {
        "しつもん", "こたえ", "まとめ", "ねらい", "めあて", "れい", "ちゅうい", "おしらせ", "ばしょ",
        "じかん", "にちじ", "もちもの", "ないよう", "とい", "ひとこと", "おねがい", "きまり",
    }
)  # fmt: skip


def _bare_chat_speakers(text: str, tokenize: Tokenize) -> Iterator[Entity]:
    lines = list(_BARE_CHAT_LINE.finditer(text))
    if not lines:
        return
    whos = [m["who"] for m in lines]
    chat = len(lines) >= 3 and len(set(whos)) < len(whos)
    for m in lines:
        who = m["who"]
        if not (chat or m["parent"]) or who in _KANA_LABELS:
            continue
        if _KATA_ONLY.fullmatch(who) and _ordinary_katakana(who, tokenize):
            continue  # メモ: …, ポイント: …
        yield Entity(EntityType.PERSON, m.start("who"), m.end("who"), who, 0.8, "regex", "speaker")


def find_chat_speakers(text: str, tokenize: Tokenize) -> Iterator[Entity]:
    if ":" in text or "：" in text:
        yield from _bare_chat_speakers(text, tokenize)
    for pattern in (_CHAT_LINE, _HANDLE_HEADER, _ACCOUNT_HANDLE):
        for m in pattern.finditer(text):
            who = m.group("who")
            start = m.start("who") + (1 if who.startswith("@") else 0)
            bare = text[start : m.end("who")]
            if bare.lower() in _ROLE_HANDLES or english_word(bare):
                continue
            if _KATA_ONLY.fullmatch(bare) and _ordinary_katakana(bare, tokenize):
                continue  # [10:00] スタート: …
            yield Entity(EntityType.PERSON, start, m.end("who"), bare, 0.85, "regex", "speaker")


# --- names in lists with a head count, katakana before です, Korean pairs ----------------
_KATA = r"[ァ-ヺ][ァ-ヺー]{1,9}"
_KANA_LIST = re.compile(
    rf"(?<![ァ-ヺー])(?P<list>{_KATA}(?:\s?(?:と|、|,|・)\s?{_KATA}){{1,5}})"
    r"\s?(?:の|で)?\s?(?:[0-9０-９]{1,2}|[二三四五六七八九])\s?(?:にん|人|名)"
)
_KATA_WORD = re.compile(_KATA)
_KATA_DESU = re.compile(
    rf"(?:^|[。\n!！?？]|わたしは|わたしの なまえは|私は|ぼくは)\s?(?P<name>{_KATA})\s?です(?![かが])",
    re.MULTILINE,
)
# こどもの アラヴ は … (やさしい日本語): a spaced katakana word between a family member's の
# and a spaced particle is that person's name.
# マフムド の こども アヤン は: the の may be spaced or missing (こども アヤン は), and the word
# before a spaced の + family word is the parent's name.
_KIN_WORDS = (
    r"(?:こども|子ども|子供|むすこ|むすめ|息子|娘|おっと|夫|つま|妻|あかちゃん|赤ちゃん|"
    r"はは|ちち|母|父|おかあさん|おとうさん"
    # rt10: おばあちゃんの ナビー が
    r"|おばあちゃん|おじいちゃん|ばあちゃん|じいちゃん|祖母|祖父|まご|孫)"
)
_KIN_KATA = re.compile(
    rf"{_KIN_WORDS}(?:[ \u3000]?の)?[ \u3000]"
    # the particle spaced or glued to what follows (ナビー がシルバー人材…), or a spaced
    # hiragana word after the name (こども テムーレン ほいくえん, rt10)
    rf"(?P<name>{_KATA})[ \u3000](?:(?:は|が|を|に|と|も)(?:[ \u3000]|(?=[一-鿿ァ-ヺ]))"
    r"|(?=[ぁ-ゖ]{3,}))"
    rf"|(?:^|(?<=[ \u3000。、\n]))(?P<parent>{_KATA})[ \u3000]の[ \u3000](?={_KIN_WORDS}[ \u3000])"
)
# 子どもは いろは と こはる です: children named in a と-list closed by です.
_KANA_WORD = r"[ぁ-ゖァ-ヺ][ぁ-ゖァ-ヺー]{1,5}"
_CHILDREN_ARE = re.compile(
    r"(?:子ども|こども|子供|むすめ|娘|むすこ|息子|孫|まご)(?:たち)?(?:は|の[ \u3000]?(?:なまえ|名前)は)"
    rf"[ \u3000]?(?P<list>{_KANA_WORD}(?:[ \u3000]?(?:と|、)[ \u3000]?{_KANA_WORD}){{1,4}})"
    r"[ \u3000]?です"
)
#: Counts and kinds of children, not names: ふたり, さんにん, おとこのこ, しょうがくせい.
_NOT_CHILD_NAME = re.compile(r"ひとり|ふたり|にん$|さい$|のこ$|せい$|ねんせい|あかちゃん")
_HANGUL_PAIR = r"[가-힣][ ][가-힣]{2}"
_KOREAN_LIST = re.compile(
    rf"(?<![가-힣])(?P<list>{_HANGUL_PAIR}(?:\s?(?:,|、|와|과|하고)\s?{_HANGUL_PAIR}){{1,5}})"
    r"\s?(?:[0-9]{1,2}|한|두|세|네|다섯)\s?(?:명|사람)"
)
_HAN_PAIR = r"[一-鿿]{1,2}[ ][一-鿿]{1,2}"
_CHINESE_LIST = re.compile(
    rf"(?<![一-鿿])(?P<list>{_HAN_PAIR}(?:\s?(?:和|、|,|，|跟|与)\s?{_HAN_PAIR}){{1,5}})"
    r"\s?(?:[0-9]{1,2}|两|二|三|四|五|六)\s?(?:个人|口人|人|位)"
)
# 面談予定：ヤマグチ タクミ 10時、コバヤカワ エリカ 11時、ソノダ 13時 — a schedule's names
_SCHEDULED = re.compile(
    rf"(?:^|[：:、,，\n])[ \t]?(?P<name>{_KATA}(?:[ \u3000]{_KATA})?)[ \t]"
    r"(?:[0-9]{1,2}時|[0-9]{1,2}:[0-9]{2})",
    re.MULTILINE,
)
_KOREAN_PAIR_IS = re.compile(
    r"(?<![가-힣])(?P<name>[가-힣][ ][가-힣]{2})(?=\s?(?:입니다|이에요|예요|이고|이라고|라고))",
)
# 이름: 염 다온 (a form's name label before the pair)
_KOREAN_LABELLED = re.compile(
    r"(?:이름|성명|성함)\s?[:：은는]?\s?(?P<name>[가-힣][ ][가-힣]{2})(?![가-힣])"
)
_VERB_ENDINGS = frozenset("요다까죠네데고서게")
_KOREAN_SIGNATURE = re.compile(r"(?:[.!?。]|요)[ \t\n]+(?P<name>[가-힣][ ][가-힣]{2})[ \t.]*$")


def _ordinary_katakana(word: str, tokenize: Tokenize) -> bool:
    """A dictionary word: known, no proper noun, in a synonym group (ホテル, コーヒー) or a
    compound of known words (ペットボトル); SudachiPy lists many foreign names as plain nouns
    outside any synonym group (プージャ, ソノダ), so those count as names here."""
    if word in COMMON_WORDS:
        return True
    tokens = tokenize(word)
    known = all(not t.oov and t.pos[1] != "固有名詞" for t in tokens)
    return known and (len(tokens) > 1 or tokens[0].synonyms or tokens[0].native)


def find_listed_and_introduced(text: str, tokenize: Tokenize) -> Iterator[Entity]:
    for m in _KANA_LIST.finditer(text):
        words = list(_KATA_WORD.finditer(text, m.start("list"), m.end("list")))
        if any(_ordinary_katakana(w.group(), tokenize) for w in words):
            continue
        for w in words:
            yield Entity(EntityType.PERSON, w.start(), w.end(), w.group(), 0.85, "regex", "listed")
    for m in _KATA_DESU.finditer(text):
        if not _ordinary_katakana(m.group("name"), tokenize):
            s, e = m.span("name")
            yield Entity(EntityType.PERSON, s, e, text[s:e], 0.8, "regex", "katakana です")
    for m in _KIN_KATA.finditer(text):
        group = "name" if m.group("name") else "parent"
        if not _ordinary_katakana(m.group(group), tokenize):
            s, e = m.span(group)
            yield Entity(EntityType.PERSON, s, e, text[s:e], 0.8, "regex", "kin の katakana")
    for m in _CHILDREN_ARE.finditer(text):
        words = list(re.finditer(_KANA_WORD, text[m.start("list") : m.end("list")]))
        names = [w for w in words if w.group() not in ("と",)]
        if any(_NOT_CHILD_NAME.search(w.group()) for w in names):
            continue
        for w in names:
            s, e = m.start("list") + w.start(), m.start("list") + w.end()
            yield Entity(EntityType.PERSON, s, e, text[s:e], 0.8, "regex", "children named")
    for pattern, pair in ((_KOREAN_LIST, _HANGUL_PAIR), (_CHINESE_LIST, _HAN_PAIR)):
        for m in pattern.finditer(text):
            for w in re.finditer(pair, text[m.start("list") : m.end("list")]):
                s, e = m.start("list") + w.start(), m.start("list") + w.end()
                if pair is _HAN_PAIR or text[s] in _KOREAN_SURNAMES:
                    yield Entity(EntityType.PERSON, s, e, text[s:e], 0.85, "regex", "listed")
    scheduled = [
        m for m in _SCHEDULED.finditer(text) if not _ordinary_katakana(m.group("name"), tokenize)
    ]
    if len(scheduled) >= 2:
        for m in scheduled:
            s, e = m.span("name")
            yield Entity(EntityType.PERSON, s, e, text[s:e], 0.8, "regex", "scheduled")
    for pattern in (_KOREAN_PAIR_IS, _KOREAN_SIGNATURE, _KOREAN_LABELLED):
        for m in pattern.finditer(text):
            s, e = m.span("name")
            # 안 줘요, 못 가요: a negation before a verb's polite ending is no name
            if text[s] in _KOREAN_SURNAMES and text[e - 1] not in _VERB_ENDINGS:
                yield Entity(EntityType.PERSON, s, e, text[s:e], 0.8, "regex", "korean pair")


# --- English: "Is X eligible", "for Grace Adeyemi", names in capitals -------------------
_IS_ELIGIBLE = re.compile(
    r"(?:^|[.?!]\s+)(?:Is|Was|Can|Could|Will|Does|Should)\s(?P<name>[A-Z][a-z]{3,}(?:-[A-Z][a-z]+)?)"
    r"\s(?:eligible|entitled|covered|registered|allowed|qualified|insured"
    # Can Nomvula get a certificate …: a request on someone's behalf
    r"|get|receive|apply|have|use|join|enrol|enroll|renew|change)\b",
    re.MULTILINE,
)
#: rt10: "Nurlan here, my phone is …": an unknown capitalised word opening a message before here.
_HERE = re.compile(r"(?:^|(?<=[.!?]\s))(?P<name>[A-Z][a-z]{2,15})(?= here\b)", re.MULTILINE)
_FOR_PAIR = re.compile(
    r"(?<![A-Za-z])(?:for|from|of|to|by)\s(?P<name>[A-Z][a-z]{2,}\s[A-Z][a-z]{3,}(?:-[A-Z][a-z]+)?)"
    r"(?![A-Za-z])(?!\s[A-Z])"
)
_CAPS_RUN = re.compile(
    r"(?<![A-Za-z0-9])(?P<run>[A-Z]{2,12}(?:[ ][A-Z]{2,12}){1,3})(?![A-Za-z0-9])"
)


def _unknown(word: str) -> bool:
    return not (english_word(word) or municipal_word(word))


def find_cueless_english(text: str) -> Iterator[Entity]:
    for m in _IS_ELIGIBLE.finditer(text):
        if _unknown(m.group("name")):
            s, e = m.span("name")
            yield Entity(EntityType.PERSON, s, e, text[s:e], 0.8, "regex", "is X eligible")
    for m in _HERE.finditer(text):
        if _unknown(m.group("name")):
            s, e = m.span("name")
            yield Entity(EntityType.PERSON, s, e, text[s:e], 0.8, "regex", "X here")
    for m in _FOR_PAIR.finditer(text):
        first, last = m.group("name").split(" ")
        if _unknown(last) and not _unknown(first) and len(first) >= 4:
            s, e = m.span("name")
            yield Entity(EntityType.PERSON, s, e, text[s:e], 0.8, "regex", "for first last")
    for m in _CAPS_RUN.finditer(text):
        before = text[max(0, m.start() - 20) : m.start()]
        cue = bool(_CAPS_CUE.search(before))
        if not (cue or _HONORIFIC_AFTER.match(text, m.end())):
            continue  # PAYPAY SUICA ICOCA: brands are written in capitals too
        words = m.group("run").split(" ")
        unknown = [w for w in words if len(w) >= 3 and _unknown(w) and not _ACRONYM.fullmatch(w)]
        # SILVA PEREIRA ANA CLARA after 氏名（英字）: half the words unknown is enough with a cue
        enough = len(unknown) >= len(words) - 1 or (cue and 2 * len(unknown) >= len(words))
        if len(unknown) >= 2 and enough:
            s, e = m.span("run")
            yield Entity(EntityType.PERSON, s, e, text[s:e], 0.8, "regex", "name in capitals")


# A name in capitals is how passports and forms write it, next to a label saying so.
_CAPS_CUE = re.compile(
    r"氏名|名前|英字|ローマ字|表記|姓名|申請者|届出人|本人|이름|성명|[Nn]ame|NAME|[Pp]assport|パスポート"
)
_HONORIFIC_AFTER = re.compile(r"\s?(?:さん|様|氏|さま|씨|님|先生)")
_ACRONYM = re.compile(r"[A-Z]*[BCDFGHJKLMNPQRSTVWXZ]{3,}[A-Z]*|NHK|JLPT|JR|LINE|FAQ|PDF|ATM")


# --- address blocks after a CJK place word ------------------------------------------------
_CJK_BLOCK = re.compile(
    r"(?P<place>[一-鿿ぁ-ゖァ-ヺ]{2,8})[ \u3000]?"
    r"(?P<block>(?<![0-9-])[0-9]{1,2}-[0-9]{1,2}-[0-9]{1,3}(?![0-9-]))"
    r"(?P<building>[ \u3000][一-鿿ァ-ヺ]{2,10}[ \u3000]?[0-9]{1,4}(?:室|号室|호)?)?"
)


def find_cjk_blocks(text: str) -> Iterator[Entity]:
    for m in _CJK_BLOCK.finditer(text):
        if numbered_item(text, m.start("place"), m.start("block")):
            continue  # 条例第3-1-2, 資料1-2-3: a numbered item
        end = m.end("building") if m.group("building") else m.end("block")
        s = m.start("block")
        yield Entity(EntityType.ADDRESS, s, end, text[s:end], 0.8, "regex", "address block")
