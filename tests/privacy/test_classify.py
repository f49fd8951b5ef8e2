from __future__ import annotations

from jichitai_ai.i18n import t
from jichitai_ai.privacy import PERSON_CAP, ConfidentialityClass, Detector, assess, count_persons


def _level(detector: Detector, text: str) -> ConfidentialityClass:
    return assess(detector.detect(text)).level


def test_class_rules(detector: Detector) -> None:
    assert _level(detector, "ごみの出し方を教えてください。") is ConfidentialityClass.C1
    assert _level(detector, "生活保護の申請方法は？") is ConfidentialityClass.C2
    # A place name is not personal data: it never raises the class (issue 9).
    assert _level(detector, "京都の観光案内はありますか") is ConfidentialityClass.C1
    assert _level(detector, "マイナポータルで生活保護の申請はできますか") is ConfidentialityClass.C2
    assert _level(detector, "受付番号 202406010009 の状況") is ConfidentialityClass.C1
    assert _level(detector, "山田太郎様からの依頼です") is ConfidentialityClass.C3C
    assert _level(detector, "山田太郎様 090-1234-5678") is ConfidentialityClass.C3B
    assert _level(detector, "基礎年金番号1234-567890について") is ConfidentialityClass.C3B
    assert _level(detector, "山田太郎様は生活保護を受給中です") is ConfidentialityClass.C3A


def test_my_number_is_specific_personal_information(detector: Detector) -> None:
    result = assess(detector.detect("個人番号は123456789018です"))
    assert result.level is ConfidentialityClass.C3A
    assert result.specific_personal_information
    assert result.reasons[0] == "privacy.reason.my_number"
    assert t(result.reasons[0], "ja").startswith("マイナンバー")


def test_class_ordering() -> None:
    assert ConfidentialityClass.C3A.at_least(ConfidentialityClass.C3B)
    assert ConfidentialityClass.C3B.at_least(ConfidentialityClass.C3C)
    assert ConfidentialityClass.C3C.at_least(ConfidentialityClass.C2)
    assert not ConfidentialityClass.C1.at_least(ConfidentialityClass.C2)


def test_person_count_and_cap(detector: Detector) -> None:
    text = "山田太郎様、山田 太郎様、鈴木花子様、田中一郎様"
    assert count_persons(detector.detect(text)) == 3
    assert count_persons(detector.detect("090-1234-5678に電話")) == 1
    assert count_persons([]) == 0
    names = "、".join(
        f"{s}{g}様"
        for s in ("佐藤", "鈴木", "高橋", "田中", "伊藤")
        for g in ("太郎", "花子", "一郎")
    )
    result = assess(detector.detect(names))
    assert result.persons == 15 and not result.over_person_cap
    assert PERSON_CAP == 1000
