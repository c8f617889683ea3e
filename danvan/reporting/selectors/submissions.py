"""Which submissions a user sees, and what is due for a reporter ("đến hạn / quá hạn")."""

import datetime as dt
from dataclasses import dataclass

from django.db.models import QuerySet
from django.utils import timezone

from danvan.accounts.models import Role
from danvan.accounts.scope import UserScope
from danvan.core.errors import NotFound
from danvan.core.fixed_sql import Prepared
from danvan.core.models import MAX_ID
from danvan.core.periods import Period, PeriodKind
from danvan.reporting.models import Assignment, ReportForm, Status, Submission
from danvan.territory.models import Unit
from danvan.territory.tree import subtree_q


def visible_submissions(scope: UserScope) -> QuerySet[Submission]:
    if not scope.is_authenticated:
        return Submission.objects.none()
    rows = Submission.objects.select_related("form", "unit")
    return rows if scope.is_system_admin else rows.filter(subtree_q(scope.read_paths(), "unit_path"))


# every report page, autosave and workflow step reads its submission: prepared once (fixed_sql)
_SUBMISSION = Prepared(
    "reporting.submission",
    Submission,
    lambda pk: Submission.objects.select_related("form", "unit__parent").filter(pk=pk),
)


def access_submission(scope: UserScope, pk: int) -> Submission:
    """The submission if the user sees it (as `visible_submissions`), else NotFound. Read by its
    key and checked in Python: the subtree filter in SQL cost the ORM more than the whole read,
    and every report page, autosave and workflow step comes through here."""
    if not 0 < pk <= MAX_ID:
        raise NotFound()
    submission: Submission | None = _SUBMISSION.first(pk)
    if submission is None or not scope.covers_path(submission.unit_path, history=True):
        raise NotFound()
    return submission


@dataclass
class SubmissionFilter:
    unit: Unit | None = None
    form: ReportForm | None = None
    period: Period | None = None
    status: str = ""


def filter_submissions(rows: QuerySet[Submission], f: SubmissionFilter) -> QuerySet[Submission]:
    if f.unit is not None:
        rows = rows.filter(subtree_q([f.unit.path], "unit_path"))
    if f.form is not None:
        rows = rows.filter(form=f.form)
    if f.period is not None:
        rows = rows.filter(period_code=f.period.code)
    if f.status:
        rows = rows.filter(status=f.status)
    return rows


@dataclass
class Due:
    form: ReportForm
    unit: Unit
    period: Period
    due_date: dt.date
    submission: Submission | None

    @property
    def overdue(self) -> bool:
        return timezone.localdate() > self.due_date

    @property
    def days_late(self) -> int:
        return -self.days_left

    @property
    def days_left(self) -> int:
        return (self.due_date - timezone.localdate()).days


def _recent_periods(kind: PeriodKind, today: dt.date) -> list[Period]:
    """The last finished period of the kind and the current one (reports fall due after the end)."""
    current = Period.of_kind_containing(kind, today)
    previous = Period.of_kind_containing(kind, current.start - dt.timedelta(days=1))
    return [previous, current]


def active_forms() -> list[ReportForm]:
    """The report forms in use, by level and code: the inbox's filter and what falls due."""
    return _ACTIVE_FORMS()


def due_reports(
    scope: UserScope, today: dt.date | None = None, forms: list[ReportForm] | None = None
) -> list[Due]:
    """Reports the user must file: assigned to units they report for, not yet submitted.
    `forms`: the active forms, when the caller has them already."""
    today = today or timezone.localdate()
    units = [u for u in scope.units if scope.covers(u, Role.REPORTER)]
    if not units:
        return []
    if forms is None:
        forms = active_forms()
    if not forms:
        return []
    assignments: dict[int, list[Assignment]] = {}
    for assignment in _ASSIGNMENTS([f.pk for f in forms]):
        if assignment.valid_from <= today and (assignment.valid_to is None or assignment.valid_to >= today):
            assignments.setdefault(assignment.form_id, []).append(assignment)
    result = []
    for form in forms:
        for unit in _reporting_units(form, units, assignments.get(form.pk, [])):
            for period in _recent_periods(form.period_kind, today):
                due = form.due_date(period)
                if due < today - dt.timedelta(days=120) or period.start > today:
                    continue
                result.append(Due(form, unit, period, due, None))
    _attach_submissions(result)
    return sorted(
        [d for d in result if d.submission is None or d.submission.status in (Status.DRAFT, Status.RETURNED)],
        key=lambda d: d.due_date,
    )


def _reporting_units(form: ReportForm, units: list[Unit], assignments: list[Assignment]) -> list[Unit]:
    return [
        u
        for u in units
        if u.level == form.level
        and any(
            a.level == u.level and (a.unit is None or u.path.startswith(a.unit.path)) for a in assignments
        )
    ]


def _attach_submissions(items: list[Due]) -> None:
    if not items:
        return
    units = sorted({d.unit.pk for d in items})
    periods = sorted({d.period.code for d in items})
    found = {(s.form_id, s.unit_id, s.period_code): s for s in _SUBMISSIONS_OF(units, periods)}
    for item in items:
        item.submission = found.get((item.form.pk, item.unit.pk, item.period.code))


# The inbox is opened by every reporter many times on the days reports fall due: its reads of the
# forms, their assignments (a handful; dates are checked above) and the reports already opened
# are prepared once (core/fixed_sql.py).
_ACTIVE_FORMS = Prepared(
    "reporting.active_forms", ReportForm, lambda: ReportForm.objects.filter(is_active=True)
)
_ASSIGNMENTS = Prepared(
    "reporting.assignments",
    Assignment,
    lambda forms: Assignment.objects.filter(form_id__in=forms).select_related("unit"),
)
_SUBMISSIONS_OF = Prepared(
    "reporting.submissions_of",
    Submission,
    lambda units, periods: Submission.objects.filter(unit_id__in=units, period_code__in=periods),
)
