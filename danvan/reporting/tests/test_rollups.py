"""Rollups are exact: incremental maintenance always equals a rebuild from the values."""

from decimal import Decimal
from typing import Any

import pytest

from danvan.accounts.scope import scope_for
from danvan.core.periods import Period
from danvan.reporting.models import RollupCell
from danvan.reporting.selectors.rollups import node_value, rollup
from danvan.reporting.services.rollups import cells_snapshot, containers, rollups_rebuild
from danvan.reporting.services.workflow import submission_return
from danvan.reporting.tests.conftest import dec, indicator

pytestmark = pytest.mark.django_db


def assert_rebuild_agrees() -> None:
    incremental = cells_snapshot()
    rollups_rebuild()
    assert cells_snapshot() == incremental


def return_report(personas: Any, submission: Any, comment: str) -> None:
    """The approver sends an approved report back to its commune."""
    submission_return(
        actor=personas.approver,
        scope=scope_for(personas.approver),
        submission=submission,
        comment=comment,
        value_comments={},
    )


def test_containers_of_a_month_and_a_half_year() -> None:
    codes = [p.code for p in containers(Period.parse("2026-M08"))]
    assert codes == ["2026-M08", "2026-Q3", "2026-H2", "2026-9M", "2026"]
    assert [p.code for p in containers(Period.parse("2026-M11"))] == [
        "2026-M11",
        "2026-Q4",
        "2026-H2",
        "2026",
    ]
    assert [p.code for p in containers(Period.parse("2026-H1"))] == ["2026-H1", "2026-9M", "2026"]


def test_sums_roll_up_to_province_and_nation(tree: Any, personas: Any, report: Any) -> None:
    report(tree.commune_a, "2026-M01", reporter=personas.reporter_a, propaganda_sessions=3)
    report(tree.commune_a, "2026-M02", reporter=personas.reporter_a, propaganda_sessions=4)
    report(tree.commune_b, "2026-M02", reporter=personas.reporter_b, propaganda_sessions=5)
    meetings = indicator("propaganda_sessions")
    assert node_value(meetings, Period.parse("2026-M02"), tree.province) == 9
    assert node_value(meetings, Period.parse("2026-Q1"), tree.province) == 12
    assert node_value(meetings, Period.parse("2026-Q1"), tree.commune_a) == 7
    assert node_value(meetings, Period.parse("2026"), None) == 12
    assert node_value(meetings, Period.parse("2026-Q2"), tree.province) is None  # not reported ≠ 0
    assert node_value(meetings, Period.parse("2026-Q1"), tree.other_province) is None
    assert_rebuild_agrees()


def test_zero_is_a_value_and_differs_from_not_reported(tree: Any, personas: Any, report: Any) -> None:
    report(tree.commune_a, "2026-M01", reporter=personas.reporter_a, dialogues_held=0)
    result = rollup(
        indicator=indicator("dialogues_held"),
        period=Period.parse("2026-M01"),
        unit=tree.province,
        by_children=True,
    )
    assert result.unit.value == 0
    by_code = {c.code: c.value for c in result.children}
    assert by_code == {"31510": 0, "31528": None}


def test_children_of_the_nation_are_provinces_in_one_query(
    tree: Any, personas: Any, report: Any, django_assert_max_num_queries: Any
) -> None:
    report(tree.commune_a, "2026-M01", reporter=personas.reporter_a, propaganda_sessions=2)
    meetings = indicator("propaganda_sessions")
    with django_assert_max_num_queries(4):
        result = rollup(indicator=meetings, period=Period.parse("2026-M01"), unit=None, by_children=True)
    assert result.unit.value == 2
    assert {c.code: c.value for c in result.children} == {"92": 2, "04": None}
    assert result.as_of is not None


def test_old_units_roll_into_their_successors(tree: Any, personas: Any, report: Any) -> None:
    """Phường 2 of the former Sóc Trăng reported in 2024; the data counts for today's Phường
    Sóc Trăng and Cần Thơ, and once only for the nation."""
    report(
        tree.legacy_commune,
        "2024-M05",
        reporter=personas.admin,
        approver=personas.admin,
        propaganda_sessions=6,
    )
    meetings, period = indicator("propaganda_sessions"), Period.parse("2024")
    assert node_value(meetings, period, tree.commune_a) == 6
    assert node_value(meetings, period, tree.province) == 6
    assert node_value(meetings, period, tree.legacy_province) == 6
    assert node_value(meetings, period, None) == 6
    assert_rebuild_agrees()


