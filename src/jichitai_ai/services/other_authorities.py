"""他機関の所管 (other authorities' business): questions about what the municipality does not
handle — 運転免許 (警察), 年金 (年金事務所), 在留カード (出入国在留管理庁), 天気, バス時刻 … —
are handed over to the authority that does, instead of unrelated entries as choices.

A tenant lists the authorities in ``settings["other_authorities"]`` (Japanese first)::

    [{"name": {"ja": "運転免許センター", "en": "Driver's licence centre"},
      "topics": ["運転免許証の更新・再交付", "運転免許の試験"],
      "words": ["運転免許", "驾照", "운전면허", "driver's licen"],
      "exclusive_words": ["免許の更新", "外免切替"],
      "phone": "…", "url": "…", "note": {"ja": "…"}}]

A question is handed over when the multilingual embedding puts it closer to one of the topics
than to any of the tenant's entries by ``settings["other_authority_margin"]``; by the smaller
``settings["other_authority_word_margin"]`` when it contains one of the authority's ``words``
(the authority it names is judged on its own topics even when another authority's topic is
closer); and as soon as its topic is as close as any entry when it names one of the
authority's ``exclusive_words`` — business only that authority does (脱退一時金, 車庫証明, 帰化,
在留期間の更新) — that none of the tenant's entries uses. Words residents also write about the
city's own business (visa in 「ビザの更新に住民票が要る」, 失業 in 「失業して国保に入りたい」) are
plain ``words``: they keep the margin (i12z inferred exclusivity from the entries alone and
handed such questions to the immigration bureau / Hello Work).
Topics are embedded as passages, like the entries, so the two cosines compare like with like.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from jichitai_ai.i18n import pick
from jichitai_ai.text.chinese_script import convert
from jichitai_ai.text.kana_kanji import KanaKanji

SETTINGS_KEY = "other_authorities"
MARGIN_KEY = "other_authority_margin"
WORD_MARGIN_KEY = "other_authority_word_margin"
#: Topic cosine over the best entry's cosine needed to hand over. Answerable questions of the
#: demo sets reach +0.035 (passport questions in Chinese near 在留カード), out-of-scope ones
#: mostly +0.04–0.08 (docs/benchmarks.md §7.4).
DEFAULT_MARGIN = 0.045
#: With one of the authority's words in the question (its business named outright).
DEFAULT_WORD_MARGIN = 0.025
#: With one of its exclusive words no entry uses: how far the entries' best may stand above
#: every authority's topic and the question still be handed over (i12ag; 0 = as before, the
#: default until every demo set is checked with it — round 13 checked only rounds 10–13).
EXCLUSIVE_MARGIN_KEY = "other_authority_exclusive_margin"
DEFAULT_EXCLUSIVE_MARGIN = 0.0
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")


@dataclass(frozen=True)
class OtherAuthority:
    """One authority: its name and note per language, its contact, the topics it handles."""

    name: Mapping[str, str]
    topics: tuple[str, ...]
    phone: str = ""
    url: str = ""
    note: Mapping[str, str] = field(default_factory=dict)
    #: Words (any language) naming its business, matched as substrings with case, width,
    #: spaces and 繁體 / 简体 folded (:func:`fold`): 簽證 = 签证, 재류 기간 = 재류기간.
    words: tuple[str, ...] = ()
    #: Words naming business only this authority does (also naming words, see the module).
    exclusive_words: tuple[str, ...] = ()

    def mentioned_in(self, question: str) -> bool:
        return bool(self.words_in(question))

    def words_in(self, question: str) -> list[str]:
        """Its words, exclusive ones included, the question contains."""
        return self._found((*self.words, *self.exclusive_words), fold(question))

    def exclusive_in(self, question: str) -> list[str]:
        """Its exclusive words the question contains."""
        return self._found(self.exclusive_words, fold(question))

    @staticmethod
    def _found(words: Sequence[str], folded_question: str) -> list[str]:
        return [w for w in words if (f := fold(w)) and f in folded_question]

    def localized(self, lang: str) -> dict[str, str]:
        """Name, note, phone and url for the resident's language (fallback en, then ja)."""
        return {
            "name": pick(self.name, lang),
            "note": pick(self.note, lang),
            "phone": self.phone,
            "url": self.url,
        }


def _texts(value: Any) -> dict[str, str]:
    if isinstance(value, str):
        return {"ja": value} if value else {}
    if isinstance(value, Mapping):
        return {str(k): str(v) for k, v in value.items() if isinstance(v, str) and v}
    return {}


@functools.lru_cache(maxsize=4096)
def fold(text: str) -> str:
    """Text as words are matched: NFKC, case-folded, no white space, Traditional characters
    as Simplified (text.chinese_script; Japanese kanji fold the same way on both sides)."""
    plain = "".join(unicodedata.normalize("NFKC", text).casefold().split())
    return convert(plain, "zh-Hans") if _HAN.search(plain) else plain


def _strings(value: Any) -> tuple[str, ...]:
    return tuple(str(w).strip() for w in value or () if str(w).strip())


