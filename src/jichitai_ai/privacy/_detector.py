"""The detector: runs every enabled detector and resolves overlapping spans."""

from __future__ import annotations

import datetime as _dt
import re
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import Literal

from . import _ginza, _patterns
from ._aliases import bracketed_aliases, capitals_in_dated_rows, listed_name_lines
from ._canonical import canonicalize
from ._chat_names import find_chat_names, with_chat_names
from ._common_words import common_word_spans
from ._coref import (
    cjk_names,
    coordinated_names,
    katakana_surnames,
    listed_names,
    related_names,
    repeated_names,
    role_names,
)
from ._fold import fold
from ._foreign_scripts import find_foreign_script_names, find_introduced_foreign_names
from ._hanzi_names import find_hanzi_names
from ._honoured_pairs import find_honoured_pairs
from ._introductions import (
    find_child_names,
    find_guardian_listed_names,
    find_introduced_names,
    find_kin_age_names,
    find_labelled_name_parts,
    find_nicknames,
    find_opening_surnames,
    find_quoted_full_names,
    find_signed_subjects,
    find_spaced_kana_names,
    find_titled_full_names,
)
from ._kana_names import (
    extend_spaced_names,
    find_context_names,
    find_kana_names,
    find_kanji_honorific_names,
    find_katakana_pairs,
)
from ._kana_tails import grow_kana_tails
from ._kin_names import find_kin_names
from ._latin_names import latin_word_guess
from ._lead_sentences import find_profile_names
from ._message_names import message_names, spaced_blocks
from ._name_edges import extend_name_edges
from ._named_things import names_a_thing
from ._names import find_persons, looks_like_title_or_org
from ._offices import names_an_office
from ._patterns import OLD_DATE, RECENT_DATE
from ._places import find_block_addresses, find_places, place_spans
from ._readings import bracketed_readings, form_and_layout_names, one_kanji_surnames
from ._romaji import (
    extend_latin_names,
    find_account_names,
    find_foreign_street_addresses,
    find_romaji_addresses,
    find_romaji_names,
    repeated_latin_names,
)
from ._sensitive import find_sensitive
from ._spaced_given import grow_spaced_given
from ._spans import SpanSet
from ._strict import STRICT_RULES, find_strict_persons
from ._structured import (
    find_chat_speakers,
    find_cjk_blocks,
    find_cueless_english,
    find_keyed_values,
    find_listed_and_introduced,
)
from ._tables import find_table_cells
from ._tokens import SudachiTokenizer, Token, script_of
from ._types import Entity, EntityType
from ._variants import fold_variants
from ._wrapped_names import join_wrapped_names

# Lower number wins when spans overlap with equal confidence: the more specific type.
_PRIORITY = {
    EntityType.MY_NUMBER: 0,
    EntityType.CREDIT_CARD: 1,
    EntityType.RESIDENCE_CARD: 1,
    EntityType.RESIDENT_CODE: 2,
    EntityType.CASE_NUMBER: 5,
    EntityType.ID_NUMBER: 6,
    EntityType.DRIVER_LICENSE: 2,
    EntityType.PENSION_NUMBER: 3,
    EntityType.HEALTH_INSURANCE: 4,
    EntityType.BANK_ACCOUNT: 5,
    EntityType.EMAIL: 6,
    EntityType.PHONE: 7,
    EntityType.POSTAL_CODE: 8,
    EntityType.BIRTHDATE: 9,
    EntityType.ADDRESS: 10,
    EntityType.PERSON: 11,
    EntityType.LOCATION: 12,
}
_STRUCTURED = frozenset(_PRIORITY) - {EntityType.ADDRESS, EntityType.PERSON, EntityType.LOCATION}


@dataclass(frozen=True, slots=True)
class DetectorConfig:
    """What to run. ``use_ginza=False`` is the fast mode (SudachiPy + patterns only).

    ``min_confidence`` drops weak hits; ``types`` limits the output (``None`` = all).
    ``reference_year`` decides which cue-less dates are old enough to be birthdates.
    ``profile="strict"`` adds the recall-first person rules of :mod:`._strict` (for text
    sent to a model); ``strict_rules`` picks a subset of them (``None`` = the profile's
    default set), for ablations.
    """

    use_ginza: bool = False
    min_confidence: float = 0.0
    types: frozenset[EntityType] | None = None
    reference_year: int = field(default_factory=lambda: _dt.date.today().year)
    profile: Literal["standard", "strict"] = "standard"
    strict_rules: frozenset[str] | None = None
    #: With ``use_ginza``: run GiNZA only on texts where SudachiPy sees a possible name
    #: (a proper noun, an unknown word or a synonym-less katakana noun); the rest skip it.
    ginza_gate: bool = False


