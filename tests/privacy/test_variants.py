"""異体字 names are masked like their common forms (a differential test: the same
sentence with the variant and with the standard kanji must give the same spans)."""

from __future__ import annotations

import pytest

from jichitai_ai.privacy import Detector, DetectorConfig
from jichitai_ai.privacy._variants import fold_variants


@pytest.fixture(scope="module")
def strict() -> Detector:
    return Detector(DetectorConfig(profile="strict", reference_year=2026))


@pytest.mark.parametrize(
    ("variant", "standard"),
    [
        ("髙橋一生が来庁した。", "高橋一生が来庁した。"),
        ("相談者の濵田雅功さんの件", "相談者の浜田雅功さんの件"),
        ("𠮷田沙保里さんの住所は", "吉田沙保里さんの住所は"),
        ("栁田さんから電話があった。", "柳田さんから電話があった。"),
        ("山﨑さんに連絡してください。", "山崎さんに連絡してください。"),
    ],
)
def test_variant_kanji_masked_like_the_standard_form(
    strict: Detector, variant: str, standard: str
) -> None:
    got = [(e.type, e.start, e.end) for e in strict.detect(variant)]
    want = [(e.type, e.start, e.end) for e in strict.detect(standard)]
    assert got == want and got
    # The entity text is the original (variant) text, not the folded one.
    for e in strict.detect(variant):
        assert e.text == variant[e.start : e.end]


def test_fold_keeps_length_and_other_text() -> None:
    text = "𠮷田・髙橋・栁田・濵田・山﨑、渡邉と齋藤はそのまま"
    folded = fold_variants(text)
    assert len(folded) == len(text)
    assert folded == "吉田・高橋・柳田・浜田・山崎、渡邉と齋藤はそのまま"
