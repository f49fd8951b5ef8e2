"""KPI for 効果検証: one definition per figure, computed here and only here.

The dashboard cards, the charts, and the CSV / XLSX / JSON exports all read the same
:class:`Counts` and the same :func:`percent` rounding, so a figure never differs between
them. Definitions (also in docs/console.md, with the guidebook's 効果検証 terms):

- 利用件数 ``total``: questions asked in the period (every channel);
- 回答件数 / 回答率 ``answered`` / ``answered_rate``: one confident answer, ÷ 利用件数;
- 更問件数 / 更問率 ``clarified``: 2–5 choices offered (更問), ÷ 利用件数;
- 引継ぎ件数 / 引継ぎ率 ``handed_over``: no answer, handed over to 担当課, ÷ 利用件数;
- 自己解決件数 ``self_served``: answered or clarified and not rated 「解決しなかった」;
- 自己解決率 ``self_resolution_rate``: 自己解決件数 ÷ 利用件数 (kept for continuity: it counts
  an answer or 更問 nobody reacted to as 自己解決, so it is the range's upper end, see below);
- 結果 (outcome) of each question, one of three, the resident's last signal first:
  確認済み自己解決 ``confirmed_resolved`` — 「解決した」, or a choice picked and no
  「解決しなかった」 after it; 未解決 ``unresolved`` — 「解決しなかった」, or handed over / emergency
  (no answer) with no 「解決した」; 結果不明 ``outcome_unknown`` — an answer or choices shown and
  no further signal;
- 自己解決率（確認済み） ``confirmed_resolution_rate``: 確認済み自己解決 ÷ 利用件数, and its range
  up to ``resolution_rate_upper`` = (確認済み自己解決 + 結果不明) ÷ 利用件数;
- 解決評価 ``resolved`` / ``not_resolved``: residents' votes; 解決評価率
  ``resolved_vote_rate`` = 「解決した」 ÷ (「解決した」 + 「解決しなかった」), none without votes;
- 削減時間 ``minutes_saved``: 確認済み自己解決件数 × the tenant's minutes per inquiry
  (``kpi_minutes_per_inquiry``, default 5), staff time not spent on the phone or counter.
  Only questions the resident confirmed count: an answer nobody reacted to may still have
  ended in a phone call, so the old 自己解決件数 basis overstated the time saved.

Percentages are rounded once, half up to one decimal, from the exact counts. Days are
Japanese calendar days (JST) although timestamps are stored in UTC.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from sqlalchemy import Date, and_, case, func, or_, select
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Session
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.elements import ColumnElement
from sqlalchemy.sql.functions import FunctionElement

from jichitai_ai.domain.models import Decision
from jichitai_ai.retrieval import Embedder
from jichitai_ai.services import tenants as tenant_service
from jichitai_ai.services.unanswered import unanswered_groups
from jichitai_ai.storage.tables import FaqEntryRow, QuestionLog
from jichitai_ai.timeutil import today_jst

DEFAULT_MINUTES_PER_INQUIRY = 5.0
MINUTES_SETTING = "kpi_minutes_per_inquiry"
JST_OFFSET = timedelta(hours=9)
MAX_PERIOD_DAYS = 731
TOP_N = 10


class jst_day(FunctionElement[date]):
    """The JST calendar day of a naive-UTC timestamp column."""

    type = Date()
    inherit_cache = True


@compiles(jst_day, "sqlite")
def _jst_day_sqlite(element: jst_day, compiler: SQLCompiler, **kw: Any) -> str:
    return f"date({compiler.process(element.clauses, **kw)}, '+9 hours')"


@compiles(jst_day)
def _jst_day_default(element: jst_day, compiler: SQLCompiler, **kw: Any) -> str:
    return f"CAST(({compiler.process(element.clauses, **kw)} + INTERVAL '9 hours') AS DATE)"


@dataclass(frozen=True)
class Period:
    """Inclusive JST days."""

    start: date
    end: date

    @classmethod
    def last_days(cls, days: int = 30, today: date | None = None) -> Period:
        end = today or today_jst()
        return cls(end - timedelta(days=days - 1), end)

    @classmethod
    def parse(cls, start: str | None, end: str | None, default_days: int = 30) -> Period:
        """From ``YYYY-MM-DD`` strings; bad or missing values fall back to the last 30 days."""
        fallback = cls.last_days(default_days)
        try:
            first = date.fromisoformat(start) if start else fallback.start
            last = date.fromisoformat(end) if end else fallback.end
        except ValueError:
            return fallback
        if first > last:
            first, last = last, first
        if (last - first).days >= MAX_PERIOD_DAYS:
            first = last - timedelta(days=MAX_PERIOD_DAYS - 1)
        return cls(first, last)

    def utc_bounds(self) -> tuple[datetime, datetime]:
        return (
            datetime.combine(self.start, time()) - JST_OFFSET,
            datetime.combine(self.end + timedelta(days=1), time()) - JST_OFFSET,
        )

    def days(self) -> list[date]:
        return [self.start + timedelta(days=i) for i in range((self.end - self.start).days + 1)]


def percent(numerator: int, denominator: int) -> float | None:
    """A share in percent, rounded half up to one decimal from the exact counts.

    The one rounding used by cards, charts and exports (29/80 → 36.3, not 36.2 as binary
    floating point formatting would give)."""
    if not denominator:
        return None
    exact = Decimal(numerator) * 100 / Decimal(denominator)
    return float(exact.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


def one_decimal(value: float) -> float:
    """Minutes and hours: half up to one decimal, the same everywhere."""
    return float(Decimal(str(value)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


def percent_text(value: float | None) -> str:
    """How a percentage is written on cards, charts and tables (— when undefined)."""
    return "—" if value is None else f"{value:.1f}%"


@dataclass(frozen=True)
class Rate:
    """A KPI that is a share: numerator ÷ the sum of the denominator fields."""

    key: str
    numerator: tuple[str, ...]
    denominator: tuple[str, ...]


#: Every rate KPI, defined once (see the module docstring for the Japanese terms).
RATES: tuple[Rate, ...] = (
    Rate("answered_rate", ("answered",), ("total",)),
    Rate("clarified_rate", ("clarified",), ("total",)),
    Rate("handed_over_rate", ("handed_over",), ("total",)),
    Rate("self_resolution_rate", ("self_served",), ("total",)),
    Rate("confirmed_resolution_rate", ("confirmed_resolved",), ("total",)),
    Rate("resolution_rate_upper", ("confirmed_resolved", "outcome_unknown"), ("total",)),
    Rate("resolved_vote_rate", ("resolved",), ("resolved", "not_resolved")),
)
RATE_KEYS = tuple(r.key for r in RATES)


@dataclass
class Counts:
    """Question counts of one tenant (or of a sum of tenants)."""

    total: int = 0
    answered: int = 0
    clarified: int = 0
    handed_over: int = 0
    resolved: int = 0
    not_resolved: int = 0
    self_served: int = 0
    confirmed_resolved: int = 0
    unresolved: int = 0
    outcome_unknown: int = 0
    minutes_saved: float = 0.0

    def add(self, other: Counts) -> None:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.minutes_saved = one_decimal(self.minutes_saved)

    def percent(self, key: str) -> float | None:
        """The rate ``key`` in percent (one decimal), by its single definition in RATES."""
        rate = next(r for r in RATES if r.key == key)
        return percent(
            sum(getattr(self, n) for n in rate.numerator),
            sum(getattr(self, d) for d in rate.denominator),
        )

    @property
    def answered_rate(self) -> float | None:
        return self.percent("answered_rate")

    @property
    def clarified_rate(self) -> float | None:
        return self.percent("clarified_rate")

    @property
    def handed_over_rate(self) -> float | None:
        return self.percent("handed_over_rate")

    @property
    def self_resolution_rate(self) -> float | None:
        return self.percent("self_resolution_rate")

    @property
    def confirmed_resolution_rate(self) -> float | None:
        return self.percent("confirmed_resolution_rate")

    @property
    def resolution_rate_upper(self) -> float | None:
        return self.percent("resolution_rate_upper")

    @property
    def resolved_vote_rate(self) -> float | None:
        return self.percent("resolved_vote_rate")

    def estimate_time_saved(self, minutes_per_inquiry: float) -> None:
        """削減時間: the confirmed self-resolutions at the tenant's minutes per inquiry (the one
        basis of the card, the tables and the exports)."""
        self.minutes_saved = one_decimal(self.confirmed_resolved * minutes_per_inquiry)

    @property
    def hours_saved(self) -> float:
        return one_decimal(self.minutes_saved / 60)

    def as_dict(self) -> dict[str, Any]:
        """Counts, rates (in percent, one decimal) and time saved: the export's numbers."""
        data = asdict(self)
        data.update({key: self.percent(key) for key in RATE_KEYS})
        data["hours_saved"] = self.hours_saved
        data["display"] = {key: percent_text(self.percent(key)) for key in RATE_KEYS}
        return data


