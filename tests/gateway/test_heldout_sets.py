"""Held-out staff-prompt sets 3–11 and 13–17 (tests/gateway/heldout_prompts_N.py), each
written and committed before the detector first ran on it, through ``Gateway.preview_body``
(the ``gateway preview`` path). First-run leaks per set: docs/benchmarks.md §3. Sets 2 and 12
have their own files (set 2 adds regression cases, set 12 whole conversations)."""

from __future__ import annotations

import importlib

import pytest

from jichitai_ai.gateway import Gateway
from jichitai_ai.privacy._tokens import SudachiTokenizer

from .conftest import Staff
from .test_heldout_corpus_2 import body_text
from .test_staff_corpus import leaks, ordinary_words

#: (set number, at least this many prompts, at least this many annotated items)
SETS = [
    (3, 36, 100),
    (4, 30, 80),
    (5, 25, 70),
    (6, 25, 60),
    (7, 25, 60),
    (8, 15, 35),
    (9, 12, 30),
    (10, 10, 25),
    (11, 18, 55),
    (13, 14, 40),
    (14, 14, 38),
    (15, 10, 22),
    (16, 12, 40),
    (17, 8, 25),
]


@pytest.fixture(scope="module")
def tokenizer() -> SudachiTokenizer:
    return SudachiTokenizer()


@pytest.mark.parametrize(("number", "min_prompts", "min_items"), SETS, ids=lambda v: str(v))
def test_heldout_set_preview_masks_every_item(
    gateway: Gateway,
    staff: Staff,
    tokenizer: SudachiTokenizer,
    number: int,
    min_prompts: int,
    min_items: int,
) -> None:
    corpus = importlib.import_module(f"tests.gateway.heldout_prompts_{number}").prompts()
    all_leaks: list[str] = []
    refused: list[str] = []
    readable = total = 0
    for prompt in corpus:
        body = {"model": "onprem", "messages": [{"role": "user", "content": prompt.text}]}
        result = gateway.preview_body(body, "aoba-city", "alice", backend="onprem")
        if result["refused"]:
            refused.append(f"{result['reason']}: {prompt.text[:30]}")
            continue
        sent = body_text(result["sent"])
        all_leaks += leaks(prompt, sent)
        words = ordinary_words(prompt, tokenizer)
        total += len(words)
        readable += sum(1 for w in words if w in sent)
    assert len(corpus) >= min_prompts and sum(len(p.items) for p in corpus) >= min_items
    assert refused == []
    assert all_leaks == [], all_leaks
    assert readable / total >= 0.95, (readable, total)
