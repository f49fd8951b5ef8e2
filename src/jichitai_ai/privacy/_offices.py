"""Offices and branches named after a place (あおば市役所, いわき市役所, 茅ヶ崎支店), and bodies
named so (千葉大学, 北海道新聞, 宮崎交通, 羽田空港, 木村屋: rt10).

The reading before 市役所 or 支店 names an organisation, not where anyone lives: SudachiPy
reads the hiragana city of あおば市役所 as a given name (the demo's own request had it
masked as 【氏名1】市役所), and a branch's town as a place that, next to an account number,
the gateway masks. A person, place or address reading that ends right before an office
word — or before 市/区/町/村 and 役所/役場 — is dropped. A street address reaches past its
block number (本町1-2 市役所前) and is never touched; a title after the office word
(山田 太郎支店長, 佐藤局長) keeps the name before it.
"""

from __future__ import annotations

import re

from ._types import Entity, EntityType

#: Public offices and bank or post branches: a name before one of these is the office's.
_OFFICE = re.compile(
    r"(?:[市区町村]?(?:役所|役場)|(?:市|区|町|村)?(?:支所|出張所)|支店|本店|営業部|郵便局"
    r"|税務署|年金事務所|警察署|消防署|保健所|市民センター|区民センター"
    # rt10: companies and bodies named after a place or a founder (千葉大学, 北海道新聞, 宮崎交通,
    # 羽田空港, 木村屋, 松坂屋); not 交通事故, 屋根, 屋敷
    r"|大学|新聞(?:社)?|交通(?!事故|安全|費|手段|整理|規制|量|機関|違反)|空港"
    r"|屋(?![敷根上外内台号]))(?![長員])"
)
#: A name span that swallowed the body's word itself (（千葉大学教授）read as an alias).
_BODY_END = re.compile(r"[一-鿿ぁ-ゖァ-ヺ]{1,6}(?:大学|新聞|空港)$")
_FREE = frozenset({EntityType.PERSON, EntityType.LOCATION, EntityType.ADDRESS})
_DIGIT = re.compile(r"[0-9０-９]")


def names_an_office(entity: Entity, text: str) -> bool:
    """``entity`` is a name reading glued to an office word after it (あおば|市役所,
    いわき市|役所, 茅ヶ崎|支店): the office's name, not personal data."""
    if entity.type is EntityType.PERSON and _BODY_END.fullmatch(entity.text):
        return True
    # The office word first: a long name run (H7-6) is then not searched for digits at all.
    if entity.type not in _FREE or _OFFICE.match(text, entity.end) is None:
        return False
    return not _DIGIT.search(entity.text)
