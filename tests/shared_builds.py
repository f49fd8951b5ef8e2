"""Expensive, immutable test set-ups built once per test run and shared by every xdist worker.

A build (a database file with the demo city's vectors and fitted decision models, …) is made
by the first worker that asks for it, under a file lock, in the run's temporary directory
(never in the repository); the other workers wait for it and copy it. Each build is keyed by a
hash of what it is made from (the package's source and data, and the build's own name and
parameters), so a stale build can never be picked up even if the directory outlived the run.
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import tempfile
from collections.abc import Callable
from functools import cache
from pathlib import Path

import jichitai_ai

#: The run's shared directory (set by tests/conftest.py when the session starts).
ROOT: Path | None = None


def shared_root(basetemp: Path) -> Path:
    """The directory every worker of this run sees: an xdist worker's basetemp is
    ``<run's basetemp>/gwN``, so its parent; without xdist, the basetemp itself."""
    return (basetemp.parent if os.environ.get("PYTEST_XDIST_WORKER") else basetemp) / "shared"


@cache
def source_hash() -> str:
    """A hash of the installed package's files (code, bundled data, the answer policy)."""
    package = Path(jichitai_ai.__file__).parent
    digest = hashlib.sha256()
    for path in sorted(package.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(str(path.relative_to(package)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def shared_file(name: str, parameters: str, build: Callable[[Path], None]) -> Path:
    """The file ``build(path)`` writes, built once per run and key; returned read-only by
    convention: copy it before use."""
    root = ROOT if ROOT is not None else Path(tempfile.gettempdir()) / f"jichitai-{os.getpid()}"
    root.mkdir(parents=True, exist_ok=True)
    key = hashlib.sha256(f"{name}|{parameters}|{source_hash()}".encode()).hexdigest()[:20]
    target = root / f"{name}-{key}"
    with open(root / f"{name}-{key}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            if not target.exists():
                partial = root / f"{name}-{key}.partial"
                partial.unlink(missing_ok=True)
                build(partial)
                partial.rename(target)
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)
    return target
