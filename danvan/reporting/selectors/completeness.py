"""Completeness and timeliness: expected, submitted, on time, late and missing reports.

Expected reports come from the form's assignments and the units valid at the end of the period
(a commune merged on 1/7/2025 is expected for 2024, its successor for 2026). Only expected units'
submissions count, so the rate never passes 100%. Old units count for the unit they were merged
into (history_paths).
"""

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Count, F, Q
from django.utils import timezone

from danvan.core.periods import Period
from danvan.reporting.models import ReportForm, Status, Submission
from danvan.reporting.selectors.expected import assignments_of, expected_q, expected_units
from danvan.reporting.services.completeness import completeness_cells
from danvan.territory.models import NATION, Level, Unit
from danvan.territory.selectors import history_paths


@dataclass
class Completeness:
    code: str
    name: str
    expected: int = 0
    submitted: int = 0
    approved: int = 0
    on_time: int = 0
    late: int = 0
    missing_units: list[str] = field(default_factory=list)

    @property
    def missing(self) -> int:
        return self.expected - self.submitted

    @property
    def rate(self) -> float | None:
        return round(100 * self.submitted / self.expected, 1) if self.expected else None

    @property
    def on_time_rate(self) -> float | None:
        return round(100 * self.on_time / self.expected, 1) if self.expected else None


@dataclass
class CompletenessReport:
    form: ReportForm
    period: Period
    unit: Completeness
    children: list[Completeness]
    as_of: dt.datetime


def _children(unit: Unit | None) -> list[Unit]:
    today = timezone.localdate()
    if unit is None:
        return list(
            Unit.objects.valid_on(today)
            .filter(parent__isnull=True, level=Level.PROVINCE)
            .order_by("sort_key")
        )
    return list(unit.children.all().valid_on(today).order_by("sort_key"))


def completeness(
    *, form: ReportForm, period: Period, unit: Unit | None, by_children: bool = False
) -> CompletenessReport:
    if not by_children:
        return CompletenessReport(form, period, _counts(form, period, unit), [], timezone.now())
    expected = expected_units(form, period, unit)
    ids = {pk for pk, *_ in expected}
    rows = Submission.objects.filter(form=form, period_code=period.code, unit_id__in=ids).values_list(
        "unit_id", "status", "submitted_at", "due_date"
    )
    done = {
        pk: (status, at, due)
        for pk, status, at, due in rows
        if status in (Status.SUBMITTED, Status.APPROVED) or (status == Status.RETURNED and at)
    }
    head = _tally(unit.code if unit else "", unit.name if unit else "Cả nước", expected, done)
    children = []
    if by_children:
        for child in _children(unit):
            prefixes = tuple(history_paths(child))
            mine = [e for e in expected if e[1].startswith(prefixes)]
            children.append(_tally(child.code, child.name, mine, done))
    return CompletenessReport(form, period, head, children, timezone.now())


def _counts(form: ReportForm, period: Period, unit: Unit | None) -> Completeness:
    """The unit's figures alone, read from its completeness cell: for dashboards."""
    node = NATION if unit is None else unit.pk
    cells = completeness_cells(form, period, {node})
    if cells is None:
        return _live_counts(form, period, unit)
    result = Completeness(code=unit.code if unit else "", name=unit.name if unit else "Cả nước")
    cell = cells.get(node)
    if cell is not None:
        result.expected, result.submitted, result.approved = cell.expected, cell.submitted, cell.approved
        result.on_time, result.late = cell.on_time, cell.submitted - cell.on_time
    return result


def _live_counts(form: ReportForm, period: Period, unit: Unit | None) -> Completeness:
    """The unit's figures alone, as two aggregate queries (no unit list)."""
    assignments = assignments_of(form, period)
    expected = Unit.objects.filter(expected_q(form, period, unit, "", assignments))
    done = Q(status__in=(Status.SUBMITTED, Status.APPROVED)) | Q(
        status=Status.RETURNED, submitted_at__isnull=False
    )
    # Only expected units' submissions count (the rate never passes 100%): the conditions go on
    # the joined unit.
    rows = Submission.objects.filter(done, expected_q(form, period, unit, "unit__", assignments))
    counts = rows.filter(form=form, period_code=period.code).aggregate(
        submitted=Count("pk"),
        approved=Count("pk", filter=Q(status=Status.APPROVED)),
        on_time=Count("pk", filter=Q(submitted_at__date__lte=F("due_date"))),
    )
    result = Completeness(
        code=unit.code if unit else "", name=unit.name if unit else "Cả nước", expected=expected.count()
    )
    result.submitted, result.approved, result.on_time = (
        counts["submitted"],
        counts["approved"],
        counts["on_time"],
    )
    result.late = result.submitted - result.on_time
    return result


def _tally(code: str, name: str, expected: list[tuple[int, str, str, str]], done: dict) -> Completeness:
    result = Completeness(code=code, name=name, expected=len(expected))
    for pk, _path, unit_code, unit_name in expected:
        if pk not in done:
            result.missing_units.append(f"{unit_name} ({unit_code})")
            continue
        status, at, due = done[pk]
        result.submitted += 1
        result.approved += status == Status.APPROVED
        if at is not None and at.date() <= due:
            result.on_time += 1
        else:
            result.late += 1
    result.missing_units = result.missing_units[:200]
    return result
