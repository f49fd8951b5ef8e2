"""Names written in other scripts: 한글 (권 지훈, 박서연), Thai (สมศรี ใจดี), Cyrillic,
Devanagari, Arabic … (外国人住民の氏名).

In a Japanese text a Hangul word of 2–4 syllables that starts with a frequent Korean
surname is a name (staff paste the 한글 spelling next to the katakana one); in a text that
is mostly Hangul (a Korean sentence) it needs an honorific (씨, 님) or a Japanese one. A
run of any other non-CJK script needs an honorific (さん, 様 …), a label (氏名：) or a
katakana reading in brackets: quoted foreign phrases stay readable.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator

from ._types import Entity, EntityType

# fmt: off
#: The most frequent Korean surnames (Statistics Korea census, common knowledge), one syllable
#: each, plus the frequent two-syllable ones.
_KOREAN_SURNAMES = frozenset(
    "김이박최정강조윤장임한오서신권황안송류전홍고문양손배백허유남심노하곽성차주우구민진지엄채"
    "원천방공현함변염여추도소석선설마길연위표명기반왕금옥육인맹제모탁국어은편용예경봉사부가복태"
    "목형피두감호빈곡진좌"
)
_KOREAN_TWO = ("남궁", "황보", "제갈", "선우", "독고", "사공", "서문")
# fmt: on
_HANGUL = "가-힣"
_HANGUL_NAME = re.compile(
    rf"(?<![{_HANGUL}])([{_HANGUL}]{{1,2}})[ \u3000]?([{_HANGUL}]{{1,3}})(?![{_HANGUL}])"
)
_KOREAN_HONORIFIC = re.compile(r"[ \u3000]?(?:씨|님|선생님|군|양)")
_JA_HONORIFIC = re.compile(r"[)）]?[ \u3000]?(?:さん|様|さま|氏|くん|君|ちゃん|殿|先生)")
# Scripts whose words are names when cued: Thai, Lao, Khmer, Myanmar, Devanagari, Bengali,
# Sinhala, Cyrillic, Arabic, Hebrew, Georgian, Mongolian, Tamil, Greek.
_OTHER = (
    "\u0e00-\u0e7f\u0e80-\u0eff\u1780-\u17ff\u1000-\u109f\u0900-\u097f\u0980-\u09ff"
    "\u0d80-\u0dff\u0400-\u04ff\u0600-\u06ff\u0590-\u05ff\u10a0-\u10ff\u1800-\u18af\u0b80-\u0bff"
    "\u0370-\u03ff\u1f00-\u1fff"
)
_OTHER_RUN = re.compile(rf"[{_OTHER}]+(?:[ \u3000][{_OTHER}]+){{0,3}}")
_LABEL_BEFORE = re.compile(
    r"(?:氏名欄?|名前|お名前|相談者|申請者|世帯主|名義|宛名|差出人|Name|name|คุณ|ПІБ|ФИО|Ім'я|Имя)"
    r"\s?[:：]?\s?$"
)
# "My name is …" in Nepali / Hindi (मेरो नाम … हो), Russian and Ukrainian (Меня зовут …),
# Arabic (اسمي …) and Thai (ชื่อ … ครับ):
# the cue is inside the run of the script, so the name is cut out between cue and verb.
_SCRIPT_INTRO = re.compile(
    r"(?:मेरो|मेरा)\s+नाम\s+(?P<dev>[\u0900-\u097f]+(?:\s+[\u0900-\u097f]+){0,2}?)(?=\s*(?:हो|है|हुँ|हूँ)(?![\u0900-\u0963\u0966-\u097f]))"
    r"|(?:[Мм]еня зовут|[Мм]ене звати|[Мм]оє ім'я|[Мм]о[её] имя)\s+(?P<cyr>[А-ЯЁІЇЄҐ][\u0400-\u04ff']+(?:\s+[А-ЯЁІЇЄҐ][\u0400-\u04ff']+){0,2})"
    # Arabic: اسمي (my name) / الاسم (name:) before one to three words
    r"|(?:اسمي|إسمي|الاسم)\s*[:：]?\s*(?P<ara>[\u0621-\u064a]+(?:\s+[\u0621-\u064a]+){0,2}?)(?=\s*(?:[.,،:؟!、。]|$|\s[^\u0600-\u06ff]))"
    # Thai (no spaces between words): ชื่อ + given name + space + surname + ครับ / ค่ะ
    r"|ชื่อ(?:คือ)?\s?(?P<thai>[\u0e01-\u0e4e]{2,}\s[\u0e01-\u0e4e]{2,}?)(?=\s*(?:ครับ|ค่ะ|คะ|นะ))"
)
_READING_AFTER = re.compile(r"[ \u3000]?[（(][ァ-ヺー・＝= ]{2,24}[)）]")


def _mostly_hangul(text: str) -> bool:
    hangul = sum(1 for ch in text if "가" <= ch <= "힣")
    japanese = sum(1 for ch in text if "ぁ" <= ch <= "ヺ" or "一" <= ch <= "鿿")
    return hangul > japanese


def _cued(text: str, start: int, end: int) -> bool:
    return (
        _JA_HONORIFIC.match(text, end) is not None
        or _READING_AFTER.match(text, end) is not None
        or _LABEL_BEFORE.search(text[max(0, start - 8) : start]) is not None
    )


def find_foreign_script_names(text: str) -> Iterator[Entity]:
    """Person names in Hangul and other non-CJK scripts (see the module docstring)."""
    if any("가" <= ch <= "힣" for ch in text):
        korean_text = _mostly_hangul(text)
        for m in _HANGUL_NAME.finditer(text):
            surname = m.group(1)
            known = surname[0] in _KOREAN_SURNAMES or surname in _KOREAN_TWO
            if len(surname) == 2 and surname not in _KOREAN_TWO:
                # 박서연 read as 박서 + 연: the surname is the first syllable
                known = surname[0] in _KOREAN_SURNAMES
            if not known or len(m.group().replace(" ", "").replace("\u3000", "")) > 4:
                continue
            cued = _cued(text, m.start(), m.end()) or _KOREAN_HONORIFIC.match(text, m.end())
            if cued or not korean_text:
                yield Entity(EntityType.PERSON, m.start(), m.end(), m.group(), 0.85, "hangul")
    for m in _OTHER_RUN.finditer(text):
        if _cued(text, m.start(), m.end()):
            yield Entity(EntityType.PERSON, m.start(), m.end(), m.group(), 0.85, "script")
    for m in _SCRIPT_INTRO.finditer(text):
        group = next(g for g in ("dev", "cyr", "ara", "thai") if m.group(g))
        s, e = m.start(group), m.end(group)
        yield Entity(EntityType.PERSON, s, e, text[s:e], 0.85, "script")


# Self-introductions and family words in the languages residents write in, pasted for
# translation: 我叫张伟, 我的孩子张子涵, 写信人 刘芳, 저는 이수진입니다, sou Fernanda Costa.
# Compound surnames make four characters (司马晓晴, 欧阳明远).
_CHINESE_CUE = re.compile(
    r"(?:我叫|名叫|叫做|名字是|名字叫|写信人|寫信人|申请人|申請人|联系人|聯絡人|丈夫|妻子|儿子|兒子|女儿|女兒|"
    r"孩子|母亲|母親|父亲|父親)[ \u3000:：]?"
    # 我妻子蔺 晓薇: surname and given name may be spaced
    r"(?P<name>[一-鿿]{1,2}[ \u3000][一-鿿]{1,2}|[一-鿿]{2,4}?)(?=[，。、,.\s想是的在住生和与與]|$)"
)
_KOREAN_CUE = re.compile(
    r"(?:저는|제 이름은|이름은|제 아들|제 딸|남편|아내)[ ]?(?P<name>[가-힣]{2,4}?)"
    r"(?=입니다|이에요|예요|이고|씨|님|[ ,.])"
    # 안녕하세요. 배수아예요 / 우리 아이 하은이가: a name glued to the copula or to 이 + a particle.
    r"|(?:안녕하세요[.,!]?|우리 아이|우리 아들|우리 딸)[ ]?(?P<name2>[가-힣]{2,3}?)"
    r"(?=입니다|이에요|예요|이가|이는|이를|이도)"
)
# 저는 문의가 있어요: a word with a subject or object particle, then a space and no copula, is
# what the sentence is about, not the writer's name (저는 지은 입니다 stays a name).
_KOREAN_SUBJECT_PARTICLES = frozenset("가이를을도에")
_KOREAN_COPULA_AFTER = re.compile(r"입니다|이에요|예요|이고|라고|씨|님")
_HANGUL_RUN = re.compile(r"[가-힣]+")


class _KoreanSubjects:
    """Whether a Hangul word starting at a cue's name is a subject: the run holding it ends in
    a particle, then a space and no copula.

    Each run is judged once, so many cues in one long run cost linear time (matching
    ``[가-힣]+[가이를을도에][ ]`` from every cue rescanned the run: 40,000 characters, 1.7 s)."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._starts: list[int] = []
        self._ends: list[int] = []
        self._subject: list[bool] = []
        for run in _HANGUL_RUN.finditer(text):
            end = run.end()
            self._starts.append(run.start())
            self._ends.append(end)
            self._subject.append(
                text[end - 1] in _KOREAN_SUBJECT_PARTICLES
                and text[end : end + 1] == " "
                and not _KOREAN_COPULA_AFTER.match(text, end + 1)
            )

    def at(self, start: int) -> bool:
        """``[가-힣]+[가이를을도에][ ]`` (no copula after) matches from ``start``."""
        i = bisect_right(self._starts, start) - 1
        # At least one syllable before the particle, so the run goes two past ``start``.
        return i >= 0 and self._subject[i] and self._ends[i] - start >= 2


