"""How often OCR misreads the structure markers of a regulation (第N条, ２ 項, （１） 号, 附則), and
what the structure check (documents/ocr/_structure.py) does with the misreads.

A fictional あおば市 条例 written for this project (第一条…第十二条, 項 and 号 items, 附則) is
printed in horizontal text as a photocopy (``render_copy``: 0.8° skew, blur, dust) at three type
sizes and four dust seeds, and read by Tesseract (jpn). For each reference line with a marker the
OCR line that matches it best is taken; the marker is read right when that line starts with it
(NFKC, spaces ignored). "after" is the text indexed with the check: 自動補正 headings repaired.
Usage:

    OMP_NUM_THREADS=1 PYTHONPATH=src:. .venv/bin/python benchmarks/documents/ocr_structure.py --json
"""

from __future__ import annotations

import argparse
import json
import re
import resource
import unicodedata
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from jichitai_ai.documents.ocr._structure import REPAIRED, check_structure, to_kanji
from jichitai_ai.documents.ocr._synthetic import character_accuracy, render_copy

_BODIES = [
    "この条例は、自転車駐車場の設置及び管理に関し必要な事項を定める。",
    "駐車場の名称及び位置は、市長が別に定める。",
    "駐車場の供用時間は、午前六時から午後十一時までとする。",
    "駐車場を利用する者は、次に掲げる事項を守らなければならない。",
    "使用料は、別表に定める額とする。",
    "市長は、次の各号のいずれかに該当するときは、使用料を減免することができる。",
    "既に納付された使用料は、還付しない。",
    "市長は、駐車場の管理上必要があるときは、利用を制限することができる。",
    "利用者は、駐車場の施設を損傷したときは、これを弁償しなければならない。",
    "市長は、長期間放置された自転車を撤去することができる。",
    "市長は、駐車場の管理を指定管理者に行わせることができる。",
    "この条例の施行に関し必要な事項は、規則で定める。",
]
_ITEMS = {
    4: ["（１）　自転車を所定の場所に駐車すること。", "（２）　施設を汚損しないこと。"],
    5: ["２　前項の使用料は、前納とする。"],
    6: [
        "（１）　生活保護を受けている者が利用するとき。",
        "（２）　その他市長が特に必要と認めるとき。",
        "３　減免の申請は、規則で定める。",
    ],
}


def regulation() -> list[str]:
    """The fictional あおば市自転車駐車場条例 (written for this project), one printed line each."""
    lines = ["あおば市自転車駐車場条例"]
    for n, body in enumerate(_BODIES, start=1):
        lines.append(f"第{to_kanji(n)}条　{body}")
        lines += _ITEMS.get(n, [])
    return [*lines, "附　則", "この条例は、令和九年四月一日から施行する。"]


_MARKER = re.compile(r"^(第[^条]{1,3}条|[２-９]|（[１-９]）|附　則)")
SIZES = (30, 33, 36)
SEEDS = (1, 2, 3, 4)


