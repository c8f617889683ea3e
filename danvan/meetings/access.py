"""Who may see and change meetings, tasks, directives, receptions and supervisions.

- Reading: viewer or above on the row's unit subtree (history included: old units merged in).
- Writing (scheduling, closing, recording): reporter or above on the row's unit.
- A task is seen by its owner's unit and by the unit that assigned it; the owner reports progress,
  the assigner may also report and cancel.
- A recommendation may be answered by the supervising unit or by the supervised body's unit.
- The public reception calendar lists coming sessions of active schedules, without login.
Missing and not-yours both answer 404 (NotFound); visible but not allowed answers 403.
"""

from collections.abc import Iterable

from django.db.models import Model, Q, QuerySet
from django.utils import timezone

from danvan.accounts.models import Role
from danvan.accounts.scope import UserScope
from danvan.core.errors import NotFound, PermissionDenied
from danvan.core.models import MAX_ID
from danvan.meetings.models import (
    Directive,
    Meeting,
    Question,
    ReceptionSchedule,
    ReceptionSession,
    Recommendation,
    SessionStatus,
    Supervision,
    Task,
)
from danvan.territory.tree import subtree_q

READ, WRITE = "read", "write"


def _check_id(object_id: int) -> None:
    if not 0 < object_id <= MAX_ID:
        raise NotFound()


def _visible[M: Model](scope: UserScope, rows: QuerySet[M], *columns: str) -> QuerySet[M]:
    if not scope.is_authenticated:
        return rows.none()
    if scope.is_system_admin:
        return rows
    query = Q(pk__in=[])
    for column in columns:
        query |= subtree_q(scope.read_paths(), column)
    return rows.filter(query)


def inside(scope: UserScope, paths: Iterable[str], action: str) -> bool:
    if scope.is_system_admin:
        return True
    granted = scope.read_paths() if action == READ else scope.paths(Role.REPORTER)
    return any(path and path.startswith(g) for path in paths for g in granted)


def _refuse_unless(scope: UserScope, paths: Iterable[str], action: str) -> None:
    if action != READ and not inside(scope, paths, action):
        raise PermissionDenied()


def visible_meetings(scope: UserScope) -> QuerySet[Meeting]:
    return _visible(scope, Meeting.objects.all(), "unit_path")


def access_meeting(scope: UserScope, meeting_id: int, action: str = READ) -> Meeting:
    _check_id(meeting_id)
    found = visible_meetings(scope).select_related("unit", "chair", "directive", "conclusion_notice")
    meeting = found.filter(pk=meeting_id).first()
    if meeting is None:
        raise NotFound()
    _refuse_unless(scope, [meeting.unit_path], action)
    return meeting


def access_question(scope: UserScope, meeting: Meeting, question_id: int) -> Question:
    _check_id(question_id)
    question = meeting.questions.select_related("meeting__unit").filter(pk=question_id).first()
    if question is None:
        raise NotFound()
    return question


def visible_tasks(scope: UserScope) -> QuerySet[Task]:
    return _visible(scope, Task.objects.all(), "unit_path", "assigner_path")


def can_update_task(scope: UserScope, task: Task) -> bool:
    return inside(scope, [task.unit_path, task.assigner_path], WRITE)


def can_manage_task(scope: UserScope, task: Task) -> bool:
    return inside(scope, [task.assigner_path], WRITE)


PROGRESS, MANAGE = "progress", "manage"


def access_task(scope: UserScope, task_id: int, action: str = READ) -> Task:
    """READ; PROGRESS (owner or assigner, reporter or above); MANAGE (assigner: cancel, add children)."""
    _check_id(task_id)
    rows = visible_tasks(scope).select_related(
        "owner__unit", "owner_person", "assigner__unit", "meeting", "directive", "parent"
    )
    task = rows.filter(pk=task_id).first()
    if task is None:
        raise NotFound()
    if action == PROGRESS and not can_update_task(scope, task):
        raise PermissionDenied()
    if action == MANAGE and not can_manage_task(scope, task):
        raise PermissionDenied()
    return task


def visible_directives(scope: UserScope) -> QuerySet[Directive]:
    return _visible(scope, Directive.objects.all(), "unit_path")


def access_directive(scope: UserScope, directive_id: int, action: str = READ) -> Directive:
    _check_id(directive_id)
    directive = visible_directives(scope).select_related("issuer", "unit").filter(pk=directive_id).first()
    if directive is None:
        raise NotFound()
    _refuse_unless(scope, [directive.unit_path], action)
    return directive


def visible_supervisions(scope: UserScope) -> QuerySet[Supervision]:
    return _visible(scope, Supervision.objects.all(), "unit_path")


def access_supervision(scope: UserScope, supervision_id: int, action: str = READ) -> Supervision:
    _check_id(supervision_id)
    rows = visible_supervisions(scope).select_related("organization", "supervised_body__unit", "unit", "plan")
    supervision = rows.filter(pk=supervision_id).first()
    if supervision is None:
        raise NotFound()
    _refuse_unless(scope, [supervision.unit_path], action)
    return supervision


def access_recommendation(
    scope: UserScope, supervision: Supervision, recommendation_id: int
) -> Recommendation:
    """For answering: the supervising unit or the supervised body's unit, reporter or above."""
    _check_id(recommendation_id)
    rec = supervision.recommendations.filter(pk=recommendation_id).first()
    if rec is None:
        raise NotFound()
    body = supervision.supervised_body
    if not inside(scope, [supervision.unit_path, body.unit.path if body else ""], WRITE):
        raise PermissionDenied()
    return rec


def visible_schedules(scope: UserScope) -> QuerySet[ReceptionSchedule]:
    return _visible(scope, ReceptionSchedule.objects.all(), "unit_path")


def access_schedule(scope: UserScope, schedule_id: int, action: str = READ) -> ReceptionSchedule:
    _check_id(schedule_id)
    schedule = (
        visible_schedules(scope).select_related("head", "organization", "unit").filter(pk=schedule_id).first()
    )
    if schedule is None:
        raise NotFound()
    _refuse_unless(scope, [schedule.unit_path], action)
    return schedule


def visible_sessions(scope: UserScope) -> QuerySet[ReceptionSession]:
    return _visible(scope, ReceptionSession.objects.all(), "unit_path")


def access_session(scope: UserScope, session_id: int, action: str = READ) -> ReceptionSession:
    _check_id(session_id)
    session = (
        visible_sessions(scope)
        .select_related("schedule__head", "schedule__unit")
        .filter(pk=session_id)
        .first()
    )
    if session is None:
        raise NotFound()
    _refuse_unless(scope, [session.unit_path], action)
    return session


def public_sessions() -> QuerySet[ReceptionSession]:
    """Coming sessions of active schedules: what anyone may see (no citizen data)."""
    return (
        ReceptionSession.objects.filter(
            status=SessionStatus.PLANNED, day__gte=timezone.localdate(), schedule__is_active=True
        )
        .select_related("schedule__head", "schedule__unit", "schedule__organization")
        .order_by("day", "starts", "pk")
    )
