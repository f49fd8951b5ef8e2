"""``hoiku`` commands: generate, run, check, explain (mounted as ``jichitai-ai hoiku``)."""

from __future__ import annotations

import json
import time
from pathlib import Path

import typer

from jichitai_ai.hoiku._checker import CheckReport
from jichitai_ai.hoiku._explain import status_name
from jichitai_ai.hoiku._generate import generate as make_instance
from jichitai_ai.hoiku._generate import write_chilmai, write_native
from jichitai_ai.hoiku._model import Child
from jichitai_ai.hoiku._native import load_native_bytes
from jichitai_ai.hoiku._rounds import next_round
from jichitai_ai.hoiku._solve import METHODS, AllocationRefused
from jichitai_ai.hoiku._tabular import HoikuInputError
from jichitai_ai.hoiku._writer import facilities_csv, quotas_csv
from jichitai_ai.hoiku.service import (
    explain as explain_child,
)
from jichitai_ai.hoiku.service import (
    export_csv,
    export_xlsx,
    load_instance,
    load_result,
)
from jichitai_ai.hoiku.service import (
    run as run_allocation,
)
from jichitai_ai.i18n import t

app = typer.Typer(help="保育所等利用調整 / Nursery admission allocation", no_args_is_help=True)

FORMAT_HELP = "native (テンプレート) | chilmai (ChilmAI の CSV)"


def _fail_input(exc: HoikuInputError) -> None:
    typer.echo(t("hoiku.cli.input_errors", count=exc.total), err=True)
    for issue in exc.issues:
        typer.echo(f"  {issue}", err=True)
    for note in exc.notes:
        typer.echo(f"  {note}", err=True)
    raise typer.Exit(2)


@app.command()
def generate(
    children: int = typer.Option(500, "--children", min=1, help="children"),
    facilities: int = typer.Option(20, "--facilities", min=1, help="facilities"),
    seed: int = typer.Option(0, "--seed"),
    out: Path = typer.Option(..., "--out", help="output folder"),
    fmt: str = typer.Option("native", "--format", help=FORMAT_HELP),
    siblings: float = typer.Option(
        0.12, "--siblings", min=0.0, max=1.0, help="share of families with siblings"
    ),
    transfers: float = typer.Option(0.05, "--transfers", min=0.0, max=1.0),
    bonus: float = typer.Option(
        0.0, "--bonus", min=0.0, max=1.0, help="share with facility-specific points"
    ),
) -> None:
    """合成した申込データを標準テンプレートの CSV で書き出します / write a synthetic
    instance as the CSV templates."""
    inst = make_instance(
        children,
        facilities,
        seed,
        sibling_share=siblings,
        transfer_share=transfers,
        bonus_share=bonus,
    )
    paths = write_chilmai(inst, out) if fmt == "chilmai" else write_native(inst, out)
    for p in paths:
        typer.echo(str(p))


def _summary(
    alloc_method: str, optimal: bool, seconds: float, report: CheckReport, total: int
) -> dict[str, object]:
    return {
        "method": alloc_method,
        "optimal": optimal,
        "seconds": round(seconds, 3),
        "children": total,
        "placed": report.placed,
        "violations": len(report.violations),
        "blocking_coalitions": len(report.blocking),
        "stable": report.ok,
    }


@app.command()
def run(
    directory: Path = typer.Argument(..., help="instance folder"),
    out: Path = typer.Option(..., "--out", help="result CSV (児童ID, 施設ID, 理由…)"),
    method: str = typer.Option(
        "auto", "--method", help="auto (fast + exact, default) | fast | exact"
    ),
    fmt: str = typer.Option("native", "--format", help=FORMAT_HELP),
    time_limit: float = typer.Option(
        900.0,
        "--time-limit",
        min=1.0,
        help="safety net per solver step in seconds; results do not depend on it unless it cuts one",
    ),
    xlsx: Path | None = typer.Option(
        None, "--xlsx", help="also write result, rosters and waitlists as XLSX"
    ),
    as_json: bool = typer.Option(False, "--json"),
    lang: str = typer.Option("ja", "--lang"),
) -> None:
    """利用調整を行い、児童ごとの理由つきで結果を書き出します / allocate seats and
    write the result with a reason for every child."""
    if method not in METHODS:
        raise typer.BadParameter(" | ".join(METHODS), param_hint="--method")
    start = time.perf_counter()
    try:
        inst = load_instance(directory, fmt)
    except HoikuInputError as exc:
        _fail_input(exc)
        return
    try:
        alloc = run_allocation(inst, method, time_limit)
    except AllocationRefused as exc:
        typer.echo(
            t(
                "hoiku.cli.refused",
                lang,
                message=t(
                    "hoiku.err.refused",
                    lang,
                    count=len(exc.violations),
                    kinds=", ".join(sorted({v.kind for v in exc.violations})),
                ),
            ),
            err=True,
        )
        for v in exc.violations[:20]:
            typer.echo(f"  {v.kind}: {','.join(v.child_ids[:10])} {v.facility_id or ''}", err=True)
        raise typer.Exit(3) from None
    out.write_bytes(export_csv(alloc, lang))
    if xlsx is not None:
        xlsx.write_bytes(export_xlsx(alloc, lang))
    summary = _summary(
        alloc.method, alloc.optimal, time.perf_counter() - start, alloc.report, len(inst.children)
    )
    summary["solve_seconds"] = round(alloc.seconds, 3)
    summary["notes"] = alloc.notes
    summary["stable_exists"] = alloc.stable_exists
    summary["blocking_lower_bound"] = alloc.blocking_bound
    summary["time_limited"] = alloc.time_limited
    if as_json:
        typer.echo(json.dumps(summary, ensure_ascii=False))
        return
    typer.echo(
        t(
            "hoiku.cli.run_summary",
            lang,
            **{k: summary[k] for k in ("method", "seconds", "placed", "children")},
        )
    )
    for note in alloc.notes:
        typer.echo(f"  ({note})")
    count = len(alloc.report.blocking)
    if not count:
        proven = "hoiku.cli.optimal_yes" if alloc.optimal else "hoiku.cli.optimal_no"
        typer.echo(t("hoiku.cli.stable", lang, optimal=t(proven, lang)))
    else:
        if alloc.stable_exists is False:
            key = "hoiku.cli.no_stable_minimum" if alloc.optimal else "hoiku.cli.no_stable_exists"
        else:
            key = "hoiku.cli.no_stable"
        typer.echo(t(key, lang, count=count))
        for b in alloc.report.blocking[:50]:
            typer.echo(
                f"  {','.join(b.family_children)} → {','.join(f or '-' for f in b.facilities)}"
            )
    return


