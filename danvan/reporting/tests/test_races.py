"""Two approvers acting on one submission at the same moment end in one consistent state: one
wins, the other gets a Vietnamese 409, the history has one entry and the rollup cells equal a
rebuild. Each race runs in two threads with their own connections on committed data (SQLite
serializes through IMMEDIATE transactions, PostgreSQL through row and advisory locks); the
services are slowed inside their transaction so that the race window stays open."""

from typing import Any

import pytest

from danvan.accounts.scope import scope_for
from danvan.core.tests.concurrency import at_once, slowed
from danvan.practices.tests.test_flow_api import bearer
from danvan.reporting.models import Status, Submission, SubmissionEvent, Value
from danvan.reporting.services import rollups, workflow
from danvan.reporting.services.rollups import cells_snapshot, rollups_rebuild

RUNS = 3  # race runs per case, each on a fresh submission (its own month)


def assert_cells_equal_a_rebuild() -> None:
    incremental = cells_snapshot()
    rollups_rebuild()
    assert cells_snapshot() == incremental


def events(submission: Submission, action: str) -> int:
    return SubmissionEvent.objects.filter(submission=submission, action=action).count()


def approve(user: Any, submission: Submission, version: int | None = None) -> Any:
    return lambda: workflow.submission_approve(
        actor=user, scope=scope_for(user), submission=submission, version=version
    )


def give_back(user: Any, submission: Submission, values: dict[int, str], version: int | None = None) -> Any:
    return lambda: workflow.submission_return(
        actor=user,
        scope=scope_for(user),
        submission=submission,
        comment="" if values else "Xem lại số liệu",
        value_comments=values,
        version=version,
    )


@pytest.fixture
def submitted(shared_db: str, report: Any, personas: Any, tree: Any) -> Any:
    def make(month: int, unit: Any = None) -> Submission:
        return report(
            unit or tree.commune_a,
            f"2026-M{month:02d}",
            reporter=personas.reporter_a if unit is None else personas.reporter_b,
            approve=False,
            propaganda_sessions=3 + month,
        )

    return make


def test_races_on_one_submission(submitted, personas, password, monkeypatch):
    """One transactional test runs every race on one submission (each flush costs seconds)."""
    approve_twice(submitted, personas, monkeypatch)
    approve_and_return(submitted, personas, monkeypatch)
    return_one_value_twice(submitted, personas, monkeypatch)
    approve_twice_through_the_api(submitted, personas, password, monkeypatch)


def approve_twice(submitted, personas, monkeypatch):
    for month in range(1, RUNS + 1):
        submission = submitted(month)
        with slowed(monkeypatch, workflow, "_event"):
            outcomes = at_once(approve(personas.approver, submission), approve(personas.admin, submission))
        assert sorted(o.status for o in outcomes) == [200, 409]
        loser = next(o.error for o in outcomes if o.error is not None)
        assert loser.code == "already_approved" and "Báo cáo đã được duyệt lúc" in loser.message
        submission.refresh_from_db()
        assert submission.status == Status.APPROVED and submission.is_counted
        assert events(submission, "approved") == 1
        assert_cells_equal_a_rebuild()


def approve_and_return(submitted, personas, monkeypatch):
    for month in range(RUNS + 1, 2 * RUNS + 1):
        submission = submitted(month)
        seen = submission.version
        with slowed(monkeypatch, workflow, "_event"):
            outcomes = at_once(
                approve(personas.approver, submission, seen), give_back(personas.admin, submission, {}, seen)
            )
        assert sorted(o.status for o in outcomes) == [200, 409]
        assert next(o.error for o in outcomes if o.error).code == "stale_submission"
        submission.refresh_from_db()
        approved = outcomes[0].error is None
        assert submission.status == (Status.APPROVED if approved else Status.RETURNED)
        assert submission.is_counted is approved
        assert events(submission, "approved") + events(submission, "returned") == 1
        assert_cells_equal_a_rebuild()


