"""Second round over remaining vacancies, declined places and new applications."""

from __future__ import annotations

from typing import Any

from jichitai_ai.hoiku import Child, load_instance, next_round, outcomes, run


def test_second_round_uses_declined_seats_and_new_applicants(b: Any) -> None:
    folder = b.make(
        [b.fac("A", {1: 2}), b.fac("B", {1: 1})],
        [
            b.kid("a", 1, 50, ["A"]),
            b.kid("b", 1, 40, ["A"]),
            b.kid("c", 1, 30, ["A", "B"]),
            b.kid("d", 1, 20, ["A"]),
        ],
    )
    first = run(load_instance(folder))
    got = {o.child_id: o.facility_id for o in outcomes(first)}
    assert got == {"a": "A", "b": "A", "c": "B", "d": None}
    new = Child("e", "_e", 1, 45.0, ("A",))
    second_instance = next_round(first, declined={"a"}, new_children=(new,))
    caps = {f.id: f.capacity[1] for f in second_instance.facilities}
    assert caps == {"A": 1, "B": 0}  # a's declined seat is open again, B is full
    assert {c.id for c in second_instance.children} == {"d", "e"}
    second = run(second_instance)
    assert {o.child_id: o.facility_id for o in outcomes(second)} == {"d": None, "e": "A"}
    assert second.report.ok