@dataclass
class TenantCounts:
    tenant_id: int
    slug: str
    name: str
    name_en: str
    minutes_per_inquiry: float
    counts: Counts


@dataclass
class DayCounts:
    day: date
    answered: int = 0
    clarified: int = 0
    handed_over: int = 0

    @property
    def total(self) -> int:
        return self.answered + self.clarified + self.handed_over


#: Channels always listed in the per-channel breakdown, in this order (others follow).
CHANNELS = ("web", "widget", "line", "voice", "phone")
#: Other channel names kept as they are; anything else (the API takes a free string) is "other".
OTHER_CHANNELS = ("api", "cli")


@dataclass
class ChannelCounts:
    """Questions that came through one channel (``QuestionLog.channel``)."""

    channel: str
    counts: Counts


@dataclass
class KpiReport:
    period: Period
    tenants: list[TenantCounts]
    totals: Counts
    days: list[DayCounts]
    top_questions: list[dict[str, Any]] = field(default_factory=list)
    top_unanswered: list[dict[str, Any]] = field(default_factory=list)
    channels: list[ChannelCounts] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "period": {"start": self.period.start.isoformat(), "end": self.period.end.isoformat()},
            "totals": self.totals.as_dict(),
            "tenants": [
                {
                    "slug": t.slug,
                    "name": t.name,
                    "name_en": t.name_en,
                    "minutes_per_inquiry": t.minutes_per_inquiry,
                    **t.counts.as_dict(),
                }
                for t in self.tenants
            ],
            "days": [
                {
                    "day": d.day.isoformat(),
                    "total": d.total,
                    "answered": d.answered,
                    "clarified": d.clarified,
                    "handed_over": d.handed_over,
                }
                for d in self.days
            ],
            "top_questions": self.top_questions,
            "top_unanswered": self.top_unanswered,
            "channels": [{"channel": c.channel, **c.counts.as_dict()} for c in self.channels],
        }


