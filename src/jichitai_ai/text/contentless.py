"""Questions that say nothing an FAQ could answer (内容のない入力).

A resident who types 「1234」, 「？？？」, a date alone (「2024年4月1日」), a keyboard test
(「test」, 「テスト」, 「测试」, 「테스트」), one kana (「あ」), a letter repeated (「ああああ」, 「www」) or
Korean consonant laughter (「ㅋㅋㅋ」) has given nothing to choose entries by. The embedding still
puts such text near some entries (「test」 → 印鑑登録 / 婚姻届 / ごみの分け方 at cosine .81), so the
resident would get three unrelated choices; the general contact is the honest answer.

Kept narrow on purpose: one word in any script is a question (ごみ, tax, 쓰레기, 垃圾, 犬), and a
single kanji may be one (税, 犬); only what carries no topic at all is matched here.
"""

from __future__ import annotations

import re
import unicodedata

#: Keyboard tests and placeholder strings, compared after NFKC, casefolding and removing
#: spaces and punctuation. Kinds of input, not phrasings of a question.
PROBE_WORDS = frozenset(
    {
        "test",
        "tests",
        "testing",
        "testtest",
        "test123",
        "テスト",
        "てすと",
        "テストテスト",
        "测试",
        "測試",
        "테스트",
        "asdf",
        "asdfgh",
        "qwerty",
        "hoge",
        "hogehoge",
        "fuga",
        "foo",
        "foobar",
        "dummy",
        "ダミー",
        "sample",
        "サンプル",
    }
)

#: A number with a date or time unit (2024年, 4月, 1日, 1号, 10時, 30分, 2024년, 4월, 1일 …),
#: an era name before its year (令和6年), a.m. / p.m. words next to a time.
#: A number starts where no digit is before it and is taken whole (``\d++``): before (hr5), a run
#: of 4,000 digits after a kanji was tried from every digit, 0.7 s of CPU for one question.
_DATE_TIME = re.compile(
    r"(令和|平成|昭和|大正)\s*+(\d++|元)\s*+年"
    r"|(?<!\d)\d++\s*+(年|月|日|号|號|時|时|點|点|分|秒|년|월|일|시|초)"
    r"|(午前|午後|上午|下午|오전|오후)"
    r"|(?<!\d)\d++\s*+(am|pm|a\.m\.|p\.m\.|st|nd|rd|th)\b",
    re.IGNORECASE,
)
_MONTHS = re.compile(
    r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?",
    re.IGNORECASE,
)
_KANJI = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_HANGUL_JAMO = re.compile(r"[\u3131-\u318e\u1100-\u11ff]")


def _letters(text: str) -> str:
    return "".join(ch for ch in text if ch.isalpha())


def says_nothing(question: str) -> bool:
    """Whether the question carries no topic at all (see the module docstring)."""
    text = unicodedata.normalize("NFKC", question).strip()
    letters = _letters(text)
    if not letters:
        return True  # 「1234」, 「？？？」, a phone number alone
    if letters.casefold() in PROBE_WORDS:
        return True
    if any(ch.isdigit() for ch in text):
        # A date or a time and nothing else (「2024年4月1日」, 「4月1日 10時」, "April 1, 2024").
        rest = _DATE_TIME.sub(" ", text)
        rest = _MONTHS.sub(" ", rest)
        if not _letters(rest):
            return True
    if not _HANGUL_JAMO.sub("", letters):
        return True  # ㅋㅋㅋ, ㅎㅎ, ㅠㅠ: consonants and vowels, not syllables
    if _KANJI.search(letters):
        return False  # 犬, 税: one kanji can be a topic
    # One letter, or one letter repeated (あ, a, ああああ, www).
    return len(set(letters.casefold())) == 1
