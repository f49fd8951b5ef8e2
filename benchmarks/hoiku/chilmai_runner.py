"""Run ChilmAI on a folder of its CSV files and write 申請者番号,入所選考結果保育所ID.

Executed with the benchmark venv's Python (chilmai is never a dependency of
jichitai-ai). Prints one JSON line: status, seconds, placed.
"""

from __future__ import annotations

import csv
import json
import sys
import time
from pathlib import Path


def main() -> None:
    folder, out, limit = Path(sys.argv[1]), Path(sys.argv[2]), float(sys.argv[3])
    from chilmai.generic.config import DEFAULT_CONFIG
    from chilmai.generic.service import MatchingService

    start = time.perf_counter()
    try:
        result = MatchingService().match(
            children_file_bytes=(folder / "申込者データ.csv").read_bytes(),
            children_file_format="csv",
            daycares_file_bytes=(folder / "保育所データ.csv").read_bytes(),
            daycares_file_format="csv",
            mapping=DEFAULT_CONFIG,
            solver_config={"max_time_seconds": limit},
        )
    except Exception as exc:  # ChilmAI signals "no stable matching" with an exception
        print(
            json.dumps(
                {
                    "status": "error",
                    "error": f"{type(exc).__name__}: {str(exc)[:200]}",
                    "seconds": time.perf_counter() - start,
                },
                ensure_ascii=False,
            )
        )
        return
    seconds = time.perf_counter() - start
    assignment = result["matching_result_dict"]
    with out.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["申請者番号", "入所選考結果保育所ID"])
        for cid, fid in assignment.items():
            w.writerow([cid, fid or ""])
    placed = sum(1 for v in assignment.values() if v is not None)
    print(json.dumps({"status": "ok", "seconds": seconds, "placed": placed}))


if __name__ == "__main__":
    main()
