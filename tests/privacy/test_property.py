"""Property: texts carrying personal data leave ``mask()`` without any original identifier."""

from __future__ import annotations

import unicodedata

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jichitai_ai.privacy import Detector, EntityType, MaskingSession
from jichitai_ai.privacy.synthetic import FOREIGN_NAMES, GIVEN_NAMES, SURNAMES, generate

_FILLERS = (
    "",
    "すみません、",
    "至急お願いします。",
    "先日の件で、",
    "よろしくお願いいたします。\n",
)
_SLOW = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def _digits(value: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKC", value) if ch.isdigit())


@_SLOW
@given(
    seed=st.integers(min_value=0, max_value=10**9),
    before=st.sampled_from(_FILLERS),
    after=st.sampled_from(_FILLERS),
)
def test_structured_identifiers_never_survive_masking(
    detector: Detector, seed: int, before: str, after: str
) -> None:
    [sample] = generate(1, seed)
    text = before + sample.text + after
    shift = len(before)
    masked = MaskingSession().mask(text, detector.detect(text)).text
    for start, end, kind in sample.entities:
        original = text[start + shift : end + shift]
        if kind is EntityType.PERSON:
            continue  # names: see the next test (cue-bearing names)
        assert original not in masked, (kind, original, masked)
        digits = _digits(original)
        if len(digits) >= 6:
            assert digits not in _digits(masked), (kind, original, masked)


@_SLOW
@given(
    surname=st.sampled_from(SURNAMES),
    given_name=st.sampled_from(GIVEN_NAMES),
    foreign=st.sampled_from(FOREIGN_NAMES),
    honorific=st.sampled_from(("様", "さん", "氏")),
    sep=st.sampled_from(("", " ", "　")),
    before=st.sampled_from(_FILLERS),
    label=st.sampled_from(("氏名：", "申請者 ", "")),
)
def test_names_with_cues_never_survive_masking(
    detector: Detector,
    surname: str,
    given_name: str,
    foreign: str,
    honorific: str,
    sep: str,
    before: str,
    label: str,
) -> None:
    name = surname + sep + given_name
    text = f"{before}{label}{name}{honorific}から、{foreign}{honorific}の件でご連絡がありました。"
    masked = MaskingSession().mask(text, detector.detect(text)).text
    assert name not in masked and given_name not in masked, masked
    assert foreign not in masked, masked
