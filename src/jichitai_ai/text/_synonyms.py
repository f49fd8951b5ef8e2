"""Synonym groups (同義語) applied to token sequences at index and query time.

Tenants edit their lists in the database; this module only takes plain lists. Each phrase is
tokenised with the same tokenizer as the text, and every occurrence of any phrase of a group adds
one shared group term (``≡<n>``), so マイナカード in a query matches マイナンバーカード in an entry
whenever both sides were expanded. ``include_phrases`` also adds the other phrases' own terms,
which helps when only the query side is expanded (an index built before the list changed).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from jichitai_ai.text._tokenizer import Tokenizer

GROUP_PREFIX = "≡"


class SynonymSet:
    """Compiled synonym groups for one tokenizer; immutable and thread-safe once built."""

    def __init__(
        self,
        groups: Iterable[Sequence[str]],
        tokenizer: Tokenizer,
        *,
        include_phrases: bool = False,
    ) -> None:
        self.include_phrases = include_phrases
        self._groups: list[list[tuple[str, ...]]] = []
        # first term -> [(phrase terms, group number)], longest phrases first
        self._by_first: dict[str, list[tuple[tuple[str, ...], int]]] = {}
        for group in _merge_groups(groups):
            phrases = [tuple(tokenizer.tokenize(p)) for p in group]
            phrases = list(dict.fromkeys(p for p in phrases if p))
            if len(phrases) < 2:
                continue
            number = len(self._groups)
            self._groups.append(phrases)
            for phrase in phrases:
                self._by_first.setdefault(phrase[0], []).append((phrase, number))
        for entries in self._by_first.values():
            entries.sort(key=lambda e: -len(e[0]))

    @classmethod
    def from_pairs(
        cls,
        pairs: Iterable[tuple[str, str]],
        tokenizer: Tokenizer,
        *,
        include_phrases: bool = False,
    ) -> SynonymSet:
        """Build from (a, b) pairs; pairs sharing a phrase join one group."""
        return cls([list(p) for p in pairs], tokenizer, include_phrases=include_phrases)

    def __len__(self) -> int:
        return len(self._groups)

    def phrase_tokens(self, tokens: Sequence[str]) -> set[str]:
        """The tokens that belong to a synonym phrase found in ``tokens`` (its group term
        stands for them, so measures of "how much of the question matched" skip them)."""
        covered: set[str] = set()
        for i, tok in enumerate(tokens):
            for phrase, _number in self._by_first.get(tok, ()):
                if tuple(tokens[i : i + len(phrase)]) == phrase:
                    covered.update(phrase)
        return covered

    def expand(self, tokens: Sequence[str]) -> list[str]:
        """Return ``tokens`` followed by the group terms (and optionally phrase terms) they contain."""
        if not self._by_first:
            return list(tokens)
        found: dict[int, tuple[str, ...]] = {}
        for i, tok in enumerate(tokens):
            for phrase, number in self._by_first.get(tok, ()):
                if tuple(tokens[i : i + len(phrase)]) == phrase:
                    found.setdefault(number, phrase)
        if not found:
            return list(tokens)
        out = list(tokens)
        present = set(tokens)
        for number, matched in found.items():
            out.append(f"{GROUP_PREFIX}{number}")
            if self.include_phrases:
                for phrase in self._groups[number]:
                    if phrase != matched:
                        out.extend(t for t in phrase if t not in present)
        return out


def _merge_groups(groups: Iterable[Sequence[str]]) -> list[list[str]]:
    """Union groups that share a phrase (A≈B and B≈C give one group A, B, C)."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    order: list[str] = []
    for group in groups:
        items = [p.strip() for p in group if p and p.strip()]
        for p in items:
            if p not in parent:
                parent[p] = p
                order.append(p)
        for p in items[1:]:
            parent[find(p)] = find(items[0])
    merged: dict[str, list[str]] = {}
    for p in order:
        merged.setdefault(find(p), []).append(p)
    return list(merged.values())
