"""Tasks: creating them (from a meeting's closing, a directive, a dialogue or alone), progress
updates with evidence, the roll-up of children into their parent, cancelling, and reminders."""

import datetime as dt
import secrets
from dataclasses import dataclass
from typing import Any

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import F, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from danvan.accounts.scope import UserScope
from danvan.audit.services import audit_record
from danvan.core.errors import Conflict, InvalidInput
from danvan.core.uploads import DOCUMENTS, IMAGES, check_upload
from danvan.meetings.models import Directive, Meeting, Task, TaskStatus, TaskUpdate
from danvan.meetings.models.tasks import OPEN_STATUSES
from danvan.meetings.services.common import Errors, check_writer, fail, format_date, reach_error
from danvan.orgs.models import Organization, Person
from danvan.territory.models import Unit

MAX_EVIDENCE = 10 * 1024 * 1024


@dataclass
class TaskSpec:
    """What a form row, an API item or a service says a task is, before it is checked."""

    title: str
    owner: Organization
    deadline: dt.date
    owner_person: Person | None = None
    directive: Directive | None = None
    description: str = ""
    weight: int = 1


def check_spec(spec: TaskSpec, assigner_unit: Unit, not_before: dt.date | None, prefix: str = "") -> Errors:
    """The errors of one task, keyed `<prefix><field>` (e.g. "tasks.0.deadline")."""
    errors: Errors = {}
    if not spec.title.strip():
        errors[f"{prefix}title"] = [_("Cần nhập nội dung nhiệm vụ.")]
    problem = reach_error(spec.owner, assigner_unit)
    if problem:
        errors[f"{prefix}owner"] = [problem]
    if not_before is not None and spec.deadline < not_before:
        errors[f"{prefix}deadline"] = [
            _("Hạn hoàn thành %(d)s không được trước ngày họp %(m)s.")
            % {"d": format_date(spec.deadline), "m": format_date(not_before)}
        ]
    if spec.weight < 1:
        errors[f"{prefix}weight"] = [_("Trọng số phải từ 1 trở lên.")]
    return errors


def build_task(
    spec: TaskSpec,
    *,
    actor: Any,
    assigner: Organization | None,
    assigner_unit: Unit,
    meeting: Meeting | None = None,
    parent: Task | None = None,
) -> Task:
    return Task(
        title=spec.title.strip(),
        description=spec.description.strip(),
        owner=spec.owner,
        owner_person=spec.owner_person,
        directive=spec.directive,
        weight=spec.weight,
        deadline=spec.deadline,
        meeting=meeting,
        parent=parent,
        unit_path=spec.owner.unit.path,
        assigner=assigner,
        assigner_path=assigner_unit.path,
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
    )


@transaction.atomic
def task_create(
    *,
    actor: Any,
    scope: UserScope,
    spec: TaskSpec,
    assigner: Organization,
    parent: Task | None = None,
) -> Task:
    """A task outside a meeting's closing: from a directive, or a child task of another."""
    check_writer(scope, assigner.unit)
    errors = check_spec(spec, assigner.unit, None)
    if parent is not None and parent.status not in OPEN_STATUSES:
        errors["parent"] = [_("Nhiệm vụ cha đã kết thúc, không thêm nhiệm vụ con được.")]
    if parent is not None and spec.deadline > parent.deadline:
        errors["deadline"] = [_("Hạn của nhiệm vụ con không được sau hạn của nhiệm vụ cha.")]
    fail(errors, _("Thông tin nhiệm vụ chưa hợp lệ."))
    task = build_task(spec, actor=actor, assigner=assigner, assigner_unit=assigner.unit, parent=parent)
    task.save()
    audit_record(actor=actor, action="task.create", obj=task, unit=spec.owner.unit, changes=_created(task))
    if parent is not None:
        rollup(parent)
    return task


def _created(task: Task) -> dict[str, list[Any]]:
    return {
        "title": [None, task.title],
        "owner": [None, task.owner.name],
        "deadline": [None, task.deadline],
    }


def rollup(task: Task) -> None:
    """Recompute a parent's progress (weighted average of its live children) and status, upwards."""
    current: Task | None = task
    while current is not None:
        live = current.children.exclude(status=TaskStatus.CANCELLED)
        totals = live.aggregate(weights=Sum("weight"), done=Sum(F("weight") * F("progress")))
        weights = totals["weights"] or 0
        if not weights:
            return
        progress = round((totals["done"] or 0) / weights)
        all_done = not live.exclude(status=TaskStatus.DONE).exists()
        status = TaskStatus.DONE if all_done else TaskStatus.IN_PROGRESS if progress else TaskStatus.OPEN
        current.progress, current.status = (100, status) if all_done else (min(progress, 99), status)
        current.done_on = timezone.localdate() if all_done else None
        current.version += 1
        current.save(update_fields=["progress", "status", "done_on", "version", "updated_at"])
        current = current.parent


