"""Reminders before and after a task's deadline, sent by the scheduled `send_task_reminders`.

A task due within REMIND_BEFORE days gets one "sắp đến hạn" reminder; an overdue task gets one on
the first day past its deadline and then every OVERDUE_EVERY days. The owner's and the assigner's
users (reporter or above on exactly those units, with an e-mail address) receive it; each reminder
is an audit event, and `last_reminded_on` makes a second run on the same day send nothing.
Tasks of a meeting still "Đã lên lịch" are proposals (a meeting imported from a text, not yet
checked and recorded as held): nobody is reminded of them until then.
"""

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import send_mass_mail
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from danvan.accounts.models import ROLE_RANK, Grant, Role
from danvan.audit.services import audit_record
from danvan.meetings.models import MeetingStatus, Task
from danvan.meetings.models.tasks import OPEN_STATUSES
from danvan.meetings.services.common import format_date

REMIND_BEFORE = 3
OVERDUE_EVERY = 7
WRITER_ROLES = [role for role in Role if ROLE_RANK[role] >= ROLE_RANK[Role.REPORTER]]


@dataclass(frozen=True)
class Reminder:
    task: Task
    overdue: bool


def due_reminders(today: dt.date) -> list[Reminder]:
    candidates = (
        Task.objects.filter(status__in=OPEN_STATUSES, deadline__lte=today + dt.timedelta(days=REMIND_BEFORE))
        .exclude(meeting__status=MeetingStatus.SCHEDULED)
        .select_related("owner__unit", "assigner__unit")
        .order_by("deadline", "pk")
    )
    found = []
    for task in candidates:
        last = task.last_reminded_on
        if task.deadline >= today:
            due = last is None or last < task.deadline - dt.timedelta(days=REMIND_BEFORE)
        else:
            due = last is None or last <= task.deadline or last <= today - dt.timedelta(days=OVERDUE_EVERY)
        if due:
            found.append(Reminder(task, overdue=task.deadline < today))
    return found


def _recipients(task: Task) -> list[str]:
    paths = [task.unit_path, task.assigner_path]
    grants = Grant.objects.filter(Q(unit__path__in=paths), role__in=WRITER_ROLES).exclude(user__email="")
    return sorted(set(grants.filter(user__is_active=True).values_list("user__email", flat=True)))


def _message(reminder: Reminder, today: dt.date) -> tuple[str, str]:
    task = reminder.task
    values = {"title": task.title, "deadline": format_date(task.deadline), "owner": task.owner.name}
    if reminder.overdue:
        subject = _("[DanVan] Nhiệm vụ quá hạn: %(title)s") % values
        body = _("Nhiệm vụ «%(title)s» giao %(owner)s đã quá hạn %(deadline)s (%(days)s ngày).") % {
            **values,
            "days": (today - task.deadline).days,
        }
    else:
        subject = _("[DanVan] Nhiệm vụ sắp đến hạn: %(title)s") % values
        body = _("Nhiệm vụ «%(title)s» giao %(owner)s đến hạn ngày %(deadline)s; tiến độ hiện %(p)s%%.") % {
            **values,
            "p": task.progress,
        }
    return subject, body


@transaction.atomic
def task_reminders_send(*, today: dt.date) -> int:
    """Send what is due today; returns the number of tasks reminded."""
    reminders = due_reminders(today)
    mails = []
    for reminder in reminders:
        task = reminder.task
        recipients = _recipients(task)
        if recipients:
            subject, body = _message(reminder, today)
            mails.append((subject, body, settings.DEFAULT_FROM_EMAIL, recipients))
        task.last_reminded_on = today
        task.save(update_fields=["last_reminded_on"])
        audit_record(
            actor=None,
            action="task.remind_overdue" if reminder.overdue else "task.remind_due",
            obj=task,
            unit=task.owner.unit,
            changes={"deadline": task.deadline, "recipients": len(recipients)},
        )
    if mails:
        transaction.on_commit(lambda: send_mass_mail(mails))
    return len(reminders)
