"""A CSV the csv module refuses gets a catalogue message per failure class in Japanese and
English; the module's English (``field larger than field limit (131072)``) only in the log
(red team hr8, after nc7's document upload messages)."""

from __future__ import annotations

import csv
import logging

import pytest

from jichitai_ai.faqio import FaqFileError, parse_faq_file
from jichitai_ai.faqio.errors import csv_error
from jichitai_ai.i18n import t

#: A quotation mark left open in row 3: the rest of the file becomes one field.
OPEN_QUOTE = ('question,answer\n住民票は,窓口で\n"印鑑登録は,' + "あ" * 140_000 + "\n").encode()


def test_an_open_quote_is_named_without_the_module_english(
    caplog: pytest.LogCaptureFixture,
) -> None:
    with caplog.at_level(logging.WARNING), pytest.raises(FaqFileError) as info:
        parse_faq_file(OPEN_QUOTE, "faq.csv")
    error = info.value
    assert error.key == "faqio.csv_field_too_large"
    ja, en = error.message("ja"), error.message("en")
    assert "引用符" in ja and "3 行目" in ja and f"{csv.field_size_limit()}" in ja
    assert "quotation mark" in en
    for shown in (ja, en):
        assert "field larger" not in shown and "field limit" not in shown
    assert "field larger than field limit" in caplog.text  # for an administrator


def test_any_other_refusal_has_the_general_message(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING):
        error = csv_error(csv.Error("',' expected after '\"'"), 7)
    assert error.key == "faqio.csv_malformed"
    assert error.message("ja") == t("faqio.csv_malformed", "ja", row=7)
    assert "7 行目" in error.message("ja") and "expected" not in error.message("ja")
    assert "expected" not in error.message("en") and "line 7" in error.message("en")
    assert "',' expected" in caplog.text
