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


def test_next_round_command_and_template_round_trip(b: Any, tmp_path: Any) -> None:
    from typer.testing import CliRunner

    from jichitai_ai.hoiku.cli import app
    from jichitai_ai.hoiku.service import load_result

    runner = CliRunner()
    folder = tmp_path / "r1"
    assert (
        runner.invoke(
            app,
            [
                "generate",
                "--children",
                "300",
                "--facilities",
                "10",
                "--seed",
                "7",
                "--out",
                str(folder),
            ],
        ).exit_code
        == 0
    )
    result = tmp_path / "r1.csv"
    assert runner.invoke(app, ["run", str(folder), "--out", str(result)]).exit_code == 0
    first = load_result(load_instance(folder), result.read_bytes())
    placed = [o.child_id for o in outcomes(first) if o.status == "placed"][:3]
    new = (
        b.make(
            [b.fac("X", {})], [b.kid("N1", 2, 99, ["1001", "1002"]), b.kid("N2", 0, 5, ["1003"])]
        )
        / "children.csv"
    )
    nxt = tmp_path / "r2"
    res = runner.invoke(
        app,
        [
            "next-round",
            str(folder),
            str(result),
            "--out",
            str(nxt),
            "--declined",
            ",".join(placed),
            "--new",
            str(new),
        ],
    )
    assert res.exit_code == 0, res.output
    second = load_instance(nxt)
    ids = {c.id for c in second.children}
    assert {"N1", "N2"} <= ids and not (set(placed) & ids)
    waiting = {o.child_id for o in outcomes(first) if o.status in ("waiting", "stays")}
    assert waiting <= ids
    assert sum(c or 0 for f in second.facilities for c in f.capacity) >= len(placed)
    out2 = tmp_path / "r2.csv"
    assert runner.invoke(app, ["run", str(nxt), "--out", str(out2)]).exit_code == 0
    assert runner.invoke(app, ["check", str(nxt), str(out2)]).exit_code == 0
    # writing an instance back as templates keeps its meaning
    again = tmp_path / "again"
    from jichitai_ai.hoiku._writer import write_native

    write_native(load_instance(folder), again)
    assert run(load_instance(again)).placed == run(load_instance(folder)).placed
