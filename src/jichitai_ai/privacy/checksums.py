"""Check-digit algorithms for identifiers (public: the gateway and tests reuse them)."""

from __future__ import annotations


def _digits(value: str) -> list[int] | None:
    digits = [int(ch) for ch in value if ch.isdigit() and ch.isascii()]
    return digits if digits else None


def my_number_check_digit(first_eleven: str) -> int:
    """Check digit of a マイナンバー (個人番号) from its first 11 digits.

    Official rule (行政手続における特定の個人を識別するための番号の利用等に関する法律
    施行令 第8条 / 総務省令 第85号): with P_n the n-th digit counted from the right of the
    11 digits and Q_n = n + 1 for n ≤ 6, n − 5 for n ≥ 7, let r = Σ P_n·Q_n mod 11;
    the check digit is 0 when r ≤ 1, otherwise 11 − r.
    """
    digits = [int(ch) for ch in first_eleven]
    if len(digits) != 11:
        raise ValueError("a マイナンバー check digit needs exactly 11 digits")
    total = 0
    for n, p in enumerate(reversed(digits), start=1):
        q = n + 1 if n <= 6 else n - 5
        total += p * q
    remainder = total % 11
    return 0 if remainder <= 1 else 11 - remainder


def is_valid_my_number(value: str) -> bool:
    """True for 12 digits (separators ignored) whose last digit is the official check digit."""
    digits = _digits(value)
    if digits is None or len(digits) != 12:
        return False
    return my_number_check_digit("".join(map(str, digits[:11]))) == digits[11]


def luhn_valid(value: str) -> bool:
    """Luhn (mod 10) check used by payment card numbers (ISO/IEC 7812)."""
    digits = _digits(value)
    if digits is None or len(digits) < 2:
        return False
    total = 0
    for index, digit in enumerate(reversed(digits)):
        if index % 2 == 1:
            digit *= 2
            if digit > 9:
                digit -= 9
        total += digit
    return total % 10 == 0


def luhn_check_digit(payload: str) -> int:
    """The digit to append to ``payload`` so that the result passes :func:`luhn_valid`."""
    for candidate in range(10):
        if luhn_valid(payload + str(candidate)):
            return candidate
    raise AssertionError("unreachable: one Luhn digit always fits")


def resident_code_check_digit(first_ten: str) -> int:
    """Check digit of a 住民票コード from its first 10 digits — an ASSUMED rule.

    住民基本台帳法施行規則 第1条 says the code is ten random digits and one 検査数字
    computed by a formula the 総務大臣 sets; that formula was not found in any source we
    could check (2026-11-30), so this applies the 個人番号 rule (総務省令第85号 第5条) to ten
    digits: weights n + 1 for n ≤ 6 and n − 5 above, counted from the right, mod 11.
    Detection therefore never depends on it for labelled codes (住民票コード: any 11 digits
    are masked); it only decides whether an unlabelled 11-digit number is masked too."""
    digits = [int(ch) for ch in first_ten]
    if len(digits) != 10:
        raise ValueError("a 住民票コード check digit needs exactly 10 digits")
    total = sum(p * (n + 1 if n <= 6 else n - 5) for n, p in enumerate(reversed(digits), start=1))
    remainder = total % 11
    return 0 if remainder <= 1 else 11 - remainder


def is_valid_resident_code(value: str) -> bool:
    """True for 11 digits (separators ignored) ending in the right check digit."""
    digits = _digits(value)
    if digits is None or len(digits) != 11:
        return False
    return resident_code_check_digit("".join(map(str, digits[:10]))) == digits[10]