def return_one_value_twice(submitted, personas, monkeypatch):
    for month in range(2 * RUNS + 1, 3 * RUNS + 1):
        submission = submitted(month)
        workflow.submission_approve(
            actor=personas.approver, scope=scope_for(personas.approver), submission=submission
        )
        value = Value.objects.get(submission=submission, indicator__code="propaganda_sessions", category="")
        with slowed(monkeypatch, workflow, "_event"):
            outcomes = at_once(
                give_back(personas.approver, submission, {value.pk: "Số buổi chưa khớp biên bản"}),
                give_back(personas.admin, submission, {value.pk: "Kiểm tra lại số buổi"}),
            )
        assert sorted(o.status for o in outcomes) == [200, 409]
        assert "đã được trả lại lúc" in next(o.error for o in outcomes if o.error).message
        value.refresh_from_db()
        assert value.is_returned and value.return_comment in (
            "Số buổi chưa khớp biên bản",
            "Kiểm tra lại số buổi",
        )
        assert events(submission, "returned") == 1
        assert_cells_equal_a_rebuild()


def test_approvals_of_two_communes_at_once_both_count(submitted, personas, tree, monkeypatch):
    """New cells for the same province and nation: both approvals create them at the same time."""
    for month in range(1, RUNS + 1):
        first, second = submitted(month), submitted(month, unit=tree.commune_b)
        with slowed(monkeypatch, rollups, "_deltas"):
            outcomes = at_once(approve(personas.approver, first), approve(personas.admin, second))
        assert [o.status for o in outcomes] == [200, 200]
        assert_cells_equal_a_rebuild()
        province = cells_snapshot()[
            (
                Value.objects.get(submission=first, indicator__code="propaganda_sessions").indicator_id,
                "",
                f"2026-M{month:02d}",
                tree.province.pk,
            )
        ]
        assert province == (2 * (3 + month), 2)


def approve_twice_through_the_api(submitted, personas, password, monkeypatch):
    submission = submitted(12)
    clients = [bearer(personas.approver.username, password), bearer(personas.admin.username, password)]
    path = f"/api/v1/submissions/{submission.pk}/approve"
    with slowed(monkeypatch, workflow, "_event"):
        responses = at_once(*[lambda c=c: c.post(path) for c in clients])
    codes = sorted(r.value.status_code for r in responses)
    assert codes == [200, 409]
    refused = next(r.value for r in responses if r.value.status_code == 409)
    assert refused["Content-Type"] == "application/problem+json"
    assert refused.json()["code"] == "already_approved" and "đã được duyệt" in refused.json()["detail"]
    assert events(submission, "approved") == 1
    assert_cells_equal_a_rebuild()


def test_a_page_opened_before_another_approver_acted_changes_nothing(report, personas, tree, client_for):
    """The forms carry the version shown; a step taken meanwhile by someone else wins."""
    submission = report(tree.commune_a, "2026-M05", reporter=personas.reporter_a, approve=False)
    page = client_for(personas.approver).get(f"/bao-cao/{submission.pk}/").content.decode()
    assert f'name="version" value="{submission.version}"' in page
    seen = submission.version
    workflow.submission_approve(actor=personas.admin, scope=scope_for(personas.admin), submission=submission)
    submission.refresh_from_db()
    before = (submission.status, submission.version, submission.events.count(), cells_snapshot())
    stale = client_for(personas.approver).post(
        f"/bao-cao/{submission.pk}/tra-lai/", {"comment": "Sửa lại", "version": seen}, follow=True
    )
    assert "vừa được người khác xử lý" in stale.content.decode()
    submission.refresh_from_db()
    assert (submission.status, submission.version, submission.events.count(), cells_snapshot()) == before


def test_the_api_refuses_a_stale_if_match_on_approval(report, personas, tree, password):
    submission = report(tree.commune_a, "2026-M06", reporter=personas.reporter_a, approve=False)
    client = bearer(personas.approver.username, password)
    etag = client.get(f"/api/v1/submissions/{submission.pk}")["ETag"]
    workflow.submission_return(
        actor=personas.admin,
        scope=scope_for(personas.admin),
        submission=submission,
        comment="Sửa",
        value_comments={},
    )
    refused = client.post(f"/api/v1/submissions/{submission.pk}/approve", headers={"If-Match": etag})
    assert refused.status_code == 412 and refused.json()["code"] == "stale_version"
    submission.refresh_from_db()
    assert submission.status == Status.RETURNED and not submission.is_counted
