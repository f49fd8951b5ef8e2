"""The third staff-prompt set (tests/gateway/heldout_prompts_2.py, 52 prompts, 154 items)
through ``Gateway.preview_body`` — the code path of ``jichitai-ai gateway preview``. Its
first run, before any fix, is recorded in docs/benchmarks.md §3; each leak became a
regression test (tests/privacy/test_other_scripts.py)."""

from __future__ import annotations

from typing import Any

from jichitai_ai.gateway import Gateway
from jichitai_ai.privacy._tokens import SudachiTokenizer

from .conftest import Staff
from .heldout_prompts_2 import prompts
from .test_staff_corpus import leaks, ordinary_words


def body_text(value: Any, key: str = "") -> str:
    """Every string value of the body a backend would receive (not the JSON keys, roles or
    model name: "role" would count as the rōmaji part "Le" of a name)."""
    if isinstance(value, dict):
        return "\n".join(body_text(v, k) for k, v in value.items())
    if isinstance(value, list):
        return "\n".join(body_text(v, key) for v in value)
    return value if isinstance(value, str) and key not in {"role", "model"} else ""


def test_heldout_prompts_2_preview_masks_every_item(gateway: Gateway, staff: Staff) -> None:
    tokenizer = SudachiTokenizer()
    all_leaks: list[str] = []
    refused: list[str] = []
    readable = total = 0
    corpus = prompts()
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
    assert len(corpus) >= 50 and sum(len(p.items) for p in corpus) >= 150
    assert refused == []
    assert all_leaks == [], all_leaks
    assert readable / total >= 0.95, (readable, total)
