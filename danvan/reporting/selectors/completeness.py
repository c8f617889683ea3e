"""Completeness and timeliness: expected, submitted, on time, late and missing reports.

Expected reports come from the form's assignments and the units valid at the end of the period
(a commune merged on 1/7/2025 is expected for 2024, its successor for 2026). Only expected units'
submissions count, so the rate never passes 100%. Old units count for the unit they were merged
into (history_paths).
"""

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Count, F, Q, QuerySet
from django.utils import timezone

from danvan.core.periods import Period
from danvan.reporting.models import Assignment, ReportForm, Status, Submission
from danvan.territory.models import Level, Unit
from danvan.territory.selectors import history_paths
from danvan.territory.tree import subtree_q


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


def _scope_paths(unit: Unit | None) -> list[str] | None:
    return None if unit is None else history_paths(unit)


def expected_units(form: ReportForm, period: Period, unit: Unit | None) -> list[tuple[int, str, str, str]]:
    """(id, path, code, name) of the units that must submit, inside the unit's history subtree."""
    return list(_expected(form, period, unit).values_list("pk", "path", "code", "name"))


def _expected(form: ReportForm, period: Period, unit: Unit | None) -> QuerySet[Unit]:
    return Unit.objects.filter(_expected_q(form, period, unit, ""))


def _assignments(form: ReportForm, period: Period) -> list[Assignment]:
    rows = Assignment.objects.filter(form=form, valid_from__lte=period.end).exclude(valid_to__lt=period.start)
    return list(rows.select_related("unit"))


def _expected_q(
    form: ReportForm,
    period: Period,
    unit: Unit | None,
    prefix: str,
    assignments: list[Assignment] | None = None,
) -> Q:
    """Units (through `prefix`, e.g. "unit__") that must submit: assigned level and subtree,
    valid at the end of the period, inside the unit's history subtree."""
    query = Q(pk__in=[])
    for assignment in assignments if assignments is not None else _assignments(form, period):
        part = Q(**{f"{prefix}level": assignment.level})
        if assignment.unit is not None:
            part &= subtree_q(history_paths(assignment.unit), f"{prefix}path")
        query |= part
    day = period.end
    valid = (Q(**{f"{prefix}valid_from__isnull": True}) | Q(**{f"{prefix}valid_from__lte": day})) & (
        Q(**{f"{prefix}valid_to__isnull": True}) | Q(**{f"{prefix}valid_to__gte": day})
    )
    paths = _scope_paths(unit)
    scope = subtree_q(paths, f"{prefix}path") if paths is not None else Q()
    return query & valid & scope


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
    """The unit's figures alone, as two aggregate queries (no unit list): for dashboards."""
    assignments = _assignments(form, period)
    expected = Unit.objects.filter(_expected_q(form, period, unit, "", assignments))
    done = Q(status__in=(Status.SUBMITTED, Status.APPROVED)) | Q(
        status=Status.RETURNED, submitted_at__isnull=False
    )
    # Only expected units' submissions count (the rate never passes 100%): the conditions go on
    # the joined unit.
    rows = Submission.objects.filter(done, _expected_q(form, period, unit, "unit__", assignments))
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
