"""A gas smell in English and Chinese is an emergency as ガスのにおい and 가스 냄새 already were
(issue 12, i12s); gas bills and gas contracts stay ordinary questions."""

from __future__ import annotations

import pytest

from jichitai_ai.emergency import EmergencyKind, detect_emergency


@pytest.mark.parametrize(
    "text",
    [
        "I can smell gas in the kitchen and feel sick",
        "there is a strong gas smell in the hallway",
        "屋里有很浓的煤气味",
        "樓梯間有瓦斯味",
    ],
)
def test_gas_smell_is_an_emergency(text: str) -> None:
    assert EmergencyKind.DISASTER in detect_emergency(text)


@pytest.mark.parametrize(
    "text", ["how do I pay the gas bill", "gas and electricity for a new flat", "煤气费怎么交"]
)
def test_gas_bills_are_ordinary(text: str) -> None:
    assert detect_emergency(text) == []
