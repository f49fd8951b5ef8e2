"""Held-out staff-prompt sets 2–17 (tests/gateway/heldout_prompts_N.py), each written and
committed before the detector first ran on it, through ``Gateway.preview_body`` — the code
path of ``jichitai-ai gateway preview``. First-run leaks per set are in docs/benchmarks.md §3;
each leak became a regression test in tests/privacy. Set 12 holds whole conversations (system
prompt, several turns, tool calls and tool results); the others one user message each."""

from __future__ import annotations

import importlib
from typing import Any

import pytest

from jichitai_ai.gateway import Gateway
from jichitai_ai.privacy._tokens import SudachiTokenizer

from .conftest import Staff
from .heldout_prompts_12 import conversations
from .staff_prompts import Prompt
from .test_staff_corpus import leaks, ordinary_words

#: What is checked is the masking of the prompts' text; the gateway's reads of its policy and
#: staff from PostgreSQL are checked by the other gateway tests, so these sets run once, on SQLite.
pytestmark = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)

#: (set number, at least this many prompts, at least this many annotated items)
SETS = [
    (2, 50, 150),
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


def body_text(value: Any, key: str = "") -> str:
    """Every string value of the body a backend would receive (not the JSON keys, roles or
    model name: "role" would count as the rōmaji part "Le" of a name)."""
    if isinstance(value, dict):
        return "\n".join(body_text(v, k) for k, v in value.items())
    if isinstance(value, list):
        return "\n".join(body_text(v, key) for v in value)
    return value if isinstance(value, str) and key not in {"role", "model"} else ""


@pytest.fixture(scope="module")
def tokenizer() -> SudachiTokenizer:
    return SudachiTokenizer()


def _assert_masked(
    gateway: Gateway, tokenizer: SudachiTokenizer, cases: list[tuple[Prompt, dict[str, Any]]]
) -> None:
    """No annotated item in what would be sent, nothing refused, ≥ 95% of ordinary words kept."""
    all_leaks: list[str] = []
    refused: list[str] = []
    readable = total = 0
    for prompt, body in cases:
        result = gateway.preview_body(body, "aoba-city", "alice", backend="onprem")
        if result["refused"]:
            refused.append(f"{result['reason']}: {prompt.text[:30]}")
            continue
        sent = body_text(result["sent"])
        all_leaks += leaks(prompt, sent)
        words = ordinary_words(prompt, tokenizer)
        total += len(words)
        readable += sum(1 for w in words if w in sent)
    print(f"\nleaks {len(all_leaks)}, refused {len(refused)}, readable {readable}/{total}")
    assert refused == []
    assert all_leaks == [], all_leaks
    assert readable / total >= 0.95, (readable, total)


@pytest.mark.parametrize(("number", "min_prompts", "min_items"), SETS, ids=lambda v: str(v))
def test_heldout_set_preview_masks_every_item(
    gateway: Gateway,
    staff: Staff,
    tokenizer: SudachiTokenizer,
    number: int,
    min_prompts: int,
    min_items: int,
) -> None:
    corpus: list[Prompt] = importlib.import_module(
        f"tests.gateway.heldout_prompts_{number}"
    ).prompts()
    assert len(corpus) >= min_prompts and sum(len(p.items) for p in corpus) >= min_items
    cases = [
        (p, {"model": "onprem", "messages": [{"role": "user", "content": p.text}]}) for p in corpus
    ]
    _assert_masked(gateway, tokenizer, cases)


def test_heldout_conversations_preview_masks_every_item(
    gateway: Gateway, staff: Staff, tokenizer: SudachiTokenizer
) -> None:
    corpus = conversations()
    assert len(corpus) >= 8 and sum(len(c.prompt.items) for c in corpus) >= 35
    _assert_masked(gateway, tokenizer, [(c.prompt, c.body) for c in corpus])