def test_latest_takes_each_units_last_value_in_the_period(tree: Any, personas: Any, report: Any) -> None:
    report(tree.commune_a, "2026-M01", reporter=personas.reporter_a, members=100, eligible_population=400)
    report(tree.commune_a, "2026-M03", reporter=personas.reporter_a, members=120, eligible_population=400)
    report(tree.commune_b, "2026-M02", reporter=personas.reporter_b, members=50, eligible_population=100)
    members, q1 = indicator("members"), Period.parse("2026-Q1")
    assert node_value(members, q1, tree.province) == 170  # 120 (A in March) + 50 (B in February)
    assert node_value(members, Period.parse("2026-M01"), tree.province) == 100
    assert node_value(indicator("membership_rate"), q1, tree.province) == dec("34.0")  # 170 / 500
    # A late February report arriving after March changes nothing for the quarter (March is
    # newer), but counts for February.
    report(tree.commune_a, "2026-M02", reporter=personas.reporter_a, members=130, eligible_population=400)
    assert node_value(members, q1, tree.province) == 170
    assert node_value(members, Period.parse("2026-M02"), tree.province) == 180  # 130 + 50
    assert_rebuild_agrees()


def test_ratio_is_computed_from_the_rolled_up_terms(tree: Any, personas: Any, report: Any) -> None:
    report(
        tree.commune_a, "2026-M04", reporter=personas.reporter_a, dialogue_opinions=40, dialogue_answered=38
    )
    report(
        tree.commune_b, "2026-M04", reporter=personas.reporter_b, dialogue_opinions=10, dialogue_answered=7
    )
    rate = node_value(indicator("dialogue_answered_rate"), Period.parse("2026-M04"), tree.province)
    assert rate == Decimal("90.0")  # 45 / 50, not the average of 95% and 70%


def test_returning_an_approved_report_removes_it_and_reapproval_restores(
    tree: Any, personas: Any, report: Any
) -> None:
    first = report(
        tree.commune_a,
        "2026-M01",
        reporter=personas.reporter_a,
        members=100,
        propaganda_sessions=2,
        eligible_population=400,
    )
    report(
        tree.commune_a,
        "2026-M02",
        reporter=personas.reporter_a,
        members=110,
        propaganda_sessions=3,
        eligible_population=400,
    )
    q1 = Period.parse("2026-Q1")
    return_report(personas, first, "Kiểm tra lại")
    assert node_value(indicator("propaganda_sessions"), q1, tree.province) == 3
    assert node_value(indicator("members"), Period.parse("2026-M01"), tree.province) is None
    assert node_value(indicator("members"), q1, tree.province) == 110
    assert_rebuild_agrees()


def test_empty_cells_are_deleted(tree: Any, personas: Any, report: Any) -> None:
    only = report(tree.commune_a, "2026-M01", reporter=personas.reporter_a, propaganda_sessions=2)
    return_report(personas, only, "Sai")
    assert not RollupCell.objects.filter(count__gt=0, indicator=indicator("propaganda_sessions")).exists()
    assert not RollupCell.objects.filter(count__lte=0).exists()


def test_multi_year_adds_up_years(tree: Any, personas: Any, report: Any) -> None:
    report(tree.commune_a, "2024-M01", reporter=personas.reporter_a, propaganda_sessions=2)
    report(tree.commune_a, "2026-M01", reporter=personas.reporter_a, propaganda_sessions=5)
    assert node_value(indicator("propaganda_sessions"), Period.parse("2021-2025"), tree.province) == 2
    assert node_value(indicator("propaganda_sessions"), Period.parse("2024-2026"), None) == 7


def test_a_report_touching_more_cells_than_one_statement_holds(
    tree: Any, personas: Any, report: Any, monthly: Any
) -> None:
    """Every figure of the monthly form filled: more than 500 cells (the SQLite statements' size;
    PostgreSQL sends them all as arrays in one), every one added, and removed again on return."""
    from danvan.reporting.models import Submission, Value
    from danvan.reporting.services.submissions import submission_open
    from danvan.reporting.services.workflow import submission_approve, submission_submit

    reporter = personas.reporter_a
    opened = submission_open(
        actor=reporter,
        scope=scope_for(reporter),
        form=monthly,
        unit=tree.commune_a,
        period=Period.parse("2026-M03"),
    )
    Value.objects.filter(submission=opened, indicator__numerator__isnull=True).exclude(
        indicator__value_type="text"
    ).update(number=Decimal(1), computed=None)
    submitted = submission_submit(actor=reporter, scope=scope_for(reporter), submission=opened)
    submission_approve(actor=personas.approver, scope=scope_for(personas.approver), submission=submitted)
    assert Submission.objects.get(pk=opened.pk).is_counted
    assert RollupCell.objects.count() > 500
    assert_rebuild_agrees()

    return_report(personas, submitted, "Sai")
    assert not RollupCell.objects.exists()
    assert_rebuild_agrees()