#: What the gateway (through ``detect``), the question log (``redact``) and ``pii-eval``
#: without flags use: text leaves for a model or is stored, so a missed name costs more than
#: an extra mask. Fast (no GiNZA); GiNZA is opt-in ([gateway.detector] ner = "ginza").
DEFAULT_CONFIG = DetectorConfig(profile="strict")


def resolve_overlaps(entities: Iterable[Entity]) -> list[Entity]:
    """Keep a set of non-overlapping spans: structured identifiers first, then higher
    confidence, then longer spans. 要配慮 flags are kept as they are (they overlay)."""
    items = list(entities)
    flags = [e for e in items if e.type is EntityType.SENSITIVE]
    spans = _union_same_type([e for e in items if e.type is not EntityType.SENSITIVE])
    spans.sort(
        key=lambda e: (
            e.type not in _STRUCTURED,
            -round(e.confidence, 2),
            _PRIORITY.get(e.type, 99),
            -(e.end - e.start),
            e.start,
        )
    )
    kept: list[Entity] = []
    taken = SpanSet()
    for candidate in spans:
        if not taken.overlaps(candidate.start, candidate.end):
            taken.add(candidate.start, candidate.end)
            kept.append(candidate)
    unique_flags = sorted(set(flags), key=lambda e: (e.start, e.end))
    return sorted(kept + unique_flags, key=lambda e: (e.start, e.end, e.type.value))


def _names_clear_of_addresses(found: list[Entity]) -> list[Entity]:
    """A name candidate that runs on into a surer address (田中美咲 あおば|市緑町1-2-3: あおば
    read as a given name) is dropped when a shorter candidate with the same start ends before
    that address: merged with it, the name would overlap the address and be lost altogether
    (the log showed 田中美咲 unmasked). An address the candidate starts in (丹後 美紗) is left
    to the usual resolution."""
    addresses = [e for e in found if e.type is EntityType.ADDRESS]
    if not addresses:
        return found
    people = [e for e in found if e.type is EntityType.PERSON]

    def cut_short(e: Entity) -> bool:
        if e.type is not EntityType.PERSON:
            return False
        starts = [
            a.start for a in addresses if e.start < a.start < e.end and a.confidence > e.confidence
        ]
        return bool(starts) and any(c.start == e.start and c.end <= min(starts) for c in people)

    return [e for e in found if not cut_short(e)]


def _union_same_type(entities: list[Entity]) -> list[Entity]:
    """Overlapping spans of one free-text type (two detectors agreeing) become their union."""
    out = [e for e in entities if e.type in _STRUCTURED]
    for kind in (EntityType.PERSON, EntityType.ADDRESS, EntityType.LOCATION):
        group = sorted((e for e in entities if e.type is kind), key=lambda e: (e.start, e.end))
        current: Entity | None = None
        for e in group:
            if current is not None and e.start < current.end:
                end = max(current.end, e.end)
                text = (
                    current.text + e.text[current.end - e.start :]
                    if e.end > current.end
                    else current.text
                )
                confidence = min(1.0, max(current.confidence, e.confidence) + 0.05)
                current = Entity(kind, current.start, end, text, confidence, current.source)
            else:
                if current is not None:
                    out.append(current)
                current = e
        if current is not None:
            out.append(current)
    return out


def _merge_ginza(text: str, base: list[Entity], spans: list[tuple[int, int, str]]) -> list[Entity]:
    """Add GiNZA person spans; GiNZA places join the place spans before address building."""
    extra: list[Entity] = []
    for kind, start, end in _ginza.find_entities(text):
        if not text[start:end].strip():
            continue
        if kind is EntityType.PERSON:
            if looks_like_title_or_org(text, start, end):
                continue
            extra.append(Entity(kind, start, end, text[start:end], 0.8, "ginza"))
        else:
            spans.append((start, end, "ginza"))
    return base + extra


def _name_candidates(tokens: list[Token]) -> bool:
    """Could GiNZA find a name SudachiPy rules do not? (the ``ginza_gate`` test)"""
    return any(
        t.is_noun
        and (t.is_proper or t.oov or (not t.synonyms and script_of(t.surface) == "katakana"))
        for t in tokens
    )


_SURROGATES = re.compile("[\ud800-\udfff]")


def _restore_text(entity: Entity, original: str) -> Entity:
    surface = original[entity.start : entity.end]
    return Entity(
        entity.type,
        entity.start,
        entity.end,
        surface,
        entity.confidence,
        entity.source,
        entity.detail,
    )


