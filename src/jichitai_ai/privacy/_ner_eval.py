"""Span and character metrics for masking quality (pii-eval, synth-eval).

Two recalls per type, both reported and named for what they count:

- ``recall_typed`` (also ``recall``, kept for old readers): gold spans overlapped by a
  prediction *of the same type* — a detector's labelling quality.
- ``recall_any_mask`` and ``char_recall_any_mask`` (also ``char_recall``): gold spans /
  gold characters covered by *any* mask. This is the masking measure that the ner-ja
  README defines ("the share of gold 人名 / 地名 characters covered by any mask"): a name
  masked as a place (【地名1】) does not reach the model either.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

Span = tuple[int, int]


@dataclass(slots=True)
class TypeScore:
    """Counts for one entity type; overlap matching plus exact spans and characters."""

    gold: int = 0
    predicted: int = 0
    gold_hit: int = 0  # gold spans overlapped by a same-type prediction
    gold_hit_any: int = 0  # gold spans overlapped by any mask, whatever its type
    predicted_hit: int = 0  # predictions overlapping a same-type gold span
    exact: int = 0
    gold_chars: int = 0
    gold_chars_covered: int = 0  # covered by any mask, whatever its type

    @staticmethod
    def _f1(p: float, r: float) -> float:
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        precision = self.predicted_hit / self.predicted if self.predicted else 0.0
        recall = self.gold_hit / self.gold if self.gold else 0.0
        recall_any = self.gold_hit_any / self.gold if self.gold else 0.0
        char_any = self.gold_chars_covered / self.gold_chars if self.gold_chars else 0.0
        ep = self.exact / self.predicted if self.predicted else 0.0
        er = self.exact / self.gold if self.gold else 0.0
        return {
            "precision": round(precision, 4),
            "recall": round(recall, 4),
            "f1": round(self._f1(precision, recall), 4),
            "exact_f1": round(self._f1(ep, er), 4),
            "recall_typed": round(recall, 4),
            "recall_any_mask": round(recall_any, 4),
            "char_recall": round(char_any, 4),
            "char_recall_any_mask": round(char_any, 4),
            "gold": self.gold,
            "predicted": self.predicted,
        }


@dataclass(slots=True)
class Scorer:
    """Accumulates per-type scores and over-masking over many texts."""

    types: Sequence[str]
    scores: dict[str, TypeScore] = field(default_factory=dict)
    outside_chars: int = 0
    outside_masked: int = 0

    def __post_init__(self) -> None:
        self.scores = {name: TypeScore() for name in self.types}

    def add(
        self,
        length: int,
        gold: Mapping[str, Iterable[Span]],
        predicted: Mapping[str, Iterable[Span]],
        masked: Iterable[Span],
        other_gold: Iterable[Span] = (),
    ) -> None:
        """One text. ``masked`` = every span the masker would replace; ``other_gold`` =
        gold spans of types not scored (they are not counted as over-masking)."""
        mask = bytearray(length)
        for s, e in masked:
            mask[s:e] = b"\x01" * (e - s)
        inside = bytearray(length)
        for spans in (*gold.values(), other_gold):
            for s, e in spans:
                inside[s:e] = b"\x01" * (e - s)
        self.outside_chars += inside.count(0)
        self.outside_masked += sum(1 for i in range(length) if mask[i] and not inside[i])
        for name in self.types:
            g = sorted(set(gold.get(name, ())))
            p = sorted(set(predicted.get(name, ())))
            score = self.scores[name]
            score.gold += len(g)
            score.predicted += len(p)
            score.gold_hit += sum(1 for gs, ge in g if any(ps < ge and gs < pe for ps, pe in p))
            score.predicted_hit += sum(
                1 for ps, pe in p if any(ps < ge and gs < pe for gs, ge in g)
            )
            score.exact += len(set(g) & set(p))
            for gs, ge in g:
                score.gold_hit_any += any(mask[gs:ge])
                score.gold_chars += ge - gs
                score.gold_chars_covered += sum(mask[gs:ge])

    def report(self) -> dict[str, object]:
        out: dict[str, object] = {name: s.as_dict() for name, s in self.scores.items()}
        out["over_mask"] = (
            round(self.outside_masked / self.outside_chars, 4) if self.outside_chars else 0.0
        )
        return out
