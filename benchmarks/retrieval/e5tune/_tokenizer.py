"""The engine's XLM-R SentencePiece-unigram tokenizer, read from the model file (same Viterbi).

Mirrors e5.c's ``tok_content``: per-codepoint normalization map, runs of spaces collapsed, a
leading metaspace, ' ' → U+2581, Viterbi over piece scores with an unknown fallback of
(min score - 10) per character; ties keep the first candidate as the C loop does.
"""

from __future__ import annotations

import struct

import numpy as np

from e5tune._format import ModelFile

META = "\u2581"


class UnigramTokenizer:
    def __init__(self, model: ModelFile) -> None:
        raw, pos = model.raw, model.tokenizer_offset
        n, self.bos, self.eos, self.pad, self.unk = struct.unpack_from("<5i", raw, pos)
        (blob_len,) = struct.unpack_from("<Q", raw, pos + 20)
        pos += 28
        offs = np.frombuffer(raw, dtype="<u4", count=n + 1, offset=pos)
        pos += (n + 1) * 4
        scores = np.frombuffer(raw, dtype="<f4", count=n, offset=pos)
        pos += n * 4
        blob = raw[pos : pos + blob_len]
        pos += blob_len
        self._pieces: dict[bytes, int] = {}
        for i in range(n):
            piece = blob[offs[i] : offs[i + 1]]
            if piece and piece not in self._pieces:
                self._pieces[piece] = i
        self._scores = scores.astype(np.float64).tolist()
        self._unk_score = float(scores.min()) - 10.0
        self._max_bytes = int(np.diff(offs).max())
        n_norm, _nbytes = struct.unpack_from("<iI", raw, pos)
        pos += 8
        self._norm: dict[str, str] = {}
        for _ in range(n_norm):
            cp, count = struct.unpack_from("<IB", raw, pos)
            pos += 5
            outs = struct.unpack_from(f"<{count}I", raw, pos)
            pos += 4 * count
            self._norm[chr(cp)] = "".join(chr(c) for c in outs)

    def content_ids(self, text: str) -> list[int]:
        """Token ids without <s>/</s>."""
        chars = "".join(self._norm.get(c, c) for c in text)
        collapsed: list[str] = []
        for c in chars:
            if c == " " and collapsed and collapsed[-1] == " ":
                continue
            collapsed.append(c)
        units = [META if c == " " else c for c in collapsed]
        if not collapsed or collapsed[0] != " ":
            units.insert(0, META)
        encoded = [u.encode("utf-8") for u in units]
        n = len(encoded)
        best = [-1e30] * (n + 1)
        back: list[tuple[int, int]] = [(0, 0)] * (n + 1)
        best[0] = 0.0
        for i in range(n):
            if best[i] <= -1e29:
                continue
            piece = b""
            for e in range(i + 1, n + 1):
                piece += encoded[e - 1]
                if len(piece) > self._max_bytes:
                    break
                idx = self._pieces.get(piece)
                if idx is not None and idx != self.unk:
                    score = best[i] + self._scores[idx]
                    if score > best[e]:
                        best[e], back[e] = score, (idx, i)
            unk = best[i] + self._unk_score
            if unk > best[i + 1]:
                best[i + 1], back[i + 1] = unk, (self.unk, i)
        ids: list[int] = []
        at = n
        while at > 0:
            idx, at = back[at]
            ids.append(idx)
        return ids[::-1]

    def encode(self, text: str, is_query: bool, max_tokens: int = 512) -> list[int]:
        """<s> + ids of the prefixed text (first window only) + </s>, as the engine feeds it."""
        prefix = "query: " if is_query else "passage: "
        return [self.bos, *self.content_ids(prefix + text)[: max_tokens - 2], self.eos]