#: ``Entity.detail`` of places that are not personal data (the gateway leaves them readable).
NOT_PERSONAL = "not personal"


def _not_personal_place(entity: Entity, text: str, countries: set[tuple[int, int]]) -> bool:
    """Language names (中国語) and countries (ベトナム) are not places anyone lives at."""
    if entity.type is not EntityType.LOCATION:
        return False
    return text.startswith("語", entity.end) or (entity.start, entity.end) in countries


_NEAR = 20
# After a date, these mark an event (…日に開幕, …日から, …日付で), not a birthdate.
_ROW_END = re.compile(r"[ \t\u3000]*(?:\n|$)")
_EVENT_AFTER = re.compile(r"\s?(?:に|から|まで|より|付|以降|以来|頃|ごろ|時点|現在|、|,)")


def _birthdates_near_people(found: list[Entity], text: str) -> list[Entity]:
    """A full date without a 生年月日 cue is a birthdate only right after a person
    (山田花子（1985年3月2日）, 林光 1985/3/2) and not followed by an event marker
    (…日に, …日から, …日、): alone, or before a name, old dates are mostly events
    (measured on half A of ner-ja dev: dates were half of all over-masked characters)."""
    ends = sorted(e.end for e in found if e.type is EntityType.PERSON)
    out = []
    for e in found:
        if e.detail == RECENT_DATE:
            # A recent date is a birthdate only as the next cell of a name's row: nothing but
            # spaces or a tab between, and the row ends after it (すがや はるき　R5.10.3⏎).
            i = bisect_left(ends, e.start + 1) - 1
            if (
                i < 0
                or text[ends[i] : e.start].strip(" \t\u3000")
                or e.start == ends[i]
                or not _ROW_END.match(text, e.end)
            ):
                continue
        elif e.detail == OLD_DATE:
            i = bisect_left(ends, e.start + 1) - 1  # the last person ending at or before
            if i < 0 or e.start - ends[i] > _NEAR or _EVENT_AFTER.match(text, e.end):
                continue
        out.append(e)
    return out


def _places_inside_names(found: list[Entity]) -> list[Entity]:
    """夫 渡邉 隼人、… 緑ヶ丘２丁目: a place reading of the given name (隼人 is a town) tied with
    the 「姓 名」 span around it and won the overlap, leaving the surname readable. A place
    without a number lying inside a spaced 姓 名 is that name's part: the name's span covers it."""
    names = [
        (e.start, e.end)
        for e in found
        if e.type is EntityType.PERSON and (" " in e.text or "\u3000" in e.text)
    ]
    if not names:
        return found
    return [
        e
        for e in found
        if not (
            e.type in (EntityType.LOCATION, EntityType.ADDRESS)
            and not any(ch.isdigit() for ch in e.text)
            and any(s < e.start and e.end <= t for s, t in names)
        )
    ]


def _inside_common(entity: Entity, spans: list[tuple[int, int]]) -> bool:
    """A name or place reading inside a common word (マイナ in マイナポータル, タンス)."""
    if entity.type not in (EntityType.PERSON, EntityType.LOCATION, EntityType.ADDRESS):
        return False
    i = bisect_left(spans, (entity.start + 1,)) - 1  # the last common word starting at or before
    return i >= 0 and spans[i][0] <= entity.start and entity.end <= spans[i][1]


_PERSON_HONORIFICS = ("さん", "様", "さま", "氏", "殿", "くん", "ちゃん")
_PLACE_SUFFIXES = "区市町村県省州郡"


#: Chinese grammatical characters that never open or close a name (我的手机: 的手 is no surname).
_CHINESE_PARTICLES = "的了是在吗呢把被"


def _chinese_particle_name(entity: Entity, text: str) -> bool:
    """A SudachiPy name reading that starts or ends with a Chinese particle, in a text with no
    kana (Chinese, not Japanese)."""
    return (
        entity.type is EntityType.PERSON
        and entity.source == "sudachi"
        and (entity.text[:1] in _CHINESE_PARTICLES or entity.text[-1:] in _CHINESE_PARTICLES)
        and not _KANA.search(text)
    )


_KANA = re.compile(r"[ぁ-ゖァ-ヺ]")


def _inside_place_name(entity: Entity, text: str) -> bool:
    """叶 of 青叶区 (Chinese for 青葉区): one kanji read as a name between a kanji and a
    place suffix is a piece of the place's name."""
    return (
        entity.type is EntityType.PERSON
        and entity.end - entity.start == 1
        and entity.start > 0
        and script_of(text[entity.start - 1]) == "kanji"
        and text[entity.end : entity.end + 1] in tuple(_PLACE_SUFFIXES)
    )


