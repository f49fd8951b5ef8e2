"""Structured identifiers: formats, full-width digits, 和暦, check digits, no false positives."""

from __future__ import annotations

import pytest

from jichitai_ai.privacy import Detector

from .conftest import kinds


@pytest.mark.parametrize(
    "phone",
    [
        "03-1234-5678",
        "0312345678",
        "03(1234)5678",
        "(03)1234-5678",
        "０３－１２３４－５６７８",
        "090-1234-5678",
        "09012345678",
        "０９０１２３４５６７８",
        "080 1234 5678",
        "050-1234-5678",
        "0120-123-456",
        "0276-12-3456",
        "+81-90-1234-5678",
    ],
)
def test_phone_formats(detector: Detector, phone: str) -> None:
    assert kinds(detector.detect(f"連絡先は{phone}です。")) == [("phone", phone)]


@pytest.mark.parametrize(
    "text",
    [
        "2024年に開始しました。",
        "料金は1,200円、12,345,678円です。",
        "受付は10時30分から、第2回の説明会です。",
        "人口は123456人です。",
        "2024年4月1日から受付を開始します。",
        "令和6年度の予算は35億円です。",
        "郵便は3日かかります。",
    ],
)
def test_ordinary_numbers_are_not_personal_data(detector: Detector, text: str) -> None:
    assert kinds(detector.detect(text)) == []


def test_phone_digit_lookarounds_ignore_longer_runs(detector: Detector) -> None:
    # 13 digits are not a phone number, even if the first 11 look like a mobile.
    assert all(e.type.value != "phone" for e in detector.detect("番号0901234567891です"))


def test_email_ascii_and_full_width(detector: Detector) -> None:
    found = kinds(
        detector.detect("taro.yamada+1@city.example.lg.jp と ｈａｎａ＠ｅｘａｍｐｌｅ．ｊｐ へ")
    )
    assert found == [
        ("email", "taro.yamada+1@city.example.lg.jp"),
        ("email", "ｈａｎａ＠ｅｘａｍｐｌｅ．ｊｐ"),
    ]


@pytest.mark.parametrize("code", ["〒100-8926", "〒1008926", "〒１００－８９２６"])
def test_postal_codes(detector: Detector, code: str) -> None:
    assert kinds(detector.detect(f"{code} です")) == [("postal_code", code)]


@pytest.mark.parametrize(
    "number", ["123456789018", "1234-5678-9018", "１２３４５６７８９０１８", "1234 5678 9018"]
)
def test_my_number_with_valid_check_digit(detector: Detector, number: str) -> None:
    [entity] = detector.detect(f"マイナンバーは{number}です")
    assert (entity.type.value, entity.text) == ("my_number", number)
    assert entity.confidence >= 0.9
    # Without any label it is still taken for a 個人番号 (rt5: a number copied without its
    # label), at a lower confidence; after another number's label it is masked, not refused.
    [plain] = detector.detect(f"番号は{number}です")
    assert (plain.type.value, plain.text) == ("my_number", number)
    assert plain.detail == "check digit ok, no label"
    [receipt] = detector.detect(f"受付番号は{number}です")
    assert (receipt.type.value, receipt.text) == ("id_number", number)


def test_my_number_invalid_check_digit(detector: Detector) -> None:
    # Without context a bad check digit is just a number …
    assert kinds(detector.detect("番号は123456789017です")) == []
    # … but next to マイナンバー it is masked anyway, with lower confidence.
    [entity] = detector.detect("マイナンバーは123456789017です")
    assert entity.type.value == "my_number" and entity.confidence < 0.9


def test_driver_license_needs_context(detector: Detector) -> None:
    assert kinds(detector.detect("運転免許証の番号は123456789012です")) == [
        ("driver_license", "123456789012")
    ]


def test_pension_number_4_6(detector: Detector) -> None:
    assert kinds(detector.detect("基礎年金番号は1234-567890です")) == [
        ("pension_number", "1234-567890")
    ]
    assert kinds(detector.detect("年金の番号 1234567890")) == [("pension_number", "1234567890")]


def test_health_insurance_by_context(detector: Detector) -> None:
    found = kinds(detector.detect("保険証の被保険者番号は12345678です。3,000円かかりました。"))
    assert found == [("health_insurance", "12345678")]


def test_bank_account_by_context(detector: Detector) -> None:
    assert kinds(detector.detect("普通預金 口座番号1234567です")) == [("bank_account", "1234567")]
    assert kinds(detector.detect("口座は多い方がいい")) == []


def test_credit_card_luhn(detector: Detector) -> None:
    assert kinds(detector.detect("カード4111-1111-1111-1111で")) == [
        ("credit_card", "4111-1111-1111-1111")
    ]
    assert all(
        e.type.value != "credit_card" for e in detector.detect("カード4111-1111-1111-1112で")
    )


@pytest.mark.parametrize(
    "date",
    [
        "1985年4月12日",
        "昭和60年4月12日",
        "昭和六十年四月十二日",
        "平成元年1月8日",
        "令和2年5月1日",
        "H3年1月5日",
        "１９８５年４月１２日",
        "1985/04/12",
        "一九八五年四月十二日",
    ],
)
def test_birthdates(detector: Detector, date: str) -> None:
    [entity] = detector.detect(f"生年月日は{date}です。")
    assert (entity.type.value, entity.text) == ("birthdate", date)


def test_recent_date_without_cue_is_not_a_birthdate(detector: Detector) -> None:
    assert kinds(detector.detect("2025年4月1日に転入しました。")) == []
    assert kinds(detector.detect("2025年4月1日生まれです。")) == [("birthdate", "2025年4月1日")]


def test_invalid_dates_are_ignored(detector: Detector) -> None:
    assert kinds(detector.detect("生年月日は1985年13月40日です。")) == []
