"""A meeting recorded from an imported text (the extraction app's confirmed review).

It is created "Đã lên lịch", the state this app gives a meeting nobody has yet recorded as held:
it counts in no statistics and its tasks are not reminded until someone checks it and records it
held or closes it. The attendees keep their positions as the text wrote them, linked to the
person of the unit when exactly one person of that name belongs there; the tasks are those the
text lists, with the owner and deadline the importer chose (texts rarely give either).

Imports bring history in, often for units merged in 2025: the writer's reach is checked with the
unit's history (a grant on today's province covers its former districts), as campaigns do.
"""

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from danvan.accounts.models import Role
from danvan.accounts.scope import UserScope
from danvan.audit.services import audit_record
from danvan.core.errors import NotFound
from danvan.core.periods import Period
from danvan.core.text import fold
from danvan.meetings.models import Attendee, Meeting, MeetingStatus, Task
from danvan.meetings.services.common import Errors, fail
from danvan.meetings.services.meetings import _check_schedule
from danvan.meetings.services.tasks import TaskSpec, build_task, check_spec
from danvan.orgs.models import Organization
from danvan.orgs.selectors import people_by_name
from danvan.territory.models import Unit


@dataclass(frozen=True)
class AttendeeDraft:
    name: str
    title: str = ""
    chair: bool = False


@dataclass(frozen=True)
class MeetingDraft:
    unit: Unit
    kind: str
    title: str
    starts_at: dt.datetime
    organizers: Sequence[Organization]
    period: str = ""
    attendees: Sequence[AttendeeDraft] = ()
    tasks: Sequence[TaskSpec] = ()
    note: str = ""


def _errors(draft: MeetingDraft) -> Errors:
    errors = _check_schedule(
        draft.unit, draft.kind, draft.title, draft.starts_at, None, draft.organizers, draft.period
    )
    day = timezone.localtime(draft.starts_at).date()
    for index, attendee in enumerate(draft.attendees):
        if len(attendee.name.strip()) < 2:
            errors[f"attendees.{index}.name"] = [_("Cần nhập họ tên đại biểu.")]
    for index, spec in enumerate(draft.tasks):
        errors |= check_spec(spec, draft.unit, day, prefix=f"tasks.{index}.")
    return errors


def _attendees(meeting: Meeting, draft: MeetingDraft) -> list[Attendee]:
    people = people_by_name(draft.unit, [a.name for a in draft.attendees])
    return [
        Attendee(
            meeting=meeting,
            person=people.get(fold(a.name)),
            name="" if fold(a.name) in people else a.name.strip()[:120],
            title=a.title.strip()[:300],
            order=order,
        )
        for order, a in enumerate(draft.attendees)
    ]


@transaction.atomic
def meeting_import(*, actor: Any, scope: UserScope, draft: MeetingDraft) -> Meeting:
    """Create the meeting a text describes, with its attendees and tasks, as a draft."""
    if not scope.covers(draft.unit, Role.REPORTER, history=True):
        raise NotFound()
    fail(_errors(draft), _("Chưa tạo được hội nghị từ văn bản: có thông tin chưa hợp lệ."))
    meeting = Meeting.objects.create(
        kind=draft.kind,
        title=draft.title.strip()[:300],
        unit=draft.unit,
        unit_path=draft.unit.path,
        period=Period.parse(draft.period).code if draft.period else "",
        starts_at=draft.starts_at,
        status=MeetingStatus.SCHEDULED,
        agenda=draft.note.strip(),
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    meeting.organizers.set(draft.organizers)
    attendees = Attendee.objects.bulk_create(_attendees(meeting, draft))
    chair = next((a for a, d in zip(attendees, draft.attendees, strict=True) if d.chair), None)
    if chair is not None and chair.person is not None:
        meeting.chair, meeting.chair_title = chair.person, chair.title
        meeting.save(update_fields=["chair", "chair_title"])
    assigner = min(draft.organizers, key=lambda o: o.pk)
    Task.objects.bulk_create(
        build_task(spec, actor=actor, assigner=assigner, assigner_unit=draft.unit, meeting=meeting)
        for spec in draft.tasks
    )
    audit_record(
        actor=actor,
        action="meeting.import",
        obj=meeting,
        unit=draft.unit,
        changes={
            "title": [None, meeting.title],
            "attendees": [None, len(attendees)],
            "tasks": [None, len(draft.tasks)],
        },
    )
    return meeting
