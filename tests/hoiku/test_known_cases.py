"""Hand-made cases whose right answer is known."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jichitai_ai.hoiku import explain, load_instance, outcomes, run


def placement(folder: Path, method: str = "fast") -> dict[str, str | None]:
    alloc = run(load_instance(folder), method)
    assert not alloc.report.violations
    return {o.child_id: o.facility_id for o in outcomes(alloc)}


def test_together_siblings_are_admitted_all_or_nothing(b: Any) -> None:
    folder = b.make(
        [b.fac("A", {0: 1, 1: 1})],
        [
            b.kid("x", 0, 50, ["A"]),
            b.kid("s1", 1, 40, ["A"], family="F", policy="同時入所"),
            b.kid("s0", 0, 40, ["A"], family="F", policy="同時入所"),
        ],
    )
    for method in ("fast", "exact"):
        got = placement(folder, method)
        # the 0-year place goes to x, so the family cannot enter together: nobody of it enters
        assert got == {"x": "A", "s1": None, "s0": None}
    alloc = run(load_instance(folder))
    why = " ".join(explain(alloc, "s1").reasons)
    assert "きょうだいの入所条件" in why and "同時入所" in why


def test_prefer_together_siblings_may_split(b: Any) -> None:
    folder = b.make(
        [b.fac("A", {0: 1, 1: 1})],
        [
            b.kid("x", 0, 50, ["A"]),
            b.kid("s1", 1, 40, ["A"], family="F", policy="同一園希望"),
            b.kid("s0", 0, 40, ["A"], family="F", policy="同一園希望"),
        ],
    )
    assert placement(folder) == {"x": "A", "s1": "A", "s0": None}


def test_together_siblings_take_a_common_facility_before_splitting_up(b: Any) -> None:
    folder = b.make(
        [b.fac("A", {0: 1, 1: 0}), b.fac("B", {0: 1, 1: 1})],
        [
            b.kid("s1", 1, 40, ["A", "B"], family="F", policy="同時入所"),
            b.kid("s0", 0, 40, ["A", "B"], family="F", policy="同時入所"),
        ],
    )
    assert placement(folder, "exact") == {"s1": "B", "s0": "B"}


def test_failed_transfer_keeps_the_current_place(b: Any) -> None:
    folder = b.make(
        [b.fac("A", {2: 1}), b.fac("B", {2: 0})],
        [
            b.kid("y", 2, 60, ["A"]),
            b.kid("t", 2, 30, ["A"], enrolled="B"),
            b.kid("z", 2, 90, ["B"]),
        ],
    )
    for method in ("fast", "exact"):
        # t keeps its seat at B even though z has a higher index: B has no vacancy
        assert placement(folder, method) == {"y": "A", "t": "B", "z": None}
    alloc = run(load_instance(folder))
    assert explain(alloc, "t").status == "stays"


def test_successful_transfer_frees_its_seat_for_the_next_child(b: Any) -> None:
    folder = b.make(
        [b.fac("A", {2: 1}), b.fac("B", {2: 0})],
        [b.kid("t", 2, 30, ["A"], enrolled="B"), b.kid("z", 2, 10, ["B"])],
    )
    for method in ("fast", "exact"):
        assert placement(folder, method) == {"t": "A", "z": "B"}


TIE_RULES = 'tiebreak = ["利用調整指数:降順", "ひとり親:降順", "世帯所得:昇順", "申込順"]\n'


def test_ties_follow_the_configured_rules(b: Any) -> None:
    rows = [
        b.kid("a", 1, 30, ["A"], income=100),
        b.kid("b", 1, 30, ["A"], single_parent=1, income=900),
        b.kid("c", 1, 30, ["A"], income=50),
    ]
    folder = b.make([b.fac("A", {1: 1})], rows, TIE_RULES)
    assert placement(folder)["b"] == "A"  # ひとり親 decides first
    folder = b.make([b.fac("A", {1: 1})], rows, 'tiebreak = ["利用調整指数", "世帯所得:昇順"]\n')
    assert placement(folder)["c"] == "A"  # lowest income
    folder = b.make([b.fac("A", {1: 1})], rows, 'tiebreak = ["利用調整指数", "申込順"]\n')
    assert placement(folder)["a"] == "A"  # first application
    alloc = run(load_instance(folder))
    why = " ".join(explain(alloc, "b").reasons)
    assert "指数30以上" in why and "同点のため" in why


def test_facility_specific_points_change_the_order_at_that_facility(b: Any) -> None:
    folder = b.make(
        [b.fac("A", {1: 1}), b.fac("B", {1: 1})],
        [b.kid("p", 1, 30, ["A", "B"]), b.kid("q", 1, 25, ["A", "B"], bonus=[10])],
    )
    assert placement(folder) == {"q": "A", "p": "B"}


def test_shared_quota_bounds_two_age_classes(b: Any) -> None:
    folder = b.make(
        [["A", "A園", "", "", 0, 0, 0, 0]],
        [b.kid("a", 0, 50, ["A"]), b.kid("b", 1, 40, ["A"]), b.kid("c", 1, 30, ["A"])],
    )
    (folder / "shared_quotas.csv").write_text(
        '施設ID,対象年齢クラス,募集数\nA,"0,1",2\n', encoding="utf-8"
    )
    assert placement(folder) == {"a": "A", "b": "A", "c": None}


def no_stable_case(b: Any) -> Path:
    """Roth's couples example: the twins need (H1, H2); s ranks below m1 at H1 but above m2 at H2."""
    return b.make(
        [b.fac("H1", {1: 1}), b.fac("H2", {1: 1})],
        [
            ["m1", "T", 1, 5, 0, 0, "", "6", "H1", "", "", "", "", ""],
            ["m2", "T", 1, 3, 0, 0, "", "6", "H2", "", "", "", "", ""],
            b.kid("s", 1, 3, ["H1", "H2"], bonus=[0, 2]),
        ],
    )


