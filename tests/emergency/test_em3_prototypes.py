"""The em3 experiment's prototypes stay independent of the emergency test sets."""

from __future__ import annotations

from benchmarks.emergency.texts import EM, prototypes

from jichitai_ai.emergency import EmergencyKind


def test_every_kind_and_service_has_prototypes() -> None:
    kinds = {kind for kind, _ in prototypes()}
    assert kinds == {k.value for k in EmergencyKind} | {"service"}


def test_no_prototype_is_a_row_of_an_emergency_test_set() -> None:
    rows = set()
    for path in EM.glob("*.csv"):
        rows |= {line.rsplit(",", 1)[-1].strip() for line in path.read_text("utf-8").splitlines()}
    assert not [text for _, text in prototypes() if text in rows]
