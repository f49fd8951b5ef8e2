"""Answers as they should be heard: short, with phone numbers, times and dates read correctly.

Written answers are made for reading: URLs, bullet marks, ``8:30〜17:15`` and
``0000-00-1000`` are read badly by a speech engine. These rules rewrite them into words
Open JTalk reads right (電話番号は一桁ずつ、時刻は「8時30分」、範囲は「から」), and cut the
answer to its first sentences — the screen (or the department) has the rest.
"""

from __future__ import annotations

import re
import unicodedata

#: How much of an answer is spoken (characters, cut at a sentence end).
MAX_SPOKEN_CHARS = 140
DIGITS = ["ゼロ", "イチ", "ニー", "サン", "ヨン", "ゴー", "ロク", "ナナ", "ハチ", "キュー"]

_URL = re.compile(r"https?://\S+|www\.\S+")
_PHONE = re.compile(
    r"(?<![0-9])0\d{1,4}-\d{1,4}-\d{3,4}(?![0-9])|(?<![0-9])(?:110|119|118|171|#7119)(?![0-9])"
)
_TIME = re.compile(r"(?<![0-9])([0-2]?\d):([0-5]\d)(?![0-9])")
_SLASH_DATE = re.compile(
    r"(?<![0-9/])(\d{4})/(\d{1,2})/(\d{1,2})(?![0-9/])|(?<![0-9/])(\d{1,2})/(\d{1,2})(?![0-9/])"
)
_RANGE = re.compile(r"\s*[〜~～]\s*")
_BULLET = re.compile(r"^\s*(?:[・\-*•]|\d+[.)．])\s*", re.MULTILINE)
_BRACKETS = re.compile(r"[（(][^（）()]{0,40}[）)]")
_SENTENCE = re.compile(r"(?<=[。！？!?])")


def read_digits(number: str) -> str:
    """0000-00-1000 → ゼロゼロゼロゼロの、ゼロゼロの、イチゼロゼロゼロ (as staff read numbers aloud)."""
    groups = re.split(r"[-‐－ー]", number.replace("#", "シャープ"))
    spoken = []
    for group in groups:
        spoken.append("".join(DIGITS[int(ch)] if ch.isdigit() else ch for ch in group))
    return "の、".join(spoken)


def _time(match: re.Match[str]) -> str:
    hour, minute = int(match.group(1)), int(match.group(2))
    return f"{hour}時" + (f"{minute}分" if minute else "")


def _date(match: re.Match[str]) -> str:
    if match.group(1):
        return f"{int(match.group(1))}年{int(match.group(2))}月{int(match.group(3))}日"
    return f"{int(match.group(4))}月{int(match.group(5))}日"


def normalize(text: str) -> str:
    """Rewrite what a TTS engine misreads; the result is still ordinary Japanese text."""
    text = unicodedata.normalize("NFKC", text)
    text = _URL.sub("ホームページ", text)
    text = _BULLET.sub("", text)
    text = _PHONE.sub(lambda m: read_digits(m.group(0)), text)
    text = _SLASH_DATE.sub(_date, text)
    text = _TIME.sub(_time, text)
    text = _RANGE.sub("から", text)
    text = text.replace("&", "と").replace("%", "パーセント")
    text = re.sub(r"[「」『』【】\[\]<>＜＞※*#]", "", text)
    text = re.sub(r"\s*\n\s*", "。", text)
    text = re.sub(r"。{2,}", "。", text)
    return re.sub(r"[ \t]+", " ", text).strip(" 。") + ("。" if text.strip() else "")


def shorten(text: str, limit: int = MAX_SPOKEN_CHARS) -> str:
    """The first sentences that fit in ``limit`` characters (at least one sentence, cut)."""
    text = _BRACKETS.sub("", text)
    out = ""
    for sentence in (s for s in _SENTENCE.split(text) if s.strip()):
        if out and len(out) + len(sentence) > limit:
            break
        out += sentence
    if len(out) > limit:
        out = out[:limit].rstrip("、") + "。"
    return out


def spoken_answer(answer: str, spoken_text: str = "") -> str:
    """What is said for an answer: the entry's own spoken text when written, else a short version."""
    if spoken_text.strip():
        return normalize(spoken_text)
    return shorten(normalize(answer))


def choices_prompt(questions: list[str], lead: str) -> str:
    """「1番、…。2番、…。」 after a lead sentence; numbers are read by the engine as いちばん etc."""
    parts = [lead.rstrip("。") + "。"]
    parts += [f"{n}番、{normalize(q).rstrip('。')}。" for n, q in enumerate(questions, 1)]
    return "".join(parts)


_KANJI_NUMBERS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_KANA_NUMBERS = {
    "いち": 1,
    "に": 2,
    "さん": 3,
    "よん": 4,
    "し": 4,
    "ご": 5,
    "ろく": 6,
    "なな": 7,
    "しち": 7,
    "はち": 8,
    "きゅう": 9,
    "く": 9,
}


def choice_number(utterance: str, count: int) -> int | None:
    """Which choice a resident said: 「2番」「にばん」「二番目」「2」 → 2; None when unclear."""
    text = unicodedata.normalize("NFKC", utterance).strip().rstrip("。.!！?？ ")
    match = re.search(r"(\d+)\s*(?:番|ばん)?", text)
    number: int | None = None
    if match and (match.group(0).endswith(("番", "ばん")) or text.isdigit()):
        number = int(match.group(1))
    if number is None:
        for word, value in {**_KANJI_NUMBERS, **_KANA_NUMBERS}.items():
            if re.search(rf"{word}(?:番|ばん)", text):
                number = value
                break
    if number is not None and 1 <= number <= count:
        return number
    return None