def test_without_a_stable_allocation_exact_returns_fewest_blocking_and_says_so(b: Any) -> None:
    folder = no_stable_case(b)
    alloc = run(load_instance(folder), "exact")
    assert alloc.optimal
    assert len(alloc.report.blocking) == 1  # every allocation has at least one
    got = {o.child_id: o.facility_id for o in outcomes(alloc)}
    assert got == {"m1": "H1", "m2": "H2", "s": None}  # then the most children placed
    assert "ブロッキング" in " ".join(explain(alloc, "s").reasons)
    fast = run(load_instance(folder), "fast")
    assert fast.report.violations == [] and len(fast.report.blocking) >= 1
    assert any("cycled" in n for n in fast.notes)


def test_generated_instance_without_stable_allocation_still_gets_a_result() -> None:
    from jichitai_ai.hoiku._generate import generate

    inst = generate(120, 6, seed=3, no_stable_gadgets=3)
    for method in ("fast", "exact"):
        alloc = run(inst, method, time_limit=20)
        assert not alloc.report.violations
        # each couples gadget forces exactly one blocking coalition and no more are needed
        assert len(alloc.report.blocking) == 3
        assert {bc.family_children[0][:2] for bc in alloc.report.blocking} == {"C9"}


def test_sibling_family_with_a_transfer_moves_together_or_keeps_the_seat(b: Any) -> None:
    def case(rival_score: int) -> dict[str, str | None]:
        folder = b.make(
            [b.fac("A", {1: 1, 3: 1}), b.fac("B", {1: 0, 3: 0})],
            [
                b.kid("old", 3, 30, ["A"], family="F", policy="同時入所", enrolled="B"),
                b.kid("young", 1, 30, ["A"], family="F", policy="同時入所"),
                b.kid("rival", 1, rival_score, ["A"]),
            ],
        )
        return placement(folder, "exact") | {"fast": placement(folder)["old"]}

    # the family outranks the rival: both siblings enter A, the old seat at B is freed
    assert case(10) == {"old": "A", "young": "A", "rival": None, "fast": "A"}
    # the rival outranks the younger sibling: no common move, the older child keeps B
    assert case(50) == {"old": "B", "young": None, "rival": "A", "fast": "B"}