_LATIN_INTRO = re.compile(
    r"(?<![A-Za-z])(?:[Ss]ou|[Mm]e llamo|[Mm]e chamo|[Jj]e m'appelle|[Ii]ch heiße|[Mm]y name is|"
    r"[Tt]ôi là|[Tt]en ko|[Aa]ko si|(?:[Hh]i|[Hh]ello|[Hh]ey)[,!]? this is|I am)[ ]+"
    r"(?P<name>[A-Z][A-Za-z'\u00c0-\u024f\u1e00-\u1eff-]+(?:[ ][A-Z][A-Za-z'\u00c0-\u024f\u1e00-\u1eff-]+){0,3})"
)


# 我是欧阳明轩，: 我是 + three or four characters before a comma is a name, unless it says what
# the writer is (我是日本人, 我是留学生, 我是孩子的妈妈, 我是公司职员).
# A spaced surname and given name is a name before 的 too (我是钟离 思远的母亲).
_CHINESE_I_AM = re.compile(
    r"我是(?P<name>[一-鿿]{3,4}(?=[，,。.！!])|[一-鿿]{1,2}[ \u3000][一-鿿]{1,2}(?=[，,。.！!的]))"
)
_NOT_IN_CHINESE_NAME = frozenset("的人生者员員师師妇婦妈媽爸家国國市区區县縣民工士长長")
# "I am Japanese": after "I am", words that say what, not who.
_NOT_INTRODUCED = frozenset(
    {"Japanese", "Chinese", "Korean", "Vietnamese", "Filipino", "Brazilian", "American",
     "British", "Nepali", "Indian", "Indonesian", "Thai", "Sorry", "Not", "Here", "From",
     "A", "An", "The", "In", "At", "Living", "Looking", "Calling", "Writing", "Asking"}
)  # fmt: skip
# 주소는 아오바구 혼마치 2-3-4: a Korean address label before Hangul words and a block number.
_KOREAN_ADDRESS = re.compile(
    r"주소[는은:：]?[ ]?(?P<address>[가-힣]+(?:[ ][가-힣]+){0,3}[ ]?"
    # 사쿠라가오카 3초메 5-8 메종사쿠라 201호: a 丁目 transliterated, a building and its room
    r"(?:[0-9]{1,2}[ ]?초메[ ]?)?[0-9]{1,4}(?:-[0-9]{1,4}){1,3}(?:[ ][가-힣]+[ ]?[0-9]{1,4}호)?)"
)