@app.command()
def check(
    directory: Path = typer.Argument(..., help="instance folder"),
    result: Path = typer.Argument(..., help="result CSV/XLSX"),
    fmt: str = typer.Option("native", "--format", help=FORMAT_HELP),
    as_json: bool = typer.Option(False, "--json"),
    lang: str = typer.Option("ja", "--lang"),
) -> None:
    """定員・きょうだい・転園・安定性を検証します（すべて満たすときだけ終了コード 0） /
    verify capacities, sibling policies, transfers and stability; exit 0 only if all hold."""
    try:
        inst = load_instance(directory, fmt)
        alloc = load_result(inst, result.read_bytes(), result.name)
    except HoikuInputError as exc:
        _fail_input(exc)
        return
    rep = alloc.report
    if as_json:
        typer.echo(
            json.dumps(
                {
                    **_summary("file", False, alloc.seconds, rep, len(inst.children)),
                    "violation_list": [
                        {
                            "kind": v.kind,
                            "children": v.child_ids,
                            "facility": v.facility_id,
                            **v.detail,
                        }
                        for v in rep.violations
                    ],
                    "blocking_list": [
                        {
                            "children": b.family_children,
                            "position": b.position + 1,
                            "facilities": b.facilities,
                        }
                        for b in rep.blocking
                    ],
                },
                ensure_ascii=False,
            )
        )
    else:
        for v in rep.violations:
            typer.echo(
                t(
                    f"hoiku.check.{v.kind}",
                    lang,
                    children=",".join(v.child_ids[:10]),
                    facility=v.facility_id or "-",
                    detail=json.dumps(v.detail, ensure_ascii=False),
                )
            )
        for b in rep.blocking:
            typer.echo(
                t(
                    "hoiku.check.blocking",
                    lang,
                    children=",".join(b.family_children),
                    position=b.position + 1,
                    facilities=",".join(f or "-" for f in b.facilities),
                )
            )
        typer.echo(
            t(
                "hoiku.check.ok" if rep.ok else "hoiku.check.ng",
                lang,
                placed=rep.placed,
                violations=len(rep.violations),
                blocking=len(rep.blocking),
            )
        )
    if not rep.ok:
        raise typer.Exit(1)


@app.command()
def explain(
    directory: Path = typer.Argument(..., help="instance folder"),
    result: Path = typer.Argument(..., help="result CSV/XLSX"),
    child_id: str = typer.Argument(..., help="児童ID"),
    fmt: str = typer.Option("native", "--format", help=FORMAT_HELP),
    lang: str = typer.Option("ja", "--lang"),
) -> None:
    """Explain one child's outcome (根拠説明)."""
    try:
        inst = load_instance(directory, fmt)
        alloc = load_result(inst, result.read_bytes(), result.name)
        o = explain_child(alloc, child_id, lang)
    except HoikuInputError as exc:
        _fail_input(exc)
        return
    typer.echo(f"{o.child_id}: {status_name(o.status, lang)} {o.facility_name}")
    for r in o.reasons:
        typer.echo(f"  - {r}")


@app.command("next-round")
def next_round_command(
    directory: Path = typer.Argument(..., help="instance folder of this round"),
    result: Path = typer.Argument(..., help="result CSV/XLSX of this round"),
    out: Path = typer.Option(..., "--out", help="folder for the next round (templates)"),
    declined: str = typer.Option(
        "", "--declined", help="児童ID of declined places, comma separated"
    ),
    new: Path | None = typer.Option(None, "--new", help="children file with new applications"),
    fmt: str = typer.Option("native", "--format", help=FORMAT_HELP),
) -> None:
    """Prepare the next round (二次調整): remaining and declined seats, waiting and new children."""
    try:
        inst = load_instance(directory, fmt)
        alloc = load_result(inst, result.read_bytes(), result.name)
        fresh: tuple[Child, ...] = ()
        if new is not None:
            # new applications use the 児童 template against this round's facilities
            names = ("facilities", new.name, "")
            quotas = quotas_csv(inst) if inst.shared_quotas else None
            fresh = load_native_bytes(
                facilities_csv(inst), new.read_bytes(), quotas, names=names
            ).children
    except HoikuInputError as exc:
        _fail_input(exc)
        return
    ids = {x.strip() for x in declined.split(",") if x.strip()}
    unknown = sorted(ids - {c.id for c in inst.children})
    if unknown:
        typer.echo(t("hoiku.err.unknown_child", value=", ".join(unknown)[:200]), err=True)
        raise typer.Exit(2)
    for p in write_native(next_round(alloc, ids, fresh), out):
        typer.echo(str(p))
