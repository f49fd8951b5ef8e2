"""A file its reader cannot read gets a catalogue message per failure class, Japanese and
English; the library's English (pypdf's "Stream has ended unexpectedly") is only logged
(newcomer walkthrough nc6)."""

from __future__ import annotations

import io
import logging
from pathlib import Path

import pytest
from PIL import Image

from jichitai_ai.documents._readers import parse
from jichitai_ai.documents.errors import DocumentUnreadable
from jichitai_ai.i18n import t

REPO = Path(__file__).resolve().parents[2]
A_REAL_PDF = REPO / "tests/documents/fixtures/blind8/nishinoshima_choei_bus.pdf"
#: Words of the libraries' own messages that used to reach staff in brackets.
LIBRARY_WORDS = ("Stream", "zip", "EOF", "Errno", "Error", "xref", "element", "identify", "image")


def _png(width: int, height: int) -> bytes:
    out = io.BytesIO()
    Image.new("1", (width, height)).save(out, format="PNG")
    return out.getvalue()


CASES = [
    ("truncated.pdf", A_REAL_PDF.read_bytes()[:2000], "documents.unreadable_pdf"),
    ("junk.pdf", b"%PDF-1.4 this is not really a pdf", "documents.unreadable_pdf"),
    ("broken.docx", b"PK\x03\x04 not a document", "documents.unreadable_office"),
    ("old.xlsx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "documents.unreadable_office"),
    ("feed.xml", b"<rss><channel><title>x</title></channel></rss>", "documents.unreadable_law_xml"),
    ("broken.xml", b"<Law><LawBody>", "documents.unreadable_law_xml"),
    ("scan.png", b"\x89PNG\r\n\x1a\n broken", "documents.unreadable_image"),
    ("huge.png", _png(9000, 9000), "documents.image_too_large"),
]


@pytest.mark.parametrize(("name", "data", "key"), CASES, ids=[c[0] for c in CASES])
def test_each_failure_class_has_its_message(
    name: str, data: bytes, key: str, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING), pytest.raises(DocumentUnreadable) as info:
        parse(name, data)
    assert info.value.key == key
    messages = info.value.messages()
    assert messages["ja"].startswith(f"「{name}」") and messages["ja"] == t(
        key, "ja", **info.value.params
    )
    assert messages["en"] == t(key, "en", **info.value.params) and messages["en"] != messages["ja"]
    for word in LIBRARY_WORDS:
        assert f"({word}" not in messages["en"] and f"（{word}" not in messages["ja"]
    shown = " ".join(messages.values())
    assert "（" not in messages["ja"].replace("（.doc / .xls）", "").replace(
        "（上限 8000 万画素）", ""
    ), messages["ja"]
    # The detail stays available to an administrator, in the log.
    logged = [r.getMessage() for r in caplog.records if name in r.getMessage()]
    assert logged, "the library's detail was not logged"
    detail = logged[0].split(": ", 2)[-1]
    assert detail and detail not in shown


def test_the_pypdf_message_is_logged_not_shown(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING), pytest.raises(DocumentUnreadable) as info:
        parse("truncated.pdf", A_REAL_PDF.read_bytes()[:2000])
    log_text = caplog.text
    assert "truncated.pdf" in log_text
    assert "unexpectedly" not in " ".join(info.value.messages().values())
