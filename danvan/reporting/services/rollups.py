"""Keeping the rollup cells exact as submissions start or stop counting.

A counted value adds to one cell per (container period × node): the containing periods are the
submission's own period and every standard period that covers it (a month adds to its quarter,
half year, nine months when it lies in them, and year); the nodes are the submitting unit,
its ancestors, the units its old unit was merged into with their ancestors (lineage, followed
to the end), and the nation (0). Every node is counted once, so a merged province never counts
an old commune twice.

LATEST indicators (stocks, e.g. members) add, per unit, only the latest counted value inside
each container period; the difference is applied when a newer or older value comes or goes.
MIN/MAX cells are recomputed from the values when a value is removed.

`rollups_rebuild()` computes every cell from the values with a few GROUP BY statements; the
tests check that incremental maintenance and a rebuild always agree. The values are first added
up per unit, then per node (a commune's sums reach its province and the nation), and the cells
are inserted in the order of their unique index: at national scale (12,8 million cells) the
aggregation takes about a minute and writing the cells and their index most of the rest, and
both steps cut the rebuild from 275 s to 186 s on 2 cores (docs/deploy.md).
"""

import datetime as dt
from decimal import Decimal
from typing import Any

from django.db import connection, transaction
from django.db.models import Q
from django.utils import timezone

from danvan.core.periods import Period, PeriodKind
from danvan.reporting.models import Aggregation, Indicator, RollupCell, Submission, Value
from danvan.territory.models import NATION, Unit
from danvan.territory.selectors import nodes_for

ADDITIVE = (Aggregation.SUM, Aggregation.AVERAGE, Aggregation.MIN, Aggregation.MAX)
COUNTED = (*ADDITIVE, Aggregation.LATEST)
CellKey = tuple[int, str, str, int]  # indicator, category, period code, node


def containers(period: Period) -> list[Period]:
    """The period itself and the standard periods of the same year that cover it."""
    year = period.year
    if period.kind is PeriodKind.MULTI_YEAR:
        return [period]
    candidates = [
        *(Period.quarter(year, q) for q in range(1, 5)),
        Period.half(year, 1),
        Period.half(year, 2),
        Period.nine_months(year),
        Period.whole_year(year),
    ]
    return [period, *(c for c in candidates if c != period and c.covers(period))]


# incremental ----------------------------------------------------------------------------------
def _numeric_values(submission: Submission) -> list[Value]:
    return list(
        Value.objects.filter(
            submission=submission, number__isnull=False, indicator__aggregation__in=COUNTED
        ).select_related("indicator")
    )


Others = dict[tuple[int, str], list[tuple[dt.date, Decimal]]]


def _latest_others(submission: Submission, values: list[Value], period: Period) -> Others:
    """For the LATEST values: the unit's other counted values of those indicators whose period
    ends inside any container of `period`, by (indicator, category) — one query for them all."""
    latest = {v.indicator_id for v in values if v.indicator.aggregation == Aggregation.LATEST}
    if not latest:
        return {}
    spans = containers(period)
    rows = (
        Value.objects.filter(
            submission__unit_id=submission.unit_id,
            submission__is_counted=True,
            submission__period_end__gte=min(c.start for c in spans),
            submission__period_end__lte=max(c.end for c in spans),
            indicator_id__in=latest,
            number__isnull=False,
        )
        .exclude(submission_id=submission.pk)
        .values_list("indicator_id", "category", "submission__period_end", "number")
    )
    others: Others = {}
    for indicator_id, category, end, number in rows:
        if number is not None:
            others.setdefault((indicator_id, category), []).append((end, number))
    return others


def _latest_other(
    submission: Submission, others: list[tuple[dt.date, Decimal]], container: Period
) -> tuple[Decimal | None, bool]:
    """For a LATEST value: (the unit's latest other counted value in the container before this
    one, whether a newer counted value exists there, which then hides this one)."""
    inside = [(end, number) for end, number in others if container.start <= end <= container.end]
    newer = any(end > submission.period_end for end, _ in inside)
    older = [(end, number) for end, number in inside if end <= submission.period_end]
    return (max(older)[1] if older else None), newer


