"""SudachiPy tokens with character offsets, safe for arbitrarily long input.

SudachiPy rejects inputs above ~49 KB, so text is cut into chunks at sentence
or line boundaries (never inside a token the chunk could complete).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from sudachipy import Morpheme, dictionary, tokenizer

_CHUNK = 2000
_BOUNDARIES = "。\n！？!?．"


@dataclass(frozen=True, slots=True)
class Token:
    surface: str
    start: int
    end: int
    pos: tuple[str, ...]
    oov: bool
    #: In a SudachiDict synonym group. Common loanwords (プログラム, ショー) are; most
    #: foreign names the dictionary lists as plain nouns (コンクリン, メイウェザー) are not.
    synonyms: bool = True
    #: Split into several short units (SudachiPy mode A): compounds such as
    #: プロレスラー or レッドカード, which are not names. Only computed for katakana.
    compound: bool = False
    #: A katakana word whose dictionary form is written in kanji or hiragana (カラス → 烏,
    #: タヌキ → 狸, スズメバチ → 雀蜂) and is no name entry: a Japanese word spelt in katakana
    #: — animals, plants, everyday things — not a foreign name (クワバラ → 桑原, a surname,
    #: is not native). Only computed for katakana.
    native: bool = False

    @property
    def is_person(self) -> bool:
        return self.pos[2] == "人名"

    @property
    def is_place(self) -> bool:
        return self.pos[2] == "地名"

    @property
    def is_proper(self) -> bool:
        return self.pos[1] == "固有名詞"

    @property
    def is_noun(self) -> bool:
        return self.pos[0] == "名詞"

    @property
    def is_common_noun(self) -> bool:
        return self.pos[1] == "普通名詞"


@lru_cache(maxsize=65_536)
def script_of(text: str) -> str:
    """Coarse script of a surface: ``kanji``, ``katakana``, ``hiragana``, ``latin`` or ``mixed``."""
    kinds = set()
    for ch in text:
        if ch in "々〆ヶ":
            kinds.add("kanji")
            continue
        name = unicodedata.name(ch, "")
        if name.startswith("CJK UNIFIED"):
            kinds.add("kanji")
        elif name.startswith("KATAKANA") or ch == "ー":
            kinds.add("katakana")
        elif name.startswith("HIRAGANA"):
            kinds.add("hiragana")
        elif ch.isalpha():
            kinds.add("latin")
        else:
            kinds.add("other")
    return kinds.pop() if len(kinds) == 1 else "mixed"


def _chunk_end(text: str, start: int) -> tuple[int, bool]:
    """Where the chunk from ``start`` ends, and whether that end is a hard cut (no sentence or
    line end in reach, so it may fall inside a word)."""
    end = min(len(text), start + _CHUNK)
    if end < len(text):
        cut = max(text.rfind(ch, start, end) for ch in _BOUNDARIES)
        if cut > start:
            return cut + 1, False
        return end, True
    return end, False


def _is_compound(m: Morpheme) -> bool:
    surface = m.surface()
    if len(surface) < 4 or not ("\u30a0" <= surface[0] <= "\u30ff"):
        return False
    return len(m.split(tokenizer.Tokenizer.SplitMode.A)) > 1


_KANJI_OR_HIRAGANA = re.compile(r"[\u3041-\u3096\u4e00-\u9fff]")


def _native_form(m: Morpheme) -> str:
    """The kanji or hiragana dictionary form of a katakana word ("" when there is none)."""
    surface = m.surface()
    if not surface or not ("\u30a1" <= surface[0] <= "\u30fa"):
        return ""
    form = m.normalized_form()
    return form if _KANJI_OR_HIRAGANA.search(form) else ""


class SudachiTokenizer:
    """One SudachiPy tokenizer (split mode C) per instance; not thread-safe."""

    def __init__(self) -> None:
        self._dictionary = dictionary.Dictionary(dict="core")
        self._tokenizer = self._dictionary.create(tokenizer.Tokenizer.SplitMode.C)
        self._name_cache: dict[str, frozenset[str]] = {}

    def name_parts(self, surface: str) -> frozenset[str]:
        """Which 人名 readings (``姓``, ``名``) the dictionary has for ``surface`` under any
        part of speech: 岡本 is tagged 地名 in context but is also a surname entry."""
        cached = self._name_cache.get(surface)
        if cached is None:
            cached = frozenset(
                m.part_of_speech()[3]
                for m in self._dictionary.lookup(surface)
                if m.part_of_speech()[2] == "人名"
            )
            if len(self._name_cache) < 50_000:
                self._name_cache[surface] = cached
        return cached

    def _native(self, m: Morpheme) -> bool:
        """カラス → 烏 is a Japanese word; クワバラ → 桑原 may be a surname all the same."""
        form = _native_form(m)
        return bool(form) and not self.name_parts(form) & {"姓", "名"}

    def tokenize(self, text: str) -> list[Token]:
        tokens: list[Token] = []
        offset = 0
        while offset < len(text):
            stop, hard = _chunk_end(text, offset)
            morphemes = list(self._tokenizer.tokenize(text[offset:stop]))
            if hard and len(morphemes) > 1 and morphemes[-1].begin() > 0:
                # 2,000 characters without a sentence or line end (山田様 repeated, one long
                # line): the cut may split a word (山|田, a name missed). The chunk's last
                # word is read again at the start of the next chunk.
                stop = offset + morphemes[-1].begin()
                morphemes.pop()
            for m in morphemes:
                begin, end = m.begin(), m.end()
                if end <= begin:
                    continue
                tokens.append(
                    Token(
                        m.surface(),
                        offset + begin,
                        offset + end,
                        tuple(m.part_of_speech()),
                        m.is_oov(),
                        bool(m.synonym_group_ids()),
                        _is_compound(m),
                        self._native(m),
                    )
                )
            offset = stop
        return tokens
