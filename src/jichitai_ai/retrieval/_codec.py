"""Embedding (de)serialisation for the database cache: raw little-endian float32 or float16 bytes.

float16 halves storage; cosine scores move by ~1e-3, far below ranking differences.
"""

from __future__ import annotations

from typing import Literal

import numpy as np
import numpy.typing as npt

Precision = Literal["float32", "float16"]


def to_bytes(vector: npt.ArrayLike, precision: Precision = "float32") -> bytes:
    """One vector (or a matrix, row-major) as bytes."""
    dtype = np.dtype("<f4") if precision == "float32" else np.dtype("<f2")
    return np.ascontiguousarray(np.asarray(vector, dtype=np.float32).astype(dtype)).tobytes()


def from_bytes(
    data: bytes, precision: Precision = "float32", dim: int | None = None
) -> npt.NDArray[np.float32]:
    """Inverse of :func:`to_bytes`; with ``dim`` the result is reshaped to (n, dim)."""
    dtype = np.dtype("<f4") if precision == "float32" else np.dtype("<f2")
    arr = np.frombuffer(data, dtype=dtype).astype(np.float32)
    return arr.reshape(-1, dim) if dim is not None else arr
