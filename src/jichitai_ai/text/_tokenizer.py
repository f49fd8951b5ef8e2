"""SudachiPy tokenisation for retrieval: normalised content-word forms.

Sudachi is the throughput bottleneck of search, so the dictionary is loaded once per process,
each thread gets its own Sudachi tokenizer (they are not thread-safe), and query tokenisation is
memoised in a bounded LRU cache.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Any, Literal

from jichitai_ai.text._normalize import normalize

SplitModeName = Literal["A", "B", "C"]
FormName = Literal["normalized", "dictionary", "surface"]

# Function words and symbols: 助詞, 助動詞, 補助記号, 記号, 空白.
DEFAULT_EXCLUDED_POS: tuple[str, ...] = ("助詞", "助動詞", "補助記号", "記号", "空白")
_KATA_TO_HIRA = str.maketrans({chr(c): chr(c - 0x60) for c in range(0x30A1, 0x30F7)})
_HIRA_TO_KATA = str.maketrans({chr(c - 0x60): chr(c) for c in range(0x30A1, 0x30F7)})
#: Normalized forms of やけど: 火傷, or the 関西弁 copula や + けど (_kansai_copula).
_YAKEDO = frozenset({"火傷", "やけど"})
#: The 関西弁 negation (出えへん, 行かへん, 見いひん), which Sudachi can take for a noun.
_KANSAI_NEGATION = frozenset({"へん", "ひん"})
#: Parts of speech of words that set a question's scene (Tokenizer.situational).
_SITUATIONAL_POS = frozenset({("名詞", "固有名詞", "地名"), ("名詞", "普通名詞", "副詞可能")})
#: Distinct terms whose synonym groups are memoised (a tenant's 例規 vocabulary fits).
GROUP_CACHE_SIZE = 200_000
# Sudachi refuses inputs above ~49 KB; long answers are tokenised in chunks below that.
_MAX_CHUNK_CHARS = 4000


@dataclass(frozen=True)
class TokenizerConfig:
    """How text becomes index terms; defaults measured best on LocalGovFAQ dev (docs/retrieval.md).

    ``excluded_pos`` entries are POS prefixes joined by "-": "助詞" drops all particles,
    "動詞-非自立可能" only light verbs (する, ある, できる). ``fold_kana`` maps katakana in terms to
    hiragana, so ゴミ and ごみ (which Sudachi's normalized form keeps apart) become one term.
    """

    split_mode: SplitModeName = "A"
    excluded_pos: tuple[str, ...] = DEFAULT_EXCLUDED_POS
    form: FormName = "normalized"
    normalize_text: bool = True
    fold_kana: bool = True
    query_cache_size: int = 4096
    dictionary: str = "core"
    extra_stopwords: frozenset[str] = field(default_factory=frozenset)


@cache
def _dictionary(name: str) -> Any:
    """One Sudachi dictionary per process (loading it is the expensive part)."""
    from sudachipy import Dictionary

    return Dictionary(dict=name)


class Tokenizer:
    """Thread-safe: share one instance; it keeps one Sudachi tokenizer per thread."""

    def __init__(self, config: TokenizerConfig | None = None) -> None:
        self.config = config or TokenizerConfig()
        self._local = threading.local()
        self._excluded = tuple(tuple(p.split("-")) for p in self.config.excluded_pos)
        #: Excluded or not, per part-of-speech id of the dictionary: decided once per POS, not
        #: per word (the prefix test was a third of the time to index an import).
        self._skip_pos: dict[int, bool] = {}
        self._cached_query = lru_cache(maxsize=self.config.query_cache_size)(self._tokens_tuple)
        self._cached_groups = lru_cache(maxsize=GROUP_CACHE_SIZE)(self._groups)

    def _sudachi(self) -> Any:
        tok = getattr(self._local, "tok", None)
        if tok is None:
            from sudachipy import SplitMode

            mode = {"A": SplitMode.A, "B": SplitMode.B, "C": SplitMode.C}[self.config.split_mode]
            tok = _dictionary(self.config.dictionary).create(mode)
            self._local.tok = tok
        return tok

    def tokenize(self, text: str) -> list[str]:
        """Index terms of ``text`` in order (uncached; use for documents)."""
        if self.config.normalize_text:
            text = normalize(text)
        if not text:
            return []
        out: list[str] = []
        for chunk in _chunks(text):
            out.extend(self._terms(chunk))
        return out

    def tokenize_query(self, text: str) -> tuple[str, ...]:
        """Like :meth:`tokenize` but memoised (queries repeat; documents do not)."""
        return self._cached_query(text)

    def clear_query_cache(self) -> None:
        """Drop memoised queries (for benchmarks measuring cold tokenisation)."""
        self._cached_query.cache_clear()

    def query_cache_size(self) -> int:
        """Number of memoised queries currently held."""
        return int(self._cached_query.cache_info().currsize)

    def synonym_groups(self, term: str) -> frozenset[int]:
        """Sudachi's synonym group ids (同義語辞書) of one index term, when Sudachi reads it as
        one word: 火事 and 火災 share a group, 家 and 家屋 another. Kana-folded terms
        (ぱすわーど) are looked up in katakana too. Empty for anything else."""
        return self._cached_groups(term)

    def _groups(self, term: str) -> frozenset[int]:
        from sudachipy import SplitMode

        tries = [term]
        if term and all("\u3041" <= ch <= "\u3096" or ch == "ー" for ch in term):
            tries.append(term.translate(_HIRA_TO_KATA))
        for word in tries:
            morphemes = [m for m in self._sudachi().tokenize(word, SplitMode.C)]
            if len(morphemes) == 1:
                ids = morphemes[0].synonym_group_ids()
                if ids:
                    return frozenset(ids)
        return frozenset()

    def reading(self, text: str) -> str:
        """The text read aloud, in hiragana (住民票 → じゅうみんひょう), content words only:
        lets a question typed in hiragana (やさしい日本語, no kana-kanji conversion) meet the
        entries' kanji. Words without a reading keep their surface."""
        if self.config.normalize_text:
            text = normalize(text)
        parts: list[str] = []
        for chunk in _chunks(text):
            for m in self._sudachi().tokenize(chunk):
                if self._skipped(m):
                    continue
                parts.append((m.reading_form() or m.surface()).translate(_KATA_TO_HIRA))
        return "".join(parts)

    def compound_nouns(self, text: str) -> list[str]:
        """The compound nouns of ``text`` in order (Sudachi mode C; runs of 名詞 / 接頭辞 /
        接尾辞, numerals excluded), two characters or more: 「郵送で税証明書を取得」 →
        郵送, 税証明書, 取得. The text is read as written (not normalised)."""
        from sudachipy import SplitMode

        chunks: list[str] = []
        current = ""
        for m in self._sudachi().tokenize(text, SplitMode.C):
            pos = m.part_of_speech()
            if pos[0] in ("名詞", "接頭辞", "接尾辞") and pos[1] != "数詞":
                current += m.surface()
                continue
            if len(current) >= 2:
                chunks.append(current)
            current = ""
        if len(current) >= 2:
            chunks.append(current)
        return chunks

    def parts(self, text: str) -> list[tuple[str, bool, str]]:
        """Sudachi's morphemes of a short text: (surface, whether it is a function word —
        an excluded part of speech —, its part of speech: 名詞, 動詞 …)."""
        if self.config.normalize_text:
            text = normalize(text)
        return [
            (m.surface(), self._skipped(m), m.part_of_speech()[0])
            for m in self._sudachi().tokenize(text)
        ]

    def situational(self, text: str) -> frozenset[str]:
        """The index terms of ``text`` that set the scene rather than name a topic: place
        names (名詞-固有名詞-地名: 仙台, 札幌) and time words (名詞-普通名詞-副詞可能: 今, 先月,
        朝, 将来) — 「4月に仙台から越してきた」 is a 転入 question wherever the resident came from."""
        if self.config.normalize_text:
            text = normalize(text)
        out: set[str] = set()
        for m in self._sudachi().tokenize(text):
            pos = m.part_of_speech()
            if pos[:3] in _SITUATIONAL_POS:
                out.update(self._terms(m.surface()))
        return frozenset(out)

    def _skipped(self, morpheme: Any) -> bool:
        pos_id = morpheme.part_of_speech_id()
        skip = self._skip_pos.get(pos_id)
        if skip is None:
            pos = morpheme.part_of_speech()
            skip = any(pos[: len(prefix)] == prefix for prefix in self._excluded)
            self._skip_pos[pos_id] = skip
        return skip

    def _tokens_tuple(self, text: str) -> tuple[str, ...]:
        return tuple(self.tokenize(text))

    def _terms(self, text: str) -> Iterable[str]:
        stop = self.config.extra_stopwords
        form = self.config.form
        fold = self.config.fold_kana
        skipped = self._skipped
        morphemes = self._sudachi().tokenize(text)
        for i, m in enumerate(morphemes):
            if skipped(m):
                continue
            if form == "normalized":
                term = m.normalized_form()
            elif form == "dictionary":
                term = m.dictionary_form()
            else:
                term = m.surface()
            term = term.strip()
            if term in _YAKEDO and _kansai_copula(morphemes, i):
                continue
            if fold:
                term = term.translate(_KATA_TO_HIRA)
            if term and term not in stop:
                yield term.casefold()


def _kansai_copula(morphemes: Any, i: int) -> bool:
    """Whether the やけど at ``i`` is the 関西弁 copula や + けど (水出えへんのやけど: "it's that
    the water doesn't run"), not 火傷 (a burn). Sudachi reads it so itself after a verb
    (いるんやけど), but where it misreads the words before (出えへん → 水出 + え + へん) the の
    leaves a noun やけど. Taken as the copula when it directly follows ん, の or だ that does not
    follow a noun (子どものやけど is a burn; the 関西弁 negation へん / ひん counts as a verb), and
    nothing noun-like follows (a particle or する: やけどが, やけどした)."""
    if morphemes[i].surface() != "やけど" or i == 0:
        return False
    before = morphemes[i - 1]
    if before.surface() not in ("ん", "の", "だ"):
        return False
    if i >= 2:
        word = morphemes[i - 2]
        noun = word.part_of_speech()[0] in ("名詞", "代名詞")
        if noun and word.surface() not in _KANSAI_NEGATION:
            return False
    if i + 1 < len(morphemes):
        after = morphemes[i + 1]
        pos = after.part_of_speech()
        if pos[:2] in (("助詞", "格助詞"), ("助詞", "係助詞")) or after.dictionary_form() == "為る":
            return False
    return True


def _chunks(text: str) -> Iterable[str]:
    """Split long text at line or sentence ends so Sudachi's input limit is never reached."""
    if len(text) <= _MAX_CHUNK_CHARS:
        yield text
        return
    start = 0
    while start < len(text):
        end = min(start + _MAX_CHUNK_CHARS, len(text))
        if end < len(text):
            cut = max(text.rfind("。", start, end), text.rfind("\n", start, end))
            if cut > start:
                end = cut + 1
        yield text[start:end]
        start = end