def _deltas(submission: Submission, sign: int) -> dict[tuple[int, str, str], tuple[Decimal, int, Decimal]]:
    """(indicator, category, container code) → (Δtotal, Δcount, the value) for this submission."""
    deltas: dict[tuple[int, str, str], tuple[Decimal, int, Decimal]] = {}
    period = Period.parse(submission.period_code)
    values = _numeric_values(submission)
    others = _latest_others(submission, values, period)
    spans = containers(period)
    for value in values:
        number = Decimal(value.number or 0)
        for container in spans:
            key = (value.indicator_id, value.category, container.code)
            if value.indicator.aggregation != Aggregation.LATEST:
                deltas[key] = (sign * number, sign, number)
                continue
            previous, newer = _latest_other(
                submission, others.get((value.indicator_id, value.category), []), container
            )
            if newer:
                continue
            step = number - (previous or Decimal(0))
            deltas[key] = (sign * step, sign if previous is None else 0, number)
    return deltas


def rollups_apply(submission: Submission, *, sign: int) -> int:
    """Add (+1) or remove (−1) a submission's values; returns the number of cells touched.

    Called by the workflow inside its transaction, after `is_counted` has been set (adding) or
    before it is cleared (removing) — both read the other counted values of the unit.

    The database adds the deltas itself in one INSERT … ON CONFLICT DO UPDATE (a commune's
    monthly report touches about 1.000 cells) and returns the cells' new counts; those left
    without a value are then deleted by id. Reading the cells into Python and writing them back
    cost most of an approval.
    """
    _serialize()
    deltas = _deltas(submission, sign)
    if not deltas:
        return 0
    nodes = nodes_for([(submission.unit_id, submission.unit_path)])[submission.unit_id]
    # on removal low/high stay as they are here; MIN/MAX cells are recomputed below
    rows = [
        (indicator, category, code, d_total, d_count, *([number] * 2 if sign > 0 else [None] * 2))
        for (indicator, category, code), (d_total, d_count, number) in deltas.items()
    ]
    counts = _upsert(rows, nodes, timezone.now())
    emptied = [pk for pk, count in counts if count <= 0]
    if emptied:
        RollupCell.objects.filter(pk__in=emptied).delete()
    if sign < 0:
        keys = {(indicator, category, code, node) for indicator, category, code, *_ in rows for node in nodes}
        _recompute_extremes(keys, submission)
    return len(counts)


Delta = tuple[int, str, str, Decimal, int, Decimal | None, Decimal | None]  # key, Δtotal, Δcount, low, high


def _upsert(rows: list[Delta], nodes: set[int], now: dt.datetime) -> list[tuple[int, int]]:
    """Add every delta to its cell at every node; (cell id, count after) of each cell touched.

    On PostgreSQL the deltas travel as seven arrays and the nodes as an eighth, and the database
    crosses them: a statement with one placeholder per value of every cell cost the web process
    about 30 ms of CPU for a commune's monthly report in psycopg's parsing of the query text
    alone (measured; docs/deploy.md, "Approvals without the parser"). SQLite has no arrays:
    there the cells go as VALUES rows, 500 to a statement, in the unique index's order.
    """
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            columns = [list(column) for column in zip(*rows, strict=True)]
            cursor.execute(_APPLY_SQL.format(cells=_PG_CELLS), [now, *columns, list(nodes)])
            return cursor.fetchall()
        cells = sorted(
            (
                (i, category, code, node, total, count, low, high, now)
                for i, category, code, total, count, low, high in rows
                for node in nodes
            ),
            key=lambda cell: (cell[0], cell[2], cell[3], cell[1]),
        )
        found = []
        for start in range(0, len(cells), 500):
            chunk = cells[start : start + 500]
            marks = ", ".join(["(%s, %s, %s, %s, %s, %s, %s, %s, %s)"] * len(chunk))
            cursor.execute(_APPLY_SQL.format(cells=f"VALUES {marks}"), [x for cell in chunk for x in cell])
            found += cursor.fetchall()
        return found


