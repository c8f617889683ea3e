"""Submit, approve, return, reopen: the steps that lock data and make it count in rollups.

A form's values count once approved (or once submitted when the form says so). Counting and
uncounting go through services.rollups in the same transaction, so the national figure changes
with the approval and never shows half of it.
"""

from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils import timezone

from danvan.accounts.models import Role
from danvan.accounts.scope import UserScope
from danvan.audit.services import audit_record
from danvan.core.errors import Conflict, InvalidInput, PermissionDenied
from danvan.core.formatting import format_datetime
from danvan.reporting.models import CrossRule, ReportForm, Status, Submission, SubmissionEvent, Value
from danvan.reporting.services.completeness import completeness_apply, completeness_before
from danvan.reporting.services.rollups import rollups_apply


def _locked(submission: Submission) -> Submission:
    return (
        Submission.objects.select_for_update(of=("self",))
        .select_related("form", "unit__parent")
        .get(pk=submission.pk)
    )


def _check_version(submission: Submission, version: int | None) -> None:
    """The version the approver saw: another person's step in between is a conflict (409)."""
    if version is not None and submission.version != version:
        raise Conflict(
            "stale_submission",
            "Báo cáo vừa được người khác xử lý sau khi bạn mở trang; hãy tải lại trang để xem "
            "tình trạng mới rồi làm lại nếu vẫn cần.",
        )


def _already(submission: Submission, what: str, at: Any) -> Conflict:
    return Conflict(
        f"already_{what}",
        f"Báo cáo đã được {'duyệt' if what == 'approved' else 'trả lại'} lúc {format_datetime(at)}; "
        "thao tác của bạn không được thực hiện.",
    )


def can_approve(scope: UserScope, submission: Submission) -> bool:
    if scope.is_system_admin:
        return True
    if submission.form.approver == ReportForm.Approver.SAME:
        return scope.covers(submission.unit, Role.APPROVER)
    parent = submission.unit.parent
    return parent is not None and scope.covers(parent, Role.APPROVER)


def _event(submission: Submission, action: str, actor: Any, note: str = "") -> None:
    SubmissionEvent.objects.create(submission=submission, action=action, actor=actor, note=note)
    audit_record(
        actor=actor, action=f"report.{action}", obj=submission, unit=submission.unit, changes={"note": note}
    )


def _count(submission: Submission, counted: bool) -> None:
    if submission.is_counted == counted:
        return
    if counted:
        submission.is_counted = True
        submission.save(update_fields=["is_counted"])
        rollups_apply(submission, sign=+1)
    else:
        rollups_apply(submission, sign=-1)
        submission.is_counted = False
        submission.save(update_fields=["is_counted"])


def validation_errors(submission: Submission) -> dict[str, list[str]]:
    """Required values missing and cross-indicator rules broken, by indicator code."""
    errors: dict[str, list[str]] = {}
    values = list(submission.values.select_related("indicator"))
    required = set(submission.form.items.filter(required=True).values_list("indicator_id", flat=True))
    totals: dict[int, Decimal] = {}
    for value in values:
        if value.indicator_id in required and value.is_empty:
            errors.setdefault(value.indicator.code, []).append(f"Chưa nhập «{value.indicator.name}».")
        if value.number is not None:
            totals[value.indicator_id] = totals.get(value.indicator_id, Decimal(0)) + Decimal(value.number)
    for rule in CrossRule.objects.filter(left_id__in=totals, right_id__in=totals).select_related("left"):
        if not rule.holds(totals[rule.left_id], totals[rule.right_id]):
            errors.setdefault(rule.left.code, []).append(rule.message)
    return errors


