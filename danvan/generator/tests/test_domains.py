"""Meetings, campaigns and membership at demo scale: the rows hold together, the shares are those
the modules promise, and each app's own statistics read the generated data."""

import datetime as dt
from collections import Counter
from io import StringIO
from typing import Any

from django.core.management import call_command
from django.db import transaction
from django.db.models import Count, F, Q, Sum
from django.db.models.functions import TruncDate

from danvan.campaigns import stats as campaign_stats
from danvan.campaigns.models import Beneficiary, Campaign, Contribution, Distribution
from danvan.core.periods import Period
from danvan.core.text import fold
from danvan.generator.models import GenerationRun
from danvan.generator.plan import Scale
from danvan.generator.services import dataset_generate
from danvan.meetings import stats as meeting_stats
from danvan.meetings.models import (
    AnswerState,
    Attendee,
    Directive,
    Meeting,
    MeetingKind,
    MeetingStatus,
    Question,
    ReceptionSchedule,
    ReceptionSession,
    SessionStatus,
    Task,
    TaskStatus,
)
from danvan.membership import stats as membership_stats
from danvan.membership.models import EligiblePopulation, Member, Membership
from danvan.orgs.models import Organization
from danvan.reporting.models import RollupCell
from danvan.reporting.services.rollups import rollups_rebuild

TODAY = dt.date(2026, 11, 20)
NEW_TABLES = ("meetings_", "campaigns_", "membership_")


def generate(seed: int = 5, years: int = 3) -> None:
    dataset_generate(scale=Scale.DEMO, seed=seed, years=years, province_code="92", today=TODAY)


def test_meetings_conclusions_and_tasks(tree: Any) -> None:
    generate()
    commune = tree.commune_a
    meetings = Meeting.objects.filter(unit=commune)
    kinds = Counter(meetings.values_list("kind", flat=True))
    # 2023–2026: eight giao ban, three sơ kết and a tổng kết a year, within the window
    assert 3 * 8 <= kinds[MeetingKind.BRIEFING] <= 4 * 8 and 3 * 3 <= kinds[MeetingKind.REVIEW] <= 4 * 3
    assert 3 <= kinds[MeetingKind.DIALOGUE] <= 8 and kinds[MeetingKind.SUMMARY] >= 3
    assert not meetings.filter(starts_at__date__gt=TODAY).exclude(status=MeetingStatus.SCHEDULED).exists()
    closed = meetings.filter(status=MeetingStatus.CLOSED)
    assert closed.count() >= 0.9 * meetings.filter(starts_at__date__lte=TODAY).count()
    assert not closed.filter(conclusions="").exists()
    notices = Directive.objects.filter(concluded_meeting__in=closed)
    assert notices.count() == closed.filter(kind__in=(MeetingKind.REVIEW, MeetingKind.SUMMARY)).count()
    for series in notices.values_list("series", flat=True).distinct():
        numbers = sorted(notices.filter(series=series).values_list("number", flat=True))
        assert numbers == list(range(1, len(numbers) + 1))  # numbering restarts per term
    # The chair is the Bí thư once the commune's posts exist; before, the bodies attend.
    recent = closed.filter(starts_at__date__gte=dt.date(2025, 7, 1), kind=MeetingKind.BRIEFING)
    assert recent.exists() and not recent.filter(chair__isnull=True).exists()
    assert set(recent.values_list("chair_title", flat=True)) == {"Bí thư Đảng ủy"}
    attendees = Attendee.objects.filter(meeting__in=recent)
    assert attendees.count() >= 8 * recent.count() and not attendees.filter(person__isnull=True).exists()
    older = Attendee.objects.filter(meeting__in=closed.filter(starts_at__date__lt=dt.date(2025, 7, 1)))
    assert older.exists() and not older.filter(person__isnull=False).exists()
    assert not older.filter(organization__isnull=True).exists()


