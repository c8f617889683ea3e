"""Daily reminders and escalation (run by tasks.petition_reminders, `manage.py petition_reminders`).

- Due today or tomorrow: the handlers (or, with none yet, the leaders of the handling unit) are
  reminded once a day.
- Overdue by the rule's `escalate_after_days` (×1, ×2, …): the item is reported one level up —
  the parent unit of the handling body — once per level; the leaders there are told, and the
  item shows in their overdue list as «báo cấp trên».
"""

import datetime as dt
import logging
from typing import Any

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import QuerySet

from danvan.accounts.models import Grant, Role, User
from danvan.petitions import clocks, timing
from danvan.petitions.models import OPEN_STATUSES, Escalation, Petition, Reminder
from danvan.petitions.services.common import record_step
from danvan.territory.models import Unit

logger = logging.getLogger(__name__)
LEADER_ROLES = (Role.APPROVER, Role.UNIT_ADMIN)


def _leaders(unit: Unit) -> QuerySet[User]:
    ids = Grant.objects.filter(unit=unit, role__in=LEADER_ROLES).values("user_id")
    return User.objects.filter(pk__in=ids, is_active=True)


def _home_unit(petition: Petition) -> Unit:
    return petition.organization.unit if petition.organization else petition.unit


def next_level(unit: Unit, level: int) -> Unit:
    """The unit `level` steps above (the province at most)."""
    ancestors = unit.ancestor_ids()
    if not ancestors:
        return unit
    return Unit.objects.get(pk=ancestors[max(len(ancestors) - level, 0)])


def _mail(users: list[Any], subject: str, body: str) -> int:
    addresses = sorted({u.email for u in users if u.email})
    if not addresses:
        return 0
    try:
        send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, addresses)
    except OSError:  # a mail server down must not stop the reminders: the lists show lateness too
        logger.warning("petition reminder mail not sent: %s", subject)
        return 0
    return len(addresses)


def _remind(petition: Petition, kind: str, day: dt.date) -> bool:
    try:
        with transaction.atomic():
            reminder = Reminder.objects.create(petition=petition, kind=kind, on_date=day)
    except IntegrityError:
        return False  # already reminded today
    users = list(petition.handlers.all()) or list(_leaders(_home_unit(petition)))
    when = "quá hạn" if kind == "overdue" else "sắp đến hạn"
    assert petition.due_on is not None
    reminder.recipients = _mail(
        users,
        f"[DanVan] Vụ việc {petition.tracking_code} {when}",
        f"Vụ việc {petition.tracking_code} ({petition.get_kind_display()}) "
        f"có hạn {petition.due_on:%d/%m/%Y}.",
    )
    reminder.save(update_fields=["recipients"])
    return True


@transaction.atomic
def petition_escalate(*, petition: Petition, level: int, day: dt.date) -> Escalation:
    locked = (
        Petition.objects.select_for_update(of=("self",))
        .select_related("unit", "organization__unit", "rule")
        .get(pk=petition.pk)
    )
    assert locked.due_on is not None
    to_unit = next_level(_home_unit(locked), level)
    escalation = Escalation.objects.create(
        petition=locked,
        level=level,
        to_unit=to_unit,
        days_overdue=clocks.days_overdue(locked.due_on, day),
        at=timing.now(),
    )
    locked.escalation_level = level
    locked.save(update_fields=["escalation_level", "updated_at"])
    record_step(
        actor=None,
        by_system=True,
        petition=locked,
        action="escalate",
        note=f"Quá hạn {escalation.days_overdue} ngày: báo {to_unit.name} (lần {level}).",
        changes={"escalation_level": [level - 1, level], "to_unit": [None, to_unit.pk]},
    )
    _mail(
        list(_leaders(to_unit)),
        f"[DanVan] Vụ việc {locked.tracking_code} quá hạn {escalation.days_overdue} ngày",
        f"Vụ việc {locked.tracking_code} ({locked.get_kind_display()}) quá hạn từ {locked.due_on:%d/%m/%Y}.",
    )
    return escalation


def petition_reminders_run(*, day: dt.date) -> dict[str, int]:
    """Idempotent for a day: running it twice sends and escalates nothing new."""
    counts = {"due_soon": 0, "overdue": 0, "escalated": 0}
    open_rows = Petition.objects.filter(status__in=OPEN_STATUSES, due_on__isnull=False).select_related(
        "unit", "organization__unit", "rule"
    )
    for petition in open_rows.filter(due_on__gte=day, due_on__lte=day + dt.timedelta(days=1)).iterator():
        counts["due_soon"] += _remind(petition, "due_soon", day)
    for petition in open_rows.filter(due_on__lt=day).iterator():
        counts["overdue"] += _remind(petition, "overdue", day)
        assert petition.due_on is not None
        earned = clocks.escalation_level(petition.rule, petition.due_on, day)
        for level in range(petition.escalation_level + 1, earned + 1):
            petition_escalate(petition=petition, level=level, day=day)
            counts["escalated"] += 1
    return counts
