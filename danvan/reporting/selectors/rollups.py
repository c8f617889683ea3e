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
from danvan.reporting.models import NATION, Aggregation, Indicator, RollupCell
from danvan.territory.models import Level, Unit


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


def _value(indicator: Indicator, total: object, count: object, low: object, high: object) -> Decimal | None:
    if not count:
        return None
    match indicator.aggregation:
        case Aggregation.AVERAGE:
            return (Decimal(str(total)) / Decimal(str(count))).quantize(Decimal("0.01"))
        case Aggregation.MIN:
            return Decimal(str(low))
        case Aggregation.MAX:
            return Decimal(str(high))
        case Aggregation.NONE:
            return None
        case _:
            return Decimal(str(total))


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
    where = "u.parent_id IS NULL AND u.level = %s" if unit is None else "u.parent_id = %s"
    # Only constants and generated placeholders are formatted in; every value is a parameter.
    sql = (
        f"SELECT u.code, u.name, u.level, {', '.join(selects)}, u.sort_key FROM territory_unit u "  # noqa: S608
        f"{' '.join(joins)} WHERE {where} AND (u.valid_from IS NULL OR u.valid_from <= %s) "
        "AND (u.valid_to IS NULL OR u.valid_to >= %s) ORDER BY u.sort_key"
    )
    return sql, [*params, Level.PROVINCE if unit is None else unit.pk, day, day]


def _child_day(unit: Unit | None) -> dt.date:
    """Children valid today, or on the last day of a unit that no longer exists."""
    today = timezone.localdate()
    if unit is not None and unit.valid_to is not None and unit.valid_to < today:
        return unit.valid_to
    return today


def _read_children(indicator: Indicator, period: Period, unit: Unit | None, category: str) -> list[Figure]:
    sql, params = _children_sql(indicator, unit, _child_day(unit))
    params = [period.code if p == "{period}" else category if p == "{category}" else p for p in params]
    width = len(_terms(indicator))
    figures = []
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        for row in cursor.fetchall():
            parts = [tuple(row[3 + 4 * n : 7 + 4 * n]) for n in range(width)]
            value, count = _combine(indicator, parts)
            figures.append(Figure(row[0], row[1], row[2], value, count))
    return figures


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
    if indicator.aggregation == Aggregation.LATEST:
        return cells[-1]
    total = sum(Decimal(str(c[0])) for c in cells)
    count = sum(int(c[1]) for c in cells)
    lows = [Decimal(str(c[2])) for c in cells if c[2] is not None]
    highs = [Decimal(str(c[3])) for c in cells if c[3] is not None]
    return (total, count, min(lows, default=None), max(highs, default=None))


def rollup(
    *, indicator: Indicator, period: Period, unit: Unit | None, by_children: bool = False, category: str = ""
) -> Rollup:
    own = node_value(indicator, period, unit, category)
    head = Figure(
        unit.code if unit else "", unit.name if unit else "Cả nước", unit.level if unit else "nation", own
    )
    result = Rollup(indicator=indicator, period=period, unit=head)
    if by_children:
        if period.kind is PeriodKind.MULTI_YEAR:
            result.children = _multi_year_children(indicator, period, unit, category)
        else:
            result.children = _read_children(indicator, period, unit, category)
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
