"""Long runs of spaces or line breaks around a question (hr7).

Two patterns began with an optional word and then ``\\s*`` (``(?:白い|黒い)?\\s*(?:煙|けむり)``,
``(?:침수|홍수|재해)?\\s*위험\\s*지도``), so every blank of a run started a match that scanned the
whole run: 40,000 spaces cost seconds of CPU. The optional word now carries its own blanks;
these tests hold what the patterns must still find (figures: docs/benchmarks.md §5, hr7).
"""

from __future__ import annotations

import pytest

from jichitai_ai.emergency import EmergencyKind, detect_emergency

#: 2,000 blanks: long enough for a pattern that scans a run to cross it (20,000 cost 200 s of CPU
#: in the suite; CPU per size: benchmarks/hardening/hr7_cpu.py, detect_emergency rows).
_BLANKS = [" " * 2_000, "\n" * 2_000, "\u3000" * 2_000]


@pytest.mark.parametrize("blank", _BLANKS)
@pytest.mark.parametrize(
    "text", ["となりの家から 白い 煙が出ています 今", "黒い\n煙と音がする、いま"]
)
def test_smoke_with_now_is_a_fire_inside_long_blank_runs(text: str, blank: str) -> None:
    assert detect_emergency(text) == [EmergencyKind.FIRE]
    assert detect_emergency(blank + text + blank) == [EmergencyKind.FIRE]


@pytest.mark.parametrize("blank", _BLANKS)
@pytest.mark.parametrize("text", ["침수 위험 지도는 어디서 받나요", "홍수   위험지도 어디"])
def test_a_hazard_map_stays_a_service_inside_long_blank_runs(text: str, blank: str) -> None:
    assert detect_emergency(blank + text + blank) == []


def test_a_blank_run_alone_is_no_emergency() -> None:
    for blank in _BLANKS:
        assert detect_emergency(blank) == []
