"""Export → import is exact for both formats; formula injection is guarded on export."""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from jichitai_ai.domain.models import DepartmentContact, EntryStatus, FaqRecord, Link
from jichitai_ai.faqio import FaqFileError, parse_faq_file, write_csv, write_xlsx

from .helpers import parse_path, write_file

# Everything a valid record may hold: no control characters (except \t, \n inside
# text), no surrogates/noncharacters/bidi overrides; tricky characters made likely.
_TRICKY = "\"',;=+-@|\t ～－①髙😀ＡＢ　ｶﾅ\\¥"
_chars = st.characters(
    blacklist_categories=("Cc", "Cs", "Cn"),
    blacklist_characters="\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff",
)
_char = st.one_of(_chars, st.sampled_from(_TRICKY))


_CP932_CHARS = (
    "".join(chr(c) for c in range(0x20, 0x7F))
    + "あいうえおアイウエオ住民票写漢字髙﨑①②～－　ｶﾅ＠＝＋"
)
_cp932_char = st.sampled_from(_CP932_CHARS)


def _line(char: st.SearchStrategy[str], max_size: int = 40) -> st.SearchStrategy[str]:
    return st.text(char, max_size=max_size).map(str.strip)


def _multiline(char: st.SearchStrategy[str], max_size: int = 80) -> st.SearchStrategy[str]:
    return st.text(st.one_of(char, st.just("\n")), max_size=max_size).map(str.strip)


_url = st.builds(
    lambda host, path: f"https://{host}.example.jp/{path}",
    st.text(st.sampled_from("abcxyz0189"), min_size=1, max_size=10),
    st.text(st.sampled_from("aZ09_/?=&%.~-"), max_size=20),
)


@st.composite
def records(draw: st.DrawFn, char: st.SearchStrategy[str] = _char) -> FaqRecord:
    """Valid records: trimmed text, single-line alternatives/titles, ordered dates."""
    required_line = _line(char).filter(bool)
    department = st.one_of(
        st.none(),
        st.builds(
            DepartmentContact,
            name=required_line,
            phone=st.sampled_from(["", "03-1234-5678", "0120-000-111"]),
            email=st.sampled_from(["", "shimin@city.example.jp"]),
            hours=_line(char),
            form_url=st.one_of(st.just(""), _url),
        ),
    )
    start = draw(st.one_of(st.none(), st.dates(date(1990, 1, 1), date(2100, 1, 1))))
    end = draw(st.one_of(st.none(), st.dates(start or date(1990, 1, 1), date(2100, 12, 31))))
    return FaqRecord(
        question=draw(_multiline(char).filter(bool)),
        answer=draw(_multiline(char).filter(bool)),
        external_id=draw(
            st.one_of(_line(char, 10), st.sampled_from(["00123", "=1+1", "'007", "-5"]))
        ),
        alternatives=draw(st.lists(required_line, max_size=4)),
        links=draw(st.lists(st.builds(Link, url=_url, title=_line(char, 20)), max_size=3)),
        category=draw(_line(char)),
        department=draw(department),
        source_url=draw(st.one_of(st.just(""), _url)),
        valid_from=start,
        valid_until=end,
        status=draw(st.sampled_from(list(EntryStatus))),
        language=draw(st.sampled_from(["ja", "en", "zh-Hans", "zh-Hant", "ko", "ja-easy"])),
    )


def _unique(items: list[FaqRecord]) -> list[FaqRecord]:
    for number, record in enumerate(items):  # ids must not collide within a file
        if record.external_id:
            record.external_id = f"{record.external_id}#{number}"
    return items


record_lists = st.lists(records(), min_size=1, max_size=5).map(_unique)
_settings = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@_settings
@given(record_lists)
def test_csv_round_trip(items: list[FaqRecord]) -> None:
    result = parse_faq_file(write_csv(items), "export.csv")
    assert result.errors == []
    assert result.records == items


@_settings
@given(record_lists)
def test_xlsx_round_trip(items: list[FaqRecord]) -> None:
    result = parse_faq_file(write_xlsx(items), "export.xlsx")
    assert result.errors == []
    assert result.records == items


