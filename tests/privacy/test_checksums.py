from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from jichitai_ai.privacy.checksums import (
    is_valid_my_number,
    luhn_check_digit,
    luhn_valid,
    my_number_check_digit,
)


def test_my_number_check_digit_matches_the_official_formula_by_hand() -> None:
    # 1 2 3 4 5 6 7 8 9 0 1: from the right P1=1,Q1=2 … P6=6,Q6=7, P7=5,Q7=2 … P11=1,Q11=6
    digits = "12345678901"
    total = sum(
        int(p) * (n + 1 if n <= 6 else n - 5) for n, p in enumerate(reversed(digits), start=1)
    )
    assert total == 212  # 2+0+36+40+42+42+10+12+12+10+6
    assert total % 11 == 3 and 11 - 3 == 8
    assert my_number_check_digit(digits) == 8
    assert is_valid_my_number("123456789018")
    assert is_valid_my_number("1234-5678-9018")
    assert not is_valid_my_number("123456789017")


def test_my_number_remainder_zero_or_one_gives_zero() -> None:
    # Σ = 0 → remainder 0 → check digit 0.
    assert my_number_check_digit("00000000000") == 0
    # 10000000000: P11=1, Q11=6 → 6 → 11-6 = 5.
    assert my_number_check_digit("10000000000") == 5


def test_my_number_rejects_wrong_length() -> None:
    with pytest.raises(ValueError):
        my_number_check_digit("123")
    assert not is_valid_my_number("12345678901")
    assert not is_valid_my_number("")


@given(st.text(alphabet="0123456789", min_size=11, max_size=11))
def test_exactly_one_check_digit_validates(body: str) -> None:
    valid = [d for d in range(10) if is_valid_my_number(body + str(d))]
    assert valid == [my_number_check_digit(body)]


def test_luhn_known_numbers() -> None:
    assert luhn_valid("4111 1111 1111 1111")
    assert luhn_valid("79927398713")
    assert not luhn_valid("79927398710")
    assert not luhn_valid("4111111111111112")


@given(st.text(alphabet="0123456789", min_size=12, max_size=18))
def test_luhn_check_digit_roundtrip(payload: str) -> None:
    assert luhn_valid(payload + str(luhn_check_digit(payload)))