def _lock(task: Task, expected_version: int | None) -> Task:
    locked = (
        Task.objects.select_for_update(of=("self",)).select_related("owner__unit", "parent").get(pk=task.pk)
    )
    if expected_version is not None and locked.version != expected_version:
        raise Conflict("stale_version", _("Nhiệm vụ đã được người khác cập nhật; hãy tải lại trang."))
    if locked.status not in OPEN_STATUSES:
        raise Conflict("task_closed", _("Nhiệm vụ đã kết thúc (hoàn thành hoặc hủy bỏ)."))
    return locked


def _check_update(task: Task, progress: int, note: str, on_date: dt.date, evidence: Any) -> None:
    errors: Errors = {}
    if task.children.exists():
        errors["progress"] = [_("Tiến độ của nhiệm vụ này được tính từ các nhiệm vụ con.")]
    elif not 0 <= progress <= 100:
        errors["progress"] = [_("Tiến độ là số phần trăm từ 0 đến 100.")]
    if not note.strip():
        errors["note"] = [_("Cần ghi kết quả đã thực hiện.")]
    if on_date > timezone.localdate():
        errors["on_date"] = [_("Ngày cập nhật không được sau hôm nay.")]
    if evidence is not None:
        try:  # by content, not by name or Content-Type; size before reading (core/uploads.py)
            checked = check_upload(evidence, allowed=DOCUMENTS | IMAGES, max_bytes=MAX_EVIDENCE)
        except InvalidInput as exc:
            errors["evidence"] = [exc.message]
        else:  # stored under a name of ours, never the client's
            evidence.name = f"minh-chung-{secrets.token_hex(8)}{checked.extension}"
    fail(errors, _("Cập nhật tiến độ chưa hợp lệ."))


@transaction.atomic
def task_progress(
    *,
    actor: Any,
    task: Task,
    progress: int,
    note: str,
    on_date: dt.date | None = None,
    evidence: UploadedFile | None = None,
    evidence_link: str = "",
    expected_version: int | None = None,
) -> TaskUpdate:
    """Report progress; 100% completes the task (and answers the dialogue question it follows)."""
    locked = _lock(task, expected_version)
    on_date = on_date or timezone.localdate()
    _check_update(locked, progress, note, on_date, evidence)
    update = TaskUpdate.objects.create(
        task=locked,
        on_date=on_date,
        progress=progress,
        note=note.strip(),
        evidence=evidence or "",
        evidence_link=evidence_link.strip(),
        author=actor if getattr(actor, "is_authenticated", False) else None,
    )
    before = (locked.status, locked.progress)
    locked.progress = progress
    locked.status = TaskStatus.DONE if progress == 100 else TaskStatus.IN_PROGRESS
    locked.done_on = on_date if progress == 100 else None
    locked.version += 1
    locked.save(update_fields=["progress", "status", "done_on", "version", "updated_at"])
    if locked.status == TaskStatus.DONE:
        _resolve_question(locked)
    changes = {"status": [before[0], locked.status], "progress": [before[1], progress]}
    audit_record(actor=actor, action="task.progress", obj=locked, unit=locked.owner.unit, changes=changes)
    if locked.parent is not None:
        rollup(locked.parent)
    task.__dict__.update({k: getattr(locked, k) for k in ("progress", "status", "done_on", "version")})
    return update


def _resolve_question(task: Task) -> None:
    from danvan.meetings.models import AnswerState, Question

    Question.objects.filter(followup_task=task, state=AnswerState.PROMISED).update(state=AnswerState.RESOLVED)


@transaction.atomic
def task_cancel(*, actor: Any, task: Task, reason: str) -> Task:
    locked = _lock(task, None)
    if not reason.strip():
        raise InvalidInput(
            "invalid_input", _("Cần ghi lý do hủy."), errors={"reason": [_("Cần ghi lý do hủy.")]}
        )
    locked.status = TaskStatus.CANCELLED
    locked.version += 1
    locked.save(update_fields=["status", "version", "updated_at"])
    changes = {"status": [TaskStatus.OPEN, TaskStatus.CANCELLED], "reason": [None, reason.strip()]}
    audit_record(actor=actor, action="task.cancel", obj=locked, unit=locked.owner.unit, changes=changes)
    if locked.parent is not None:
        rollup(locked.parent)
    return locked