@settings(max_examples=40, deadline=None)
@given(st.lists(records(_cp932_char), min_size=1, max_size=3).map(_unique))
def test_cp932_round_trip(items: list[FaqRecord]) -> None:
    items[0].question = (
        "髙橋①～" + items[0].question
    )  # non-ASCII so the file is not also valid UTF-8
    result = parse_faq_file(write_csv(items, encoding="cp932"), "export.csv")
    assert result.records == items


def test_round_trip_through_real_files(tmp_path: Path) -> None:
    items = [
        FaqRecord(
            question='=HYPERLINK("http://evil.example","クリック")',
            answer='He said "yes",\nthen left; 😀 ＡＢＣ ｶﾅ',
            external_id="00123",
            alternatives=["+81 3", "@home", "-minus"],
            links=[Link("https://city.example.jp/a?b=1&c=2", "Title | with bar")],
            department=DepartmentContact(
                "市民課", "03-1234-5678", "a@city.example.jp", "9時～17時"
            ),
            valid_from=date(2024, 4, 1),
            valid_until=date(2024, 4, 1),
            status=EntryStatus.ARCHIVED,
            language="ko",
        )
    ]
    csv_path = write_file(tmp_path / "faq.csv", write_csv(items))
    xlsx_path = write_file(tmp_path / "faq.xlsx", write_xlsx(items))
    assert parse_path(csv_path).records == items
    assert parse_path(xlsx_path).records == items


def test_csv_export_guards_formulas_and_opens_in_excel_as_utf8(tmp_path: Path) -> None:
    items = [
        FaqRecord(
            question="=cmd|' /C calc'!A0", answer="@SUM(1)", external_id="'x", category="-1+1"
        )
    ]
    data = write_file(tmp_path / "faq.csv", write_csv(items)).read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    header, row = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    cells = dict(zip(header, row, strict=True))
    assert cells["question"] == "'=cmd|' /C calc'!A0"
    assert cells["answer"] == "'@SUM(1)"
    assert cells["external_id"] == "''x"
    assert cells["category"] == "'-1+1"
    assert all(not cell.startswith(("=", "+", "-", "@")) for cell in row)
    assert parse_path(tmp_path / "faq.csv").records == items


def test_import_strips_one_leading_quote_from_hand_written_csv(tmp_path: Path) -> None:
    path = write_file(tmp_path / "faq.csv", b"question,answer,external_id\n'=1+1,a,'00123\n")
    record = parse_path(path).records[0]
    assert (record.question, record.external_id) == ("=1+1", "00123")


def test_xlsx_export_never_writes_formulas(tmp_path: Path) -> None:
    items = [FaqRecord(question="=1+1", answer="+2", external_id="00123")]
    path = write_file(tmp_path / "faq.xlsx", write_xlsx(items))
    sheet = load_workbook(path).worksheets[0]
    question, answer, external_id = sheet["B2"], sheet["D2"], sheet["A2"]
    assert (question.data_type, question.value, question.quotePrefix) == ("s", "=1+1", True)
    assert (answer.data_type, answer.quotePrefix) == ("s", True)
    assert (external_id.value, external_id.data_type) == ("00123", "s")
    assert sheet["M1"].value == "valid_from"


@pytest.mark.parametrize("char", ["−", "〜", "😀", "한"])
def test_cp932_export_rejects_characters_it_cannot_store(char: str) -> None:
    # "−" (U+2212) and "〜" (U+301C) encode but decode as different characters: lossy, so rejected.
    with pytest.raises(FaqFileError) as info:
        write_csv([FaqRecord("q", "a"), FaqRecord("q", f"x{char}")], encoding="cp932")
    assert info.value.key == "faqio.unencodable"
    assert info.value.params["row"] == 3 and info.value.params["column"] == "answer"
    assert info.value.params["codepoint"] == f"U+{ord(char):04X}"
    assert "UTF-8" in info.value.message("ja")
