"""Contrastive tuning of the encoder on (query text, entry) pairs with in-batch negatives.

``bitfit`` trains only biases and LayerNorm parameters: they are stored as float32 in the model
file, so the written file reproduces the trained model exactly (the 4-bit matrices stay as they
are). ``full`` also trains the matrices (word embeddings stay frozen); writing re-quantizes them.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from dataclasses import dataclass

import torch
from torch import nn

from e5tune._tokenizer import UnigramTokenizer
from e5tune._torch_model import E5Encoder, fake_q4_0, pad_batch


@dataclass(frozen=True)
class Pair:
    query: str
    passage: str
    entry: int


@dataclass(frozen=True)
class TuneConfig:
    mode: str = "bitfit"
    epochs: int = 1
    batch: int = 32
    lr: float = 1e-3
    temperature: float = 0.02
    seed: int = 0
    max_passage_tokens: int = 160
    train_layers: int = 12  # only the top layers train; the rest run once, their output cached


@dataclass(frozen=True)
class TuneReport:
    pairs: int
    steps: int
    cpu_seconds: float
    first_loss: float
    last_loss: float


def _trainable(name: str, mode: str, first: int) -> bool:
    if name.startswith("emb_"):
        if first > 0 or name == "emb_word":
            return False
    elif int(name[1:].split("_")[0]) < first:
        return False
    if mode == "full":
        return True
    return name.endswith("_b") or name.endswith("ln_w")


def tune(
    enc: E5Encoder,
    tok: UnigramTokenizer,
    pairs: list[Pair],
    cfg: TuneConfig,
    progress: Callable[[int, int, float], None] | None = None,
) -> TuneReport:
    """Train ``enc`` in place; loss = symmetric InfoNCE, same-entry pairs never negatives."""
    torch.manual_seed(cfg.seed)
    rng = random.Random(cfg.seed)
    first = max(0, enc.depth - cfg.train_layers)
    params = []
    for name, p in enc.params.items():
        p.requires_grad_(_trainable(name, cfg.mode, first))
        if p.requires_grad:
            params.append(p)
    enc.fake_quant = cfg.mode == "full"
    opt = torch.optim.AdamW(params, lr=cfg.lr, weight_decay=0.0)
    q_ids = [tok.encode(p.query, True, 96) for p in pairs]
    p_ids = [tok.encode(p.passage, False, cfg.max_passage_tokens) for p in pairs]
    lower = _LowerCache(enc, tok.pad, first)
    order = list(range(len(pairs)))
    total_steps = cfg.epochs * ((len(pairs) + cfg.batch - 1) // cfg.batch)
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: min(1.0, (s + 1) / max(1, total_steps // 10)) * (1 - s / (total_steps + 1))
    )
    t0 = time.process_time()
    losses: list[float] = []
    enc.train()
    for _ in range(cfg.epochs):
        rng.shuffle(order)
        for start in range(0, len(order), cfg.batch):
            idx = order[start : start + cfg.batch]
            if len(idx) < 2:
                continue
            qv = lower.encode([q_ids[i] for i in idx])
            pv = lower.encode([p_ids[i] for i in idx])
            entries = torch.tensor([pairs[i].entry for i in idx])
            same = entries[:, None] == entries[None, :]
            logits = qv @ pv.T / cfg.temperature
            logits = logits.masked_fill(same & ~torch.eye(len(idx), dtype=torch.bool), -1e4)
            target = torch.arange(len(idx))
            loss = nn.functional.cross_entropy(logits, target) + nn.functional.cross_entropy(
                logits.T, target
            )
            opt.zero_grad()
            loss.backward()
            opt.step()
            sched.step()
            losses.append(float(loss.detach()))
            if progress and len(losses) % 20 == 0:
                progress(len(losses), total_steps, losses[-1])
    enc.eval()
    enc.fake_quant = False
    if cfg.mode == "full":
        with torch.no_grad():  # what the written file will hold
            for name, p in enc.params.items():
                if (
                    name.endswith("_w")
                    and p.dim() == 2
                    and name != "emb_word"
                    and "emb" not in name
                ):
                    p.copy_(fake_q4_0(p))
    for p in enc.params.values():
        p.requires_grad_(False)
    return TuneReport(
        len(pairs), len(losses), time.process_time() - t0, losses[0], sum(losses[-10:]) / 10
    )


class _LowerCache:
    """Hidden states after the frozen lower layers, computed once per distinct text."""

    def __init__(self, enc: E5Encoder, pad: int, first: int) -> None:
        self.enc, self.pad, self.first = enc, pad, first
        self.states: dict[tuple[int, ...], torch.Tensor] = {}

    def encode(self, batch: list[list[int]]) -> torch.Tensor:
        if self.first == 0:
            return self.enc(*pad_batch(batch, self.pad))
        missing = list(dict.fromkeys(tuple(b) for b in batch if tuple(b) not in self.states))
        if missing:
            with torch.no_grad():
                ids, mask = pad_batch([list(m) for m in missing], self.pad)
                x = self.enc.layers(self.enc.embed_tokens(ids), mask, 0, self.first)
            for row, key in enumerate(missing):
                self.states[key] = x[row, : len(key)].clone()
        _, mask = pad_batch(batch, self.pad)
        x = torch.zeros((len(batch), mask.shape[1], self.enc.hidden))
        for row, seq in enumerate(batch):
            x[row, : len(seq)] = self.states[tuple(seq)]
        return self.enc.pool(self.enc.layers(x, mask, self.first, self.enc.depth), mask)


def embed(enc: E5Encoder, tok: UnigramTokenizer, texts: list[str], is_query: bool) -> torch.Tensor:
    out = []
    with torch.no_grad():
        for start in range(0, len(texts), 32):
            batch = [tok.encode(t, is_query) for t in texts[start : start + 32]]
            out.append(enc(*pad_batch(batch, tok.pad)))
    return torch.cat(out) if out else torch.zeros((0, enc.hidden))
