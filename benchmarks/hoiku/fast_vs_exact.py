"""Does the fast method reach the exact optimum? Prints one line per generated instance.

OMP_NUM_THREADS=1 .venv/bin/python benchmarks/hoiku/fast_vs_exact.py --children 300 --facilities 12 --seeds 8
"""

from __future__ import annotations

import argparse

from jichitai_ai.hoiku._generate import generate
from jichitai_ai.hoiku._solve import allocate


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--children", type=int, default=300)
    ap.add_argument("--facilities", type=int, default=12)
    ap.add_argument("--seeds", type=int, default=8)
    ap.add_argument("--siblings", type=float, default=0.15)
    ap.add_argument("--bonus", type=float, default=0.3)
    ap.add_argument("--time-limit", type=float, default=40.0)
    args = ap.parse_args()
    same = 0
    for seed in range(args.seeds):
        inst = generate(
            args.children,
            args.facilities,
            seed=seed,
            sibling_share=args.siblings,
            bonus_share=args.bonus,
        )
        fast = allocate(inst, "fast")
        exact = allocate(inst, "exact", time_limit=args.time_limit)
        kf = (len(fast.report.blocking), fast.placed_count)
        ke = (len(exact.report.blocking), exact.placed_count)
        same += kf == ke
        print(
            f"seed {seed}: fast placed {kf[1]} blocking {kf[0]} ({fast.seconds:.2f} s) | "
            f"exact placed {ke[1]} blocking {ke[0]} optimal={exact.optimal} ({exact.seconds:.1f} s)",
            flush=True,
        )
    print(f"fast equal to exact on {same} of {args.seeds} instances")


if __name__ == "__main__":
    main()
