"""Two runs of ``all_sets.sh`` side by side: helpful and wrong direct answers per set and
language, and the rows where the second run is worse (the regression rule every answer-quality
change was held to: no language of any set lower, no new wrong direct answer)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any


def load(directory: str) -> dict[str, dict[str, Any]]:
    """Per set, the JSON summary at the head of its output."""
    runs = {}
    for path in sorted(Path(directory).glob("*.txt")):
        try:
            summary, _ = json.JSONDecoder().raw_decode(path.read_text(encoding="utf-8").lstrip())
        except ValueError:
            continue
        runs[path.stem] = summary
    return runs


def main(before_dir: str, after_dir: str) -> int:
    before, after = load(before_dir), load(after_dir)
    worse = 0
    for name in sorted(set(before) & set(after)):
        for lang in sorted(set(before[name]) & set(after[name])):
            x, y = before[name][lang], after[name][lang]
            if y["helpful"] < x["helpful"] or y["wrong_answers"] > x["wrong_answers"]:
                mark, worse = "  WORSE", worse + 1
            else:
                mark = "  better" if y["helpful"] > x["helpful"] else ""
            print(
                f"{name:24} {lang:8} helpful {x['helpful']:.3f} -> {y['helpful']:.3f}"
                f"  wrong {x['wrong_answers']:.3f} -> {y['wrong_answers']:.3f}{mark}"
            )
    only = sorted(set(before) ^ set(after))
    if only:
        print("in one run only:", ", ".join(only))
    print("worse rows:", worse)
    return 1 if worse else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:3]))
