"""Reminders before the deadline, escalation one level up per N days overdue, idempotent per day;
the task and the management command; the deadline board."""

import datetime as dt
from io import StringIO

from django.core import mail
from django.core.management import call_command

from danvan.accounts.scope import scope_for
from danvan.petitions.models import Escalation, Reminder
from danvan.petitions.selectors import deadline_board
from danvan.petitions.services.handling import petition_accept
from danvan.petitions.services.reminders import petition_reminders_run
from danvan.petitions.services.routing import petition_assign
from danvan.petitions.tasks import petition_reminders


def test_due_soon_reminds_handlers_once_a_day(receive, personas, at):
    at(2026, 3, 2)
    petition = receive()
    petition_assign(
        actor=personas.approver,
        scope=scope_for(personas.approver),
        petition=petition,
        handlers=[personas.reporter_a],
    )
    assert petition.due_on == dt.date(2026, 3, 3)
    assert petition_reminders_run(day=dt.date(2026, 3, 2)) == {"due_soon": 1, "overdue": 0, "escalated": 0}
    assert petition_reminders_run(day=dt.date(2026, 3, 2)) == {"due_soon": 0, "overdue": 0, "escalated": 0}
    assert len(mail.outbox) == 1 and mail.outbox[0].to == [personas.reporter_a.email]
    assert petition.tracking_code in mail.outbox[0].subject


def test_overdue_items_escalate_one_level_per_three_days(receive, personas, orgs, at, tree):
    at(2026, 3, 2)
    petition = receive()
    petition.organization, petition.org_unit_path = orgs["ubnd_a"], tree.commune_a.path
    petition.save()
    petition = petition_accept(actor=personas.approver, scope=scope_for(personas.approver), petition=petition)
    assert petition.due_on == dt.date(2026, 3, 5)
    assert petition_reminders_run(day=dt.date(2026, 3, 7))["escalated"] == 0
    counts = petition_reminders_run(day=dt.date(2026, 3, 8))
    assert counts == {"due_soon": 0, "overdue": 1, "escalated": 1}
    escalation = Escalation.objects.get()
    assert escalation.to_unit == tree.province and escalation.days_overdue == 3 and escalation.level == 1
    assert any(personas.approver.email in m.to for m in mail.outbox)
    assert petition_reminders_run(day=dt.date(2026, 3, 8))["escalated"] == 0
    petition.refresh_from_db()
    assert petition.escalation_level == 1 and petition.events.last().action == "escalate"
    at(2026, 3, 8)
    board = deadline_board(petition.__class__.objects.all())
    assert board.overdue == 1 and board.by_organization[0]["organization__name"] == orgs["ubnd_a"].name


def test_the_task_and_the_command(receive, at):
    at(2026, 3, 2)
    receive()
    result = petition_reminders.enqueue("2026-03-10")
    assert result.return_value == {"due_soon": 0, "overdue": 1, "escalated": 2}  # 7 days late
    out = StringIO()
    call_command("petition_reminders", "--now", "--date", "2026-03-11", stdout=out)
    assert "báo cấp trên: 0" in out.getvalue() and Reminder.objects.filter(kind="overdue").count() == 2
    queued = StringIO()
    call_command("petition_reminders", stdout=queued)
    assert "hàng đợi" in queued.getvalue()


def test_senders_who_asked_are_told_of_each_step_by_mail(
    receive, personas, django_capture_on_commit_callbacks
):
    petition = receive(citizen_email="nguoidan@example.vn", wants_updates=True)
    silent = receive(citizen_email="khac@example.vn")
    with django_capture_on_commit_callbacks(execute=True):
        petition_accept(actor=personas.approver, scope=scope_for(personas.approver), petition=petition)
        petition_accept(actor=personas.approver, scope=scope_for(personas.approver), petition=silent)
    assert [m.to for m in mail.outbox] == [["nguoidan@example.vn"]]
    assert petition.tracking_code in mail.outbox[0].body and "thụ lý" in mail.outbox[0].body
    assert "Lê Lợi" not in mail.outbox[0].body