def find_introduced_foreign_names(text: str) -> Iterator[Entity]:
    """Names after a self-introduction or family word in Chinese, Korean and Latin-script
    languages (see the comment above)."""
    subjects: _KoreanSubjects | None = None
    for pattern in (_CHINESE_CUE, _KOREAN_CUE, _LATIN_INTRO):
        for m in pattern.finditer(text):
            group = "name2" if m.groupdict().get("name2") else "name"
            s, e = m.start(group), m.end(group)
            if text[s:e].split(" ")[0] in _NOT_INTRODUCED:
                continue
            if group == "name" and pattern is _KOREAN_CUE:
                subjects = subjects or _KoreanSubjects(text)
                if subjects.at(s):
                    continue
            yield Entity(EntityType.PERSON, s, e, text[s:e], 0.85, "cue")
    for m in _CHINESE_I_AM.finditer(text):
        if not _NOT_IN_CHINESE_NAME.intersection(m.group("name")):
            s, e = m.start("name"), m.end("name")
            yield Entity(EntityType.PERSON, s, e, text[s:e], 0.8, "cue")
    for m in _KOREAN_ADDRESS.finditer(text):
        s, e = m.start("address"), m.end("address")
        yield Entity(EntityType.ADDRESS, s, e, text[s:e], 0.85, "cue")