def _squeeze(text: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKC", text) if not ch.isspace())


def _best(reference: str, read: Sequence[str], near: int) -> int:
    """Index of the read line (within 3 of ``near``) most like ``reference``."""
    window = range(max(0, near - 3), min(len(read), near + 4))
    return max(window, key=lambda j: character_accuracy(reference, read[j]), default=-1)


def score_page(reference: Sequence[str], read: Sequence[str], confidence: Sequence[float]) -> dict:
    """Marker and character figures for one page, before and after the structure check."""
    flags = check_structure(read)
    after = [f.text if f is not None else t for t, f in zip(read, flags, strict=True)]
    out: dict[str, Any] = {
        "accuracy_before": character_accuracy("".join(reference), "".join(read)),
        "accuracy_after": character_accuracy("".join(reference), "".join(after)),
        "markers": 0,
        "right_before": 0,
        "right_after": 0,
        "marker_chars": 0,
        "marker_char_errors_before": 0,
        "marker_char_errors_after": 0,
        "misread": [],
    }
    misread_at: set[int] = set()
    for i, ref in enumerate(reference):
        m = _MARKER.match(ref)
        if m is None:
            continue
        marker = _squeeze(m.group(1))
        j = _best(ref, read, i)
        if j < 0:
            continue
        out["markers"] += 1
        out["marker_chars"] += len(marker)
        for when, text in (("before", read[j]), ("after", after[j])):
            got = _squeeze(text)
            right = got.startswith(marker)
            out[f"right_{when}"] += right
            prefix = got[: len(marker) + (0 if right else 1)]
            errors = round((1 - character_accuracy(marker, prefix)) * len(marker))
            out[f"marker_char_errors_{when}"] += min(errors, len(marker))
        if not _squeeze(read[j]).startswith(marker):
            misread_at.add(j)
            flag = flags[j]
            out["misread"].append(
                {
                    "marker": marker,
                    "read": _squeeze(read[j])[: len(marker) + 1],
                    "confidence": round(confidence[j]),
                    "queued_before": confidence[j] < 80,
                    "queued_after": confidence[j] < 80 or flag is not None,
                    "repaired": flag is not None and flag.reason == REPAIRED,
                    "repaired_right": _squeeze(after[j]).startswith(marker),
                }
            )
    # Lines flagged although their marker was read right (or that have no marker).
    out["false_flags"] = sum(f is not None and k not in misread_at for k, f in enumerate(flags))
    return out


def read_pages(sizes: Sequence[int] = SIZES, seeds: Sequence[int] = SEEDS) -> list[dict]:
    """Print and OCR each page: size, seed, lines and their confidences."""
    from jichitai_ai.documents.ocr import ocr_image

    out = []
    for size in sizes:
        for seed in seeds:
            result = ocr_image(
                render_copy([(line, 0) for line in regulation()], size=size, seed=seed)
            )
            lines = [line.text for line in result.lines]
            confidence = [round(line.confidence, 1) for line in result.lines]
            out.append({"size": size, "seed": seed, "lines": lines, "confidence": confidence})
    return out


def run(reads: Path | None = None) -> dict:
    """Score every page; ``reads`` keeps the OCR output (read once, scored again from the file)."""
    reference = regulation()
    pages = []
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = usage.ru_utime + usage.ru_stime
    if reads is not None and reads.exists():
        read = json.loads(reads.read_text(encoding="utf-8"))
    else:
        read = read_pages()
        if reads is not None:
            reads.write_text(json.dumps(read, ensure_ascii=False), encoding="utf-8")
    for p in read:
        page = score_page(reference, p["lines"], p["confidence"])
        pages.append({"size": p["size"], "seed": p["seed"], **page})
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    misread = [m for p in pages for m in p["misread"]]
    total = {
        key: sum(p[key] for p in pages)
        for key in (
            "markers",
            "right_before",
            "right_after",
            "marker_chars",
            "marker_char_errors_before",
            "marker_char_errors_after",
            "false_flags",
        )
    }
    return {
        "pages": len(pages),
        "accuracy_before": round(sum(p["accuracy_before"] for p in pages) / len(pages), 4),
        "accuracy_after": round(sum(p["accuracy_after"] for p in pages) / len(pages), 4),
        **total,
        "marker_rate_before": round(total["right_before"] / total["markers"], 4),
        "marker_rate_after": round(total["right_after"] / total["markers"], 4),
        "marker_char_accuracy_before": round(
            1 - total["marker_char_errors_before"] / total["marker_chars"], 4
        ),
        "marker_char_accuracy_after": round(
            1 - total["marker_char_errors_after"] / total["marker_chars"], 4
        ),
        "misread": len(misread),
        "misread_confident": sum(not m["queued_before"] for m in misread),
        "misread_reaching_a_person_before": sum(m["queued_before"] for m in misread),
        "misread_reaching_a_person_after": sum(m["queued_after"] for m in misread),
        "repaired": sum(m["repaired"] for m in misread),
        "repaired_wrong": sum(m["repaired"] and not m["repaired_right"] for m in misread),
        "forms": Counter(f"{m['marker']}→{m['read']}" for m in misread).most_common(),
        "tesseract_cpu_seconds": round(usage.ru_utime + usage.ru_stime - started, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--reads", type=Path, help="keep / reuse the OCR output in this file")
    args = parser.parse_args()
    report = run(args.reads)
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=1))
    else:
        for key, value in report.items():
            print(f"{key}: {value}")


if __name__ == "__main__":
    main()
