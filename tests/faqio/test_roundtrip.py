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


def _trimmed(text: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    return text.map(str.strip)


def _line(max_size: int = 40) -> st.SearchStrategy[str]:
    return _trimmed(st.text(_char, max_size=max_size))


def _multiline(max_size: int = 80) -> st.SearchStrategy[str]:
    return _trimmed(st.text(st.one_of(_char, st.just("\n")), max_size=max_size))


_required_line = _line().filter(bool)
_required_text = _multiline().filter(bool)
_url = st.builds(
    lambda host, path: f"https://{host}.example.jp/{path}",
    st.from_regex(r"[a-z0-9]{1,10}", fullmatch=True),
    st.from_regex(r"[a-zA-Z0-9_/?=&%.~-]{0,20}", fullmatch=True),
)
_link_title = _line(20).filter(lambda s: "\n" not in s)
_department = st.one_of(
    st.none(),
    st.builds(
        DepartmentContact,
        name=_required_line,
        phone=st.from_regex(r"(0\d{1,3}-\d{2,4}-\d{4})?", fullmatch=True),
        email=st.sampled_from(["", "shimin@city.example.jp"]),
        hours=_line(),
        form_url=st.one_of(st.just(""), _url),
    ),
)


@st.composite
def records(draw: st.DrawFn) -> FaqRecord:
    start = draw(st.one_of(st.none(), st.dates(date(1990, 1, 1), date(2100, 1, 1))))
    end = draw(st.one_of(st.none(), st.dates(start or date(1990, 1, 1), date(2100, 12, 31))))
    return FaqRecord(
        question=draw(_required_text.filter(lambda s: len(s) <= 500)),
        answer=draw(_required_text),
        external_id=draw(st.one_of(_line(10), st.sampled_from(["00123", "=1+1", "'007", "-5"]))),
        alternatives=draw(st.lists(_required_line, max_size=4)),
        links=draw(st.lists(st.builds(Link, url=_url, title=_link_title), max_size=3)),
        category=draw(_line()),
        department=draw(_department),
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
_settings = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


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


def _cp932_safe(record: FaqRecord) -> bool:
    data = write_csv([record])
    text = data.decode("utf-8-sig")
    return all(ch.encode("cp932", "ignore").decode("cp932") == ch for ch in text)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.filter_too_much])
@given(st.lists(records().filter(_cp932_safe), min_size=1, max_size=3).map(_unique))
def test_cp932_round_trip(items: list[FaqRecord]) -> None:
    items[0].question = "髙橋①～" + items[0].question  # non-ASCII so the file is not also valid UTF-8
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
            department=DepartmentContact("市民課", "03-1234-5678", "a@city.example.jp", "9時～17時"),
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
    items = [FaqRecord(question="=cmd|' /C calc'!A0", answer="@SUM(1)", external_id="'x", category="-1+1")]
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
    path = write_file(tmp_path / "faq.csv", "question,answer,external_id\n'=1+1,a,'00123\n".encode())
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