def minutes_per_inquiry(settings: dict[str, Any]) -> float:
    """The tenant's estimate of staff minutes per phone or counter inquiry (default 5)."""
    value = settings.get(MINUTES_SETTING, DEFAULT_MINUTES_PER_INQUIRY)
    try:
        minutes = float(value)
    except (TypeError, ValueError):
        return DEFAULT_MINUTES_PER_INQUIRY
    return minutes if 0 <= minutes <= 600 else DEFAULT_MINUTES_PER_INQUIRY


def _count_if(condition: ColumnElement[bool]) -> ColumnElement[int]:
    return func.sum(case((condition, 1), else_=0))


def _in_period(period: Period) -> ColumnElement[bool]:
    start, end = period.utc_bounds()
    return and_(QuestionLog.asked_at >= start, QuestionLog.asked_at < end)


def _count_columns() -> list[ColumnElement[int]]:
    """count, answered, clarified, handed over, resolved, not resolved, self-served, then the
    three outcomes (confirmed, unresolved, unknown), in Counts order."""
    answered = QuestionLog.decision == str(Decision.ANSWER)
    clarified = QuestionLog.decision == str(Decision.CLARIFY)
    handed = QuestionLog.decision == str(Decision.NO_ANSWER)
    served = and_(
        or_(answered, clarified),
        or_(QuestionLog.resolved.is_(None), QuestionLog.resolved.is_(True)),
    )
    # The resident's last signal decides: a vote, else a picked choice, else what was shown.
    confirmed = or_(
        QuestionLog.resolved.is_(True),
        and_(QuestionLog.resolved.is_(None), QuestionLog.chosen_entry_id.is_not(None)),
    )
    silent = and_(QuestionLog.resolved.is_(None), QuestionLog.chosen_entry_id.is_(None))
    unknown = and_(silent, or_(answered, clarified))
    unresolved = or_(QuestionLog.resolved.is_(False), and_(silent, ~or_(answered, clarified)))
    return [
        func.count(),
        _count_if(answered),
        _count_if(clarified),
        _count_if(handed),
        _count_if(QuestionLog.resolved.is_(True)),
        _count_if(QuestionLog.resolved.is_(False)),
        _count_if(served),
        _count_if(confirmed),
        _count_if(unresolved),
        _count_if(unknown),
    ]


