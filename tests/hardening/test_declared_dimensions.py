"""An XLSX whose sheet declares the whole grid (A1:XFD1048576) is read as stored (red team hr3).

A 5 KB workbook with that dimension and one cell in row 1,048,576 made openpyxl pad every row,
missing ones included, to 16,384 cells: the FAQ import did not finish in five minutes (1.7e10
cell checks), the document reader the same, and the nursery reader would have built a list of
1.7e10 strings. Bounds are on this thread's CPU time and generous (each takes under a second).
"""

from __future__ import annotations

import io
import itertools
import re
import time
import zipfile

from openpyxl import Workbook

from jichitai_ai.documents._read_office import read_xlsx
from jichitai_ai.faqio.limits import DEFAULT_MAX_BYTES
from jichitai_ai.faqio.parse import parse_faq_file
from jichitai_ai.faqio.readers import read_xlsx_rows
from jichitai_ai.hoiku._tabular import read_table

BOUND_S = 30.0


def _whole_grid_workbook() -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["question", "answer"])
    sheet.append(["粗大ごみの申込方法は", "環境課に電話で申し込んでください。"])
    sheet["B1048576"] = "最終行"
    plain = io.BytesIO()
    book.save(plain)
    out = io.BytesIO()
    with zipfile.ZipFile(plain) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dest:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                data, count = re.subn(
                    rb'<dimension ref="[^"]*"/>', b'<dimension ref="A1:XFD1048576"/>', data
                )
                assert count == 1
            dest.writestr(info, data)
    return out.getvalue()


def test_faq_import_reads_the_stored_rows_only() -> None:
    data = _whole_grid_workbook()
    assert len(data) < 10_000
    first = list(itertools.islice(read_xlsx_rows(data, None, DEFAULT_MAX_BYTES), 3))
    assert [len(cells) for _, cells in first] == [2, 2, 0]  # not 16,384 each
    started = time.thread_time()
    parsed = parse_faq_file(data, "faq.xlsx")
    assert time.thread_time() - started < BOUND_S
    assert [r.question for r in parsed.records] == ["粗大ごみの申込方法は"]
    assert [e.row for e in parsed.errors] == [1_048_576]  # the last row has no question


def test_document_and_nursery_readers_read_the_stored_rows_only() -> None:
    data = _whole_grid_workbook()
    started = time.thread_time()
    document = read_xlsx(data, "gomi")
    assert time.thread_time() - started < BOUND_S
    assert [b.text for b in document.blocks if b.kind == "table"] == [
        "question | answer",
        "粗大ごみの申込方法は | 環境課に電話で申し込んでください。",
        "最終行",
    ]
    started = time.thread_time()
    table = read_table(data, "children.xlsx")
    assert time.thread_time() - started < BOUND_S
    assert table.header == ["question", "answer"]
