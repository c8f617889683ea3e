"""Reminders for reports due soon or late: one per (form, unit, period, kind), to the unit's
reporters — in the inbox (Reminder rows) and by e-mail when an address and SMTP exist.
Idempotent: running twice a day sends nothing twice."""

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction

from danvan.accounts.models import Grant, Role
from danvan.core.formatting import format_date
from danvan.core.periods import Period
from danvan.reporting.models import Reminder, ReportForm, Status, Submission
from danvan.reporting.selectors.expected import expected_units


@dataclass
class ReminderRun:
    before: int = 0
    after: int = 0
    emailed: int = 0


def _periods_to_remind(form: ReportForm, today: dt.date) -> list[tuple[Period, str]]:
    result: list[tuple[Period, str]] = []
    current = Period.of_kind_containing(form.period_kind, today)
    for period in (current, current.previous()):
        due = form.due_date(period)
        if due - dt.timedelta(days=form.reminder_days_before) <= today <= due:
            result.append((period, Reminder.Kind.BEFORE))
        elif today >= due + dt.timedelta(days=form.reminder_days_after) and today <= due + dt.timedelta(
            days=60
        ):
            result.append((period, Reminder.Kind.AFTER))
    return result


def report_reminders_send(*, today: dt.date) -> ReminderRun:
    run = ReminderRun()
    for form in ReportForm.objects.filter(is_active=True).exclude(periodicity="multi_year"):
        for period, kind in _periods_to_remind(form, today):
            _remind(form, period, kind, run)
    return run


def _remind(form: ReportForm, period: Period, kind: str, run: ReminderRun) -> None:
    expected = {pk: (code, name) for pk, _path, code, name in expected_units(form, period, None)}
    done = set(
        Submission.objects.filter(
            form=form,
            period_code=period.code,
            unit_id__in=expected,
            status__in=(Status.SUBMITTED, Status.APPROVED),
        ).values_list("unit_id", flat=True)
    )
    already = set(
        Reminder.objects.filter(form=form, period_code=period.code, kind=kind).values_list(
            "unit_id", flat=True
        )
    )
    missing = [pk for pk in expected if pk not in done and pk not in already]
    grants = Grant.objects.filter(unit_id__in=missing, role=Role.REPORTER).select_related("user")
    recipients: dict[int, list[str]] = {}
    for grant in grants:
        recipients.setdefault(grant.unit_id or 0, []).append(grant.user.email)
    for unit_id in missing:
        addresses = [a for a in recipients.get(unit_id, []) if a]
        try:
            with transaction.atomic():
                Reminder.objects.create(
                    form=form,
                    unit_id=unit_id,
                    period_code=period.code,
                    kind=kind,
                    recipients=len(recipients.get(unit_id, [])),
                    emailed=len(addresses),
                )
        except IntegrityError:
            continue  # another worker sent it a moment ago
        if kind == Reminder.Kind.BEFORE:
            run.before += 1
        else:
            run.after += 1
        if addresses:
            _email(form, period, kind, expected[unit_id][1], addresses)
            run.emailed += len(addresses)


def _email(form: ReportForm, period: Period, kind: str, unit_name: str, addresses: list[str]) -> None:
    due = format_date(form.due_date(period))
    if kind == Reminder.Kind.BEFORE:
        subject = f"[DanVan] Sắp đến hạn nộp {form.name} — {period.label}"
        body = f"{unit_name} cần nộp «{form.name}» kỳ {period.label} trước ngày {due}."
    else:
        subject = f"[DanVan] Quá hạn nộp {form.name} — {period.label}"
        body = f"{unit_name} chưa nộp «{form.name}» kỳ {period.label}; hạn nộp là ngày {due}."
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, addresses, fail_silently=True)