def _tenant_counts(session: Session, tenant_ids: list[int], period: Period) -> dict[int, Counts]:
    rows = session.execute(
        select(QuestionLog.tenant_id, *_count_columns())
        .where(QuestionLog.tenant_id.in_(tenant_ids), _in_period(period))
        .group_by(QuestionLog.tenant_id)
    ).all()
    return {int(r[0]): Counts(*(int(v or 0) for v in r[1:])) for r in rows}


def _channel_counts(
    session: Session, tenant_ids: list[int], period: Period, minutes: dict[int, float]
) -> list[ChannelCounts]:
    """Counts per channel (web, widget, LINE, voice, phone …), minutes saved at each tenant's rate."""
    rows = session.execute(
        select(QuestionLog.channel, QuestionLog.tenant_id, *_count_columns())
        .where(QuestionLog.tenant_id.in_(tenant_ids), _in_period(period))
        .group_by(QuestionLog.channel, QuestionLog.tenant_id)
    ).all()
    by_channel = {name: Counts() for name in CHANNELS}
    for row in rows:
        counts = Counts(*(int(v or 0) for v in row[2:]))
        counts.estimate_time_saved(minutes.get(int(row[1]), 0.0))
        name = str(row[0] or "api")
        name = name if name in CHANNELS or name in OTHER_CHANNELS else "other"
        by_channel.setdefault(name, Counts()).add(counts)
    return [ChannelCounts(name, counts) for name, counts in by_channel.items()]


def _days(session: Session, tenant_ids: list[int], period: Period) -> list[DayCounts]:
    day = jst_day(QuestionLog.asked_at)
    rows = session.execute(
        select(day, QuestionLog.decision, func.count())
        .where(QuestionLog.tenant_id.in_(tenant_ids), _in_period(period))
        .group_by(day, QuestionLog.decision)
    ).all()
    by_day = {d: DayCounts(d) for d in period.days()}
    attr = {
        str(Decision.ANSWER): "answered",
        str(Decision.CLARIFY): "clarified",
        str(Decision.NO_ANSWER): "handed_over",
    }
    for raw_day, decision, count in rows:
        key = raw_day if isinstance(raw_day, date) else date.fromisoformat(str(raw_day)[:10])
        bucket = by_day.get(key)
        if bucket is not None and decision in attr:
            setattr(bucket, attr[decision], getattr(bucket, attr[decision]) + int(count))
    return list(by_day.values())


