"""Cue words shared by detection and by the question log's retrieval text (電話 …).

One list of the words written before a phone number, in the languages staff and residents
write in: the detector reads a number after one as a phone number (a mistyped or unseparated
one included), and ``services.redaction`` cuts the word together with the number from a
question before retrieval (「電話 090-… 住民票がほしい」 is about 住民票, not telephones).
"""

from __future__ import annotations

import re

#: Phone cues; matched case-insensitively (TEL, Tel, tel, ＴＥＬ), longest first.
PHONE_CUES: tuple[str, ...] = tuple(
    sorted(
        {
            # Japanese (kanji, kana, loanwords)
            "電話", "携帯", "携帯電話", "連絡先", "でんわ", "けいたい", "ケータイ", "スマホ",
            "れんらくさき", "ファクス", "ファックス", "TEL", "ＴＥＬ", "FAX",
            # English
            "phone", "mobile", "cell",
            # Chinese (简体 / 繁體)
            "电话", "電話號碼", "手机", "手機", "联系", "聯絡", "联系方式", "聯絡方式",
            # Korean
            "전화", "휴대폰", "핸드폰", "연락처",
        },
        key=lambda word: (-len(word), word),
    )
)  # fmt: skip
#: Any phone cue, anywhere (the detector looks for one in the characters before a number).
PHONE_CUE = re.compile("|".join(map(re.escape, PHONE_CUES)), re.IGNORECASE)
#: Latin words that label a field in forms and signatures (Phone:, Email:, Name:), never a name.
FORM_LABEL = re.compile(
    rf"(?:{PHONE_CUE.pattern}|e-?mail|mail|address|name|dob|birthday|fax|tel\.?)",
    re.IGNORECASE,
)