_PG_CELLS = """
SELECT d.indicator_id, d.category, d.period_code, n.node, d.total, d.count, d.low, d.high, %s
FROM unnest(%s::integer[], %s::varchar[], %s::varchar[], %s::numeric[], %s::integer[], %s::numeric[],
            %s::numeric[]) AS d(indicator_id, category, period_code, total, count, low, high)
CROSS JOIN unnest(%s::integer[]) AS n(node)
ORDER BY 1, 3, 4, 2
"""

_APPLY_SQL = """
INSERT INTO "reporting_rollupcell" AS cell
  (indicator_id, category, period_code, node, total, count, low, high, updated_at)
{cells}
ON CONFLICT (indicator_id, period_code, node, category) DO UPDATE SET
  total = cell.total + excluded.total,
  count = cell.count + excluded.count,
  low = CASE WHEN cell.low IS NULL OR excluded.low < cell.low THEN COALESCE(excluded.low, cell.low)
             ELSE cell.low END,
  high = CASE WHEN cell.high IS NULL OR excluded.high > cell.high THEN COALESCE(excluded.high, cell.high)
              ELSE cell.high END,
  updated_at = excluded.updated_at
RETURNING id, count
"""


ROLLUP_LOCK = 0x44560001  # one PostgreSQL advisory lock for every change of rollup cells


def _serialize() -> None:
    """One submission's cells change at a time, until its transaction ends.

    The upsert alone would add two approvals' deltas correctly, but both would read the other
    values of a unit for LATEST indicators, and the values behind MIN/MAX cells, before either
    commits. SQLite needs nothing: IMMEDIATE transactions already write one at a time.
    """
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [ROLLUP_LOCK])


def _recompute_extremes(keys: set[CellKey], submission: Submission) -> None:
    """After a removal: low/high of min/max indicators from the values still counted."""
    minmax = set(
        Indicator.objects.filter(
            pk__in={k[0] for k in keys}, aggregation__in=(Aggregation.MIN, Aggregation.MAX)
        ).values_list("pk", flat=True)
    )
    for indicator_id, category, period_code, node in keys:
        if indicator_id not in minmax:
            continue
        cell = RollupCell.objects.filter(
            indicator_id=indicator_id, category=category, period_code=period_code, node=node
        ).first()
        if cell is None:
            continue
        numbers = _counted_numbers(indicator_id, category, Period.parse(period_code), node)
        cell.low, cell.high = (min(numbers), max(numbers)) if numbers else (None, None)
        cell.save(update_fields=["low", "high"])


def _counted_numbers(indicator_id: int, category: str, period: Period, node: int) -> list[Decimal]:
    rows = Value.objects.filter(
        indicator_id=indicator_id,
        category=category,
        number__isnull=False,
        submission__is_counted=True,
        submission__period_end__gte=period.start,
        submission__period_end__lte=period.end,
    ).values_list("submission__unit_id", "submission__unit_path", "number")
    found = [(u, p, n) for u, p, n in rows if n is not None]
    nodes = nodes_for({(u, p) for u, p, _ in found})
    return [Decimal(n) for u, _, n in found if node in nodes[u]]


# rebuild ----------------------------------------------------------------------------------------
@transaction.atomic
def rollups_rebuild() -> int:
    """Recompute every cell from the counted values; returns the number of cells."""
    RollupCell.objects.all().delete()
    counted = Submission.objects.filter(is_counted=True)
    units = set(counted.values_list("unit_id", "unit_path").distinct())
    codes = set(counted.values_list("period_code", flat=True).distinct())
    node_rows = [(unit, node) for unit, nodes in nodes_for(units).items() for node in nodes]
    period_rows = [(code, c.code) for code in codes for c in containers(Period.parse(code))]
    with connection.cursor() as cursor:
        _temp_table(cursor, "rollup_nodes", "unit_id integer, node integer", node_rows)
        _temp_table(cursor, "rollup_periods", "period_code varchar(10), container varchar(10)", period_rows)
        now = timezone.now()
        cursor.execute(_ADDITIVE_SQL, [now, *[str(a) for a in ADDITIVE]])
        cursor.execute(_LATEST_SQL, [now, str(Aggregation.LATEST)])
        cursor.execute("DROP TABLE rollup_nodes")
        cursor.execute("DROP TABLE rollup_periods")
    return RollupCell.objects.count()


