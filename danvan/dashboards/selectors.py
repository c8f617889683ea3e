"""The dashboard of a unit (or the nation) for a period, read from the rollup cells.

Every figure is a reporting indicator, so it is read from the incrementally maintained rollup
cells (reporting.RollupCell) — a handful of indexed rows — never by scanning the national
tables; a dashboard opened by thousands of people at 8 a.m. costs what the cell reads cost.
Report completeness is the one live count (the expected units and one month's submissions).

The definitions a board needs (its indicators with their terms, the monthly form) and the lists
of child units are kept in Django's cache for `DEFINITIONS_SECONDS` and dropped when one is
saved: with the default per-process cache an admin's change reaches the other web processes
within that time; with a cache the processes share, at once. The cells are always read.
"""

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.core.cache import cache
from django.db import connection
from django.utils import timezone

from danvan.core.periods import Period, PeriodKind
from danvan.core.text import sort_key
from danvan.reporting.models import Aggregation, Indicator, ReportForm, RollupCell
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


DEFINITIONS_SECONDS = 300
DEFINITIONS_KEY = "dashboards:definitions"


def _definitions() -> tuple[dict[str, Indicator], ReportForm | None]:
    found = cache.get(DEFINITIONS_KEY)
    if found is None:
        indicators = {i.code: i for i in Indicator.objects.select_related("numerator", "denominator")}
        found = (indicators, ReportForm.objects.filter(code=MONTHLY_FORM).first())
        cache.set(DEFINITIONS_KEY, found, DEFINITIONS_SECONDS)
    return found


def indicators_by_code(codes: list[str] | tuple[str, ...]) -> dict[str, Indicator]:
    """The indicators of these codes (with their ratio terms), from the cached definitions."""
    known = _definitions()[0]
    return {code: known[code] for code in codes if code in known}


def rankable_indicators() -> list[Indicator]:
    """Indicators a board can rank child units on (every one that adds up), in Vietnamese order."""
    rows = [i for i in _definitions()[0].values() if i.aggregation != Aggregation.NONE]
    return sorted(rows, key=lambda i: sort_key(i.name))


def definitions_changed(**_kwargs: Any) -> None:
    """An indicator or a report form was saved or deleted (connected in apps.py)."""
    cache.delete(DEFINITIONS_KEY)


def _node(unit: Unit | None) -> int:
    return NATION if unit is None else unit.pk


CELLS = RollupCell._meta.db_table


def read_cells(indicators: list[Indicator], parts: list[tuple[list[str], list[int]]]) -> dict[tuple, tuple]:
    """One statement for every (term indicator, period code, node, category) the dashboard needs:
    `parts` are (period codes, nodes) pairs, e.g. the unit's periods and trend months, and the
    children's periods. Plain SQL: the ORM spent longer building this query than the database
    took to answer it."""
    terms = sorted({t.pk for i in indicators for t in _terms(i)})
    parts = [(codes, nodes) for codes, nodes in parts if codes and nodes]
    if not terms or not parts:
        return {}
    marks = lambda items: ", ".join(["%s"] * len(items))  # noqa: E731
    wanted = " OR ".join(f"(period_code IN ({marks(c)}) AND node IN ({marks(n)}))" for c, n in parts)
    sql = (
        f"SELECT indicator_id, period_code, node, category, total, count, low, high FROM {CELLS} "  # noqa: S608
        f"WHERE indicator_id IN ({marks(terms)}) AND ({wanted})"
    )
    params: list[Any] = [*terms, *(x for codes, nodes in parts for x in (*codes, *nodes))]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return {(i, p, n, c): (t, k, lo, hi) for i, p, n, c, t, k, lo, hi in cursor.fetchall()}


def _value(
    indicator: Indicator, cells: dict[tuple, tuple], codes: list[str], node: int, category: str = ""
) -> Any:
    parts = []
    for term in _terms(indicator):
        if len(codes) == 1:  # every period but a multi-year one: the cell as it is
            parts.append(cells.get((term.pk, codes[0], node, category), EMPTY))
            continue
        found = [cells[(term.pk, c, node, category)] for c in codes if (term.pk, c, node, category) in cells]
        parts.append(_merge_years(term, found))
    return _combine(indicator, parts)[0]


EMPTY = (None, 0, None, None)


def _codes(period: Period) -> list[str]:
    if period.kind is PeriodKind.MULTI_YEAR:
        return [str(y) for y in range(period.year, period.end_year + 1)]
    return [period.code]


def dashboard(
    *, unit: Unit | None, period: Period, score: str = SCORE_DEFAULT, children: bool = True
) -> Dashboard:
    indicators = indicators_by_code([c for c, _ in KPIS] + [score])
    months = _trend_months(period)
    codes = _codes(period)
    node = _node(unit)
    units = _child_units(unit) if children else []
    cells = read_cells(
        list(indicators.values()),
        [(codes + [m.code for m in months], [node]), (codes, [u.pk for u in units])],
    )
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
    form = _definitions()[1]
    month = _last_full_month(period)
    rate = completeness(form=form, period=month, unit=unit).unit.rate if form else None
    result = Dashboard(unit, period, kpis, rate, month, months, trends, by_kind)
    if children:
        _children(result, indicators, score, units, cells)
    return result


def _child_units(unit: Unit | None) -> list[Unit]:
    """The unit's children valid today (the provinces for the nation), in Vietnamese order; kept
    in the cache like the definitions, and dropped when any unit is saved or deleted."""
    today = timezone.localdate()
    if unit is not None and unit.valid_to is not None and unit.valid_to < today:
        today = unit.valid_to
    key = f"dashboards:children:{_territory_version()}:{unit.pk if unit else 0}:{today.isoformat()}"
    found = cache.get(key)
    if found is None:
        rows = Unit.objects.valid_on(today)
        rows = (
            rows.filter(parent__isnull=True, level=Level.PROVINCE)
            if unit is None
            else rows.filter(parent=unit)
        )
        found = list(rows.order_by("sort_key").only("pk", "code", "name"))
        cache.set(key, found, DEFINITIONS_SECONDS)
    return found


TERRITORY_KEY = "dashboards:territory-version"


def _territory_version() -> int:
    return int(cache.get_or_set(TERRITORY_KEY, 1, None) or 1)


def territory_changed(**_kwargs: Any) -> None:
    """A unit saved or deleted here (connected in apps.py): every cached child list is left
    behind (their keys carry the version). Bulk loads (load_territory) send no signal: their
    lists age out."""
    try:
        cache.incr(TERRITORY_KEY)
    except ValueError:
        cache.set(TERRITORY_KEY, 2, None)


def _children(
    result: Dashboard,
    indicators: dict[str, Indicator],
    score: str,
    units: list[Unit],
    cells: dict[tuple, tuple],
) -> None:
    """A row per child unit with every KPI (their cells came with the unit's) and the ranking."""
    codes = _codes(result.period)
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
