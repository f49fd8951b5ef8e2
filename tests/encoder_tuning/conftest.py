"""The encoder-tuning code is a benchmark (benchmarks/retrieval/e5tune), not a product package."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks" / "retrieval"))
