"""Completeness cells: what the workflow keeps step by step equals a fresh computation and the
live count over the submissions, at every node; forms reported by neighbourhoods stay live."""

import datetime as dt
from typing import Any

from django.utils import timezone

from danvan.accounts.scope import scope_for
from danvan.core.periods import Period
from danvan.reporting.models import Assignment, CompletenessCell, ReportForm, Submission
from danvan.reporting.selectors.completeness import _live_counts, completeness
from danvan.reporting.services.completeness import cells_snapshot, completeness_refresh
from danvan.reporting.services.submissions import submission_open
from danvan.reporting.services.workflow import submission_approve, submission_return, submission_submit
from danvan.reporting.tests.conftest import fill
from danvan.territory.models import NATION, Level

FIELDS = ("expected", "submitted", "approved", "on_time", "late")


def figures(result: Any) -> list[int]:
    return [getattr(result, f) for f in FIELDS]


def assert_cells_equal_a_fresh_count(form: ReportForm, period: Period, units: list[Any]) -> None:
    for unit in units:
        kept = completeness(form=form, period=period, unit=unit).unit
        assert figures(kept) == figures(_live_counts(form, period, unit)), unit
    incremental = cells_snapshot()
    completeness_refresh(form=form)
    for unit in units:
        completeness(form=form, period=period, unit=unit)
    assert cells_snapshot() == incremental


def test_every_workflow_step_keeps_the_cells_exact(
    tree: Any, personas: Any, report: Any, monthly: Any
) -> None:
    today = timezone.localdate()
    period = Period.month(today.year, today.month)  # due next month: submitted today is on time
    units = [None, tree.province, tree.commune_a, tree.commune_b, tree.other_province, tree.commune_c]
    # The cells exist before the first report of the period: the dashboard computed them.
    assert figures(completeness(form=monthly, period=period, unit=tree.province).unit) == [2, 0, 0, 0, 0]
    a = report(tree.commune_a, period.code, reporter=personas.reporter_a, approve=False)
    assert_cells_equal_a_fresh_count(monthly, period, units)

    approver = scope_for(personas.approver)
    a = submission_approve(actor=personas.approver, scope=approver, submission=a)
    reporter_b = scope_for(personas.reporter_b)
    b = submission_open(
        actor=personas.reporter_b, scope=reporter_b, form=monthly, unit=tree.commune_b, period=period
    )
    fill(
        b, personas.reporter_b, propaganda_sessions=2, dvk_registered__mo_hinh=0, dvk_registered__dien_hinh=0
    )
    Submission.objects.filter(pk=b.pk).update(
        due_date=today - dt.timedelta(days=1)
    )  # a draft: counts nothing yet
    b.refresh_from_db()
    b = submission_submit(actor=personas.reporter_b, scope=reporter_b, submission=b)
    assert_cells_equal_a_fresh_count(monthly, period, units)

    # Returned after approval: still submitted, no longer approved.
    submission_return(
        actor=personas.approver, scope=approver, submission=a, comment="Sửa số liệu", value_comments={}
    )
    submission_approve(actor=personas.approver, scope=approver, submission=b)
    assert_cells_equal_a_fresh_count(monthly, period, units)
    assert figures(completeness(form=monthly, period=period, unit=tree.province).unit) == [2, 2, 1, 1, 1]
    assert figures(completeness(form=monthly, period=period, unit=None).unit) == [3, 2, 1, 1, 1]
    assert figures(completeness(form=monthly, period=period, unit=tree.commune_b).unit) == [1, 1, 1, 0, 1]


def test_old_units_are_expected_for_their_time_and_count_in_the_new_province(
    tree: Any, personas: Any, monthly: Any
) -> None:
    period = Period.parse("2024-M08")
    kept = completeness(form=monthly, period=period, unit=tree.province).unit
    assert figures(kept) == figures(_live_counts(monthly, period, tree.province)) == [1, 0, 0, 0, 0]
    assert figures(completeness(form=monthly, period=period, unit=tree.commune_a).unit)[0] == 1


def test_a_dashboard_reads_one_row_once_computed(
    tree: Any, personas: Any, monthly: Any, django_assert_max_num_queries: Any
) -> None:
    period = Period.parse("2026-M08")
    completeness(form=monthly, period=period, unit=tree.province)
    with django_assert_max_num_queries(1):
        completeness(form=monthly, period=period, unit=tree.province)
    assert CompletenessCell.objects.filter(form=monthly, period_code=period.code, node=NATION).exists()


def test_a_form_reported_by_neighbourhoods_is_counted_live(tree: Any, monthly: Any) -> None:
    Assignment.objects.create(form=monthly, level=Level.NEIGHBOURHOOD, valid_from=dt.date(2026, 1, 1))
    period = Period.parse("2026-M08")
    result = completeness(form=monthly, period=period, unit=tree.province).unit
    assert figures(result) == figures(_live_counts(monthly, period, tree.province))
    assert not CompletenessCell.objects.filter(form=monthly).exists()


def test_the_local_date_decides_lateness(tree: Any, personas: Any, report: Any) -> None:
    submission = report(tree.commune_a, "2026-M08", reporter=personas.reporter_a, approve=False)
    # 23:30 in Hà Nội on the due date is 16:30 UTC the same day; 06:00 the next morning is 23:00
    # UTC on the due date, yet late.
    due = submission.due_date
    local = timezone.get_current_timezone()
    submission.submitted_at = dt.datetime.combine(due + dt.timedelta(days=1), dt.time(6, 0), tzinfo=local)
    assert submission.was_late
    submission.submitted_at = dt.datetime.combine(due, dt.time(23, 30), tzinfo=local)
    assert not submission.was_late
