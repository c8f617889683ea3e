"""Reading rollups: a unit's figure for an indicator and period, and each child's, in one query.

Standard periods read their cell directly; a multi-year period adds up its years' cells. "Not
reported" (no cell) is None, never 0.
"""

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db import connection
from django.db.models import Max
from django.utils import timezone

from danvan.core.periods import Period, PeriodKind
from danvan.reporting.models import Aggregation, Indicator, RollupCell
from danvan.territory.models import NATION, Level, Unit


@dataclass
class Figure:
    code: str  # unit code, "" for the nation
    name: str
    level: str
    value: Decimal | None
    count: int = 0


@dataclass
class Rollup:
    indicator: Indicator
    period: Period
    unit: Figure
    children: list[Figure] = field(default_factory=list)
    as_of: dt.datetime | None = None


_PARTS = "c.total, c.count, c.low, c.high"


def _decimal(number: object) -> Decimal:
    """PostgreSQL gives Decimal already; SQLite may give int or float (read through str)."""
    return number if isinstance(number, Decimal) else Decimal(str(number))


def _value(indicator: Indicator, total: object, count: object, low: object, high: object) -> Decimal | None:
    if not count:
        return None
    match indicator.aggregation:
        case Aggregation.AVERAGE:
            return (_decimal(total) / _decimal(count)).quantize(Decimal("0.01"))
        case Aggregation.MIN:
            return _decimal(low)
        case Aggregation.MAX:
            return _decimal(high)
        case Aggregation.NONE:
            return None
        case _:
            return _decimal(total)


def _ratio(indicator: Indicator, numerator: Decimal | None, denominator: Decimal | None) -> Decimal | None:
    if numerator is None or not denominator:
        return None
    return (numerator * indicator.ratio_scale / denominator).quantize(Decimal("0.1"))


def _terms(indicator: Indicator) -> list[Indicator]:
    if indicator.aggregation == Aggregation.RATIO:
        assert indicator.numerator is not None and indicator.denominator is not None
        return [indicator.numerator, indicator.denominator]
    return [indicator]


def _combine(indicator: Indicator, parts: list[tuple[Any, ...]]) -> tuple[Decimal | None, int]:
    """parts: (total, count, low, high) per term indicator."""
    if indicator.aggregation == Aggregation.RATIO:
        num, den = (_value(term, *part) for term, part in zip(_terms(indicator), parts, strict=True))
        return _ratio(indicator, num, den), int(parts[0][1] or 0)
    return _value(indicator, *parts[0]), int(parts[0][1] or 0)


def _children_sql(indicator: Indicator, unit: Unit | None, day: dt.date) -> tuple[str, list[Any]]:
    """One statement: the unit's own row (first, with the time its cell last changed), then each
    child valid on `day` in Vietnamese order, every figure a LEFT JOIN on the cells."""
    joins: list[str] = []
    selects: list[str] = []
    params: list[Any] = []
    for n, term in enumerate(_terms(indicator)):
        joins.append(
            f"LEFT JOIN reporting_rollupcell c{n} ON c{n}.node = u.id AND c{n}.indicator_id = %s "
            f"AND c{n}.period_code = %s AND c{n}.category = %s"
        )
        selects.append(_PARTS.replace("c.", f"c{n}."))
        params.extend([term.pk, "{period}", "{category}"])
    columns = f"{', '.join(selects)}, c0.updated_at"
    joined = " ".join(joins)
    key: Any
    # Only constants and generated placeholders are formatted in; every value is a parameter.
    if unit is None:
        own = (
            f"SELECT 0 AS own, '' AS code, '' AS name, 'nation' AS level, {columns}, "  # noqa: S608
            f"'' AS sort_key FROM (SELECT 0 AS id) u {joined}"
        )
        where, key = "u.parent_id IS NULL AND u.level = %s", Level.PROVINCE
    else:
        own = (
            f"SELECT 0 AS own, u.code, u.name, u.level, {columns}, u.sort_key "  # noqa: S608
            f"FROM territory_unit u {joined} WHERE u.id = %s"
        )
        where, key = "u.parent_id = %s", unit.pk
    children = (
        f"SELECT 1 AS own, u.code, u.name, u.level, {columns}, u.sort_key "  # noqa: S608
        f"FROM territory_unit u {joined} WHERE {where} "
        "AND (u.valid_from IS NULL OR u.valid_from <= %s) AND (u.valid_to IS NULL OR u.valid_to >= %s)"
    )
    own_params = [*params] + ([] if unit is None else [unit.pk])
    sql = f"SELECT * FROM ({own} UNION ALL {children}) rows ORDER BY own, sort_key"  # noqa: S608
    return sql, [*own_params, *params, key, day, day]


