"""The issue's "Done when": 105 staff prompts (tests/gateway/staff_prompts.py, 241 annotated
personal items) go through the real gateway to the stand-in model; no item may reach it,
and at least 95% of the ordinary words must stay readable."""

from __future__ import annotations

import re
import unicodedata

from jichitai_ai.gateway import ChatMessage, ChatRequest, Gateway
from jichitai_ai.privacy._canonical import canonicalize
from jichitai_ai.privacy._tokens import SudachiTokenizer

from .conftest import Staff
from .fake_llm import FakeLLM
from .staff_prompts import Prompt, prompts

_SPLIT = re.compile(r"[\s・･\-－ー.,、/＝=]+")


def _norm(text: str) -> str:
    """Canonical form without spacing and separators: a leak is found however it is written."""
    return _SPLIT.sub("", canonicalize(unicodedata.normalize("NFKC", text)).text).casefold()


def _digits(text: str) -> str:
    return "".join(ch for ch in canonicalize(text).text if ch.isdigit())


def _outside_items(prompt: Prompt) -> list[str]:
    pieces, cursor = [], 0
    for _, _, start, end in sorted(prompt.items, key=lambda item: item[2]):
        pieces.append(prompt.text[cursor:start])
        cursor = end
    pieces.append(prompt.text[cursor:])
    return pieces


def leaks(prompt: Prompt, sent: str) -> list[str]:
    """Items (or parts of them) visible in what the model received."""
    found: list[str] = []
    plain = _norm(sent)
    digits = _digits(sent)
    # The prompt with every item cut out: a name part that is also inside an ordinary word of
    # the prompt (森林 of 森林 さくら in 森林環境税) is visible there, not leaked.
    ordinary = _norm("\n".join(_outside_items(prompt)))
    for kind, surface, _, _ in prompt.items:
        if _norm(surface) in plain:
            found.append(f"{kind}:{surface}")
            continue
        if kind == "P":
            parts = [p for p in _SPLIT.split(surface) if len(p) >= 2]
            found += [
                f"{kind}:{surface} (part {p})"
                for p in parts
                if plain.count(_norm(p)) > ordinary.count(_norm(p))
            ]
        elif kind in "TNZM":
            number = _digits(surface)
            if len(number) >= 4 and number in digits:
                found.append(f"{kind}:{surface} (digits)")
        elif kind == "A":
            blocks = re.findall(r"[0-9０-９]+(?:[-－ー][0-9０-９]+)+", surface)
            found += [
                f"{kind}:{surface} (block {b})"
                for b in blocks
                if plain.count(_norm(b)) > ordinary.count(_norm(b))
            ]
    return found


def ordinary_words(prompt: Prompt, tokenizer: SudachiTokenizer) -> list[str]:
    """Content words outside every annotated item."""
    words = []
    for token in tokenizer.tokenize(prompt.text):
        if any(s < token.end and token.start < e for _, _, s, e in prompt.items):
            continue
        content = token.pos[0] in {"名詞", "動詞", "形容詞"}
        if content and len(token.surface) >= 2 and not token.surface.isdigit():
            words.append(token.surface)
    return words


def test_no_personal_item_reaches_the_model(gateway: Gateway, staff: Staff, llm: FakeLLM) -> None:
    tokenizer = SudachiTokenizer()
    all_leaks: list[str] = []
    readable = total = 0
    corpus = prompts()
    for prompt in corpus:
        llm.reset()
        gateway.complete(
            ChatRequest("aoba-city", "alice", [ChatMessage("user", prompt.text)], backend="onprem")
        )
        sent = llm.all_text()
        all_leaks += leaks(prompt, sent)
        words = ordinary_words(prompt, tokenizer)
        total += len(words)
        readable += sum(1 for w in words if w in sent)
    items = sum(len(p.items) for p in corpus)
    share = readable / total
    print(
        f"\nstaff corpus: {len(corpus)} prompts, {items} items, {len(all_leaks)} leaks, "
        f"ordinary words readable {readable}/{total} = {share:.3f}"
    )
    assert len(corpus) >= 100 and items >= 200
    assert all_leaks == []
    assert share >= 0.95
