"""Encoded and garbled names must still be masked when part of the encoding is broken (hr7).

rt7 reads HTML character references and percent-encoded UTF-8 back before detection, and the
mojibake repair reads UTF-8-read-as-Shift_JIS back. Each decoder gave up on a whole run when
one byte of it did not decode: a URL cut inside a character (``…%E3``), a stray ``%FF`` or an
encoded surrogate before the name, or the U+FFFD a lossy read leaves, and the name inside was
sent to the model as typed — readable to anyone who decodes it. Masks must also cover the
encoded original only (what is outside stays as typed), and hostile markup (long runs of
spaces or ``&nbsp;`` beside a tag) must still be read correctly.
"""

from __future__ import annotations

import pytest

from jichitai_ai import privacy
from jichitai_ai.privacy._markup import decode_markup


def _pct(text: str) -> str:
    return "".join(f"%{b:02X}" for b in text.encode("utf-8"))


def _lossy_sjis(text: str) -> str:
    """UTF-8 bytes read as Shift_JIS by a tool that replaces what it cannot read."""
    return text.encode("utf-8").decode("cp932", errors="replace")


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("%E3%81", "様"),  # a character cut before the name
        ("shimei=", "%E3"),  # a URL cut inside the next character
        ("%FF", ""),  # a byte that is never UTF-8
        ("%ED%A0%80", "%ED%B0%80"),  # encoded surrogates around the name
    ],
)
def test_a_broken_byte_does_not_leave_a_percent_encoded_name_readable(
    before: str, after: str
) -> None:
    encoded = _pct("粟飯原 こはる")
    text = before + encoded + after
    out = privacy.redact(text)
    for ch in "粟飯原こはる":  # no character of the name is left readable
        assert _pct(ch) not in out
    assert "【氏名" in out
    # what was outside the name stays as typed
    assert out.startswith(before) and out.endswith(after)


def test_undecodable_bytes_stay_as_typed_in_the_read_back() -> None:
    text = "%E3%81" + _pct("山田") + "%ED%A0%80x"
    decoded, starts, ends = decode_markup(text) or ("", [], [])
    assert decoded == "%E3%81山田%ED%A0%80x"
    # 山 and 田 map back to their nine encoded characters each
    assert (starts[6], ends[6]) == (6, 15)
    assert (starts[7], ends[7]) == (15, 24)
    assert text[starts[8] : ends[-1]] == "%ED%A0%80x"


def test_percent_runs_without_a_character_are_left_alone() -> None:
    for text in ("%E3%81%E3%81", "%FF%FE", "%41%42 %ZZ"):
        assert decode_markup(text) is None
        assert privacy.redact(text) == text


@pytest.mark.parametrize(
    "plain",
    ["山田太郎さんの電話", "申請者 山田太郎です", "電話 090-1234-5678 山田太郎様"],
)
def test_a_lossy_mojibake_read_still_masks_the_name(plain: str) -> None:
    garbled = _lossy_sjis(plain)
    assert "\ufffd" in garbled
    name = _lossy_sjis("山田太郎")[:7]  # 螻ｱ逕ｰ螟ｪ驛: every byte of 山田太 and most of 郎
    assert name in garbled
    out = privacy.redact(garbled)
    assert name not in out
    assert "【氏名" in out


def test_real_japanese_beside_half_width_kana_is_not_repaired() -> None:
    # the signature (half-width kana) switches the repair on; plain kanji must stay themselves
    out = privacy.redact("ｶﾀｶﾅで 受付 窓口 です")
    assert out == "ｶﾀｶﾅで 受付 窓口 です"


@pytest.mark.parametrize("filler", [" ", "&nbsp;", "\u3000"])
def test_long_space_runs_beside_a_tag_read_like_one_separator(filler: str) -> None:
    text = "<td>渡邉</td>" + filler * 20_000 + "<td>こはる</td>" + filler * 20_000 + "x"
    decoded, starts, ends = decode_markup(text) or ("", [], [])
    assert decoded == " 渡邉 こはる x"
    # the separator after こはる covers the whole run of spaces, ending right before x
    assert ends[-2] == len(text) - 1 and starts[-1] == len(text) - 1


def test_spaces_without_any_tag_are_untouched() -> None:
    text = "<b>太字</b>x" + " " * 30_000 + "y"
    decoded, _, _ = decode_markup(text) or ("", [], [])
    assert decoded == " 太字 x" + " " * 30_000 + "y"
