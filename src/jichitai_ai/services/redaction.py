"""Personal data in residents' questions: masked for the log, removed for retrieval.

Questions are kept for improving the FAQ; personal data in them is not needed for that, so it
is replaced by placeholders (【氏名1】, 【電話番号1】 …) before the row is written. Retrieval
gets the question with that data *removed*: a name or a phone number says nothing about the
topic, and placeholders or unknown names would only make a question look off-topic.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from jichitai_ai.privacy import Entity, EntityType, MaskingSession, detect_message, redact
from jichitai_ai.privacy._cues import PHONE_CUE
from jichitai_ai.text import script_of
from jichitai_ai.text.chinese_han import chinese_only_han

#: Place names say what a question is about (東京から転入), so retrieval keeps them unless they
#: are part of a street address (with a number).
_TOPICAL = frozenset({EntityType.LOCATION, EntityType.SENSITIVE})
_DIGIT = re.compile(r"[0-9０-９一二三四五六七八九十丁番号]")
#: What marks a kana span as a name (やまだ たろう です, なまえは すずき はなこ): the
#: kana-name heuristic alone also reads the spaced phrases of やさしい日本語 as 姓 名.
_KANJI = re.compile(r"[\u4e00-\u9fff]")
_NAME_AFTER = re.compile(
    r"^[\s\u3000]*(?:です|と[\s\u3000]*(?:いい|言い|もうし|申し)|(?:さん|さま|様|くん|ちゃん)(?![ぁ-ゖ]))"
)
_NAME_BEFORE = re.compile(
    r"(?:(?:なまえ|名前|わたし|私|ぼく|僕)(?:は|の[\s\u3000]*なまえは)|my name is|i am|i'm"
    r"|this is|我叫|我是|我的名字是|제\s*이름은|저는)[\s\u3000]*$",
    re.IGNORECASE,
)
_LEADING_MARKS = re.compile(r"^[\s\u3000,.、。，．!！]+")
#: What ends a self-introduction after its cue (と申し|ます。, です|。).
_NAME_TAIL = re.compile(r"(?:ます)?[。．.、,！!]?")
#: The label written before a contact detail (電話 090-…, メール: …, 生年月日は …) goes with it: left
#: alone, 「電話 住民票がほしい」 reads as a question about telephones and was handed over.
#: Only contact details and birthdates: an identifier's label names a topic (年金番号 → 年金).
_LABEL = r"[\s\u3000]*(?:番号|number|号码|號碼|번호)?[\s\u3000]*(?:は|:|：|、|,|is|是|는|은)?[\s\u3000]*$"
_LABEL_BEFORE: dict[EntityType, re.Pattern[str]] = {
    kind: re.compile(f"(?<![A-Za-z])(?:{words}){_LABEL}", re.IGNORECASE)
    for kind, words in {
        EntityType.PHONE: rf"(?:{PHONE_CUE.pattern})\.?",
        EntityType.EMAIL: r"メールアドレス|メアド|メール|e-?mail(?:\s*address)?|mail|邮箱|電子郵件|이메일",
        EntityType.POSTAL_CODE: r"郵便番号|〒|zip(?:\s*code)?|postal\s*code|邮编|郵遞區號|우편번호",
        EntityType.BIRTHDATE: r"生年月日|誕生日|birthday|date\s*of\s*birth|born(?:\s*on)?|出生日期|생년월일|생일",
    }.items()
}


@dataclass(frozen=True)
class ScreenedQuestion:
    """One question seen three ways: as asked, for retrieval, and for the log."""

    original: str
    for_retrieval: str
    for_log: str
    personal_data: bool


def redact_for_log(text: str) -> str:
    """Mask personal data for storage in the question log."""
    return redact(text)


def redact_staff_note(text: str) -> str:
    """Mask personal data in a note staff write next to their work (an approval comment, a
    change note): names, numbers and addresses go, place names stay — 「青葉区の窓口に合わせて」
    is what an editor needs to read, 「住民の山田さんの指摘」 is not."""
    if not text.strip():
        return text
    entities = [e for e in detect_message(text) if e.type is not EntityType.LOCATION]
    return MaskingSession().mask(text, entities).text if entities else text


def _removable(entity: Entity, text: str) -> bool:
    if entity.type in _TOPICAL:
        return False
    if entity.type is EntityType.PERSON and entity.source == "kana" and _sentence_phrase(entity):
        # 「こどもと ふたりです」 is a family, not 姓 名 + です: a spaced word ending in a case
        # particle is a phrase of the sentence (kept for retrieval; the log is masked anyway).
        return False
    if entity.type is EntityType.PERSON and not _named(entity, text):
        # Name guesses without a cue are kept for retrieval only (the log is masked all the
        # same). On the demo city's multilingual questions they took topic words out of 21 of
        # 45 やさしい日本語 questions (ごみの わけかたを おしえて → を おしえて ください) and
        # out of Chinese and English ones (垃圾收集日 → 集日, National Health Insurance):
        # only a kanji name Sudachi finds in Japanese text is cut without a cue — not in
        # Chinese with katakana (用マイナンバー卡能在便利店打印印鉴证明吗: 明吗 is no name).
        return (
            entity.source == "sudachi"
            and script_of(text) == "ja"
            and not chinese_only_han(text)
            and bool(_KANJI.search(entity.text))
        )
    if entity.type is EntityType.ADDRESS:
        return bool(_DIGIT.search(entity.text))
    return True


#: Case particles that end a phrase of やさしい日本語 (こどもと, おっとが) and no kana family name
#: (の is left out: おの, よしの).
_PHRASE_PARTICLES = ("と", "が", "を", "に", "は", "で", "へ")


def _sentence_phrase(entity: Entity) -> bool:
    """A spaced kana span whose first word ends in a case particle (こどもと ふたり)."""
    words = entity.text.split()
    return len(words) >= 2 and len(words[0]) >= 2 and words[0].endswith(_PHRASE_PARTICLES)


def _named(entity: Entity, text: str) -> bool:
    """A kana span introduced or followed as a name is (わたしは …, … です, … さん)."""
    head = entity.text.split()[0] if entity.text.split() else ""
    return bool(
        entity.text.endswith("です")
        or _NAME_AFTER.search(text[entity.end : entity.end + 8])
        or _NAME_BEFORE.search(text[max(entity.start - 16, 0) : entity.start])
        or _NAME_BEFORE.search(head + " ")
    )


def screen(text: str) -> ScreenedQuestion:
    """Detect once; derive the retrieval text (personal data cut out) and the masked log text."""
    entities = detect_message(text)
    masked = MaskingSession().mask(text, entities).text if entities else text
    cut = sorted((e for e in entities if _removable(e, text)), key=lambda e: e.start)
    pieces: list[str] = []
    cursor = 0
    for e in cut:
        if e.start < cursor:
            continue
        before = text[cursor : e.start]
        label = _NAME_BEFORE if e.type is EntityType.PERSON else _LABEL_BEFORE.get(e.type)
        found = label.search(before) if label else None
        pieces.append(before[: found.start()] if found else before)
        pieces.append(" ")
        cursor = e.end
        if e.type is EntityType.PERSON:
            # 「私は山田太郎です。」 goes whole: 私・です left alone count as words of the question.
            after = _NAME_AFTER.search(text[cursor:])
            if after:
                cursor += after.end()
                cursor += _NAME_TAIL.match(text[cursor:]).end()  # type: ignore[union-attr]
    pieces.append(text[cursor:])
    # Punctuation the cut left at the start (「、. I need …」) is not part of the question.
    retrieval = _LEADING_MARKS.sub("", re.sub(r"\s+", " ", "".join(pieces)).strip()) or text
    return ScreenedQuestion(text, retrieval, masked, bool(cut))