@transaction.atomic
def submission_submit(*, actor: Any, scope: UserScope, submission: Submission) -> Submission:
    locked = _locked(submission)
    if not scope.covers(locked.unit, Role.REPORTER):
        raise PermissionDenied("Chỉ người nhập liệu của đơn vị mới nộp được báo cáo này.")
    if locked.status in (Status.SUBMITTED, Status.APPROVED):
        return locked  # a second click or a retried request: already done
    errors = validation_errors(locked)
    if errors:
        raise InvalidInput("report_invalid", "Báo cáo còn lỗi, chưa nộp được.", errors=errors)
    before = completeness_before(locked)
    locked.status = Status.SUBMITTED
    locked.submitted_at = timezone.now()
    locked.submitted_by = actor
    locked.version += 1
    locked.save(update_fields=["status", "submitted_at", "submitted_by", "version", "updated_at"])
    completeness_apply(locked, before)
    locked.values.filter(is_returned=True).update(is_returned=False)
    late = " (nộp muộn)" if locked.was_late else ""
    _event(locked, "submitted", actor, f"Nộp báo cáo{late}")
    if locked.form.counts_in_rollups and locked.form.counts_on_submit:
        _count(locked, True)
    return locked


@transaction.atomic
def submission_approve(
    *, actor: Any, scope: UserScope, submission: Submission, version: int | None = None
) -> Submission:
    """Approve; two approvers at once: the row lock lets one through, the other gets 409."""
    locked = _locked(submission)
    if not can_approve(scope, locked):
        raise PermissionDenied("Chỉ lãnh đạo cấp duyệt mới duyệt được báo cáo này.")
    if locked.status == Status.APPROVED:
        raise _already(locked, "approved", locked.approved_at)
    _check_version(locked, version)
    if locked.status != Status.SUBMITTED:
        raise Conflict("not_submitted", "Báo cáo chưa được nộp nên chưa duyệt được.")
    before = completeness_before(locked)
    locked.status = Status.APPROVED
    locked.approved_at = timezone.now()
    locked.approved_by = actor
    locked.version += 1
    locked.save(update_fields=["status", "approved_at", "approved_by", "version", "updated_at"])
    completeness_apply(locked, before)
    _event(locked, "approved", actor, "Duyệt báo cáo")
    if locked.form.counts_in_rollups:
        _count(locked, True)
    return locked


@transaction.atomic
def submission_return(
    *,
    actor: Any,
    scope: UserScope,
    submission: Submission,
    comment: str,
    value_comments: dict[int, str],
    version: int | None = None,
) -> Submission:
    """Send back to the reporter: the whole report, or only the values given (id → comment)."""
    locked = _locked(submission)
    if not can_approve(scope, locked):
        raise PermissionDenied("Chỉ lãnh đạo cấp duyệt mới trả lại được báo cáo này.")
    if locked.status == Status.RETURNED:
        raise _already(locked, "returned", locked.updated_at)
    _check_version(locked, version)
    if locked.status not in (Status.SUBMITTED, Status.APPROVED):
        raise Conflict("not_submitted", "Chỉ trả lại được báo cáo đã nộp hoặc đã duyệt.")
    if not comment.strip() and not any(c.strip() for c in value_comments.values()):
        raise InvalidInput(
            "comment_required", "Cần ghi ý kiến khi trả lại báo cáo.", errors={"comment": ["Bắt buộc."]}
        )
    values = {v.pk: v for v in locked.values.filter(pk__in=value_comments).select_related("indicator")}
    if set(value_comments) - set(values):
        raise InvalidInput("unknown_value", "Có số liệu không thuộc báo cáo này.")
    before = completeness_before(locked)
    _count(locked, False)
    for pk, text in value_comments.items():
        Value.objects.filter(pk=pk).update(is_returned=True, return_comment=text.strip()[:500])
    locked.status = Status.RETURNED
    locked.return_comment = comment.strip()
    locked.version += 1
    locked.save(update_fields=["status", "return_comment", "version", "updated_at"])
    completeness_apply(locked, before)
    named = ", ".join(v.indicator.name for v in values.values())
    _event(locked, "returned", actor, comment.strip() + (f" — Số liệu cần sửa: {named}" if named else ""))
    return locked
