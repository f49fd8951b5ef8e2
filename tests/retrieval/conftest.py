"""Fixtures over the hand-written sample FAQ."""

from __future__ import annotations

import pytest

from jichitai_ai.retrieval import IndexDocument
from jichitai_ai.text import Tokenizer
from tests.retrieval.sample_faq import FAQ


@pytest.fixture(scope="session")
def tokenizer() -> Tokenizer:
    return Tokenizer()


@pytest.fixture(scope="session")
def documents() -> list[IndexDocument]:
    return [IndexDocument(doc_id, {"question": q, "answer": a}) for doc_id, (q, a) in FAQ.items()]