def _honoured_place(entity: Entity, text: str) -> Entity:
    """八乙女 淡路氏: a place reading right before a personal honorific is a name."""
    if (
        entity.type is EntityType.LOCATION
        and text.startswith(_PERSON_HONORIFICS, entity.end)
        and not text.startswith(("様式", "氏名"), entity.end)
    ):
        return replace(entity, type=EntityType.PERSON)
    return entity


class Detector:
    """Finds personal data in Japanese text. Create once and reuse (loading is slow).

    Not thread-safe (SudachiPy tokenizers are not); use one detector per worker thread.
    """

    def __init__(self, config: DetectorConfig | None = None) -> None:
        self.config = config or DetectorConfig()
        self._tokenizer = SudachiTokenizer()
        self.ginza_active = bool(self.config.use_ginza and _ginza.available())
        self._place_cache: dict[str, bool] = {}
        self._strict_rules: frozenset[str] = (
            frozenset()
            if self.config.profile != "strict"
            else STRICT_RULES
            if self.config.strict_rules is None
            else self.config.strict_rules
        )

    def _is_place(self, word: str) -> bool:
        """Is ``word`` a single SudachiPy 地名 token? (cached: stems repeat a lot)."""
        cached = self._place_cache.get(word)
        if cached is None:
            tokens = self._tokenizer.tokenize(word)
            cached = len(tokens) == 1 and tokens[0].is_place
            if len(self._place_cache) < 50_000:
                self._place_cache[word] = cached
        return cached

    def detect(self, text: str) -> list[Entity]:
        """All entities in ``text``, non-overlapping (plus 要配慮 flags), sorted by start."""
        if not text:
            return []
        # Lone surrogates cannot be encoded for SudachiPy; U+FFFD keeps every offset.
        clean = _SURROGATES.sub("\ufffd", text)
        if clean != text:
            return [_restore_text(e, text) for e in self.detect(clean)]
        canon = canonicalize(text)
        if canon.identity:
            return self._detect(text)
        mapped = [canon.map_entity(e, text) for e in self._detect(canon.text)]
        return resolve_overlaps(mapped)

    def _detect(self, text: str) -> list[Entity]:
        """Detection on canonical text (offsets are the canonical ones)."""
        plain = fold_variants(text)
        if plain != text:  # 髙橋 → 高橋: same offsets, original text under each span
            return [replace(e, text=text[e.start : e.end]) for e in self._detect_plain(plain)]
        return self._detect_plain(text)

    def _detect_plain(self, text: str) -> list[Entity]:
        folded = fold(text)
        found: list[Entity] = []
        found += _patterns.find_emails(text, folded)
        found += _patterns.find_twelve_digit_ids(text, folded)
        found += _patterns.find_credit_cards(text, folded)
        found += _patterns.find_pension_numbers(text, folded)
        found += _patterns.find_insurance_numbers(text, folded)
        found += _patterns.find_bank_accounts(text, folded)
        found += _patterns.find_resident_codes(text, folded)
        found += _patterns.find_residence_cards(text, folded)
        found += _patterns.find_case_numbers(text, folded)
        found += _patterns.find_yucho_accounts(text, folded)
        found += _patterns.find_phones(text, folded)
        found += _patterns.find_postal_codes(text, folded)
        found += _patterns.find_birthdates(text, folded, self.config.reference_year)
        found += _patterns.find_partial_birthdates(text, folded)
        found += _patterns.find_ditto_birthdates(text, folded)
        found += _patterns.find_dates_abroad(text, folded)
        found += _patterns.find_ip_addresses(text, folded)
        found += _patterns.find_po_boxes(text, folded)
        found += _patterns.find_passports(text, folded)
        found += _patterns.find_kanji_digit_ids(text, folded)
        found += find_table_cells(text)
        found += find_sensitive(text, folded)
        tokens = self._tokenizer.tokenize(text)
        found += find_persons(tokens, text)
        if self._strict_rules:
            found += find_strict_persons(
                tokens, text, self._tokenizer.name_parts, self._strict_rules
            )
            found += role_names(tokens, text, self._tokenizer.name_parts, self._is_place)
            found += katakana_surnames(tokens, text)
            found += cjk_names(tokens, text)
            found += related_names(tokens, text, self._tokenizer.name_parts)
        found += find_romaji_names(text)
        found += find_account_names(text)
        found += find_foreign_script_names(text)
        found += find_introduced_foreign_names(text)
        found += find_introduced_names(text)
        found += find_opening_surnames(text, self._tokenizer.name_parts, self._tokenizer.tokenize)
        found += find_signed_subjects(text, self._tokenizer.name_parts, self._tokenizer.tokenize)
        found += find_child_names(text)
        found += find_kin_age_names(text)
        found += find_guardian_listed_names(text)
        found += find_labelled_name_parts(text)
        found += find_quoted_full_names(text, self._tokenizer.name_parts)
        found += find_titled_full_names(text, tokens)
        found += find_honoured_pairs(text, self._tokenizer.tokenize)
        found += find_spaced_kana_names(text)
        found += find_nicknames(text, self._tokenizer.name_parts)
        if self._strict_rules:
            found += find_profile_names(text)
        found += find_kana_names(text, self._tokenizer.tokenize, self._tokenizer.name_parts)
        found += find_chat_names(text, self._tokenizer.tokenize)
        found += find_katakana_pairs(text, self._tokenizer.name_parts)
        found += find_kanji_honorific_names(tokens, text, self._tokenizer.name_parts)
        found += find_context_names(tokens, text, self._tokenizer.name_parts)
        found += find_romaji_addresses(text)
        found += find_foreign_street_addresses(text)
        spans = place_spans(tokens, folded, self._is_place)
        if self.ginza_active and (not self.config.ginza_gate or _name_candidates(tokens)):
            found = _merge_ginza(text, found, spans)
        found += find_places(text, folded, spans)
        found += find_block_addresses(text, folded)
        commons = common_word_spans(text)
        if commons:
            found = [e for e in found if not _inside_common(e, commons)]
        found = [
            _honoured_place(e, text)
            for e in found
            if not (
                _inside_place_name(e, text)
                or _chinese_particle_name(e, text)
                or latin_word_guess(e, text)
                or names_an_office(e, text)
            )
        ]
        found = extend_spaced_names(found, tokens, text, self._tokenizer.name_parts)
        if "name_edges" in self._strict_rules:
            found = extend_name_edges(found, tokens, text, self._tokenizer.name_parts)
        if self._strict_rules:
            found += listed_names(found, text, self._tokenizer.name_parts)
            found += repeated_names(found, text, tokens)
            found += repeated_latin_names(found, text)
            found += coordinated_names(found, tokens, text, self._tokenizer.name_parts)
        found += extend_latin_names(found, text)
        if self._strict_rules:
            found = grow_spaced_given(
                found, text, self._tokenizer.tokenize, self._tokenizer.name_parts
            )
        found = with_chat_names(found, text, self._tokenizer.tokenize)
        found = join_wrapped_names(grow_kana_tails(found, text), text)
        if self._strict_rules:
            # after the kana tails: 「こども アヤン は」 ends at the particle
            found += find_kin_names(tokens, text, self._tokenizer.name_parts)
            found += find_hanzi_names(text, self._tokenizer.tokenize)
            found += form_and_layout_names(text, self._tokenizer.name_parts)
            found += one_kanji_surnames(found, text)
            places = {(t.start, t.end) for t in tokens if t.is_place or t.pos[3] == "国"}
            found += list(bracketed_aliases(found, text, self._tokenizer.tokenize))
            found += list(listed_name_lines(found, text, self._tokenizer.tokenize))
            found += list(capitals_in_dated_rows(found, text))
            first_pass = len(found)
            found += bracketed_readings(
                found, text, places, self._tokenizer.tokenize, self._tokenizer.name_parts
            )
            found += message_names(text)
            found += find_keyed_values(text)
            found += find_chat_speakers(text, self._tokenizer.tokenize)
            found += find_listed_and_introduced(text, self._tokenizer.tokenize)
            found += find_cueless_english(text)
            found += find_cjk_blocks(text)
            # the other spelling in brackets after a name the later rules found (SHRESTHA
            # SANJAY BIKRAM（シュレスタ サンジャイ ビクラム）, rt11)
            found += list(bracketed_aliases(found[first_pass:], text))
            found += spaced_blocks(found, text)
        countries = {(t.start, t.end) for t in tokens if t.pos[3] == "国"}
        found = [
            replace(e, detail=NOT_PERSONAL) if _not_personal_place(e, text, countries) else e
            for e in found
        ]
        # names_an_office again: rules after the first pass (aliases in brackets, repeated and
        # opening names) may add a founder's or a place's name glued to 大学, 屋 … (rt10)
        found = [e for e in found if not (names_a_thing(e, text) or names_an_office(e, text))]
        found = _birthdates_near_people(_places_inside_names(found), text)
        found = _names_clear_of_addresses(found)
        result = resolve_overlaps(e for e in found if e.confidence >= self.config.min_confidence)
        if self.config.types is not None:
            result = [e for e in result if e.type in self.config.types]
        return result
