"""Figures of meetings, dialogues, tasks, citizen reception and supervision for a unit subtree
(the unit and the old units merged into it) and a period — the contract the reporting and
dashboard apps consume: FIGURES (key → label, unit of measure) and figures(unit=, period=).

Counting rules:
- meetings: held or closed (not scheduled, not cancelled) with their start in the period;
- opinions: questions of the dialogues held in the period; "answered on the spot" excludes promises;
- tasks: those owned in the subtree whose deadline falls in the period; overdue = still open
  with the deadline before today;
- reception: sessions held in the period vs. the active schedules' monthly minimum × months;
- supervision: supervisions / critique conferences started in the period, their recommendations.
Every figure is one COUNT/SUM query over the indexed unit_path range.
"""

import datetime as dt

from django.db.models import Count, Q, Sum
from django.utils import timezone

from danvan.core.periods import Period
from danvan.meetings.models import (
    Acceptance,
    AnswerState,
    Meeting,
    MeetingKind,
    MeetingStatus,
    Question,
    ReceptionSchedule,
    ReceptionSession,
    Recommendation,
    SessionStatus,
    Supervision,
    SupervisionKind,
    Task,
    TaskStatus,
)
from danvan.meetings.models.tasks import OPEN_STATUSES
from danvan.territory.models import Unit
from danvan.territory.selectors import history_paths
from danvan.territory.tree import subtree_q

FIGURES: dict[str, tuple[str, str]] = {
    "meetings_held": ("Hội nghị, cuộc họp đã tổ chức", "cuộc"),
    **{f"meetings_{kind.value}": (f"{kind.label} (số cuộc)", "cuộc") for kind in MeetingKind},
    "dialogues_held": ("Buổi đối thoại với Nhân dân", "cuộc"),
    "opinions_raised": ("Ý kiến, kiến nghị nêu tại đối thoại", "ý kiến"),
    "opinions_answered_on_the_spot": ("Ý kiến được trả lời tại chỗ", "ý kiến"),
    "opinions_answered_on_the_spot_percent": ("Tỷ lệ ý kiến được trả lời tại chỗ", "%"),
    "opinions_promised": ("Ý kiến hẹn trả lời, giải quyết sau", "ý kiến"),
    "tasks_due": ("Nhiệm vụ đến hạn trong kỳ", "nhiệm vụ"),
    "tasks_open": ("Nhiệm vụ chưa hoàn thành", "nhiệm vụ"),
    "tasks_done": ("Nhiệm vụ đã hoàn thành", "nhiệm vụ"),
    "tasks_overdue": ("Nhiệm vụ quá hạn", "nhiệm vụ"),
    "reception_sessions_held": ("Buổi tiếp công dân của người đứng đầu cấp ủy", "buổi"),
    "reception_sessions_required": ("Buổi tiếp công dân theo quy định", "buổi"),
    "reception_citizens": ("Lượt công dân được tiếp", "lượt"),
    "supervisions_held": ("Cuộc giám sát", "cuộc"),
    "critiques_held": ("Hội nghị phản biện xã hội", "cuộc"),
    "recommendations_made": ("Kiến nghị sau giám sát, phản biện", "kiến nghị"),
    "recommendations_answered": ("Kiến nghị đã được trả lời", "kiến nghị"),
    "recommendations_accepted": ("Kiến nghị được tiếp thu (toàn bộ hoặc một phần)", "kiến nghị"),
}


def _meetings(paths: list[str], period: Period) -> dict[str, int | float]:
    rows = Meeting.objects.filter(
        subtree_q(paths, "unit_path"),
        status__in=(MeetingStatus.HELD, MeetingStatus.CLOSED),
        starts_at__date__gte=period.start,
        starts_at__date__lte=period.end,
    )
    by_kind = dict(rows.values_list("kind").annotate(n=Count("pk")).order_by())
    result: dict[str, int | float] = {f"meetings_{k.value}": by_kind.get(k.value, 0) for k in MeetingKind}
    result["meetings_held"] = sum(by_kind.values())
    result["dialogues_held"] = by_kind.get(MeetingKind.DIALOGUE.value, 0)
    questions = Question.objects.filter(meeting__in=rows.filter(kind=MeetingKind.DIALOGUE)).aggregate(
        raised=Count("pk"),
        spot=Count("pk", filter=Q(state=AnswerState.ON_THE_SPOT)),
        promised=Count("pk", filter=Q(state__in=(AnswerState.PROMISED, AnswerState.RESOLVED))),
    )
    raised, spot = questions["raised"], questions["spot"]
    result |= {
        "opinions_raised": raised,
        "opinions_answered_on_the_spot": spot,
        "opinions_answered_on_the_spot_percent": round(100 * spot / raised, 1) if raised else 0.0,
        "opinions_promised": questions["promised"],
    }
    return result


def _tasks(paths: list[str], period: Period, today: dt.date) -> dict[str, int | float]:
    rows = Task.objects.filter(
        subtree_q(paths, "unit_path"), deadline__gte=period.start, deadline__lte=period.end
    ).exclude(status=TaskStatus.CANCELLED)
    found = rows.aggregate(
        due=Count("pk"),
        open=Count("pk", filter=Q(status__in=OPEN_STATUSES)),
        done=Count("pk", filter=Q(status=TaskStatus.DONE)),
        overdue=Count("pk", filter=Q(status__in=OPEN_STATUSES, deadline__lt=today)),
    )
    return {f"tasks_{key}": value for key, value in found.items()}


def _reception(paths: list[str], period: Period) -> dict[str, int | float]:
    held = ReceptionSession.objects.filter(
        subtree_q(paths, "unit_path"), status=SessionStatus.HELD, day__gte=period.start, day__lte=period.end
    ).aggregate(sessions=Count("pk"), citizens=Sum("citizens"))
    monthly = ReceptionSchedule.objects.filter(subtree_q(paths, "unit_path"), is_active=True).aggregate(
        days=Sum("min_days_per_month")
    )["days"]
    return {
        "reception_sessions_held": held["sessions"],
        "reception_citizens": held["citizens"] or 0,
        "reception_sessions_required": (monthly or 0) * len(period.months()),
    }


def _supervision(paths: list[str], period: Period) -> dict[str, int | float]:
    rows = Supervision.objects.filter(
        subtree_q(paths, "unit_path"), starts_on__gte=period.start, starts_on__lte=period.end
    )
    kinds = rows.aggregate(
        supervisions=Count("pk", filter=Q(kind=SupervisionKind.SUPERVISION)),
        critiques=Count("pk", filter=Q(kind=SupervisionKind.CRITIQUE)),
    )
    recs = Recommendation.objects.filter(supervision__in=rows).aggregate(
        made=Count("pk"),
        answered=Count("pk", filter=~Q(acceptance=Acceptance.PENDING)),
        accepted=Count("pk", filter=Q(acceptance__in=(Acceptance.ACCEPTED, Acceptance.PARTLY))),
    )
    return {
        "supervisions_held": kinds["supervisions"],
        "critiques_held": kinds["critiques"],
        "recommendations_made": recs["made"],
        "recommendations_answered": recs["answered"],
        "recommendations_accepted": recs["accepted"],
    }


def figures(*, unit: Unit, period: Period, today: dt.date | None = None) -> dict[str, int | float]:
    """Every key of FIGURES for the unit's subtree (history included) and the period."""
    paths = history_paths(unit)
    today = today or timezone.localdate()
    result = {
        **_meetings(paths, period),
        **_tasks(paths, period, today),
        **_reception(paths, period),
        **_supervision(paths, period),
    }
    return {key: result[key] for key in FIGURES}