def _child_day(unit: Unit | None) -> dt.date:
    """Children valid today, or on the last day of a unit that no longer exists."""
    today = timezone.localdate()
    if unit is not None and unit.valid_to is not None and unit.valid_to < today:
        return unit.valid_to
    return today


def _read_with_children(
    indicator: Indicator, period: Period, unit: Unit | None, category: str
) -> tuple[Figure, list[Figure], dt.datetime | None]:
    sql, params = _children_sql(indicator, unit, _child_day(unit))
    params = [period.code if p == "{period}" else category if p == "{category}" else p for p in params]
    width = len(_terms(indicator))
    rows = []
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    figures, as_of_time = [], None
    for row in rows:
        parts = [tuple(row[4 + 4 * n : 8 + 4 * n]) for n in range(width)]
        value, count = _combine(indicator, parts)
        figures.append(Figure(row[1], row[2], row[3], value, count))
        if row[0] == 0:
            as_of_time = row[4 + 4 * width]
    head = figures[0] if figures and rows[0][0] == 0 else Figure("", "", "", None)
    if unit is None:
        head.code, head.name, head.level = "", "Cả nước", "nation"
    return head, figures[1:], _aware(as_of_time)


def _aware(value: Any) -> dt.datetime | None:
    """SQLite hands back text for a column read through raw SQL; PostgreSQL an aware datetime."""
    if value is None or isinstance(value, dt.datetime):
        return value
    parsed = dt.datetime.fromisoformat(str(value))
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.UTC)


def _cells(indicator: Indicator, codes: list[str], node: int, category: str) -> dict[tuple[int, str], tuple]:
    rows = RollupCell.objects.filter(
        indicator__in=_terms(indicator), period_code__in=codes, node=node, category=category
    ).values_list("indicator_id", "period_code", "total", "count", "low", "high")
    return {(i, p): (t, c, lo, hi) for i, p, t, c, lo, hi in rows}


def node_value(indicator: Indicator, period: Period, unit: Unit | None, category: str = "") -> Decimal | None:
    node = NATION if unit is None else unit.pk
    codes = _period_codes(period)
    cells = _cells(indicator, codes, node, category)
    parts = []
    for term in _terms(indicator):
        found = [cells[(term.pk, code)] for code in codes if (term.pk, code) in cells]
        parts.append(_merge_years(term, found))
    return _combine(indicator, parts)[0]


def _period_codes(period: Period) -> list[str]:
    if period.kind is PeriodKind.MULTI_YEAR:
        return [str(year) for year in range(period.year, period.end_year + 1)]
    return [period.code]


def _merge_years(indicator: Indicator, cells: list[tuple]) -> tuple:
    """Cells of consecutive years → one (total, count, low, high); LATEST keeps the last year."""
    if not cells:
        return (None, 0, None, None)
    if len(cells) == 1 or indicator.aggregation == Aggregation.LATEST:
        return cells[-1]  # one year (every period but a multi-year one): the cell as it is
    total = sum(Decimal(str(c[0])) for c in cells)
    count = sum(int(c[1]) for c in cells)
    lows = [Decimal(str(c[2])) for c in cells if c[2] is not None]
    highs = [Decimal(str(c[3])) for c in cells if c[3] is not None]
    return (total, count, min(lows, default=None), max(highs, default=None))


def rollup(
    *, indicator: Indicator, period: Period, unit: Unit | None, by_children: bool = False, category: str = ""
) -> Rollup:
    if by_children and period.kind is not PeriodKind.MULTI_YEAR:
        head, children, at = _read_with_children(indicator, period, unit, category)
        return Rollup(indicator=indicator, period=period, unit=head, children=children, as_of=at)
    own = node_value(indicator, period, unit, category)
    head = Figure(
        unit.code if unit else "", unit.name if unit else "Cả nước", unit.level if unit else "nation", own
    )
    result = Rollup(indicator=indicator, period=period, unit=head)
    if by_children:
        result.children = _multi_year_children(indicator, period, unit, category)
    result.as_of = as_of(indicator, period, unit)
    return result


def _multi_year_children(
    indicator: Indicator, period: Period, unit: Unit | None, category: str
) -> list[Figure]:
    day = _child_day(unit)
    children = (
        Unit.objects.filter(parent__isnull=True, level=Level.PROVINCE)
        if unit is None
        else unit.children.all()
    )
    children = children.valid_on(day).order_by("sort_key")
    return [Figure(c.code, c.name, c.level, node_value(indicator, period, c, category)) for c in children]


def as_of(indicator: Indicator, period: Period, unit: Unit | None) -> dt.datetime | None:
    """When the figure last changed ("số liệu tính đến")."""
    node = NATION if unit is None else unit.pk
    return RollupCell.objects.filter(
        indicator__in=_terms(indicator), period_code__in=_period_codes(period), node=node
    ).aggregate(at=Max("updated_at"))["at"]