def _top_questions(session: Session, tenant_ids: list[int], period: Period) -> list[dict[str, Any]]:
    """The entries residents were shown most (answers and clarification picks).

    An answer and its translations are one item (同じ回答): the counts of every language
    version of an entry (same tenant and external id) are added, and the Japanese question
    names it."""
    entry = func.coalesce(QuestionLog.answer_entry_id, QuestionLog.chosen_entry_id)
    rows = session.execute(
        select(entry, func.count())
        .where(QuestionLog.tenant_id.in_(tenant_ids), _in_period(period), entry.is_not(None))
        .group_by(entry)
    ).all()
    counts = {int(r[0]): int(r[1]) for r in rows}
    shown = session.execute(
        select(FaqEntryRow.id, FaqEntryRow.tenant_id, FaqEntryRow.external_id).where(
            FaqEntryRow.id.in_(list(counts))
        )
    ).all()
    answer_of = {int(i): (int(t), str(x)) for i, t, x in shown}
    versions: dict[tuple[int, str], list[tuple[int, str, str]]] = {}
    if answer_of:
        for i, t, x, language, question in session.execute(
            select(
                FaqEntryRow.id,
                FaqEntryRow.tenant_id,
                FaqEntryRow.external_id,
                FaqEntryRow.language,
                FaqEntryRow.question,
            ).where(
                FaqEntryRow.tenant_id.in_({t for t, _x in answer_of.values()}),
                FaqEntryRow.external_id.in_({x for _t, x in answer_of.values()}),
            )
        ).all():
            versions.setdefault((int(t), str(x)), []).append((int(i), str(language), question))
    totals: dict[tuple[int, str] | int, int] = {}
    for entry_id, n in counts.items():
        key: tuple[int, str] | int = answer_of.get(entry_id, entry_id)  # a deleted entry: alone
        totals[key] = totals.get(key, 0) + n
    named: list[tuple[int, int, str]] = []  # (count, entry id, question)
    for key, n in totals.items():
        if isinstance(key, int):
            named.append((n, key, ""))
            continue
        # The Japanese version names the answer (the lowest id when there is none).
        ranked = sorted(versions.get(key, []), key=lambda v: (v[1] != "ja", v[0]))
        entry_id, _lang, question = ranked[0]
        named.append((n, entry_id, question))
    named.sort(key=lambda item: (-item[0], item[1]))
    return [{"entry_id": i, "question": q, "count": n} for n, i, q in named[:TOP_N]]


def scope_ids(session: Session, tenant_id: int, *, members: bool) -> list[int]:
    """The tenant, plus its member municipalities when a prefecture looks at its totals."""
    return [tenant_id, *(tenant_service.children_ids(session, tenant_id) if members else [])]


def report(
    session: Session,
    tenant_ids: list[int],
    period: Period,
    *,
    with_themes: bool = True,
    embedder: Embedder | None = None,
) -> KpiReport:
    """Every KPI of the dashboard for the given tenants (already checked by the caller);
    ``embedder`` joins unanswered themes asked in different languages."""
    infos = [tenant_service.get_tenant_by_id(session, tid) for tid in tenant_ids]
    counts = _tenant_counts(session, tenant_ids, period)
    per_tenant: list[TenantCounts] = []
    totals = Counts()
    for info in infos:
        c = counts.get(info.id, Counts())
        minutes = minutes_per_inquiry(info.settings)
        c.estimate_time_saved(minutes)
        per_tenant.append(TenantCounts(info.id, info.slug, info.name, info.name_en, minutes, c))
        totals.add(c)
    result = KpiReport(
        period=period,
        tenants=per_tenant,
        totals=totals,
        days=_days(session, tenant_ids, period),
        top_questions=_top_questions(session, tenant_ids, period),
        channels=_channel_counts(
            session, tenant_ids, period, {t.tenant_id: t.minutes_per_inquiry for t in per_tenant}
        ),
    )
    if with_themes:
        start, end = period.utc_bounds()
        groups = unanswered_groups(session, tenant_ids, since=start, until=end, embedder=embedder)
        result.top_unanswered = [
            {"question": g.representative, "count": g.count, "low_rated": g.low_rated}
            for g in groups[:TOP_N]
        ]
    return result
