"""KPI report files for 効果検証 (CSV for any tool, XLSX for Excel), headers in the page language."""

from __future__ import annotations

import csv
import io
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from jichitai_ai.i18n import t
from jichitai_ai.services.kpi import RATE_KEYS, Counts, KpiReport

_COUNT_FIELDS = (
    "total",
    "answered",
    "clarified",
    "handed_over",
    "answered_rate",
    "clarified_rate",
    "handed_over_rate",
    "self_served",
    "self_resolution_rate",
    "resolved",
    "not_resolved",
    "resolved_vote_rate",
    "minutes_saved",
    "hours_saved",
    # Added after the columns existing sheets read by position (自己解決率（確認済み） and its range).
    "confirmed_resolved",
    "outcome_unknown",
    "unresolved",
    "confirmed_resolution_rate",
    "resolution_rate_upper",
)


def _value(counts: Counts, name: str) -> Any:
    """The same number the dashboard card shows (rates in percent, one decimal)."""
    value = counts.as_dict()[name]
    return "" if value is None else value


def _header(name: str, lang: str) -> str:
    label = t(f"console.kpi.col.{name}", lang)
    return f"{label} (%)" if name in RATE_KEYS else label


def summary_rows(report: KpiReport, lang: str) -> list[list[Any]]:
    """One row per tenant plus the total: the table finance and audit ask for."""
    header = [
        t("console.kpi.col.tenant", lang),
        t("console.kpi.col.period_start", lang),
        t("console.kpi.col.period_end", lang),
        t("console.kpi.col.minutes_per_inquiry", lang),
        *(_header(name, lang) for name in _COUNT_FIELDS),
    ]
    rows: list[list[Any]] = [header]
    start, end = report.period.start.isoformat(), report.period.end.isoformat()
    for item in report.tenants:
        name = item.name_en if lang == "en" and item.name_en else item.name
        rows.append(
            [name, start, end, item.minutes_per_inquiry]
            + [_value(item.counts, f) for f in _COUNT_FIELDS]
        )
    if len(report.tenants) > 1:
        rows.append(
            [t("console.kpi.total", lang), start, end, ""]
            + [_value(report.totals, f) for f in _COUNT_FIELDS]
        )
    return rows


def day_rows(report: KpiReport, lang: str) -> list[list[Any]]:
    rows: list[list[Any]] = [
        [
            t("console.kpi.col.day", lang),
            t("console.kpi.col.total", lang),
            t("console.kpi.col.answered", lang),
            t("console.kpi.col.clarified", lang),
            t("console.kpi.col.handed_over", lang),
        ]
    ]
    for d in report.days:
        rows.append([d.day.isoformat(), d.total, d.answered, d.clarified, d.handed_over])
    return rows


def top_rows(report: KpiReport, lang: str) -> list[list[Any]]:
    rows: list[list[Any]] = [
        [
            t("console.kpi.col.kind", lang),
            t("console.kpi.col.question", lang),
            t("console.kpi.col.count", lang),
        ]
    ]
    for item in report.top_questions:
        rows.append([t("console.kpi.top_questions", lang), item["question"], item["count"]])
    for item in report.top_unanswered:
        rows.append([t("console.kpi.top_unanswered", lang), item["question"], item["count"]])
    return rows


def channel_rows(report: KpiReport, lang: str) -> list[list[Any]]:
    """One row per channel (web, widget, LINE, voice, phone …)."""
    header = [
        t("channels.kpi.col.channel", lang),
        *(_header(n, lang) for n in _COUNT_FIELDS),
    ]
    rows: list[list[Any]] = [header]
    for item in report.channels:
        rows.append(
            [t(f"channels.kpi.name.{item.channel}", lang)]
            + [_value(item.counts, f) for f in _COUNT_FIELDS]
        )
    return rows


def _safe(value: Any) -> Any:
    """Keep spreadsheet formulas out of exported text (CSV/formula injection)."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def _xlsx_cell(value: Any) -> Any:
    """XML cannot hold most control characters: a residents' question logged with one (ESC from
    a LINE message, or stored before the input guard refused it) would fail the whole file.
    They are left out before the formula guard, which then sees the text as written (hr5)."""
    if isinstance(value, str):
        value = ILLEGAL_CHARACTERS_RE.sub("", value)
    return _safe(value)


def to_csv(report: KpiReport, lang: str) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    blocks = (
        summary_rows(report, lang),
        day_rows(report, lang),
        top_rows(report, lang),
        channel_rows(report, lang),
    )
    for block in blocks:
        writer.writerows([[_safe(v) for v in row] for row in block])
        writer.writerow([])
    # A BOM so Excel on Windows opens the Japanese text correctly.
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def to_xlsx(report: KpiReport, lang: str) -> bytes:
    book = Workbook()
    sheets = [
        (t("console.kpi.sheet.summary", lang), summary_rows(report, lang)),
        (t("console.kpi.sheet.days", lang), day_rows(report, lang)),
        (t("console.kpi.sheet.top", lang), top_rows(report, lang)),
        (t("channels.kpi.sheet", lang), channel_rows(report, lang)),
    ]
    first = True
    for title, rows in sheets:
        sheet = book.active if first else book.create_sheet()
        assert sheet is not None
        first = False
        sheet.title = title[:31]
        for row in rows:
            sheet.append([_xlsx_cell(v) for v in row])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