def test_task_courses(tree: Any) -> None:
    generate()
    tasks = Task.objects.filter(meeting__unit__in=(tree.commune_a, tree.commune_b))
    assert tasks.count() > 100
    orgs = set(
        Organization.objects.filter(unit__in=(tree.commune_a, tree.commune_b)).values_list("pk", flat=True)
    )
    assert set(tasks.values_list("owner_id", flat=True)) <= orgs
    assert not tasks.filter(deadline__lt=TruncDate("meeting__starts_at")).exists()
    due = tasks.filter(deadline__lt=TODAY)
    shares = {
        "done": due.filter(status=TaskStatus.DONE).count() / due.count(),
        "late": due.filter(status=TaskStatus.DONE, done_on__gt=F("deadline")).count() / due.count(),
        "overdue": due.filter(status__in=(TaskStatus.OPEN, TaskStatus.IN_PROGRESS)).count() / due.count(),
    }
    # Older deadlines are mostly settled: about 3% stay open after 90 days, 12% before.
    assert 0.85 <= shares["done"] <= 0.98 and 0.07 <= shares["late"] <= 0.25
    assert 0.01 <= shares["overdue"] <= 0.15
    assert not tasks.filter(status=TaskStatus.DONE, done_on__isnull=True).exists()
    assert not tasks.filter(status=TaskStatus.DONE).exclude(progress=100).exists()
    assert not tasks.filter(done_on__gt=TODAY).exists()
    assert tasks.filter(deadline__gte=TODAY, status=TaskStatus.IN_PROGRESS).exists()


def test_dialogues_and_reception(tree: Any) -> None:
    generate()
    questions = Question.objects.filter(meeting__unit=tree.commune_a, meeting__status=MeetingStatus.CLOSED)
    assert questions.count() >= 8 * 3
    on_the_spot = questions.filter(state=AnswerState.ON_THE_SPOT).count() / questions.count()
    assert 0.65 <= on_the_spot <= 0.92
    promised = questions.filter(state__in=(AnswerState.PROMISED, AnswerState.RESOLVED))
    assert promised.exists() and not promised.filter(followup_task__isnull=True).exists()
    assert not promised.filter(commitment_owner__isnull=True).exists()
    resolved = questions.filter(state=AnswerState.RESOLVED)
    assert not resolved.exclude(followup_task__status=TaskStatus.DONE).exists()
    schedule = ReceptionSchedule.objects.get(unit=tree.commune_a, is_active=True)
    assert schedule.min_days_per_month == 2 and schedule.head_title == "Bí thư Đảng ủy"
    sessions = ReceptionSession.objects.filter(schedule__unit=tree.commune_a)
    held = sessions.filter(status=SessionStatus.HELD)
    assert not sessions.filter(day__lt=dt.date(2025, 7, 1)).exists()
    assert held.count() >= 0.85 * sessions.filter(day__lte=TODAY).count() and held.count() >= 20
    assert not sessions.filter(day__gt=TODAY).exclude(status=SessionStatus.PLANNED).exists()
    cases = held.annotate(n=Count("cases")).values_list("n", "citizens")
    assert all(n == citizens for n, citizens in cases)


def test_meeting_statistics_read_the_generated_data(tree: Any) -> None:
    generate()
    year = Period.whole_year(2026)
    figures = meeting_stats.figures(unit=tree.province, period=year, today=TODAY)
    held = Meeting.objects.filter(
        unit_path__startswith=tree.province.path,
        status__in=(MeetingStatus.HELD, MeetingStatus.CLOSED),
        starts_at__year=2026,
    )
    assert figures["meetings_held"] == held.count() > 20
    assert figures["dialogues_held"] >= 2 and figures["opinions_raised"] >= 16
    assert 60 <= figures["opinions_answered_on_the_spot_percent"] <= 95
    assert figures["tasks_due"] > figures["tasks_overdue"] > 0
    assert figures["reception_sessions_held"] >= 2 * 10 and figures["reception_citizens"] > 0
    assert figures["reception_sessions_required"] == 2 * 2 * 12


