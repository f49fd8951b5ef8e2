"""Bilingual municipal vocabulary (自治体用語の対訳): English, romaji, Chinese and Korean words →
Japanese terms.

A Japanese city's FAQ is written in Japanese and usually has English text for a handful of its
entries, so an English question is ranked by the multilingual embedding alone — which does not
read romaji (juminhyo, koseki, hoikuen) as the Japanese words and ranks broad entries first.
General municipal vocabulary (``municipal_glossary.txt``: resident record → 住民票, rubbish →
ごみ, hoikuen → 保育園) gives such a question the Japanese words its entry is written with, for
word matching beside the embedding. The vocabulary is the same for every tenant; a tenant's own
words are its synonym groups (同義語), which the index applies to these terms as to any query.

Chinese (简体・繁體) and Korean phrases are written in their own script and matched inside the
text with spaces ignored (no word boundaries in Chinese; Korean particles glue to nouns): 過世 →
死亡, 도장 → 印鑑, 출생 신고 → 出生届 — words the Sino-Korean readings and the shared kanji miss.
Phrase and text are both folded to Simplified characters (OpenCC, text.chinese_script), so a
phrase written once serves 繁體 questions too (醫療費 = 医疗费, 戶籍 = 户籍, 臺 = 台).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable, Sequence
from importlib import resources

from jichitai_ai.text.chinese_script import convert

#: Longest phrase matched, in words.
MAX_PHRASE_WORDS = 5
_WORD = re.compile(r"[a-z0-9]+")
#: Shortest run-together phrase matched across a question's word breaks (kokuho, 6 letters;
#: shorter ones — tohon, inkan — would meet chance pairs of English words).
MIN_JOINED_CHARS = 7
#: Han and Hangul: a phrase with one of these is matched inside the text, not by words.
_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7a3]")
#: Romaji long vowels written doubled or with u (juuminhyou, kouseki) fold to one vowel, on both
#: sides, so every spelling meets the glossary's.
_LONG_VOWELS = (("ou", "o"), ("uu", "u"), ("oo", "o"), ("aa", "a"), ("ii", "i"), ("ee", "e"))


def fold_word(word: str) -> str:
    """A Latin word as the glossary compares it: no diacritics, lower case, long vowels and a
    plural or possessive ending folded (certificates → certificate, jūminhyō → juminhyo)."""
    plain = unicodedata.normalize("NFKD", word)
    plain = "".join(ch for ch in plain if not unicodedata.combining(ch)).lower()
    if len(plain) > 4 and plain.endswith("ies"):
        plain = plain[:-3] + "y"
    elif len(plain) > 3 and plain.endswith("s") and not plain.endswith("ss"):
        plain = plain[:-1]
    for long, short in _LONG_VOWELS:
        plain = plain.replace(long, short)
    return plain


def words_of(text: str) -> list[str]:
    """The folded Latin words of ``text`` (an apostrophe joins: can't → cant)."""
    plain = unicodedata.normalize("NFKD", text.replace("'", "").replace("’", ""))
    plain = "".join(ch for ch in plain if not unicodedata.combining(ch)).lower()
    return [fold_word(w) for w in _WORD.findall(plain)]


class MunicipalGlossary:
    """Phrases (as folded word tuples) and the Japanese terms they stand for."""

    def __init__(self, pairs: Iterable[tuple[str, str]]) -> None:
        self._terms: dict[tuple[str, ...], list[str]] = {}
        #: Chinese / Korean phrases as tuples of characters (spaces dropped).
        self._cjk: dict[tuple[str, ...], list[str]] = {}
        for phrase, japanese in pairs:
            cjk = bool(_CJK.search(phrase))
            key = tuple(_cjk_plain(phrase)) if cjk else tuple(words_of(phrase))
            table = self._cjk if cjk else self._terms
            if key and japanese not in table.setdefault(key, []):
                table[key].append(japanese)
        self._cjk_longest = max((len(k) for k in self._cjk), default=0)
        #: Latin phrases with their words run together (koteishisanzei), for romaji compounds
        #: residents split or join differently (kotei shisan zei, hoiku en, my number card).
        self._joined: dict[str, list[str]] = {}
        for key, terms in self._terms.items():
            joined = "".join(key)
            if len(joined) >= MIN_JOINED_CHARS:
                self._joined.setdefault(joined, [])
                self._joined[joined].extend(t for t in terms if t not in self._joined[joined])

    def __len__(self) -> int:
        return len(self._terms) + len(self._cjk)

    def japanese_terms(self, text: str) -> list[str]:
        """The Japanese terms of the phrases in ``text``, longest phrase first at each word
        and phrases not overlapping (national health insurance → 国民健康保険, not 健康保険)."""
        return _longest_matches(words_of(text), self._terms, MAX_PHRASE_WORDS, self._joined)

    def cjk_terms(self, text: str) -> list[str]:
        """The Japanese terms of the Chinese / Korean phrases inside ``text``, longest first at
        each position (English and romaji phrases: :meth:`japanese_terms`)."""
        return _longest_matches(list(_cjk_plain(text)), self._cjk, self._cjk_longest)


def _longest_matches(
    units: Sequence[str],
    table: dict[tuple[str, ...], list[str]],
    longest: int,
    joined: dict[str, list[str]] | None = None,
) -> list[str]:
    """The terms of ``table``'s phrases in ``units`` (words or characters), the longest phrase
    first at each position and phrases not overlapping. With ``joined`` (phrases with their
    words run together), two or more words also match a phrase their letters spell run
    together (kotei shisan zei = kotei shisanzei)."""
    found: list[str] = []
    i = 0
    while i < len(units):
        for size in range(min(longest, len(units) - i), 0, -1):
            span = units[i : i + size]
            terms = table.get(tuple(span))
            if not terms and joined and size > 1:
                terms = joined.get("".join(span))
            if terms:
                found.extend(t for t in terms if t not in found)
                i += size
                break
        else:
            i += 1
    return found


def _cjk_plain(text: str) -> str:
    """Text as Chinese / Korean phrases are compared: NFKC, lower case, no white space,
    Traditional characters folded to Simplified (Hangul and kana unchanged)."""
    plain = "".join(unicodedata.normalize("NFKC", text).lower().split())
    return convert(plain, "zh-Hans") if _CJK.search(plain) else plain


def parse(lines: Sequence[str]) -> list[tuple[str, str]]:
    """``phrase<TAB>Japanese`` lines; blank lines and ``#`` comments skipped."""
    pairs: list[tuple[str, str]] = []
    for line in lines:
        if not line.strip() or line.startswith("#"):
            continue
        phrase, japanese = line.split("\t")
        pairs.append((phrase.strip(), japanese.strip()))
    return pairs


@functools.cache
def _shipped_pairs() -> tuple[tuple[str, str], ...]:
    data = resources.files("jichitai_ai.text").joinpath("municipal_glossary.txt")
    return tuple(parse(data.read_text(encoding="utf-8").splitlines()))


@functools.cache
def glossary() -> MunicipalGlossary:
    """The vocabulary shipped with the package (loaded once)."""
    return MunicipalGlossary(_shipped_pairs())


@functools.cache
def glossary_phrases() -> tuple[str, ...]:
    """The shipped vocabulary's Latin phrases (juminhyo, my number card), e.g. to keep them
    readable where a capitalised pair would pass for a name."""
    return tuple(p for p, _ in _shipped_pairs() if not _CJK.search(p))


def glossary_words(text: str) -> str:
    """The shipped vocabulary's Japanese terms for ``text``, as one query string."""
    return " ".join(glossary().japanese_terms(text))


def cjk_glossary_words(text: str) -> str:
    """The shipped vocabulary's Japanese terms for a Chinese or Korean ``text``."""
    return " ".join(glossary().cjk_terms(text))
