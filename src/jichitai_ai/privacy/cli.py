"""``pii-eval`` and ``synth-eval``: measure the detector (mounted into the main CLI)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import typer

from jichitai_ai.i18n import t

from ._detector import DEFAULT_CONFIG, Detector, DetectorConfig
from ._evaluate import evaluate_ner_file, evaluate_synthetic

app = typer.Typer(help=t("privacy.cli.help", "en"), no_args_is_help=True)

_METRICS = ("precision", "recall", "recall_any_mask", "f1", "exact_f1", "char_recall")
_JSON_KEYS = (
    "precision",
    "recall",
    "recall_typed",
    "recall_any_mask",
    "f1",
    "exact_f1",
    "char_recall",
    "char_recall_any_mask",
)


_PROFILE = typer.Option(
    None,
    "--profile",
    help="standard, or strict (recall-first person rules); default: the gateway's profile",
)
_GATE = typer.Option(
    False, "--ginza-gate", help="with --ginza: only texts with a possible name go to GiNZA"
)


def _detector(ginza: bool | None, profile: str | None = None, gate: bool = False) -> Detector:
    """The detector to measure; without flags the gateway's default (DEFAULT_CONFIG)."""
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    ginza = DEFAULT_CONFIG.use_ginza if ginza is None else ginza
    profile = DEFAULT_CONFIG.profile if profile is None else profile
    if profile not in ("standard", "strict"):
        raise typer.BadParameter("--profile must be standard or strict")
    detector = Detector(
        DetectorConfig(
            use_ginza=ginza,
            profile="strict" if profile == "strict" else "standard",
            ginza_gate=gate,
        )
    )
    if ginza and not detector.ginza_active:
        typer.echo(t("privacy.cli.ginza_missing"), err=True)
    return detector


def _print_table(report: dict[str, object]) -> None:
    typer.echo(f"{'type':<18}" + "".join(f"{m:>16}" for m in _METRICS) + f"{'gold':>8}")
    for name, value in report.items():
        if isinstance(value, dict):
            row = "".join(f"{float(value[m]):>16.3f}" for m in _METRICS)
            typer.echo(f"{name:<18}{row}{value['gold']:>8}")
    typer.echo(t("privacy.cli.over_mask", value=f"{float(str(report['over_mask'])):.4f}"))
    typer.echo(t("privacy.cli.throughput", value=report["texts_per_s"], texts=report["texts"]))


@app.command("pii-eval")
def pii_eval(
    ner: Path = typer.Option(
        ..., "--ner", exists=True, dir_okay=False, help="ner-ja style JSON file"
    ),
    as_json: bool = typer.Option(False, "--json", help="one JSON object on stdout"),
    ginza: bool | None = typer.Option(
        None, "--ginza/--fast", help="add GiNZA NER (slow) or not; default: as the gateway"
    ),
    profile: str | None = _PROFILE,
    ginza_gate: bool = _GATE,
) -> None:
    """個人情報検出（人名・地名）の精度を評価します / person and location spans: P/R/F1,
    exact F1, character recall and over-masking.

    Recall is reported two ways (see ``_ner_eval``): ``recall_typed`` (same-type span;
    the old ``recall`` field, unchanged) and ``recall_any_mask`` / ``char_recall_any_mask``
    — covered by any mask, the masking measure defined in the ner-ja README
    (/work/shared/eval/ner-ja/README.md, "What to measure"). The issue-9 goal is read
    against the any-mask figures; docs/benchmarks.md section 3 says why.
    """
    report = evaluate_ner_file(ner, _detector(ginza, profile, ginza_gate))
    if as_json:
        out: dict[str, object] = {
            name: {k: report[name][k] for k in _JSON_KEYS}  # type: ignore[index]
            for name in ("person", "location")
        }
        for name in ("person", "location"):
            for key in ("recall_typed", "recall_any_mask", "char_recall_any_mask"):
                out[f"{name}_{key}"] = report[name][key]  # type: ignore[index]
        out["over_mask"] = report["over_mask"]
        out["texts_per_s"] = report["texts_per_s"]
        out["cpu_texts_per_s"] = report["cpu_texts_per_s"]
        typer.echo(json.dumps(out, ensure_ascii=False))
    else:
        _print_table(report)


@app.command("synth-eval")
def synth_eval(
    count: int = typer.Option(1000, "--count", min=1, max=1_000_000),
    seed: int = typer.Option(1, "--seed"),
    as_json: bool = typer.Option(False, "--json"),
    ginza: bool | None = typer.Option(None, "--ginza/--fast"),
    profile: str | None = _PROFILE,
    ginza_gate: bool = _GATE,
) -> None:
    """合成した住民の問い合わせで個人情報検出を種類別に評価します / per-type scores on
    seeded synthetic resident inquiries."""
    report = evaluate_synthetic(count, seed, _detector(ginza, profile, ginza_gate))
    if as_json:
        typer.echo(json.dumps(report, ensure_ascii=False))
    else:
        _print_table(report)


def register(cli: typer.Typer) -> None:
    """Mount ``pii-eval`` and ``synth-eval`` as top-level commands of the main CLI."""
    cli.command("pii-eval")(pii_eval)
    cli.command("synth-eval")(synth_eval)
