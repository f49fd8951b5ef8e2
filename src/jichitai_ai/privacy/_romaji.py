"""Names and addresses written in rōmaji (Kenji Watanabe, 2-3-4 Midori-cho, Aoba City).

Foreign residents and forms copied from English templates write Japanese names and
addresses in Latin letters. A word is *rōmaji-shaped* when it splits into Japanese
syllables (Hepburn or Kunrei: ke-n-ji, wa-ta-na-be, sho-u-ta); two or three capitalised
rōmaji-shaped words in a row are taken as a name without any cue (English words rarely
split into syllables: City, Station, Chrome do not). Other Latin names (Maria Santos,
Nguyen Van An) need a cue: an honorific, a title (Mr, Ms), a label, or a particle after
them in Japanese text. Addresses: a block number (2-3-4) next to capitalised place words
with a Japanese place suffix (-cho, -machi, -ku, -shi, City, Ward …).
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections.abc import Iterable, Iterator

from ._cues import FORM_LABEL
from ._latin_names import (
    english_word,
    find_cueless_latin_names,
    municipal_run,
    municipal_word,
    name_words,
)
from ._types import Entity, EntityType

_SYLLABLE = (
    r"(?:(?:kk|ss|tt|pp|cch|tch)?"
    r"(?:ky|gy|sh|sy|ch|ty|cy|zy|jy|j|ts|ny|hy|by|py|my|ry|dy|[kgsztdnhbpmyrwfv])?"
    r"[aiueoāīūēō](?:h(?![aiueoy]))?"
    r"|n(?![aiueoy])|m(?=[bpm]))"
)
_ROMAJI_WORD = re.compile(rf"(?:{_SYLLABLE})+")
#: Capitalised rōmaji-shaped words that are common English or product words, not names.
_NOT_NAMES = frozenset(
    {
        "a",
        "are",
        "be",
        "do",
        "go",
        "he",
        "me",
        "no",
        "so",
        "to",
        "we",
        "hi",
        "area",
        "data",
        "date",
        "done",
        "home",
        "hope",
        "japan",
        "make",
        "more",
        "name",
        "nine",
        "none",
        "note",
        "one",
        "page",
        "same",
        "site",
        "take",
        "time",
        "tokyo",
        "osaka",
        "kyoto",
        "type",
        "use",
        "zone",
        "code",
        "mode",
        "game",
        "case",
        "base",
        "line",
        "mine",
        "fine",
        "office",
        "excel",
        "google",
        "yahoo",
        "amazon",
        "sony",
        "honda",
        "toyota",
        "nissan",
        "mazda",
        "suzuki motor",
        "panasonic",
        "hitachi",
        "docomo",
        "ai",
        "faq",
        "dify",
        "open",
        "radio",
        "video",
        "audio",
        "piano",
        "tempo",
        "photo",
        "memo",
        "demo",
        "menu",
    }
)
_TITLE = re.compile(r"(?:Mr|Mrs|Ms|Miss|Dr|Prof)\.?\s$")
_TITLE_WORDS = frozenset({"Mr", "Mrs", "Ms", "Miss", "Dr", "Prof"})
_PARTICLES = ("さん", "様", "さま", "氏", "くん", "君", "ちゃん", "殿", "先生")
_AFTER = (
    "から",
    "は",
    "が",
    "に",
    "へ",
    "と",
    "を",
    "の",
    "より",
    "も",
    "宛",
    "（",
    "(",
    "、",
    "，",
)
_LABELS: tuple[str, ...] = ("氏名", "名前", "申請者", "相談者", "Name", "name", "NAME", "契約者")
_LABELS += ("世帯主", "差出人", "宛名", "宛先", "送信者", "届出人", "申込者", "Signature")
_LABELS += ("namae", "Namae", "NAMAE", "shimei", "Shimei", "Contact", "contact")
# English sentences about a person: "Thandiwe Nkosi called about …", "Chukwuemeka Obi is my
# name", "Olena Shevchuk. Phone 070-…": a verb only people do, or a contact label, right after
# two to four capitalised words.
_ENGLISH_AFTER = re.compile(
    r"(?:'s[ ]|[ ](?:called|phoned|rang|emailed|e-mailed|wrote|visited|came|lives|lived|moved|"
    r"is my name|was born|here[,.])(?![A-Za-z])"
    r"|[ ]?[.,:;|/]?[ ]?(?:Phone|Tel|Mobile|E-?mail|Address|DOB|Date of birth)(?![A-Za-z]))"
)
# Capitalised words of organisations and places, never part of a person's name.
# fmt: off
NOT_PERSON_WORDS = frozenset({
    "City", "Ward", "Town", "Village", "Office", "Center", "Centre", "Insurance", "Health",
    "National", "Tax", "Hall", "School", "Hospital", "Clinic", "Bank", "Station", "Department",
    "Division", "Section", "Service", "Services", "Support", "Care", "Welfare", "Ministry",
    "Embassy", "Police", "Post", "Company", "Inc", "Ltd", "Co", "Group", "Team", "Desk",
    "Council", "Library", "Japan", "Japanese", "English", "Pension", "Card", "Resident",
    "Residents", "Foreign", "The", "This", "That", "My", "Our", "Your",
})
# fmt: on
# Hyphenated given names (Ji-won, Jean-Luc), never an honorific (Tanaka-san).
_WORD = (
    r"[A-Z](?:'[A-Z])?[a-z]{1,15}(?:-(?!(?:san|sama|kun|chan|sensei|shi|dono)(?![A-Za-z]))[A-Za-z][a-z]{1,15})?"
    r"|[A-Z]{2,15}"
)
# A katakana reading in brackets between a name and its honorific: Kim Ji-won（キム・ジウォン）さん.
_READING_AFTER = re.compile(r"[ \u3000]?[（(][^（）()、。\n]{1,24}[)）]")
# English kinship and role words before a given name: her son Daiki's, my wife Yuko.
_ENGLISH_KIN = re.compile(
    r"(?<![A-Za-z])(?:son|daughter|wife|husband|mother|father|child|brother|sister|grandson|"
    r"granddaughter|grandmother|grandfather|niece|nephew|cousin|friend|neighbou?r|colleague"
    # the same in residents' languages (rt11): minha filha Larissa, mi hijo Mateo, mero chhori
    # Anisha (Nepali written in Latin letters)
    r"|filh[ao]|espos[ao]|marido|m[aã]e|pai|irm[aã]o?|av[oóô]|net[ao]|hij[ao]|madre|padre"
    r"|herman[ao]|abuel[ao]|niet[ao]|chhori|chhora|chora|shrimati|shreemati|shriman|buwa|aama)"
    r"[ ,]+(?P<name>[A-Z][a-z]{1,15})(?![A-Za-z])"
    # Tagalog's personal article: ang anak ko na si Princess Joy, ako si Rowena
    r"|(?<![A-Za-z])(?:na|ako|ay|at|ni|kay|po) si (?P<si>[A-Z][a-z]{1,15}(?: [A-Z][a-z]{1,15}){0,2})"
    r"(?![A-Za-z])"
)
_LATIN_RUN = re.compile(
    rf"(?<![A-Za-z])(?:{_WORD})(?:[ \u3000](?:[A-Z]\.|{_WORD})){{0,3}}(?![A-Za-z])"
)
_HYPHEN_HONORIFIC = re.compile(r"-(?:san|sama|kun|chan|sensei|shi|dono)(?![A-Za-z])")


_LATIN_EXTRA = {"Đ": "D", "đ": "d", "Ø": "O", "ø": "o", "Ł": "L", "ł": "l", "ß": "s"}
_LATIN_EXTRA |= {"ı": "i", "İ": "I", "Æ": "A", "æ": "a", "Œ": "O", "œ": "o", "Þ": "T", "þ": "t"}
# Lower-case particles inside Latin names (Maria da Conceição, Ludwig van Beethoven,
# Mohammed bin Salman): capitalised in the working copy so the name stays one run.
_NAME_PARTICLE = re.compile(
    r"(?<=[A-Za-z] )(?:da|de|do|dos|das|del|della|di|du|van|von|der|den|ter|bin|binti|al|el|la|le)"
    r"(?= [A-Z])"
)


def latin_base(text: str) -> str:
    """``text`` with accented Latin letters replaced by their base letter (Nguyễn → Nguyen,
    Văn → Van, José → Jose); same length, so offsets carry over."""
    if text.isascii():
        return text
    out = []
    for ch in text:
        if ch.isascii() or not ch.isalpha():
            out.append(ch)
            continue
        base = _LATIN_EXTRA.get(ch) or unicodedata.normalize("NFD", ch)[0]
        out.append(base if base.isascii() and base.isalpha() else ch)
    return "".join(out)


def romaji_shaped(word: str) -> bool:
    lower = word.lower()
    return lower not in _NOT_NAMES and _ROMAJI_WORD.fullmatch(lower) is not None


_CAPS_PAIR = re.compile(r"(?<![A-Za-z])[A-Z]{4,15}[ \u3000][A-Z]{4,15}(?![A-Za-z])")
_JAPANESE = re.compile(r"[ぁ-ゖァ-ヺ一-鿿]")
_LOWER_RUN = re.compile(r"(?<![A-Za-z@._-])[a-z]{2,15}(?:[ \u3000][a-z]{2,15}){1,2}(?![A-Za-z@])")
# Passport order: SURNAME(S), Given name(s) — RAMIREZ GARCIA, Juan Carlos.
_COMMA_NAME = re.compile(
    rf"(?<![A-Za-z])(?:{_WORD})(?:[ \u3000](?:{_WORD}))?,[ \u3000]?(?:{_WORD})"
    rf"(?:[ \u3000](?:{_WORD}))?(?![A-Za-z])"
)


def _cued(text: str, start: int, end: int) -> bool:
    """An honorific after, a title (Mr, Ms …) or a name label before."""
    after = text[end : end + 6].lstrip(" \u3000")
    before = text[max(0, start - 10) : start]
    return (
        after.startswith(_PARTICLES)
        or _HYPHEN_HONORIFIC.match(text, end) is not None
        or _TITLE.search(text[max(0, start - 6) : start]) is not None
        or any(label in before for label in _LABELS)
    )


def find_romaji_names(text: str) -> Iterator[Entity]:
    """Latin-script person names (see module docstring for the cues). Accented letters
    count as their base letter (Nguyễn Văn Hùng)."""
    plain = latin_base(text)
    plain = _NAME_PARTICLE.sub(lambda m: m.group().capitalize(), plain)
    for e in _find_romaji_names(plain):
        yield Entity(e.type, e.start, e.end, text[e.start : e.end], e.confidence, e.source)
    yield from find_cueless_latin_names(text, plain, romaji_shaped)
    # yamashita kenta 様, Tanaka, Yoshiko 様: lower case or "surname, given" need a cue.
    for m in _LOWER_RUN.finditer(plain):
        words = m.group().split()
        if all(romaji_shaped(w) for w in words) and _cued(plain, m.start(), m.end()):
            yield Entity(
                EntityType.PERSON, m.start(), m.end(), text[m.start() : m.end()], 0.85, "romaji"
            )
    # MIZUSAWA SAYURI in Japanese text: two capitalised rōmaji-shaped words of 4+ letters, 9+
    # in all, not before a number (UEFA EURO 2012 is a tournament).
    if _JAPANESE.search(plain):
        for m in _CAPS_PAIR.finditer(plain):
            words = m.group().split()
            if (
                sum(map(len, words)) >= 9
                and not re.match(r"[ \u3000]?[0-9]", plain[m.end() :])
                and all(romaji_shaped(w.capitalize()) for w in words)
            ):
                yield Entity(
                    EntityType.PERSON, m.start(), m.end(), text[m.start() : m.end()], 0.8, "romaji"
                )
    for m in _ENGLISH_KIN.finditer(plain):
        group = "name" if m.group("name") else "si"
        start, end = m.start(group), m.end(group)
        if plain[start:end].lower() not in _NOT_NAMES:
            yield Entity(EntityType.PERSON, start, end, text[start:end], 0.8, "latin")
    for m in _COMMA_NAME.finditer(plain):
        after_comma = m.group().rsplit(",", 1)[1].split()
        if after_comma and FORM_LABEL.fullmatch(after_comma[0]):
            continue  # Kenji Watanabe, Email: … is a name and a label, not SURNAME, Given
        if _cued(plain, m.start(), m.end()):
            yield Entity(
                EntityType.PERSON, m.start(), m.end(), text[m.start() : m.end()], 0.9, "latin"
            )


_NOT_NAME_BEFORE = frozenset(
    {
        "Dear",
        "Hi",
        "Hello",
        "Mr",
        "Mrs",
        "Ms",
        "Miss",
        "Dr",
        "Prof",
        "To",
        "From",
        "For",
        "And",
        "The",
    }
)


# yamada.taro in C:\Users\yamada.taro, tanaka-hiroshi in a URL, suzuki_ichiro in a file name:
# two lower-case rōmaji-shaped words joined by . _ or - (account and file names).
_JOINED_LOWER = re.compile(
    r"(?<![A-Za-z0-9])([a-z]{3,15})[._-]([a-z]{3,15})(?![A-Za-z0-9@]|\.[a-z]{2,4}\b)"
)


# @taro_yamada88: a social-media handle names its owner (not the @ of an e-mail address).
_HANDLE = re.compile(r"(?<![A-Za-z0-9._%+-])@[A-Za-z][A-Za-z0-9_.]{2,29}(?![A-Za-z0-9_@])")
# 妻（Mai）, 息子のLuca: a Latin given name right after a Japanese kinship word.
_KIN_LATIN = re.compile(
    r"(?:妻|夫|息子|娘|長男|長女|次男|次女|母|父|兄|姉|弟|妹|子|孫|祖父|祖母)(?:の|[（(]|[ \u3000])"
    r"(?P<name>[A-Z][a-z]{1,15})(?![A-Za-z])"
)

# 家族の Purwaningsih が, 担当の Okafor さん: one Latin word between "X の" (a family member,
# the person in charge) and が/は/さん/様 stands where a person goes (not an English or a
# municipal word: 家族の Wi-Fi は, 担当の Kokuho は).
_WHOSE_LATIN = re.compile(
    r"(?:家族|夫|妻|息子|娘|子ども|子供|主人|親|母親|父親|祖父|祖母|孫|兄弟|姉妹|配偶者|担当|担当者|"
    r"友人|知人|同居人|婚約者|パートナー)の[ \u3000]?(?P<name>[A-Z][a-z]{2,20})(?![A-Za-z])"
    r"(?=[ \u3000]?(?:が|は|さん|様|さま|くん|ちゃん|氏))"
)


# user=hayashi.k, login: tsato, owner=yamada (logs and exports): the value of an account key
# is a person's login name. c/o Maria Lopez, Attn: John Smith: the words after are a name.
_ACCOUNT_KEY = re.compile(
    r"(?<![A-Za-z])(?:user(?:name|_?id)?|uid|login|account|owner|author|created_by|updated_by)"
    r"[ ]?[=:][ ]?[\"']?(?P<name>[A-Za-z][A-Za-z0-9._-]{1,30}[A-Za-z0-9])",
    re.IGNORECASE,
)
_CARE_OF = re.compile(
    r"(?<![A-Za-z])(?:c/o|C/O|Attn\.?:?|ATTN:?)[ ]+"
    r"(?P<name>[A-Z][A-Za-z'\u00c0-\u024f-]+(?:[ ][A-Z][A-Za-z'\u00c0-\u024f-]+){0,3})"
)
_NOT_ACCOUNTS = frozenset({"ok", "ng", "none", "null", "true", "false", "admin", "root", "guest"})


def find_account_names(text: str) -> Iterator[Entity]:
    """Rōmaji names written as account, path or file-name parts (see the comment above),
    social-media handles, and Latin given names after a kinship word."""
    for m in _HANDLE.finditer(text):
        yield Entity(EntityType.PERSON, m.start(), m.end(), m.group(), 0.8, "handle")
    for pattern in (_ACCOUNT_KEY, _CARE_OF):
        for m in pattern.finditer(text):
            s, e = m.start("name"), m.end("name")
            if text[s:e].lower() not in _NOT_ACCOUNTS:
                yield Entity(EntityType.PERSON, s, e, text[s:e], 0.8, "account")
    for m in _KIN_LATIN.finditer(text):
        s, e = m.start("name"), m.end("name")
        if text[s:e].lower() not in _NOT_NAMES:
            yield Entity(EntityType.PERSON, s, e, text[s:e], 0.8, "latin")
    for m in _WHOSE_LATIN.finditer(text):
        s, e = m.start("name"), m.end("name")
        word = text[s:e]
        if word.lower() not in _NOT_NAMES and not english_word(word) and not municipal_word(word):
            yield Entity(EntityType.PERSON, s, e, word, 0.8, "latin")
    for m in _JOINED_LOWER.finditer(text):
        first, second = m.group(1), m.group(2)
        if municipal_word(first) and municipal_word(second):
            continue  # type: jidou_teate, kind=seikatsu_hogo: a municipal term (glossary), no name
        if romaji_shaped(first) and romaji_shaped(second):
            yield Entity(EntityType.PERSON, m.start(), m.end(), m.group(), 0.75, "romaji")


_WORD_BEFORE = re.compile(r"(?<![A-Za-z.])([A-Z]{2,15})[ ]$")
_ABBREVIATED_GIVEN = re.compile(r"(?<![A-Za-z.])(?:Ma|Md|Mohd|Muhd|Mst|Wm)\.[ ]?$")
# Y.T さん, K.W様: initials before an honorific.
_INITIALS = re.compile(
    r"(?<![A-Za-z.])[A-Z]\.[ ]?[A-Z]\.?(?=[ ]?(?:さん|様|さま|氏|くん|君|ちゃん|殿|先生))"
)


def extend_latin_names(found: Iterable[Entity], text: str) -> Iterator[Entity]:
    """SATO HANAKO with only HANAKO found: a rōmaji-shaped word in capitals right before a
    name in capitals is its other half (passport order); and initials before an honorific."""
    for e in found:
        if e.type is not EntityType.PERSON or not e.text.isascii():
            continue
        m = _WORD_BEFORE.search(text, max(0, e.start - 17), e.start)
        if m and m.end() == e.start and e.text.isupper():
            word = m.group(1)
            if romaji_shaped(word.capitalize()) and word.lower() not in _NOT_NAMES:
                start = m.start(1)
                yield Entity(
                    EntityType.PERSON, start, e.end, text[start : e.end], e.confidence, e.source
                )
        # Ma. Cristina Reyes, Md. Rahim: an abbreviated first given name (Maria, Mohammad)
        m = _ABBREVIATED_GIVEN.search(text, max(0, e.start - 8), e.start)
        if m and m.end() == e.start and e.text[:1].isupper():
            yield Entity(
                EntityType.PERSON, m.start(), e.end, text[m.start() : e.end], e.confidence, e.source
            )
    for m in _INITIALS.finditer(text):
        yield Entity(EntityType.PERSON, m.start(), m.end(), m.group(), 0.8, "initials")


_CAPITAL = re.compile(r"[A-Z]")


def repeated_latin_names(found: Iterable[Entity], text: str) -> Iterator[Entity]:
    """Other occurrences of a Latin name part already found (Mr. Okafor … Chidi Okafor),
    with a capitalised word glued before or after it (the rest of the full name)."""
    found = list(found)
    plain = latin_base(text)
    parts: set[str] = set()
    # Where the capitals are: a name without one has no Latin part, and is not searched (a
    # long run of names, one per token to the run's end, made this quadratic: H7-6).
    capitals = [m.start() for m in _CAPITAL.finditer(plain)]
    for e in found:
        if e.type is EntityType.PERSON and bisect_left(capitals, e.start) < bisect_left(
            capitals, e.end
        ):
            for word in re.findall(r"[A-Z][a-z]{2,15}|[A-Z]{3,15}", plain[e.start : e.end]):
                if word.lower() not in _NOT_NAMES and word not in _NOT_NAME_BEFORE:
                    parts.add(word)
    if not parts:
        return
    taken = [(e.start, e.end) for e in found if e.type is EntityType.PERSON]
    # Võ Thanh Ngân → 住民票は VO THANH NGAN: a part found in lower case is the same part in
    # capitals, with a capitals word glued before it (rt10)
    for word in parts | {p.upper() for p in parts if not p.isupper()}:
        for m in re.finditer(rf"(?<![A-Za-z]){re.escape(word)}(?![A-Za-z])", plain):
            start, end = m.start(), m.end()
            if any(s <= start and end <= t for s, t in taken):
                continue
            glued = (
                r"([A-Z]{2,15})[ \u3000]$" if word.isupper() else r"([A-Z][a-z]{1,15})[ \u3000]$"
            )
            before = re.search(glued, plain[max(0, start - 17) : start])
            if before and before.group(1) not in _NOT_NAME_BEFORE:
                start -= len(before.group())
            after = re.match(
                r"[ \u3000]([A-Z]{2,15})(?![A-Za-z])"
                if word.isupper()
                else r"[ \u3000]([A-Z][a-z]{1,15})(?![A-Za-z])",
                plain[end:],
            )
            if after and after.group(1) not in _NOT_NAME_BEFORE:
                end += len(after.group())
            yield Entity(EntityType.PERSON, start, end, text[start:end], 0.85, "latin")


def _find_romaji_names(text: str) -> Iterator[Entity]:
    for m in _LATIN_RUN.finditer(text):
        words = [w for w in re.split(r"[ \u3000]", m.group()) if w]
        if any(w.isupper() and len(w) > 1 for w in words) and not any(
            w[0].isupper() and not w.isupper() for w in words
        ):
            continue  # all capitals: an acronym run (NPO JICA), not WATANABE Kenji
        reading = _READING_AFTER.match(text, m.end())
        after = text[reading.end() if reading else m.end() :][:6].lstrip(" \u3000")
        before = text[max(0, m.start() - 8) : m.start()]
        honorific = after.startswith(_PARTICLES) or _HYPHEN_HONORIFIC.match(text, m.end())
        titled = _TITLE.search(text[max(0, m.start() - 6) : m.start()]) is not None
        labelled = any(label in before for label in _LABELS)
        shaped = [romaji_shaped(w.rstrip(".")) for w in words if len(w.rstrip(".")) > 1]
        end = m.end()
        if len(words) >= 2 and words[0].rstrip(".") in _TITLE_WORDS:
            # Ms Okafor, Dr Mensah: a title opening the run; the name is the rest of it.
            start = m.start() + m.group().index(words[1], len(words[0]))
            if not any(w.rstrip(".") in NOT_PERSON_WORDS for w in words[1:]):
                yield Entity(EntityType.PERSON, start, end, text[start:end], 0.9, "latin")
            continue
        if (
            len(words) >= 2
            and all(shaped)
            and max(len(w) for w in words) >= 4
            and not municipal_run(words)
        ):
            yield Entity(EntityType.PERSON, m.start(), end, text[m.start() : end], 0.85, "romaji")
        elif (
            2 <= len(words) <= 4
            and _ENGLISH_AFTER.match(text, m.end())
            and not any(w.rstrip(".") in NOT_PERSON_WORDS for w in words)
        ):
            yield Entity(EntityType.PERSON, m.start(), end, text[m.start() : end], 0.8, "latin")
        elif honorific or titled or labelled:
            yield Entity(EntityType.PERSON, m.start(), end, text[m.start() : end], 0.9, "latin")
        elif (
            (len(words) >= 2 and after.startswith(_AFTER) and any(shaped))
            or (
                len(words) >= 3
                and all(w[0].isupper() and w[1:].islower() for w in words)
                and (name_words(words) >= 2 or name_words(words[:1]) == 1)
                and not municipal_run(words)
            )
        ) and not any(w.rstrip(".") in NOT_PERSON_WORDS for w in words):
            # (The Tax Office, Aoba City Hall: organisation words are no name.)
            # Three title-case words (Pham Thi Lan) in Japanese text are a name far more
            # often than a product; two need a particle or punctuation after them.
            yield Entity(EntityType.PERSON, m.start(), end, text[m.start() : end], 0.7, "latin")


_PLACE_SUFFIX = r"(?:-?(?:cho|chou|machi|mura|son|ku|shi|gun|ken|to|fu|chome|ch[oō]me))"
_PLACE_WORD = (
    rf"[A-Z][a-z]{{1,15}}{_PLACE_SUFFIX}?(?:[ ](?:City|Town|Village|Ward|Prefecture|County))?"
)
_BLOCK = r"[0-9]{1,4}(?:-[0-9]{1,4}){1,3}"
_ROOM = r"(?:[ ,]+(?:Room|Apt\.?|#)\s?[0-9]{1,4}[A-Z]?)?"
_ROMAJI_ADDRESS = re.compile(
    rf"(?<![0-9A-Za-z])(?:(?:(?:Room|Apt\.?|#)\s?[0-9]{{1,4}}[A-Z]?,?[ ]+)?{_BLOCK}{_ROOM}(?:,?[ ]+{_PLACE_WORD}){{1,4}}"
    rf"|{_PLACE_WORD}(?:,?[ ]+{_PLACE_WORD}){{0,3}},?[ ]+{_BLOCK}{_ROOM})(?![0-9A-Za-z])"
)
#: Words before City / Ward that say which one, not its name ("The City Hall", "This Ward").
_NOT_PLACE_HEAD = r"(?!(?:The|This|That|Your|My|Our|Their|Each|Every|Any|Which|What|Same|Other|Next|Nearest|Local|Whole|Is|Are|Was|Does|Do|Did|Can|Where|When|How|Why|In|At|To|Near)[ -])"
_PLACE_HEAD = re.compile(
    r"(?<![A-Za-z])"
    + _NOT_PLACE_HEAD
    + r"[A-Z][a-z]{1,15}(?:-(?:cho|chou|machi|mura|ku|shi|gun|ken)|[ ](?:City|Ward|Prefecture))(?![A-Za-z])"
)


# Addresses abroad (国外の送付先): "1208 Rizal Ave, Sta. Cruz, Manila", "Rua Augusta 25,
# Lisboa", "Calle Mayor 7": a house number and a street word, then up to three
# comma-separated place words.
STREET = (
    r"(?:Ave|Avenue|St|Street|Rd|Road|Blvd|Boulevard|Dr|Drive|Ln|Lane|Hwy|Highway|Way|Pl|Place)\.?"
)
_CAP = r"(?:[A-Z][A-Za-z'\u00c0-\u024f]+\.?)"
_TAIL = rf"(?:,[ ]?{_CAP}(?:[ ]{_CAP}){{0,2}}){{0,3}}"
_FOREIGN_STREET = re.compile(
    rf"(?<![0-9A-Za-z])(?:(?:Flat|Apt\.?|Unit|Room|Suite)[ ]?[0-9A-Z]{{1,5}},?[ ])?"
    rf"[0-9]{{1,5}}[A-Za-z]?[ ]{_CAP}(?:[ ]{_CAP}){{0,2}}[ ]{STREET}{_TAIL}(?![A-Za-z])"
    rf"|(?<![A-Za-z])(?:Rua|Calle|Avenida|Av\.|Jalan|Jl\.)[ ]{_CAP}(?:[ ]{_CAP}){{0,2}},?[ ]?[0-9]{{1,5}}{_TAIL}(?![A-Za-z])"
)


def find_foreign_street_addresses(text: str) -> Iterator[Entity]:
    """Street addresses abroad (see the comment above)."""
    for m in _FOREIGN_STREET.finditer(text):
        yield Entity(EntityType.ADDRESS, m.start(), m.end(), m.group(), 0.85, "street")


# jusho: aoba-ku sakuragaoka 3-7-11 — typed in lower case after an address label; 住所
# Aoba-shi Sakuragi-cho 3-9-14 — capitalised, with no colon after a Japanese label.
_LABELLED_ROMAJI_ADDRESS = re.compile(
    r"(?:(?:[Jj]u(?:u|ū)?sho|[Aa]ddress)[ \u3000]?[:：]|住所[ \u3000]?[:：は]?)[ \u3000]?"
    r"(?P<address>[A-Za-z][a-z-]{1,20}(?:[ ,]{1,2}[A-Za-z][a-z-]{1,20}){0,3}[ ,]{1,2}"
    r"[0-9]{1,4}(?:-[0-9]{1,4}){1,3})"
)


def find_romaji_addresses(text: str) -> Iterator[Entity]:
    """Rōmaji addresses (with a block number) and place names with a Japanese suffix."""
    for m in _LABELLED_ROMAJI_ADDRESS.finditer(text):
        s, e = m.start("address"), m.end("address")
        yield Entity(EntityType.ADDRESS, s, e, text[s:e], 0.85, "romaji")
    taken: list[tuple[int, int]] = []
    for m in _ROMAJI_ADDRESS.finditer(text):
        words = re.findall(r"[A-Z][a-z]+", m.group())
        if any(romaji_shaped(w) or w in {"City", "Town", "Ward"} for w in words):
            taken.append((m.start(), m.end()))
            yield Entity(EntityType.ADDRESS, m.start(), m.end(), m.group(), 0.9, "romaji")
    for m in _PLACE_HEAD.finditer(text):
        if not any(s <= m.start() < e for s, e in taken):
            yield Entity(EntityType.LOCATION, m.start(), m.end(), m.group(), 0.8, "romaji")