def configured(settings: Mapping[str, Any]) -> list[OtherAuthority]:
    """The tenant's authorities; items without a name or topics are skipped."""
    raw = settings.get(SETTINGS_KEY)
    if not isinstance(raw, list):
        return []
    found = []
    for item in raw:
        if not isinstance(item, Mapping):
            continue
        name = _texts(item.get("name"))
        topics = tuple(str(t).strip() for t in item.get("topics") or () if str(t).strip())
        if not name or not topics:
            continue
        found.append(
            OtherAuthority(
                name=name,
                topics=topics,
                phone=str(item.get("phone", "")),
                url=str(item.get("url", "")),
                note=_texts(item.get("note")),
                words=_strings(item.get("words")),
                exclusive_words=_strings(item.get("exclusive_words")),
            )
        )
    return found


def margins(settings: Mapping[str, Any]) -> tuple[float, float]:
    """(margin, word margin) from the tenant's settings, defaults for missing or bad values."""
    found = []
    for key, default in ((MARGIN_KEY, DEFAULT_MARGIN), (WORD_MARGIN_KEY, DEFAULT_WORD_MARGIN)):
        try:
            found.append(float(settings.get(key, default)))
        except (TypeError, ValueError):
            found.append(default)
    return found[0], found[1]


def exclusive_margin(settings: Mapping[str, Any]) -> float:
    """``other_authority_exclusive_margin`` from the tenant's settings (default 0: off)."""
    try:
        return float(settings.get(EXCLUSIVE_MARGIN_KEY, DEFAULT_EXCLUSIVE_MARGIN))
    except (TypeError, ValueError):
        return DEFAULT_EXCLUSIVE_MARGIN


def kana_names(authorities: Sequence[OtherAuthority], reading: Callable[[str], str]) -> KanaKanji:
    """The authorities' own words and topics as a kana → kanji vocabulary (text.kana_kanji), so
    an all-kana question is compared with their topics written as they write them (でんしゃの
    じかん → 電車の時間, ねんきんじむしょ → 年金事務所): the tenant's entries never write the words
    of a business that is not theirs. Every compound counts (a curated list, no slips)."""
    texts = [t for a in authorities for t in (*a.words, *a.exclusive_words, *a.topics)]
    return KanaKanji(texts, reading, min_count=1)


class AuthorityMatcher:
    """The authorities' topic vectors, embedded once per (embedder, configuration)."""

    def __init__(self, authorities: Sequence[OtherAuthority], embedder: Any) -> None:
        self.authorities = list(authorities)
        self._owner = [i for i, a in enumerate(self.authorities) for _ in a.topics]
        texts = [t for a in self.authorities for t in a.topics]
        self._matrix = np.asarray(embedder.embed_passages(texts), dtype=np.float32)

    def closest(self, query_vector: Any) -> tuple[OtherAuthority, float] | None:
        """The authority with the topic nearest the question, and that cosine."""
        found = self.cosines(query_vector)
        if not found:
            return None
        best = max(range(len(found)), key=found.__getitem__)
        return self.authorities[best], found[best]

    def cosines(self, query_vector: Any) -> list[float]:
        """Per authority (in order), the cosine of its topic nearest the question."""
        if not self._owner:
            return []
        scores = self._matrix @ np.asarray(query_vector, dtype=np.float32)
        found = [-1.0] * len(self.authorities)
        for owner, score in zip(self._owner, scores.tolist(), strict=True):
            found[owner] = max(found[owner], float(score))
        return found


def handed_to(
    matcher: AuthorityMatcher,
    question: str,
    query_vector: Any,
    best_entry_cosine: float,
    needed: tuple[float, float],
    entries_use: Callable[[str], bool] = lambda word: True,
    exclusive: float = DEFAULT_EXCLUSIVE_MARGIN,
) -> OtherAuthority | None:
    """The authority to hand over to: its topic is closer than any entry by ``needed[0]``, or
    by ``needed[1]`` when the question names its business — and when it names one of the
    authority's exclusive words that the tenant's entries do not use (``entries_use``: an entry
    using it answers something about it), as soon as any authority's topic comes within
    ``exclusive`` of the entries' best (0 by default: as close): the word says whose business it
    is, while the question's other words can hold an entry's (「父が亡くなって相続税の申告っ
    て…」: 相続 and 申告 put the 相続の戸籍 entry .014 above the tax office's topic; i12ag). A question handed
    over anyway is no exception: naming a wrong authority would mislead more than the general
    contact."""
    cosines = matcher.cosines(query_vector)
    if not cosines:
        return None
    named = []
    for i, authority in enumerate(matcher.authorities):
        if authority.words_in(question):
            only_its = any(not entries_use(w) for w in authority.exclusive_in(question))
            # Named by a word only it uses: the question is another authority's business as
            # soon as any authority's topic is as close as the entries — the word says whose
            # (「한국 대사관」: the embassy's topic .800, the bureau's .818, the passport entry
            # .809; the encoder puts Korean a little further from every Japanese topic).
            lead = max(cosines) + exclusive if only_its else cosines[i] - needed[1]
            named.append((lead, i))
    for lead, i in sorted(named, reverse=True):
        if lead >= best_entry_cosine:
            return matcher.authorities[i]
    best = max(range(len(cosines)), key=cosines.__getitem__)
    if cosines[best] >= best_entry_cosine + needed[0]:
        return matcher.authorities[best]
    return None
