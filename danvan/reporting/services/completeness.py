"""Completeness cells: expected, submitted, approved and on-time reports per form × period × node.

The cells of a (form, period) are computed together the first time they are needed — by a
dashboard, or by the first workflow step of that period — from the expected units (assignments
and the units valid at the end of the period) and their submissions. From then on every
workflow step applies its difference in the same transaction, so the figures are exact at every
moment and a dashboard reads one row. The nation row of a (form, period) is the lock: a step
takes it before changing anything, a computation before reading the submissions, so neither
misses the other.

A unit counts at its counting nodes (`territory.selectors.nodes_for`), as the rollup cells do.
Forms assigned to neighbourhoods (which commune staff create and retire every day) are not kept
in cells: their completeness is counted live. After the expected units change otherwise —
assignments edited, the territory reloaded — `completeness_refresh()` drops the cells, which are
computed again when next needed.
"""

import datetime as dt
from collections import defaultdict
from typing import Any

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from danvan.core.periods import Period
from danvan.reporting.models import CompletenessCell, ReportForm, Status, Submission
from danvan.reporting.selectors.expected import expected_units, is_expected, neighbourhood_assigned
from danvan.territory.models import NATION
from danvan.territory.selectors import nodes_for

State = tuple[int, int, int]  # submitted, approved, on time
NOT_COMPUTED = -1  # `expected` of a nation row whose (form, period) is still to be computed
NONE: State = (0, 0, 0)


def report_state(status: str, submitted_at: dt.datetime | None, due_date: dt.date) -> State:
    """What one report adds to the counts: submitted (a returned report that had been submitted
    still counts as submitted), approved, submitted by its due date (local time)."""
    done = status in (Status.SUBMITTED, Status.APPROVED) or (status == Status.RETURNED and submitted_at)
    if not done or submitted_at is None:
        return NONE
    return (1, int(status == Status.APPROVED), int(timezone.localdate(submitted_at) <= due_date))


def submission_state(submission: Submission) -> State:
    return report_state(submission.status, submission.submitted_at, submission.due_date)


def kept_in_cells(form: ReportForm, period: Period) -> bool:
    return not neighbourhood_assigned(form, period)


def completeness_prepare(form: ReportForm, period: Period) -> bool:
    """Make sure the cells of (form, period) exist, holding the lock of their nation row until the
    transaction ends. False when the form's completeness is counted live instead."""
    if not kept_in_cells(form, period):
        return False
    now = timezone.now()
    CompletenessCell.objects.bulk_create(
        [
            CompletenessCell(
                form=form, period_code=period.code, node=NATION, expected=NOT_COMPUTED, computed_at=now
            )
        ],
        ignore_conflicts=True,
    )
    head = CompletenessCell.objects.select_for_update().get(form=form, period_code=period.code, node=NATION)
    if head.expected == NOT_COMPUTED:
        _compute(form, period, head)
    return True


def _compute(form: ReportForm, period: Period, head: CompletenessCell) -> None:
    expected = {pk: path for pk, path, _code, _name in expected_units(form, period, None)}
    rows = Submission.objects.filter(form=form, period_code=period.code).values_list(
        "unit_id", "status", "submitted_at", "due_date"
    )
    states = {unit: report_state(status, at, due) for unit, status, at, due in rows if unit in expected}
    counts: dict[int, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    for unit, nodes in nodes_for(expected.items()).items():
        state = states.get(unit, NONE)
        for node in nodes:
            figures = counts[node]
            figures[0] += 1
            figures[1], figures[2], figures[3] = (figures[i + 1] + state[i] for i in range(3))
    now = timezone.now()
    CompletenessCell.objects.filter(form=form, period_code=period.code).exclude(node=NATION).delete()
    CompletenessCell.objects.bulk_create(
        (_cell(form, period, node, figures, now) for node, figures in counts.items() if node != NATION),
        batch_size=2000,
    )
    head.expected, head.submitted, head.approved, head.on_time = counts[NATION]
    head.computed_at = now
    head.save(update_fields=["expected", "submitted", "approved", "on_time", "computed_at"])


def _cell(
    form: ReportForm, period: Period, node: int, figures: list[int], now: dt.datetime
) -> CompletenessCell:
    expected, submitted, approved, on_time = figures
    return CompletenessCell(
        form=form,
        period_code=period.code,
        node=node,
        expected=expected,
        submitted=submitted,
        approved=approved,
        on_time=on_time,
        computed_at=now,
    )


def completeness_before(submission: Submission) -> State | None:
    """Called by a workflow step before it changes the submission: prepares the cells (taking
    their lock) and returns what the submission counts as now; None when not kept in cells."""
    period = Period.parse(submission.period_code)
    if not completeness_prepare(submission.form, period):
        return None
    return submission_state(submission)


def completeness_apply(submission: Submission, before: State | None) -> None:
    """After the step: add the difference to every counting node of the submission's unit."""
    if before is None:
        return
    after = submission_state(submission)
    delta = [a - b for a, b in zip(after, before, strict=True)]
    if not any(delta) or not is_expected(
        submission.form, Period.parse(submission.period_code), submission.unit
    ):
        return
    nodes = nodes_for([(submission.unit_id, submission.unit_path)])[submission.unit_id]
    CompletenessCell.objects.filter(
        form=submission.form, period_code=submission.period_code, node__in=nodes
    ).update(
        submitted=F("submitted") + delta[0],
        approved=F("approved") + delta[1],
        on_time=F("on_time") + delta[2],
    )


def completeness_refresh(*, form: ReportForm | None = None) -> int:
    """Drop the cells (of one form, or all): they are computed again when next needed. For when
    the expected units change otherwise than through the workflow."""
    rows = CompletenessCell.objects.all() if form is None else CompletenessCell.objects.filter(form=form)
    deleted, _ = rows.delete()
    return deleted


def completeness_cells(
    form: ReportForm, period: Period, nodes: set[int]
) -> dict[int, CompletenessCell] | None:
    """The cells of these nodes, computed first if needed (the only write of a read); None when
    the form's completeness is counted live. A node without a cell expects no report."""
    found = _read(form, period, nodes | {NATION})
    head = found.get(NATION)
    if head is None or head.expected == NOT_COMPUTED:
        if not kept_in_cells(form, period):
            return None
        with transaction.atomic():
            completeness_prepare(form, period)
        found = _read(form, period, nodes | {NATION})
    return found


def _read(form: ReportForm, period: Period, nodes: set[int]) -> dict[int, CompletenessCell]:
    rows = CompletenessCell.objects.filter(form=form, period_code=period.code, node__in=nodes)
    return {cell.node: cell for cell in rows}


def cells_snapshot() -> dict[tuple[Any, ...], tuple[int, int, int, int]]:
    """Every computed cell: for tests comparing the incremental cells with a fresh computation."""
    return {
        (c.form_id, c.period_code, c.node): (c.expected, c.submitted, c.approved, c.on_time)
        for c in CompletenessCell.objects.exclude(expected=NOT_COMPUTED)
    }
