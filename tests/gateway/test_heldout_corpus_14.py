"""The fifteenth staff-prompt set (tests/gateway/heldout_prompts_14.py, 14 prompts)
through ``Gateway.preview_body`` (the ``gateway preview`` path); first run in
docs/benchmarks.md §3."""

from __future__ import annotations

from jichitai_ai.gateway import Gateway
from jichitai_ai.privacy._tokens import SudachiTokenizer

from .conftest import Staff
from .heldout_prompts_14 import prompts
from .test_heldout_corpus_2 import body_text
from .test_staff_corpus import leaks, ordinary_words


def test_heldout_prompts_14_preview_masks_every_item(gateway: Gateway, staff: Staff) -> None:
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
    assert len(corpus) >= 14 and sum(len(p.items) for p in corpus) >= 38
    assert refused == []
    assert all_leaks == [], all_leaks
    assert readable / total >= 0.95, (readable, total)