def _temp_table(cursor: Any, name: str, columns: str, rows: list[tuple[Any, ...]]) -> None:
    cursor.execute(f"DROP TABLE IF EXISTS {name}")
    cursor.execute(f"CREATE TEMPORARY TABLE {name} ({columns})")
    width = len(rows[0]) if rows else 0
    for start in range(0, len(rows), 500):
        chunk = rows[start : start + 500]
        marks = ", ".join("(" + ", ".join(["%s"] * width) + ")" for _ in chunk)
        cursor.execute(f"INSERT INTO {name} VALUES {marks}", [x for row in chunk for x in row])  # noqa: S608


_ADDITIVE_SQL = """
INSERT INTO reporting_rollupcell
  (indicator_id, category, period_code, node, total, count, low, high, updated_at)
SELECT u.indicator_id, u.category, u.container, n.node,
       SUM(u.total), SUM(u.count), MIN(u.low), MAX(u.high), %s
FROM (
  SELECT v.indicator_id, v.category, p.container, s.unit_id,
         SUM(v.number) AS total, COUNT(*) AS count, MIN(v.number) AS low, MAX(v.number) AS high
  FROM reporting_value v
  JOIN reporting_submission s
    ON s.id = v.submission_id AND s.is_counted
  JOIN reporting_indicator i ON i.id = v.indicator_id
  JOIN rollup_periods p ON p.period_code = s.period_code
  WHERE v.number IS NOT NULL AND i.aggregation IN (%s, %s, %s, %s)
  GROUP BY v.indicator_id, v.category, p.container, s.unit_id
) u
JOIN rollup_nodes n ON n.unit_id = u.unit_id
GROUP BY u.indicator_id, u.category, u.container, n.node
ORDER BY u.indicator_id, u.container, n.node, u.category
"""
_LATEST_SQL = """
INSERT INTO reporting_rollupcell
  (indicator_id, category, period_code, node, total, count, low, high, updated_at)
SELECT indicator_id, category, container, node, SUM(number), COUNT(*), MIN(number), MAX(number), %s
FROM (
  SELECT v.indicator_id, v.category, p.container, s.unit_id, v.number,
         ROW_NUMBER() OVER (PARTITION BY v.indicator_id, v.category, p.container, s.unit_id
                            ORDER BY s.period_end DESC, s.id DESC) AS rank
  FROM reporting_value v
  JOIN reporting_submission s
  ON s.id = v.submission_id AND s.is_counted
  JOIN reporting_indicator i ON i.id = v.indicator_id
  JOIN rollup_periods p ON p.period_code = s.period_code
  WHERE v.number IS NOT NULL AND i.aggregation = %s
) latest
JOIN rollup_nodes n ON n.unit_id = latest.unit_id
WHERE latest.rank = 1
GROUP BY indicator_id, category, container, node
ORDER BY indicator_id, container, node, category
"""


def unit_nodes(unit: Unit | None) -> int:
    return NATION if unit is None else unit.pk


def cells_snapshot() -> dict[CellKey, tuple[Decimal, int]]:
    """Every cell as (total, count): for tests comparing incremental results with a rebuild."""
    return {
        (c.indicator_id, c.category, c.period_code, c.node): (Decimal(c.total).normalize(), c.count)
        for c in RollupCell.objects.filter(~Q(count=0))
    }


def today() -> dt.date:
    return timezone.localdate()
