"""A process killed (SIGKILL) in the middle of an approval or a return, after it changed the
first rollup cell, leaves the submission as it was and the cells equal to a rebuild."""

from typing import Any

from danvan.accounts.scope import scope_for
from danvan.core.tests.processes import crash_during
from danvan.reporting.models import Status, Submission, SubmissionEvent
from danvan.reporting.services.rollups import cells_snapshot, rollups_rebuild
from danvan.reporting.services.workflow import submission_approve

STEP = """
from danvan.accounts.models import User
from danvan.accounts.scope import scope_for
from danvan.reporting.models import Submission
from danvan.reporting.services import workflow
user = User.objects.get(pk=ARGS["user"])
submission = Submission.objects.get(pk=ARGS["submission"])
if ARGS["step"] == "approve":
    workflow.submission_approve(actor=user, scope=scope_for(user), submission=submission)
else:
    workflow.submission_return(
        actor=user, scope=scope_for(user), submission=submission, comment="Xem lại", value_comments={}
    )
"""


def state(submission: Submission) -> tuple[Any, ...]:
    submission.refresh_from_db()
    return (submission.status, submission.is_counted, submission.version, submission.events.count())


def assert_cells_equal_a_rebuild() -> dict[Any, Any]:
    incremental = cells_snapshot()
    rollups_rebuild()
    assert cells_snapshot() == incremental
    return incremental


def test_a_crash_during_approval_or_return_leaves_one_consistent_state(
    shared_db, report, personas, tree, tmp_path
):
    approver = personas.approver
    report(tree.commune_b, "2026-M03", reporter=personas.reporter_b, propaganda_sessions=4)  # cells exist
    submission = report(tree.commune_a, "2026-M03", reporter=personas.reporter_a, approve=False)
    args = {"user": approver.pk, "submission": submission.pk, "step": "approve"}
    before, cells = state(submission), cells_snapshot()
    seen = crash_during(shared_db, STEP, table="reporting_rollupcell", args=args, tmp_path=tmp_path)
    assert seen >= len(cells)  # the cells were being changed when the process died
    assert state(submission) == before and before[0] == Status.SUBMITTED
    assert (
        not SubmissionEvent.objects.filter(action="approved")
        .exclude(submission__unit=tree.commune_b)
        .exists()
    )
    assert assert_cells_equal_a_rebuild() == cells

    submission_approve(actor=approver, scope=scope_for(approver), submission=submission)
    before, cells = state(submission), cells_snapshot()
    args["step"] = "return"
    crash_during(shared_db, STEP, table="reporting_rollupcell", args=args, tmp_path=tmp_path)
    assert state(submission) == before and before[:2] == (Status.APPROVED, True)
    assert assert_cells_equal_a_rebuild() == cells
