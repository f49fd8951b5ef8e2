"""The hoiku commands on real files, through Typer and as ``python -m``."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from typer.testing import CliRunner

from jichitai_ai.hoiku.cli import app

runner = CliRunner()


def test_generate_run_check_explain(tmp_path: Path) -> None:
    folder = tmp_path / "inst"
    res = runner.invoke(
        app,
        [
            "generate",
            "--children",
            "400",
            "--facilities",
            "15",
            "--seed",
            "4",
            "--out",
            str(folder),
        ],
    )
    assert res.exit_code == 0, res.output
    assert (folder / "children.csv").read_text(encoding="utf-8-sig").startswith("児童ID,世帯ID")
    out = tmp_path / "result.csv"
    xlsx = tmp_path / "result.xlsx"
    res = runner.invoke(app, ["run", str(folder), "--out", str(out), "--xlsx", str(xlsx), "--json"])
    assert res.exit_code == 0, res.output
    summary = json.loads(res.output)
    assert summary["method"] == "exact" and summary["stable"] and summary["children"] == 400
    assert 0 < summary["placed"] < 400
    res = runner.invoke(app, ["run", str(folder), "--out", str(out)])
    assert "方式: exact" in res.output and "内定" in res.output
    wb = load_workbook(xlsx, read_only=True)
    assert wb.sheetnames == ["結果", "施設別名簿", "待機リスト"]
    res = runner.invoke(app, ["check", str(folder), str(out)])
    assert res.exit_code == 0, res.output
    assert "検証OK" in res.output
    lines = out.read_text(encoding="utf-8-sig").splitlines()
    waiting = next(line.split(",")[0] for line in lines[1:] if ",保留（待機）," in line)
    res = runner.invoke(app, ["explain", str(folder), str(out), waiting])
    assert res.exit_code == 0 and "保留（待機）" in res.output and "第1希望" in res.output
    res = runner.invoke(app, ["explain", str(folder), str(out), waiting, "--lang", "en"])
    assert "Choice 1" in res.output


def test_check_fails_on_a_tampered_result(tmp_path: Path) -> None:
    folder = tmp_path / "inst"
    runner.invoke(app, ["generate", "--children", "200", "--facilities", "8", "--out", str(folder)])
    out = tmp_path / "result.csv"
    runner.invoke(app, ["run", str(folder), "--out", str(out)])
    lines = out.read_text(encoding="utf-8-sig").splitlines()
    # move every waiting child into the first placed child's facility
    first_fac = next(line.split(",")[1] for line in lines[1:] if line.split(",")[1])
    tampered = [lines[0]] + [
        (
            f"{line.split(',')[0]},{first_fac}"
            if not line.split(",")[1]
            else ",".join(line.split(",")[:2])
        )
        for line in lines[1:]
    ]
    bad = tmp_path / "bad.csv"
    bad.write_text("\n".join(tampered), encoding="utf-8")
    res = runner.invoke(app, ["check", str(folder), str(bad), "--json"])
    assert res.exit_code == 1
    report = json.loads(res.output)
    assert report["violations"] > 0
    assert {v["kind"] for v in report["violation_list"]} & {"capacity", "preference"}


def test_bad_input_lists_rows_and_exits_2(b: Any, tmp_path: Path) -> None:
    folder = b.make([b.fac("A", {1: 1})], [b.kid("k1", 9, 30, ["A"]), b.kid("k2", 1, "?", ["Q"])])
    res = runner.invoke(app, ["run", str(folder), "--out", str(tmp_path / "r.csv")])
    assert res.exit_code == 2
    assert "children.csv 2行目" in res.output and "children.csv 3行目" in res.output


def test_python_dash_m(tmp_path: Path) -> None:
    folder = tmp_path / "cm"
    env = {**os.environ, "OMP_NUM_THREADS": "1"}
    cmd = [sys.executable, "-m", "jichitai_ai.hoiku"]
    subprocess.run(
        [
            *cmd,
            "generate",
            "--children",
            "120",
            "--facilities",
            "6",
            "--out",
            str(folder),
            "--format",
            "chilmai",
        ],
        check=True,
        env=env,
        capture_output=True,
    )
    assert (folder / "申込者データ.csv").exists()
    out = tmp_path / "r.csv"
    done = subprocess.run(
        [
            *cmd,
            "run",
            str(folder),
            "--format",
            "chilmai",
            "--method",
            "exact",
            "--out",
            str(out),
            "--json",
            "--time-limit",
            "20",
        ],
        env=env,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["method"] == "exact"
    done = subprocess.run(
        [*cmd, "check", str(folder), str(out), "--format", "chilmai"],
        env=env,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout + done.stderr
