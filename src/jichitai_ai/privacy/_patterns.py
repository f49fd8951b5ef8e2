"""Pattern detectors for structured personal data (電話番号, メール, 個人番号 …).

All patterns run on ``fold(text)`` (same length, ASCII digits and ``-``), so the
digit lookarounds ``(?<![0-9])`` / ``(?![0-9])`` also cover full-width digits
(０-９) in the original text. ``\\b`` is never used: it does not work next to
Japanese characters. Every quantifier is bounded, so matching stays linear.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ._cues import PHONE_CUE
from ._fold import KANJI_NUMERAL_CHARS, kanji_to_int
from ._spoken_digits import find_spoken_phones, spoken_twelve_digits
from ._types import Entity, EntityType
from .checksums import is_valid_my_number, is_valid_resident_code, luhn_valid

_NO_DIGIT_BEFORE = r"(?<![0-9])(?<![0-9]-)"
_NO_DIGIT_AFTER = r"(?![0-9])(?!-[0-9])"
_SEP = r"[- .]?"

# --- context words ---------------------------------------------------------
#: マイナンバー labels in the words staff and residents use: the card (番号カード, 通知カード),
#: hiragana, English and residents' languages (个人编号, 마이넘버, 개인번호).
_CTX_MY_NUMBER = re.compile(
    r"マイナンバー|個人番号|マイナ|番号カード|通知カード|まいなんばー|こじんばんごう"
    r"|my[ _\-]?number|个人编号|個人編號|个人番号|마이넘버|개인번호"
    # keys of pasted JSON, CSV headers and forms: kojin_bango, kojinbangou, my_no
    r"|kojin[ _\-]?bang[ou]u?|my[_\-]no\b",
    re.IGNORECASE,
)
_CTX_LICENSE = re.compile(r"免許|めんきょ|licen[cs]e|면허|驾照|驾驶证")
_CTX_PENSION = re.compile(r"年金")
_CTX_INSURANCE = re.compile(r"被保険者|保険証|保険者番号|資格確認書|記号|保険")
_CTX_BANK = re.compile(r"口座|普通預金|当座|預金|振込|支店|ゆうちょ|記号番号")
_CTX_BIRTH = re.compile(
    r"生年月日|誕生日|生まれ|出生|生誕|年齢|歳|DOB|[Bb]irth|[Bb]orn|せいねんがっぴ|たんじょうび|うまれ"
)
# After a date: 生, 歳, 才, and 生まれ typed in kana (R2.4.1うまれ) or Korean 생 (2019.5.30생이에요;
# not 생활 "life", 생산, 생명).
_BORN_AFTER_DATE = re.compile(r"[生歳才]|うまれ|ウマレ|생(?![활산명존])")


# 2013年の7月21日、海の日に生まれた: a birth verb a few words after the date.
_BORN_SOON = re.compile(r"生まれ|うまれ|出生|生于|出世|태어|born")


def _born_after(after: str) -> bool:
    return _BORN_AFTER_DATE.search(after) is not None


def _context(folded: str, start: int, pattern: re.Pattern[str], window: int = 20) -> bool:
    return pattern.search(folded, max(0, start - window), start) is not None


def _entity(
    text: str, start: int, end: int, kind: EntityType, confidence: float, detail: str = ""
) -> Entity:
    return Entity(kind, start, end, text[start:end], confidence, "regex", detail)


# --- e-mail ----------------------------------------------------------------
_EMAIL = re.compile(
    r"(?<![A-Za-z0-9._%+-])[A-Za-z0-9][A-Za-z0-9._%+-]{0,63}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}\.){1,6}[A-Za-z]{2,24}(?![A-Za-z0-9])"
)


# Written to dodge harvesters: yamada.taro [at] example.jp, taro(at)example.jp, taro アットマーク example.jp,
# taro at example dot co dot jp (every dot spelled out).
_EMAIL_OBFUSCATED = re.compile(
    r"(?<![A-Za-z0-9._%+-])[A-Za-z0-9][A-Za-z0-9._%+-]{0,63}"
    r"(?:[ ]?(?:ドット|どっと)[ ]?[A-Za-z0-9._%+-]{1,63}|[ ]dot[ ][A-Za-z0-9._%+-]{1,63}){0,3}\s?"
    r"(?:\[at\]|\(at\)|\[@\]|\(@\)|\{at\}| at |アットマーク|あっとまーく|アット)\s?"
    r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}(?:\.|\s?\[dot\]\s?|\s?\(dot\)\s?| dot |\s?(?:ドット|どっと)\s?)){1,6}"
    r"[A-Za-z]{2,24}(?![A-Za-z0-9])"
)


# OCR and PDF text put spaces around @ and the dots: saeko_o ＠ example . ne . jp.
_EMAIL_SPACED = re.compile(
    r"(?<![A-Za-z0-9._%+-])[A-Za-z0-9][A-Za-z0-9._%+-]{0,63}[ ]?@[ ]?"
    r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[ ]?\.[ ]?){1,6}[A-Za-z]{2,24}(?![A-Za-z0-9])"
)


def find_emails(text: str, folded: str) -> Iterator[Entity]:
    for m in _EMAIL.finditer(folded):
        yield _entity(text, m.start(), m.end(), EntityType.EMAIL, 0.99)
    if " @" in folded or "@ " in folded or " ." in folded:
        for m in _EMAIL_SPACED.finditer(folded):
            if " " in m.group():
                yield _entity(text, m.start(), m.end(), EntityType.EMAIL, 0.9, "spaced")
    if "at" in folded or "@" in folded or "アット" in folded or "あっと" in folded:
        for m in _EMAIL_OBFUSCATED.finditer(folded):
            yield _entity(text, m.start(), m.end(), EntityType.EMAIL, 0.9, "obfuscated")


# --- phone numbers ---------------------------------------------------------
# Mobile / IP / M2M (070, 080, 090, 050, 020, 060): 11 digits, 3-4-4.
_MOBILE = re.compile(
    _NO_DIGIT_BEFORE
    + r"(?:0[2-9]0|\(0[2-9]0\))"
    + r"[- .(]?[0-9]{4}"
    + r"[- .)]?"
    + r"[0-9]{4}"
    + _NO_DIGIT_AFTER
)
# Fixed line: 10 digits with an area code of 2-5 digits, separated or not, with
# optional parentheses: 03-1234-5678, 0120-123-456, 03(1234)5678, (03)1234-5678.
_FIXED = re.compile(
    _NO_DIGIT_BEFORE
    + r"(?:\(0[0-9]{1,4}\)|0[0-9]{1,4})[- .(]?[0-9]{1,4}[- .)]?[0-9]{3,4}"
    + _NO_DIGIT_AFTER
)
_INTERNATIONAL = re.compile(
    r"(?<![0-9+])\+81[- ]?\(?0?\)?[1-9][0-9]{0,3}[- ]?[0-9]{1,4}[- ]?[0-9]{4}" + _NO_DIGIT_AFTER
)


def _digit_count(value: str) -> int:
    return sum(ch.isdigit() for ch in value)


_FOREIGN = re.compile(
    r"(?<![0-9+])\+(?!81)[1-9][0-9]{0,2}(?:[- ]?\(?[0-9]{1,4}\)?){2,5}" + _NO_DIGIT_AFTER
)


# Foreign residents' own mobiles written as at home (no +country code): Korea 010-1234-5678
# (010 is Japan's international prefix, so no Japanese number starts so); the Philippines
# 0917-123-4567 (11 digits; Japanese mobiles are 0X0); China 138-1234-5678, or 13812345678
# after a 电话 / 手機 / phone cue (a bare 11-digit run is too common to mask without one).
_KOREAN_MOBILE = re.compile(
    _NO_DIGIT_BEFORE + r"01[016789][- .]?[0-9]{3,4}[- .]?[0-9]{4}" + _NO_DIGIT_AFTER
)
_PHILIPPINE_MOBILE = re.compile(
    _NO_DIGIT_BEFORE + r"09[1-9][0-9][- .]?[0-9]{3}[- .]?[0-9]{4}" + _NO_DIGIT_AFTER
)
_CHINESE_MOBILE = re.compile(
    _NO_DIGIT_BEFORE + r"1[3-9][0-9]([- ]?)[0-9]{4}\1[0-9]{4}" + _NO_DIGIT_AFTER
)


def _home_country_mobiles(text: str, folded: str) -> Iterator[Entity]:
    for pattern in (_KOREAN_MOBILE, _PHILIPPINE_MOBILE):
        for m in pattern.finditer(folded):
            yield _entity(text, m.start(), m.end(), EntityType.PHONE, 0.9, "home country")
    for m in _CHINESE_MOBILE.finditer(folded):
        if m.group(1) or _context(folded, m.start(), PHONE_CUE):
            yield _entity(text, m.start(), m.end(), EntityType.PHONE, 0.9, "home country")


# Transcribed: ゼロハチゼロの1234の5678 (the area code in katakana digit words).
_KANA_DIGIT = r"(?:ゼロ|レイ|イチ|ニ|サン|ヨン|ゴ|ロク|ナナ|ハチ|キュウ)"
# (ゼロハチゼロの、6637の、2190: a pause written as 、 after の.)
_SPOKEN_KANA = re.compile(
    rf"{_KANA_DIGIT}{{2,5}}の[、,]?[ ]?[0-9]{{3,4}}の[、,]?[ ]?[0-9]{{4}}" + _NO_DIGIT_AFTER
)
# Read aloud and written down: 090の1234の5678 (の between the groups).
_SPOKEN = re.compile(_NO_DIGIT_BEFORE + r"0[0-9]{1,4}の[0-9]{1,4}の[0-9]{3,4}" + _NO_DIGIT_AFTER)


# OCR or hand-spaced: 0 9 0 - 4 4 5 5 - 6 6 7 7 (a space between digits, dashes spaced too).
_SPACED_DIGITS = re.compile(
    _NO_DIGIT_BEFORE
    + r"0(?:[ \u3000]{0,2}-?[ \u3000]{0,2}\n?[ \u3000]{0,2}[0-9]){9,10}"
    + _NO_DIGIT_AFTER
)
# 070⏎3318⏎6624: an OCR'd box that put each group on a line of its own (rt11); the middle group
# is a whole line, and the digits must make a Japanese number.
_LINE_GROUPS = re.compile(
    _NO_DIGIT_BEFORE + r"0[0-9]{1,4}[ ]?-?\n[0-9]{1,4}[ ]?-?\n[0-9]{3,4}" + _NO_DIGIT_AFTER
)


# 070／3382／9415, 0263 / 58 / 2177, ０７０・２２８１・６０４７, 080 (7714) 5523: separators
# the dash-and-dot patterns do not take; the digits must still make a Japanese number. Also
# what a hand-filled form or a phone's memo gets (rt10): 0568_74_2290, 090~7712~3380,
# 080*2291*5507 and a long-vowel mark typed for the dash (098 ー 945 ー 3370).
_OTHER_SEPARATORS = re.compile(
    _NO_DIGIT_BEFORE
    + r"0[0-9]{1,4}[ ]?[/・･(_~*ー〜][ ]?[0-9]{1,4}[ ]?[/・･)_~*ー〜][ ]?[0-9]{3,4}"
    + _NO_DIGIT_AFTER
)
# 〇八〇の三三一二の五五七六: 漢数字 groups read aloud with の between them (a message taken by
# hand); the digits must make a Japanese number.
_KANJI_DIGIT = "〇一二三四五六七八九"
_KANJI_NO_PHONE = re.compile(
    rf"(?<![{_KANJI_DIGIT}])〇[{_KANJI_DIGIT}]{{1,4}}の[{_KANJI_DIGIT}]{{1,4}}の"
    rf"[{_KANJI_DIGIT}]{{3,4}}(?![{_KANJI_DIGIT}])"
)


def _spaced_phones(text: str, folded: str) -> Iterator[Entity]:
    for m in _OTHER_SEPARATORS.finditer(folded):
        packed = re.sub(r"[^0-9]", "", m.group())
        if _MOBILE.fullmatch(packed) or _FIXED.fullmatch(packed):
            yield _entity(text, m.start(), m.end(), EntityType.PHONE, 0.9, "separated")
    if "〇" in folded:
        for m in _KANJI_NO_PHONE.finditer(folded):
            packed = "".join(str(_KANJI_DIGIT.index(ch)) for ch in m.group() if ch != "の")
            if _MOBILE.fullmatch(packed) or _FIXED.fullmatch(packed):
                yield _entity(text, m.start(), m.end(), EntityType.PHONE, 0.9, "kanji")
    for m in _SPACED_DIGITS.finditer(folded):
        if " " not in m.group() and "\u3000" not in m.group():
            continue  # unspaced forms are the other patterns' job
        packed = re.sub(r"[ \u3000\n]", "", m.group())
        if _MOBILE.fullmatch(packed) or _FIXED.fullmatch(packed):
            yield _entity(text, m.start(), m.end(), EntityType.PHONE, 0.9, "spaced")
    for m in _LINE_GROUPS.finditer(folded):
        packed = re.sub(r"[^0-9]", "", m.group())
        if _MOBILE.fullmatch(packed) or _FIXED.fullmatch(packed):
            yield _entity(text, m.start(), m.end(), EntityType.PHONE, 0.85, "line groups")


def find_phones(text: str, folded: str) -> Iterator[Entity]:
    yield from _spaced_phones(text, folded)
    yield from find_spoken_phones(text, folded)
    yield from _home_country_mobiles(text, folded)
    for m in _SPOKEN.finditer(folded):
        if 10 <= _digit_count(m.group()) <= 11:
            yield _entity(text, m.start(), m.end(), EntityType.PHONE, 0.9)
    for m in _SPOKEN_KANA.finditer(folded):
        yield _entity(text, m.start(), m.end(), EntityType.PHONE, 0.9, "spoken")
    for m in _FOREIGN.finditer(folded):
        if 8 <= _digit_count(m.group()) <= 15:
            # Foreign residents' home-country numbers (+84 90 123 4567).
            yield _entity(text, m.start(), m.end(), EntityType.PHONE, 0.9)
    seen: set[tuple[int, int]] = set()
    for m in _INTERNATIONAL.finditer(folded):
        seen.add((m.start(), m.end()))
        yield _entity(text, m.start(), m.end(), EntityType.PHONE, 0.97)
    for m in _MOBILE.finditer(folded):
        seen.add((m.start(), m.end()))
        yield _entity(text, m.start(), m.end(), EntityType.PHONE, 0.97)
    for m in _FIXED.finditer(folded):
        span = m.group()
        if (m.start(), m.end()) in seen:
            continue
        if _digit_count(span) != 10:
            # TEL（自宅）022-3345-9012: one digit too many or too few is a mistyped number,
            # still the resident's, when a 電話 cue and separators say it is a phone number.
            if (
                9 <= _digit_count(span) <= 12
                and not span.isdigit()
                and _context(folded, m.start(), PHONE_CUE)
            ):
                yield _entity(text, m.start(), m.end(), EntityType.PHONE, 0.85, "mistyped")
            continue
        separated = not span.isdigit()
        if (
            not separated
            and not span.startswith("0120")
            and not _context(folded, m.start(), PHONE_CUE)
        ):
            # A bare 10-digit run starting with 0 is likely a phone number, but
            # less certain without a separator or a 電話 cue.
            yield _entity(text, m.start(), m.end(), EntityType.PHONE, 0.75)
        else:
            yield _entity(text, m.start(), m.end(), EntityType.PHONE, 0.95)


# --- postal codes ----------------------------------------------------------
# 〒062 0931: after the mark, a space may stand for the hyphen.
_POSTAL_MARKED = re.compile(
    r"(?:〒|郵便番号[:\s]{0,2})[ ]?([0-9]{3}[- ]?[0-9]{4}|[0-9](?: ?[0-9]){2} ?-? ?[0-9](?: ?[0-9]){3})"
    + _NO_DIGIT_AFTER
)
_POSTAL_BARE = re.compile(_NO_DIGIT_BEFORE + r"[0-9]{3}-[0-9]{4}" + _NO_DIGIT_AFTER)


def find_postal_codes(text: str, folded: str) -> Iterator[Entity]:
    marked: set[int] = set()
    for m in _POSTAL_MARKED.finditer(folded):
        start = m.start() if folded[m.start()] == "〒" else m.start(1)
        marked.add(m.start(1))
        yield _entity(text, start, m.end(1), EntityType.POSTAL_CODE, 0.98)
    for m in _POSTAL_BARE.finditer(folded):
        if m.start() not in marked:
            yield _entity(text, m.start(), m.end(), EntityType.POSTAL_CODE, 0.7)


# --- 12-digit identifiers: マイナンバー and 運転免許証番号 --------------------
_TWELVE = re.compile(
    _NO_DIGIT_BEFORE
    + r"(?:[0-9]{4}[- ]?[0-9]{4}[- ]?[0-9]{4}|[0-9]{3,5}(?:[- ][0-9]{3,5}){1,2}"
    # 4 8 2 0 1 9 6 3 7 5 5 0: an OCR'd form's one space between every digit (rt11)
    + r"|[0-9](?: [0-9]){11})"
    + _NO_DIGIT_AFTER
)


# Labels of numbers that are not 個人番号 (a 受付番号 after "マイナンバーカードの" is a receipt).
_OTHER_NUMBER_LABEL = re.compile(
    r"(?:受付|整理|申請|管理|問い?合わ?せ|注文|伝票|お客様|予約|会員|発行|文書|証明書|請求|契約|口座|免許証?"
    r"|追跡|送り状|お問合せ|荷物|法人|事業者|登録|取引|決済|通知書)"
    r"(?:番号|No|NO|no|コード)|受付No"
    r"|(?:[Tt]racking|[Oo]rder|[Rr]eference|[Rr]eceipt|[Ii]nvoice)\s?(?:[Nn]o\.?|[Nn]umber|#|ID)?"
)


def my_number_context(folded: str, start: int, end: int, window: int = 40) -> bool:
    """Is the number at [start, end) labelled マイナンバー / 個人番号? The nearest label in the
    ``window`` characters before wins (受付番号 closer than マイナンバー means a receipt); a
    label right after (…は私のマイナンバー) counts too."""
    before = folded[max(0, start - window) : start]
    mine = [m.end() for m in _CTX_MY_NUMBER.finditer(before)]
    other = [m.end() for m in _OTHER_NUMBER_LABEL.finditer(before)]
    if mine and (not other or max(mine) > max(other)):
        return True
    if other:
        return False
    return _CTX_MY_NUMBER.search(folded, end, end + 12) is not None


def unlabelled_my_number(folded: str, start: int, end: int) -> bool:
    """A 12-digit number with a right 個人番号 check digit and no other number's label in the
    40 characters before it (受付番号, 免許証, 口座 …) is treated as a マイナンバー: one number in
    ten passes the check by chance, but a 12-digit number with nothing to say what it is is
    far more often a 個人番号 copied without its label than anything else (rt5: 番号（12桁）：…,
    a number noted from a call, a carbon copy's 552-9649-47174). Refusing it costs the sender
    one retry; sending it would be 特定個人情報 out of its legal use."""
    before = folded[max(0, start - 40) : start]
    return not (_OTHER_NUMBER_LABEL.search(before) or _CTX_LICENSE.search(before))


def find_twelve_digit_ids(text: str, folded: str) -> Iterator[Entity]:
    for m in _TWELVE.finditer(folded):
        value = re.sub(r"[- ]", "", m.group())
        if len(value) != 12:
            continue
        license_ctx = _context(folded, m.start(), _CTX_LICENSE)
        my_number_ctx = my_number_context(folded, m.start(), m.end())
        valid = is_valid_my_number(value)
        if license_ctx and not my_number_ctx:
            yield _entity(text, m.start(), m.end(), EntityType.DRIVER_LICENSE, 0.95)
        elif valid and my_number_ctx:
            yield _entity(text, m.start(), m.end(), EntityType.MY_NUMBER, 0.99, "check digit ok")
        elif valid and unlabelled_my_number(folded, m.start(), m.end()):
            yield _entity(
                text, m.start(), m.end(), EntityType.MY_NUMBER, 0.85, "check digit ok, no label"
            )
        elif valid:
            # After a receipt's or another number's label: masked, not refused.
            yield _entity(text, m.start(), m.end(), EntityType.ID_NUMBER, 0.9, "check digit ok")
        elif my_number_ctx:
            # A mistyped number is still somebody's 個人番号: mask it, flag the doubt.
            yield _entity(
                text, m.start(), m.end(), EntityType.MY_NUMBER, 0.7, "check digit mismatch"
            )


# --- 基礎年金番号 (4-6) --------------------------------------------------------
_PENSION = re.compile(_NO_DIGIT_BEFORE + r"[0-9]{4}([- ]?)[0-9]{6}" + _NO_DIGIT_AFTER)


def find_pension_numbers(text: str, folded: str) -> Iterator[Entity]:
    for m in _PENSION.finditer(folded):
        context = _context(folded, m.start(), _CTX_PENSION)
        if m.group(1) or context:
            yield _entity(
                text, m.start(), m.end(), EntityType.PENSION_NUMBER, 0.95 if context else 0.8
            )


# --- context-bound numbers: 被保険者番号, 口座番号 ---------------------------
_SHORT_NUMBER = re.compile(
    _NO_DIGIT_BEFORE + r"(?<![0-9],)[0-9]{1,10}(?:[-・ ][0-9]{1,10}){0,2}" + _NO_DIGIT_AFTER
)
_INSURANCE_LABEL = re.compile(
    r"被保険者番号|保険者番号|保険証の?(?:記号|番号)|記号[・･]?番号|保険証|資格確認書"
)
_BANK_LABEL = re.compile(
    r"口座番号|口座|普通預金|当座預金|普通|当座|記号番号"
    # residents' own languages: account 6620418, 계좌 0173-551-2086, 账号 …
    r"|(?<![A-Za-z])(?:[Aa]ccount|[Aa]cct)(?:\s?(?:number|no\.?|#))?|계좌(?:번호)?|账号|账户|帐号|帳號"
)
# 店番 123 口座 7654321: the branch number goes with the account it completes.
# (Mitsubishi UFJ, branch 218) after the account number, in English.
_BRANCH = re.compile(
    r"(?:店番号?|支店番号|店舗番号|(?<![A-Za-z])[Bb]ranch(?:\s?(?:no\.?|number|code|#))?)"
    r"\s?[:：]?\s?([0-9]{3})(?![0-9])"
)


_THOUSANDS = re.compile(r",[0-9]")


def _labelled_numbers(
    text: str, folded: str, label: re.Pattern[str], kind: EntityType, min_digits: int
) -> Iterator[Entity]:
    for lm in label.finditer(folded):
        window_end = min(len(folded), lm.end() + 24)
        m = _SHORT_NUMBER.search(folded, lm.end(), window_end)
        # 1,234 is an amount; "口座 7720481, refund …" is not (a comma then a digit is).
        if m and _digit_count(m.group()) >= min_digits and not _THOUSANDS.match(folded, m.end()):
            yield _entity(text, m.start(), m.end(), kind, 0.9, lm.group())


# 保険証の記号 1234 番号 5671, 記号 29-041、番号 1183: the 番号 half of a 記号・番号 pair.
# 記号 may carry a kanji or kana prefix (青12, 国保3, あ-1207, 青-0552); 番号 follows.
# 記号は 4127、番号は 55、枝番 01: は after each label, and the 枝番 that completes the number.
_SECOND_HALF = re.compile(
    # (a kana prefix may stand apart from its digits: 記号 あお 12 番号 4457)
    r"記号\s?は?\s?[:：]?\s?(?P<mark>[一-鿿ぁ-ゖァ-ヺ]{0,3}[ \u3000]?-?[0-9][0-9-]{0,11})"
    r"(?:[\s、,・（(]{0,3}番号\s?は?\s?[:：]?\s?(?P<number>[0-9]{1,10})(?![0-9]))?"
    r"(?:[\s、,・（(]{0,3}枝番\s?は?\s?[:：]?\s?(?P<branch>[0-9]{1,3})(?![0-9]))?"
)


def find_insurance_numbers(text: str, folded: str) -> Iterator[Entity]:
    yield from _labelled_numbers(text, folded, _INSURANCE_LABEL, EntityType.HEALTH_INSURANCE, 2)
    for m in _SECOND_HALF.finditer(folded):
        if _context(folded, m.start(), _CTX_INSURANCE, 30):
            kind = EntityType.HEALTH_INSURANCE
        elif _context(folded, m.start(), _CTX_BANK, 20):
            kind = EntityType.BANK_ACCOUNT  # ゆうちょの記号 10280-3 番号 61774015
        else:
            continue
        for group in ("mark", "number", "branch"):
            if m.group(group):
                start, end = m.start(group), m.end(group)
                yield _entity(text, start, end, kind, 0.9, "記号・番号")


def find_bank_accounts(text: str, folded: str) -> Iterator[Entity]:
    yield from _labelled_numbers(text, folded, _BANK_LABEL, EntityType.BANK_ACCOUNT, 6)
    for m in _BRANCH.finditer(folded):
        if _context(folded, m.end(), _BANK_LABEL, 60) or "口座" in folded[m.end() : m.end() + 20]:
            yield _entity(text, m.start(1), m.end(1), EntityType.BANK_ACCOUNT, 0.85, "店番")


# --- credit cards (Luhn) -----------------------------------------------------
_CARD = re.compile(
    _NO_DIGIT_BEFORE
    + r"[3-6][0-9]{3}(?:[- ]?[0-9]{4}){2}[- ]?[0-9]{1,4}(?:[- ]?[0-9]{1,3})?"
    + _NO_DIGIT_AFTER
)


def find_credit_cards(text: str, folded: str) -> Iterator[Entity]:
    for m in _CARD.finditer(folded):
        count = _digit_count(m.group())
        if 13 <= count <= 19 and luhn_valid(m.group()):
            yield _entity(text, m.start(), m.end(), EntityType.CREDIT_CARD, 0.95, "luhn ok")


# --- birthdates (西暦 / 和暦, 算用数字 or 漢数字) --------------------------------
_NUM = rf"(?:[0-9]{{1,2}}|[{KANJI_NUMERAL_CHARS}]{{1,3}})"
_ERA = r"(?P<era>明治|大正|昭和|平成|令和|[MTSHR]\.?)"
# 昭和の45年の6月2日 (spoken, transcribed): an optional の after the era and after 年.
_WAREKI = re.compile(
    _ERA + rf"\s?の?(?P<year>元|{_NUM})\s?年\s?の?(?P<month>{_NUM})\s?月\s?(?P<day>{_NUM})\s?日"
)
# S33.7.7, H2/3/4, R1-5-1, 昭和33.7.7 (the era letter alone is enough: 和暦 abbreviations
# are nearly always dates).
_WAREKI_SHORT = re.compile(
    r"(?<![A-Za-z])(?P<era>明治|大正|昭和|平成|令和|[明大昭平令]|[MTSHRmtshr])\.?\s?(?P<year>元|[0-9]{1,2})"
    r"(?P<sep>[./・-])(?P<month>[0-9]{1,2})(?P=sep)(?P<day>[0-9]{1,2})(?![0-9])"
)
# 昭和２年元日生: New Year's Day named instead of 1月1日 (the month group holds 元).
_WAREKI_NEW_YEAR = re.compile(
    _ERA + rf"\s?の?(?P<year>元|{_NUM})\s?年\s?の?(?P<month>元)(?P<day>日)"
)
# 令和元年5月1日午前0時12分生: the hour of birth between the date and 生.
_TIME_OF_DAY = re.compile(r"\s?(?:午前|午後)?\s?[0-9]{1,2}\s?時(?:\s?[0-9]{1,2}\s?分)?")
# しょうわ50ねん10がつ10か: a date read aloud and typed in hiragana (voice, やさしい日本語).
_WAREKI_KANA = re.compile(
    r"(?P<era>めいじ|たいしょう|しょうわ|へいせい|れいわ)\s?の?(?P<year>がん|[0-9]{1,2})\s?ねん\s?の?"
    r"(?P<month>[0-9]{1,2})\s?がつ\s?(?P<day>[0-9]{1,2})\s?(?:にち|か)"
)
_SEIREKI_KANJI = re.compile(
    _NO_DIGIT_BEFORE
    + r"(?P<year>(?:1[89]|20)[0-9]{2}|[一二][〇九][〇一二三四五六七八九]{2})"
    # 1972（昭和47）年4月30日: the 和暦 year in brackets before 年 …
    + r"(?:\s?[(（][^()（）]{1,8}[)）])?\s?(?:年|ねん)"
    # … or 1999年(平成11年)6月5日: between year and month; 2013年の7月21日 (prose), 1990年的
    # 5月17号 (Chinese), 2019ねんの 8がつ 3にち (やさしい日本語)
    + r"(?:\s?[(（][^()（）]{1,8}[)）])?\s?[の的]?"
    + rf"\s?(?P<month>{_NUM})\s?(?:月|がつ)\s?(?P<day>{_NUM})\s?(?:日|号|にち)"
)
_SEIREKI_NUMERIC = re.compile(
    _NO_DIGIT_BEFORE
    + r"(?P<year>(?:1[89]|20)[0-9]{2})(?P<sep>[/.-])(?P<month>[0-9]{1,2})(?P=sep)(?P<day>[0-9]{1,2})"
    + r"(?![0-9])"
)
#: ``Entity.detail`` of a date that is a birthdate only by its age (no 生年月日 cue).
OLD_DATE = "old date, no cue"
#: A recent full date with no cue: a birthdate only as the cell after a name in a list row
#: (すがや はるき　R5.10.3⏎…, an infant's row in a 予防接種 list); see the detector.
RECENT_DATE = "recent date, no cue"
_ERA_BASE = {"明治": 1867, "大正": 1911, "昭和": 1925, "平成": 1988, "令和": 2018}
_ERA_LETTER = {"M": "明治", "T": "大正", "S": "昭和", "H": "平成", "R": "令和"}
_ERA_LETTER |= {"明": "明治", "大": "大正", "昭": "昭和", "平": "平成", "令": "令和"}
_ERA_LETTER |= {
    "めいじ": "明治",
    "たいしょう": "大正",
    "しょうわ": "昭和",
    "へいせい": "平成",
    "れいわ": "令和",
}


_LIST_GAP = re.compile(r"[\s、,，・/]{1,3}|\s?(?:と|及び|および|や)\s?")


def _valid_day(month: int | None, day: int | None) -> bool:
    return month is not None and day is not None and 1 <= month <= 12 and 1 <= day <= 31


def _day_key(m: re.Match[str], year: int) -> tuple[int, int | None, int | None]:
    return year, kanji_to_int(m.group("month")), kanji_to_int(m.group("day"))


def find_birthdates(text: str, folded: str, reference_year: int) -> Iterator[Entity]:
    """Full dates that are birthdates: a 生年月日 cue, or old enough to be one.

    A date without a cue counts only when it lies ≥ 10 years before
    ``reference_year``: "2024年4月1日から受付" is an event date, not a birthdate.
    """
    candidates: list[tuple[re.Match[str], int | None]] = []
    wareki = (
        *_WAREKI.finditer(folded),
        *_WAREKI_SHORT.finditer(folded),
        *_WAREKI_NEW_YEAR.finditer(folded),
    )
    for m in (*wareki, *_WAREKI_KANA.finditer(folded)):
        era = m.group("era").rstrip(".").upper() if m.group("era")[0].isascii() else m.group("era")
        era = era.rstrip(".")
        era = _ERA_LETTER.get(era, era)
        year = 1 if m.group("year") in ("元", "がん") else kanji_to_int(m.group("year"))
        candidates.append((m, None if year is None else _ERA_BASE[era] + year))
    for pattern in (_SEIREKI_KANJI, _SEIREKI_NUMERIC):
        for m in pattern.finditer(folded):
            candidates.append((m, kanji_to_int(m.group("year"))))
    short = {m.start() for m in _WAREKI_SHORT.finditer(folded)}
    accepted: list[tuple[int, int]] = []
    recent: list[tuple[int, int]] = []
    dated: list[tuple[re.Match[str], int, bool]] = []
    for m, year in candidates:
        month: int | None = 1
        day: int | None = 1
        if m.group("month") != "元":  # 元日: 1月1日
            month, day = kanji_to_int(m.group("month")), kanji_to_int(m.group("day"))
        if year is None or not _valid_day(month, day):
            continue
        hour = _TIME_OF_DAY.match(folded, m.end())
        after = folded[(hour.end() if hour else m.end()) :][:6]
        cue = (
            _context(folded, m.start(), _CTX_BIRTH, 16)
            or _born_after(after)
            or _BORN_SOON.search(folded, m.end(), m.end() + 14) is not None
        )
        dated.append((m, year, cue))
    # 生年月日は Ｈ１０．１２．２ と…、平成10年12月2日のことですよね: the same day said again (in
    # another era form) is the same birthdate.
    born = {_day_key(m, year) for m, year, cue in dated if cue}
    for m, year, cue in dated:
        if cue or _day_key(m, year) in born:
            accepted.append((m.start(), m.end()))
            yield _entity(text, m.start(), m.end(), EntityType.BIRTHDATE, 0.95)
        elif year <= reference_year - 10:
            # S33.7.7-style abbreviations are staff shorthand, nearly always a birthdate.
            detail = "" if m.start() in short else OLD_DATE
            if not detail:
                accepted.append((m.start(), m.end()))
            yield _entity(text, m.start(), m.end(), EntityType.BIRTHDATE, 0.6, detail)
        else:
            recent.append((m.start(), m.end()))
            yield _entity(text, m.start(), m.end(), EntityType.BIRTHDATE, 0.6, RECENT_DATE)
    # 生年月日がS33.7.7、H2.3.4、R1.5.1: a recent date in one list with birthdates is one too.
    for start, end in sorted(recent):
        if any(
            _LIST_GAP.fullmatch(folded[e:start]) or _LIST_GAP.fullmatch(folded[end:s])
            for s, e in accepted
        ):
            accepted.append((start, end))
            yield _entity(text, start, end, EntityType.BIRTHDATE, 0.9, "listed")


# 4/1生, 4月1日生まれ (no year: staff lists give the age next to it) and 大正14年生まれ,
# 昭和54年6月生, 1990年生 (a birth year, or year and month, said as such). Not 生徒, 生活, 生産, 生涯 …
# "4月1日生まれの子は何年生？", "1990年生まれ以降" ask about a group, not a person.
_NOT_BIRTH = r"(?![活徒産涯協命物存計誕還届数率])(?!の(?:方|人|子|かた|場合|年)|以降|以前|から|まで|以上|以下)"
_MONTH_DAY_BORN = re.compile(
    r"(?<![0-9/.年])(?P<month>[0-9]{1,2})/(?P<day>[0-9]{1,2})\s?生(?:まれ|(?!ま))"
    + _NOT_BIRTH
    + rf"|(?<![0-9年])(?P<kmonth>{_NUM})\s?月\s?(?P<kday>{_NUM})\s?日\s?生(?:まれ|(?!ま))"
    + _NOT_BIRTH
)
_YEAR_BORN = re.compile(
    rf"(?:明治|大正|昭和|平成|令和)\s?の?(?:元|{_NUM})\s?年\s?(?:{_NUM}\s?月\s?)?生(?:まれ|(?!ま))"
    + _NOT_BIRTH
    + r"|"
    + _NO_DIGIT_BEFORE
    + r"(?:1[89]|20)[0-9]{2}\s?年\s?(?:[0-9]{1,2}\s?月\s?)?出?生(?:まれ|(?!ま))"
    + _NOT_BIRTH
    # S38生, Ｈ３生まれ (rt11): an era letter and a year, no month, before 生
    + r"|(?<![A-Za-z0-9])[MTSHR]\.?\s?[0-9]{1,2}\s?年?\s?生(?:まれ|(?!ま))"
    + _NOT_BIRTH
)


# '34.5.6生, ’90/4/1生まれ: a two-digit year after an apostrophe, with a 生 cue.
_APOSTROPHE_DATE = re.compile(
    r"['’‘](?P<year>[0-9]{2})(?P<sep>[./-])(?P<month>[0-9]{1,2})(?P=sep)(?P<day>[0-9]{1,2})"
    r"(?![0-9])"
)


# Dates in residents' own languages: March 4, 2019 / 4 March 2019, 1987년 5월 3일, and
# day-first 12/08/1996 after a birth word (sinh ngày, born, nascido em, 出生, 生于, 생년월일).
_MONTHS = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?"
    # Tagalog (Marso 3, 2019)
    r"|Enero|Pebrero|Marso|Abril|Mayo|Hunyo|Hulyo|Agosto|Setyembre|Oktubre|Nobyembre|Disyembre)\.?"
)
_ENGLISH_DATE = re.compile(
    rf"(?<![A-Za-z]){_MONTHS}[ ][0-9]{{1,2}}(?:st|nd|rd|th)?,?[ ](?:1[89]|20)[0-9]{{2}}(?![0-9])"
    rf"|(?<![0-9])[0-9]{{1,2}}(?:st|nd|rd|th)?[ ]{_MONTHS}[ ,]{{1,2}}(?:1[89]|20)[0-9]{{2}}(?![0-9])",
    re.IGNORECASE,  # 03 JUL 1991 (passports and forms write the month in capitals)
)
_KOREAN_DATE = re.compile(r"(?<![0-9])(?:1[89]|20)[0-9]{2}년\s?[0-9]{1,2}월\s?[0-9]{1,2}일")
_DAY_FIRST = re.compile(r"(?<![0-9/.])[0-9]{1,2}[/.-][0-9]{1,2}[/.-](?:1[89]|20)[0-9]{2}(?![0-9])")
_CTX_BIRTH_ABROAD = re.compile(
    r"[Bb]orn|[Bb]irth|DOB|sinh|[Nn]ascid[oa]|[Nn]acid[oa]|出生|生于|生於|생년월일|태어|출생|生年月日|生まれ"
    r"|생일|誕生日|生日"
    # Portuguese, Spanish, Tagalog (rt11): nasceu em, nació el, ipinanganak noong, kaarawan
    r"|[Nn]asceu|[Nn]asci\b|[Nn]aci[oó]|[Ii]pinanganak|[Kk]apanganakan|[Kk]aarawan"
)


# …14일생이에요 (생 "born", not 생활 "life"): the Korean suffix glued to the date.
_BORN_AFTER = re.compile(r"\s?(?:生|[)）]?\s?born|에?\s?태어|출생|생(?![활산명존]))")


def find_dates_abroad(text: str, folded: str) -> Iterator[Entity]:
    """Birthdates written the way residents from abroad write them (see above)."""
    for pattern in (_ENGLISH_DATE, _KOREAN_DATE, _DAY_FIRST):
        for m in pattern.finditer(folded):
            # The cue may also follow: （Dec. 3, 1979生）, 03.09.1985生まれ.
            if _context(folded, m.start(), _CTX_BIRTH_ABROAD, 24) or _BORN_AFTER.match(
                folded, m.end()
            ):
                yield _entity(text, m.start(), m.end(), EntityType.BIRTHDATE, 0.85, "abroad")


# 89/12/01 (a two-digit year, no apostrophe): only with a birth cue before or 生 after.
_SHORT_YEAR_DATE = re.compile(
    r"(?<![0-9/.\-'’‘])(?P<year>[0-9]{2})(?P<sep>[./])(?P<month>[0-9]{1,2})(?P=sep)"
    r"(?P<day>[0-9]{1,2})(?![0-9./])"
)


def find_partial_birthdates(text: str, folded: str) -> Iterator[Entity]:
    """Birthdates written without a year (4/1生), as a year only (大正14年生まれ) or with an
    apostrophe or two-digit year ('34.5.6生, 生年月日 89/12/01)."""
    for m in _SHORT_YEAR_DATE.finditer(folded):
        after = folded[m.end() : m.end() + 2]
        cue = _context(folded, m.start(), _CTX_BIRTH, 12) or after[:1] in ("生", "歳")
        if cue and _valid_day(int(m.group("month")), int(m.group("day"))):
            yield _entity(text, m.start(), m.end(), EntityType.BIRTHDATE, 0.85, "two-digit year")
    for m in _APOSTROPHE_DATE.finditer(folded):
        after = folded[m.end() : m.end() + 4]
        cue = _context(folded, m.start(), _CTX_BIRTH, 16) or any(c in after for c in "生歳才")
        if cue and _valid_day(int(m.group("month")), int(m.group("day"))):
            yield _entity(text, m.start(), m.end(), EntityType.BIRTHDATE, 0.9, "apostrophe year")
    for m in _MONTH_DAY_BORN.finditer(folded):
        month = kanji_to_int(m.group("month") or m.group("kmonth"))
        day = kanji_to_int(m.group("day") or m.group("kday"))
        if _valid_day(month, day):
            yield _entity(text, m.start(), m.end(), EntityType.BIRTHDATE, 0.85, "no year")
    for m in _YEAR_BORN.finditer(folded):
        yield _entity(text, m.start(), m.end(), EntityType.BIRTHDATE, 0.8, "year only")


# --- 私書箱 / P.O. Box: a box rented by one person is their address ------------------
_PO_BOX = re.compile(
    r"(?:[一-鿿ァ-ヺー]{1,10}郵便局\s?)?私書箱\s?(?:第\s?)?[0-9]{1,6}\s?号?"
    r"|(?<![A-Za-z])P\.?\s?O\.?\s?Box\s?[0-9]{1,6}",
    re.IGNORECASE,
)


def find_po_boxes(text: str, folded: str) -> Iterator[Entity]:
    for m in _PO_BOX.finditer(folded):
        yield _entity(text, m.start(), m.end(), EntityType.ADDRESS, 0.9, "po box")


# --- IP addresses -------------------------------------------------------------
_IPV4 = re.compile(
    r"(?<![0-9.])(?:(?:25[0-5]|2[0-4][0-9]|1?[0-9]{1,2})\.){3}"
    r"(?:25[0-5]|2[0-4][0-9]|1?[0-9]{1,2})(?![0-9]|\.[0-9])"
)


# 2001:db8:4f2a::17, fe80::1c2b:3a4d: hex groups with at least two colons and one '::' or
# eight groups (a clock time 10:22:41 has no hex letters and no '::').
_IPV6 = re.compile(
    r"(?<![0-9A-Fa-f])(?<![0-9A-Fa-f]:)(?:[0-9A-Fa-f]{1,4}:){1,7}(?::|(?::[0-9A-Fa-f]{1,4}){1,7})"
    r"(?![0-9A-Fa-f:])"
    r"|(?<![0-9A-Fa-f])(?<![0-9A-Fa-f]:)(?:[0-9A-Fa-f]{1,4}:){7}[0-9A-Fa-f]{1,4}(?![0-9A-Fa-f:])"
)


def find_ip_addresses(text: str, folded: str) -> Iterator[Entity]:
    """送信元IP: an address a resident's mail or post came from points to that resident."""
    for m in _IPV4.finditer(folded):
        yield _entity(text, m.start(), m.end(), EntityType.ID_NUMBER, 0.9, "ip address")
    for m in _IPV6.finditer(folded):
        if "::" in m.group() or m.group().count(":") == 7:
            yield _entity(text, m.start(), m.end(), EntityType.ID_NUMBER, 0.9, "ip address")


# --- 住民票コード, 在留カード番号, labelled record numbers, ゆうちょ 記号・番号 -------------
_RESIDENT_LABEL = re.compile(r"住民票コード|住基コード|住民票番号")
_RESIDENT_CODE = re.compile(_NO_DIGIT_BEFORE + r"[0-9]{11}" + _NO_DIGIT_AFTER)
_ELEVEN = re.compile(_NO_DIGIT_BEFORE + r"[0-9]{4}[- ]?[0-9]{4}[- ]?[0-9]{3}" + _NO_DIGIT_AFTER)


def find_resident_codes(text: str, folded: str) -> Iterator[Entity]:
    """住民票コード: labelled 11 digits (any check digit), or 11 plain digits whose check
    digit is right (then masked as a generic number: it may be a code of any kind)."""
    labelled: set[int] = set()
    for lm in _RESIDENT_LABEL.finditer(folded):
        m = _ELEVEN.search(folded, lm.end(), min(len(folded), lm.end() + 20))
        if m:
            labelled.add(m.start())
            ok = is_valid_resident_code(m.group())
            detail = "check digit ok" if ok else "check digit mismatch"
            yield _entity(text, m.start(), m.end(), EntityType.RESIDENT_CODE, 0.97, detail)
    for m in _RESIDENT_CODE.finditer(folded):
        fresh = m.start() not in labelled and not m.group().startswith("0")
        if fresh and is_valid_resident_code(m.group()):
            yield _entity(text, m.start(), m.end(), EntityType.ID_NUMBER, 0.6, "check digit ok")


_RESIDENCE_CARD = re.compile(
    r"(?<![A-Za-z0-9])[A-Z]{2}[- ]?[0-9]{4}[- ]?[0-9]{4}[- ]?[A-Z]{2}(?![A-Za-z0-9])"
)


# Typed in lower case (ab48120937cd, ｕｊ７２０…): only after a residence-card label.
_RESIDENCE_CARD_ANY_CASE = re.compile(_RESIDENCE_CARD.pattern, re.IGNORECASE)
_CTX_RESIDENCE_CARD = re.compile(
    r"在留カード|ざいりゅう\s?カード|在留卡|재류\s?카드|特別永住|residen(?:ce|t)\s?card|card\s?(?:number|no)",
    re.IGNORECASE,
)


# 〃 5年1月20日 (ditto marks under the row above): the era of the row above, written once.
_DITTO_DATE = re.compile(
    r"[〃同][ \u3000]?(?:元|[0-9]{1,2})[ \u3000]?年[ \u3000]?[0-9]{1,2}[ \u3000]?月"
    r"[ \u3000]?[0-9]{1,2}[ \u3000]?日"
)
_ERA_WORD = re.compile(r"明治|大正|昭和|平成|令和|(?<![A-Za-z])[MTSHR]\.?[0-9]{1,2}[./]")


def find_ditto_birthdates(text: str, folded: str) -> Iterator[Entity]:
    """A year, month and day after 〃 in a list that gave a 和暦 date above: the same kind of
    date as the row above, a birthdate when the rows are people's (家族一覧, 世帯票)."""
    for m in _DITTO_DATE.finditer(folded):
        if _ERA_WORD.search(folded, max(0, m.start() - 200), m.start()) and (
            _context(folded, m.start(), _CTX_BIRTH, 200) or _person_rows(folded, m.start())
        ):
            yield _entity(text, m.start(), m.end(), EntityType.BIRTHDATE, 0.85, "〃")


_KIN_ROW = re.compile(
    r"(?:^|\n)[ \t\u3000]*(?:世帯主|妻|夫|長男|長女|次男|次女|三男|三女|子|母|父|本人)"
)


def _person_rows(folded: str, start: int) -> bool:
    return _KIN_ROW.search(folded, max(0, start - 200), start) is not None


def find_residence_cards(text: str, folded: str) -> Iterator[Entity]:
    """在留カード番号 / 特別永住者証明書番号: two letters, eight digits, two letters."""
    for m in _RESIDENCE_CARD.finditer(folded):
        yield _entity(text, m.start(), m.end(), EntityType.RESIDENCE_CARD, 0.95)
    for m in _RESIDENCE_CARD_ANY_CASE.finditer(folded):
        if not m.group().isupper() and _context(folded, m.start(), _CTX_RESIDENCE_CARD, 30):
            yield _entity(text, m.start(), m.end(), EntityType.RESIDENCE_CARD, 0.9)


_CASE_LABEL = re.compile(
    r"(?:ケース|ケース記録|宛名|世帯|個人|住民|受給者|受給者証|利用者|対象者|児童|相談|納税者|"
    r"通知書|課税|滞納|カルテ|患者|保護|支援|障害者手帳|手帳|お客様|お客さま|顧客|契約|会員|"
    r"使用者|水道|管理|整理|登録|申請|申込|認定|証書|受験|被保険者証|診察券|"
    # people's own numbers at school and at work: 学籍番号, 職員番号, 生徒番号, 社員ID
    r"学籍|職員|生徒|学生証|学生|社員証|社員|従業員|園児|出席|会員|利用者証|"
    # registers: 家屋番号, 名簿番号 (選挙人名簿), 区画番号 (墓地), 地番
    r"家屋|名簿|区画|墓地|選挙人|鑑札|注射済票)"
    # 障害者手帳の番号は 4081: の may stand between the thing and its number
    r"の?(?:番号|No\.?|NO\.?|コード|ID)"
    r"|区画(?=\s?[:：]?\s?[A-Za-z0-9])"
    r"|(?:Case|case)\s?(?:No\.?|ID|number)"
    # a student's number in residents' languages: 학생번호 22-3-0718, 学号2023-0517, student ID
    r"|학생\s?번호|학번|수험번호|学号|学生证号|(?:[Ss]tudent|[Mm]ember)\s?(?:ID|[Nn]o\.?|number)"
    # a certificate named by itself before its number: 療育手帳 A1-20345, 受給者証 12-345
    r"|(?:療育手帳|障害者手帳|手帳|受給者証|認定証|診察券|資格者証)(?=\s?[:：]?\s?[A-Za-z]{0,4}-?[0-9])"
)
_RECORD_ID = re.compile(
    r"(?<![A-Za-z0-9])[A-Za-z]{0,4}-?[0-9][A-Za-z0-9-]{1,19}"
    # R5-青-0412 (a kanji office code inside), 112番4の2 (家屋番号, 地番)
    r"(?:-?[一-鿿]{1,2}-[0-9]{1,6}|番[0-9]{1,4}(?:の[0-9]{1,4})?)?"
    r"(?![A-Za-z0-9])(?![年月日冊枚部円件歳回])"
)


# 保護番号 第2024-0815号, 身体障害者手帳 第4471号: 第…号 after a record or certificate label
# (never after 条例 or 議案: 条例第12号 is a law).
_ORDINAL_ID = re.compile(
    r"(?:番号|手帳|証|証書|No\.?)\s?(?:[:：]|は|が)?\s?"
    # 手帳 身体 2級 第30218号: the kind and grade may stand between the label and the number
    # (手帳番号 青 第02771号: a one- or two-character class word, too)
    r"(?:(?:身体|精神|療育|[0-9一二三四五六]\s?(?:級|種)|[A-Z][0-9]?|[一-鿿ァ-ヺ]{1,2}(?=[ \u3000]?第))"
    r"[ \u3000]?){0,3}"
    r"(第\s?[0-9][0-9-]{0,15}\s?号)(?!室)"
)
# 自動車登録番号: 品川 300 さ 12-34, なにわ330ね4567 (region, class, one kana, number).
_PLATE = re.compile(
    r"(?:(?:[一-鿿]{1,4}|(?<![ぁ-ゖ])[ぁ-ゖ]{2,5})[ 　]?)?(?<![0-9])[0-9]{2,3}[ 　]?[ぁ-ゖ][ 　]?"
    r"(?:[0-9]{1,2}-[0-9]{2}|[0-9]{4}|[・･.]{1,3}[0-9]{1,3}|[0-9][・･][0-9]{2})(?![0-9])(?!の[0-9])"
)


# 自動車登録番号 in rōmaji: Sendai 300 sa 12-34, Shinagawa 500 A 1234
_ROMAJI_PLATE = re.compile(
    r"(?<![A-Za-z])[A-Z][a-z]{2,12}[ ]?[0-9]{2,3}[ ]?[a-zA-Z]{1,2}[ ]?"
    r"(?:[0-9]{1,2}-[0-9]{2}|[0-9]{4})(?![0-9])"
)

# 自転車の防犯登録番号: a prefecture's kanji before the number (防犯登録 神 12-345678), a letter
# spaced from the digits (京 H 38821).
_BICYCLE = re.compile(
    r"防犯登録(?:番号|No\.?)?\s?(?:は|[:：])?\s?([一-鿿]{0,2}\s?(?:[A-Za-zＡ-Ｚ]\s?)?[0-9][0-9-]{3,15})(?![0-9])"
)


def find_case_numbers(text: str, folded: str) -> Iterator[Entity]:
    """ケース番号・宛名番号 …: municipal record numbers identify a resident in the
    backbone systems, so any id right after such a label is masked."""
    for lm in _CASE_LABEL.finditer(folded):
        m = _RECORD_ID.search(folded, lm.end(), min(len(folded), lm.end() + 32))
        if m and lm.group().startswith("個人") and _TWELVE.match(folded, m.start()):
            # 個人番号は 3715 8802 4619: the whole number is the マイナンバー detector's, even
            # with a wrong check digit (a record id here would hide only its first group, rt11)
            continue
        if (
            m
            and any(ch.isdigit() for ch in m.group())
            and not folded[lm.end() : m.start()].strip(" :：は=＝#（(「")
        ):
            yield _entity(text, m.start(), m.end(), EntityType.CASE_NUMBER, 0.9, lm.group())
    for m in _ORDINAL_ID.finditer(folded):
        yield _entity(text, m.start(1), m.end(1), EntityType.CASE_NUMBER, 0.9, "第…号")
    for m in _PLATE.finditer(folded):
        yield _entity(text, m.start(), m.end(), EntityType.CASE_NUMBER, 0.9, "number plate")
    for m in _ROMAJI_PLATE.finditer(folded):
        yield _entity(text, m.start(), m.end(), EntityType.CASE_NUMBER, 0.85, "number plate")
    for m in _BICYCLE.finditer(folded):
        yield _entity(text, m.start(1), m.end(1), EntityType.CASE_NUMBER, 0.9, "防犯登録")


_YUCHO = re.compile(
    r"記号\s?[:：]?\s?(?P<a>1[0-9]{4})[\s、,・/-]{0,3}(?:番号\s?[:：]?\s?)?(?P<b>[0-9]{6,8})(?![0-9])"
    + r"|"
    + _NO_DIGIT_BEFORE
    + r"(?P<c>1[0-9]{4})-(?:[0-9]-)?[0-9]{6,8}"
    + _NO_DIGIT_AFTER
)
_CTX_YUCHO = re.compile(r"ゆうちょ|郵便貯金|通常貯金|振替|記号")


def find_yucho_accounts(text: str, folded: str) -> Iterator[Entity]:
    """ゆうちょ銀行 記号・番号 (記号 5 digits starting with 1, 番号 up to 8 digits)."""
    for m in _YUCHO.finditer(folded):
        if m.group("a") or _context(folded, m.start(), _CTX_YUCHO, 30):
            yield _entity(text, m.start(), m.end(), EntityType.BANK_ACCOUNT, 0.93, "yucho")


# --- passports -------------------------------------------------------------
#: A passport number after its word (旅券番号 E72948163, passport TK5527184, 护照号 …, 여권번호 …):
#: one or two letters and seven or eight digits.
_CTX_PASSPORT = re.compile(r"旅券|パスポート|passport|护照|護照|여권|pasaporte|passaporte", re.I)
_PASSPORT = re.compile(r"(?<![A-Za-z0-9])[A-Z]{1,2}[- ]?[0-9]{7,8}(?![A-Za-z0-9])")
#: The machine-readable zone of a scanned passport: P<JPNSURNAME<<GIVEN<<<… and the second line
#: (number, nationality, birth date, sex, expiry, checks).
_MRZ_NAME = re.compile(r"(?<![A-Z0-9<])P[A-Z<][A-Z]{3}([A-Z]+(?:<[A-Z]+)*)<<([A-Z]+(?:<[A-Z]+)*)")
_MRZ_DATA = re.compile(
    r"(?<![A-Z0-9<])[A-Z0-9<]{9}[0-9<][A-Z<]{3}[0-9]{6}[0-9<][MFX<][0-9]{6}[0-9<][A-Z0-9<]{14}"
    r"[0-9<]{2}(?![A-Z0-9<])"
)


def find_passports(text: str, folded: str) -> Iterator[Entity]:
    for m in _PASSPORT.finditer(folded):
        if _context(folded, m.start(), _CTX_PASSPORT, 24):
            yield _entity(text, m.start(), m.end(), EntityType.ID_NUMBER, 0.93, "passport")
    if "<<" in folded:
        for m in _MRZ_NAME.finditer(folded):
            for group in (1, 2):
                yield _entity(text, m.start(group), m.end(group), EntityType.PERSON, 0.95, "MRZ")
        for m in _MRZ_DATA.finditer(folded):
            yield _entity(text, m.start(), m.end(), EntityType.ID_NUMBER, 0.95, "MRZ")


# --- identifiers written digit by digit in 漢数字 ------------------------------
#: 記号 五七三〇 番号 一一八 (a form filled in with kanji digits): after an identifier's label,
#: a run of kanji digits with no place value (十, 百) is that identifier.
_KANJI_DIGIT_ID = re.compile(
    r"(?:記号|番号|No\.?)[ \u3000]?[:：は]?[ \u3000]?([〇一二三四五六七八九零]{3,16})"
    r"(?![〇一二三四五六七八九零十百千万年月日丁番号歳])"
)


_KANJI_TWELVE = re.compile(
    r"(?<![〇一二三四五六七八九零十百千万])[〇一二三四五六七八九零]{4}[ \u3000・-]?"
    r"[〇一二三四五六七八九零]{4}[ \u3000・-]?[〇一二三四五六七八九零]{4}"
    r"(?![〇一二三四五六七八九零十百千万])"
)
_KANJI_DIGIT_VALUE = str.maketrans("〇一二三四五六七八九零", "01234567890")


def find_kanji_digit_ids(text: str, folded: str) -> Iterator[Entity]:
    for m in _KANJI_DIGIT_ID.finditer(folded):
        yield _entity(text, m.start(1), m.end(1), EntityType.ID_NUMBER, 0.85, "kanji digits")
    # 四〇二六四〇三三三六九四: twelve kanji digits read out digit by digit are a number like
    # twelve Arabic ones (a マイナンバー when the check digit holds and nothing says otherwise).
    for m in _KANJI_TWELVE.finditer(folded):
        digits = re.sub(r"[^0-9]", "", m.group().translate(_KANJI_DIGIT_VALUE))
        labelled = my_number_context(folded, m.start(), m.end())
        if is_valid_my_number(digits) and (
            labelled or unlabelled_my_number(folded, m.start(), m.end())
        ):
            yield _entity(text, m.start(), m.end(), EntityType.MY_NUMBER, 0.9, "kanji digits")
        elif labelled:
            # as with figures: a mistyped number after its label is still somebody's 個人番号
            yield _entity(text, m.start(), m.end(), EntityType.MY_NUMBER, 0.7, "kanji digits")
        else:
            yield _entity(text, m.start(), m.end(), EntityType.ID_NUMBER, 0.85, "kanji digits")
    # よん なな よん きゅう …: the same twelve digits read aloud in kana.
    for start, end, digits in spoken_twelve_digits(folded):
        labelled = my_number_context(folded, start, end)
        if is_valid_my_number(digits) and (labelled or unlabelled_my_number(folded, start, end)):
            yield _entity(text, start, end, EntityType.MY_NUMBER, 0.9, "spoken digits")
        elif labelled:
            yield _entity(text, start, end, EntityType.MY_NUMBER, 0.7, "spoken digits")
