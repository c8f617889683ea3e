"""The dashboard of a unit (or the nation) for a period, read from the rollup cells.

Every figure is a reporting indicator, so it is read from the incrementally maintained rollup
cells (reporting.RollupCell) — a handful of indexed rows — never by scanning the national
tables; a dashboard opened by thousands of people at 8 a.m. costs what the cell reads cost.
Report completeness is the one live count (the expected units and one month's submissions).
"""

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.utils import timezone

from danvan.core.periods import Period, PeriodKind
from danvan.reporting.models import Indicator, ReportForm, RollupCell
from danvan.reporting.selectors.completeness import completeness
from danvan.reporting.selectors.rollups import Figure, _combine, _merge_years, _terms
from danvan.territory.models import NATION, Level, Unit

# The KPI cards, in order: indicator code → short label for the card.
KPIS: list[tuple[str, str]] = [
    ("dvk_registered", "Mô hình Dân vận khéo đăng ký"),
    ("dvk_recognized", "Mô hình được công nhận"),
    ("dialogues_held", "Cuộc đối thoại với Nhân dân"),
    ("dialogue_answered_rate", "Ý kiến giải đáp tại chỗ"),
    ("petitions_received", "Đơn thư, kiến nghị tiếp nhận"),
    ("petitions_resolved_rate", "Đơn thư đã giải quyết"),
    ("gifts_given", "Suất quà trao tặng"),
    ("funds_raised", "Kinh phí vận động"),
    ("membership_rate", "Tỷ lệ tập hợp hội viên"),
]
TREND = ("dvk_registered", "dialogues_held", "petitions_received")
SCORE_DEFAULT = "dialogue_answered_rate"
MONTHLY_FORM = "dv-xa-thang"


@dataclass
class Kpi:
    code: str
    label: str
    value: Decimal | None
    value_type: str
    unit_of_measure: str


@dataclass
class Dashboard:
    unit: Unit | None
    period: Period
    kpis: list[Kpi]
    completeness_rate: float | None
    completeness_period: Period
    trend_months: list[Period]
    trends: dict[str, list[Decimal | None]]
    by_kind: list[tuple[str, Decimal | None]]
    children: list[dict[str, Any]] = field(default_factory=list)
    score_indicator: Indicator | None = None
    ranking: list[Figure] = field(default_factory=list)


def _indicators(codes: list[str]) -> dict[str, Indicator]:
    rows = Indicator.objects.select_related("numerator", "denominator").filter(code__in=codes)
    return {i.code: i for i in rows}


def _node(unit: Unit | None) -> int:
    return NATION if unit is None else unit.pk


def read_cells(indicators: list[Indicator], codes: list[str], nodes: list[int]) -> dict[tuple, tuple]:
    """One query for every (term indicator, period code, node, category) the dashboard needs."""
    terms = {t.pk for i in indicators for t in _terms(i)}
    rows = RollupCell.objects.filter(
        indicator_id__in=terms, period_code__in=codes, node__in=nodes
    ).values_list("indicator_id", "period_code", "node", "category", "total", "count", "low", "high")
    return {(i, p, n, c): (t, k, lo, hi) for i, p, n, c, t, k, lo, hi in rows}


def _value(
    indicator: Indicator, cells: dict[tuple, tuple], codes: list[str], node: int, category: str = ""
) -> Any:
    parts = []
    for term in _terms(indicator):
        found = [cells[(term.pk, c, node, category)] for c in codes if (term.pk, c, node, category) in cells]
        parts.append(_merge_years(term, found))
    return _combine(indicator, parts)[0]


def _codes(period: Period) -> list[str]:
    if period.kind is PeriodKind.MULTI_YEAR:
        return [str(y) for y in range(period.year, period.end_year + 1)]
    return [period.code]


def dashboard(
    *, unit: Unit | None, period: Period, score: str = SCORE_DEFAULT, children: bool = True
) -> Dashboard:
    indicators = _indicators([c for c, _ in KPIS] + [score])
    months = _trend_months(period)
    codes = _codes(period)
    cells = read_cells(list(indicators.values()), codes + [m.code for m in months], [_node(unit)])
    node = _node(unit)
    kpis = [
        Kpi(code, label, _value(i, cells, codes, node), i.value_type, i.unit_of_measure)
        for code, label in KPIS
        if (i := indicators.get(code)) is not None
    ]
    trends = {
        code: [_value(indicators[code], cells, [m.code], node) for m in months]
        for code in TREND
        if code in indicators
    }
    registered = indicators.get("dvk_registered")
    by_kind = (
        [(c["label"], _value(registered, cells, codes, node, c["code"])) for c in registered.categories]
        if registered
        else []
    )
    form = ReportForm.objects.filter(code=MONTHLY_FORM).first()
    month = _last_full_month(period)
    rate = completeness(form=form, period=month, unit=unit).unit.rate if form else None
    result = Dashboard(unit, period, kpis, rate, month, months, trends, by_kind)
    if children:
        _children(result, indicators, score)
    return result


def _child_units(unit: Unit | None) -> list[Unit]:
    today = timezone.localdate()
    if unit is not None and unit.valid_to is not None and unit.valid_to < today:
        today = unit.valid_to
    rows = Unit.objects.valid_on(today)
    rows = (
        rows.filter(parent__isnull=True, level=Level.PROVINCE) if unit is None else rows.filter(parent=unit)
    )
    return list(rows.order_by("sort_key").only("pk", "code", "name"))


def _children(result: Dashboard, indicators: dict[str, Indicator], score: str) -> None:
    """A row per child unit with every KPI — two queries in all — and the ranking on `score`."""
    units = _child_units(result.unit)
    codes = _codes(result.period)
    cells = read_cells(list(indicators.values()), codes, [u.pk for u in units])
    result.children = [
        {
            "code": u.code,
            "name": u.name,
            "values": {code: _value(i, cells, codes, u.pk) for code, i in indicators.items()},
        }
        for u in units
    ]
    chosen = indicators.get(score)
    if chosen is not None:
        result.score_indicator = chosen
        figures = [Figure(r["code"], r["name"], "", r["values"].get(score)) for r in result.children]
        result.ranking = sorted(figures, key=lambda f: (f.value is None, -(f.value or 0), f.name))


def _trend_months(period: Period) -> list[Period]:
    """The twelve months ending with the period's last month."""
    last = Period.month(period.end.year, period.end.month)
    months = [last]
    while len(months) < 12:
        months.insert(0, months[0].previous())
    return months


def _last_full_month(period: Period) -> Period:
    today = timezone.localdate()
    month = Period.month(period.end.year, period.end.month)
    current = Period.month(today.year, today.month)
    return current.previous() if month.start >= current.start else month
