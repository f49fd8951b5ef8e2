"""Write e-Gov 法令API v2 JSON (``law_full_text``: tag / attr / children) back as 法令標準XML.

The JSON is the API's lossless rendering of the same element tree, so the XML written here is the
law's standard XML; ``--keep`` keeps only some top-level parts (chapters by their title, the first
N 附則 blocks, 別表) so a test fixture stays small. Used once to make
``tests/documents/fixtures/334AC0000000121_tokkyo_excerpt.xml`` (see PROVENANCE.md).

    python benchmarks/documents/realtext/egov_json_to_xml.py law_data.json out.xml \
        --chapters 第一章,第三章,第十章 --suppl 1,58 --appdx
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape, quoteattr


def render(node: Any) -> str:
    if isinstance(node, str):
        return escape(node)
    attrs = "".join(f" {k}={quoteattr(str(v))}" for k, v in node.get("attr", {}).items())
    inner = "".join(render(c) for c in node.get("children", []))
    return f"<{node['tag']}{attrs}>{inner}</{node['tag']}>"


def _title(chapter: dict[str, Any]) -> str:
    first = chapter["children"][0]
    return str(first["children"][0]) if first["children"] else ""


def excerpt(
    law: dict[str, Any], chapters: list[str], suppl: list[int], appdx: bool
) -> dict[str, Any]:
    body = next(c for c in law["children"] if c["tag"] == "LawBody")
    kept: list[Any] = []
    n_suppl = 0
    for part in body["children"]:
        if part["tag"] == "MainProvision":
            picked = [
                c
                for c in part["children"]
                if not chapters or _title(c).split("\u3000")[0] in chapters
            ]
            kept.append({**part, "children": picked})
        elif part["tag"] == "SupplProvision":
            n_suppl += 1
            if not suppl or n_suppl in suppl:
                kept.append(part)
        elif part["tag"] == "AppdxTable":
            if appdx:
                kept.append(part)
        else:
            kept.append(part)
    new_body = {**body, "children": kept}
    return {**law, "children": [new_body if c is body else c for c in law["children"]]}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("source", type=Path)
    ap.add_argument("out", type=Path)
    ap.add_argument("--chapters", default="", help="chapter numbers to keep, e.g. 第一章,第三章")
    ap.add_argument("--suppl", default="", help="1-based 附則 blocks to keep, e.g. 1,58")
    ap.add_argument("--appdx", action="store_true", help="keep 別表 (AppdxTable)")
    a = ap.parse_args()
    data = json.loads(a.source.read_text(encoding="utf-8"))
    law = data["law_full_text"]
    chapters = [c for c in a.chapters.split(",") if c]
    suppl = [int(s) for s in a.suppl.split(",") if s]
    law = excerpt(law, chapters, suppl, a.appdx)
    xml = '<?xml version="1.0" encoding="UTF-8"?>\n' + render(law) + "\n"
    a.out.write_text(xml, encoding="utf-8")


if __name__ == "__main__":
    main()