def test_campaigns_tree_flows_and_statistics(tree: Any) -> None:
    generate()
    parents = Campaign.objects.filter(unit=tree.province)
    children = Campaign.objects.filter(parent__in=parents)
    assert parents.count() >= 3 * 3 and children.count() == 2 * parents.count()
    for child in children.select_related("parent")[:20]:
        assert child.tree_path.startswith(child.parent.tree_path) and len(child.tree_path) == 20
        assert child.name_folded == fold(child.name) and child.unit.parent_id == tree.province.pk
    assert not Distribution.objects.filter(distributed_on__gt=TODAY).exists()
    assert not Contribution.objects.filter(received_on__gt=TODAY).exists()
    for campaign in children.filter(end_date__lt=TODAY)[:12]:
        given = campaign.distributions.aggregate(v=Sum("value"))["v"] or 0
        raised = campaign.contributions.aggregate(v=Sum("amount"))["v"]
        assert given > 0 and given <= raised <= 1.3 * given + 120_000_000
    for distribution in Distribution.objects.prefetch_related("groups")[:50]:
        assert distribution.groups_key == ",".join(sorted(g.code for g in distribution.groups.all()))
    figures = campaign_stats.figures(unit=tree.province, period=Period.whole_year(2025))
    assert figures["campaigns"] >= 3 and figures["gift_packages"] > 500
    assert (
        figures["money_raised"] + figures["goods_value"]
        == figures["raised_total"]
        > figures["distributed_value"]
    )
    houses = Beneficiary.objects.filter(distribution__distributed_on__year=2025).count()
    assert houses == figures["houses_built"]


def test_membership_rates_and_overlaps(tree: Any) -> None:
    generate()
    period = Period.whole_year(2025)
    figures = membership_stats.figures(unit=tree.commune_a, period=period)
    assert figures["members"] >= 500 and figures["persons"] < figures["members"]
    assert 55 <= figures["rate"] <= 95
    for key in ("youth", "women", "veterans"):
        assert 50 <= figures[f"rate_{key}"] <= 100, key
    assert (
        figures["eligible"]
        == EligiblePopulation.objects.filter(unit=tree.commune_a, year=2025).aggregate(n=Sum("count"))["n"]
    )
    in_three = Membership.objects.values("member").annotate(n=Count("pk")).filter(n__gte=3)
    assert in_three.exists()
    assert figures["new_members"] > 0 and figures["leavers"] > 0
    youth = Membership.objects.filter(organization__kind__code="doan_thanh_nien", left_on__isnull=True)
    assert not youth.filter(member__birth_date__lt=dt.date(TODAY.year - 31, 1, 1)).exists()
    member = Member.objects.first()
    assert member is not None and member.name_folded == fold(member.full_name)
    assert not Membership.objects.filter(Q(joined_on__gt=TODAY) | Q(left_on__gt=TODAY)).exists()


def test_rollups_are_rebuilt_once_everything_is_written(tree: Any) -> None:
    generate(years=1)
    cells = RollupCell.objects.count()
    assert cells > 0 and rollups_rebuild() == cells


def _rows() -> list[tuple[Any, ...]]:
    rows: list[tuple[Any, ...]] = []
    rows += Meeting.objects.order_by("pk").values_list("title", "status", "chair_id", "starts_at")
    rows += Task.objects.order_by("pk").values_list(
        "title", "owner_id", "owner_person_id", "deadline", "status"
    )
    rows += Question.objects.order_by("pk").values_list("asked_by", "state", "followup_task_id")
    rows += ReceptionSession.objects.order_by("pk").values_list("day", "status", "citizens")
    rows += Contribution.objects.order_by("pk").values_list("donor_name", "amount", "received_on")
    rows += Distribution.objects.order_by("pk").values_list("quantity", "value", "groups_key")
    rows += Member.objects.order_by("pk").values_list("full_name", "birth_date")
    rows += Membership.objects.order_by("pk").values_list("organization_id", "joined_on", "left_on")
    return rows


def test_only_adds_the_new_domains_with_the_same_rows(tree: Any) -> None:
    with transaction.atomic():
        generate(years=2)
    first = _rows()
    assert first
    for model in (Question, Task, Attendee, Meeting, Directive, Beneficiary, Distribution, Contribution):
        model.objects.all().delete()
    Campaign.objects.filter(parent__isnull=False).delete()
    Campaign.objects.all().delete()
    ReceptionSession.objects.all().delete()
    ReceptionSchedule.objects.all().delete()
    Membership.objects.all().delete()
    Member.objects.all().delete()
    EligiblePopulation.objects.all().delete()
    run = GenerationRun.objects.get()
    run.rows = {k: v for k, v in run.rows.items() if not k.startswith(NEW_TABLES)}
    run.save()
    out = StringIO()
    args = ["--scale", "demo", "--seed", "5", "--years", "2", "--only", "meetings", "campaigns", "membership"]
    call_command("generate", *args, stdout=out)  # as of the first run's day
    assert "membership_membership" in out.getvalue()
    assert _rows() == first  # the same people chair, own and join as in a full run
