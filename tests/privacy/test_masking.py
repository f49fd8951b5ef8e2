"""Consistent placeholders, restore, JSON storage and reviewer-supplied spans."""

from __future__ import annotations

import pytest

from jichitai_ai.privacy import Detector, Entity, EntityType, MaskingSession, redact


def test_same_entity_same_placeholder_across_messages(detector: Detector) -> None:
    session = MaskingSession()
    first = "山田太郎様の電話は090-1234-5678です。"
    second = "山田 太郎さんに０９０－１２３４－５６７８へ折り返し、鈴木花子さんにも。"
    m1 = session.mask(first, detector.detect(first))
    m2 = session.mask(second, detector.detect(second))
    assert m1.text == "【氏名1】様の電話は【電話番号1】です。"
    assert m2.text == "【氏名1】さんに【電話番号1】へ折り返し、【氏名2】さんにも。"


def test_restore_puts_originals_back(detector: Detector) -> None:
    session = MaskingSession()
    text = "申請者 高橋健太、住所は大阪府大阪市北区梅田2-4-9です。"
    masked = session.mask(text, detector.detect(text))
    assert "高橋健太" not in masked.text and "梅田2-4-9" not in masked.text
    answer = "【氏名1】様、【住所1】宛に書類をお送りします。"
    assert (
        session.restore(answer) == "高橋健太様、大阪府大阪市北区梅田2-4-9宛に書類をお送りします。"
    )


def test_restore_tolerates_rewritten_placeholders_and_ignores_unknown_ones() -> None:
    session = MaskingSession()
    session.mask("佐藤です", [Entity.from_span("佐藤です", 0, 2, "person")])
    assert session.restore("【氏名 1】・[氏名１]・【氏名2】") == "佐藤・佐藤・【氏名2】"


def test_json_roundtrip_keeps_numbering(detector: Detector) -> None:
    session = MaskingSession()
    text = "鈴木一郎様 taro@example.jp"
    session.mask(text, detector.detect(text))
    restored = MaskingSession.from_json(session.to_json())
    assert restored.mapping == session.mapping
    nxt = "田中花子様 taro@example.jp"
    assert restored.mask(nxt, detector.detect(nxt)).text == "【氏名2】様 【メール1】"


def test_from_json_rejects_unknown_version() -> None:
    with pytest.raises(ValueError):
        MaskingSession.from_json('{"version": 99, "entries": []}')


def test_reviewer_spans_add_remove_and_edit(detector: Detector) -> None:
    text = "担当の山田さんに、長男の健太のことで相談です。"
    found = detector.detect(text)
    reviewed = [e for e in found if e.type is not EntityType.LOCATION]
    start = text.index("健太")
    reviewed.append(Entity.from_span(text, start, start + 2, EntityType.PERSON))  # added by staff
    session = MaskingSession()
    result = session.mask(text, reviewed)
    assert result.text == "担当の【氏名1】さんに、長男の【氏名2】のことで相談です。"
    # The reviewer removes every mask: nothing is replaced.
    assert MaskingSession().mask(text, []).text == text


def test_reviewer_span_must_match_text() -> None:
    with pytest.raises(ValueError):
        MaskingSession().mask("abc", [Entity(EntityType.PERSON, 0, 2, "xy")])
    with pytest.raises(ValueError):
        Entity.from_span("abc", 2, 9, "person")


def test_overlapping_reviewer_spans_keep_the_longest() -> None:
    text = "山田太郎です"
    spans = [Entity.from_span(text, 0, 2, "person"), Entity.from_span(text, 0, 4, "person")]
    assert MaskingSession().mask(text, spans).text == "【氏名1】です"


def test_known_surfaces_are_masked_even_when_detection_misses_them() -> None:
    session = MaskingSession()
    session.mask("ヌワンコです", [Entity.from_span("ヌワンコです", 0, 4, "person")])
    assert session.mask("昨日ヌワンコが来た", []).text == "昨日【氏名1】が来た"
    assert session.mask("昨日ヌワンコが来た", [], mask_known=False).text == "昨日ヌワンコが来た"


def test_sensitive_flags_are_not_masked_by_default(detector: Detector) -> None:
    text = "生活保護の申請方法を教えてください。"
    entities = detector.detect(text)
    assert any(e.type is EntityType.SENSITIVE for e in entities)
    assert MaskingSession().mask(text, entities).text == text
    assert MaskingSession().mask(text, entities, types=None).text.startswith("【要配慮情報1】")


def test_redact_for_logs() -> None:
    assert redact("マイナンバーは123456789018です") == "マイナンバーは【個人番号1】です"
