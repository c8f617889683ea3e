"""Statistics of petitions for any unit subtree and period — the contract the reporting and
dashboard apps consume: `FIGURES` and `figures(unit=, period=)`, plus the richer selectors the
pages need (by topic, by organization).

Counted on the unit's subtree and the old units merged into it (history_paths). "Received" counts
by the date of receipt, "resolved" by the date of the answer, both inside the period; every figure
is a COUNT/SUM/AVG over the indexed (unit_path, date) ranges. No personal data is ever read.
"""

from typing import Any

from django.db.models import Avg, Count, Q, QuerySet

from danvan.core.periods import Period
from danvan.petitions import timing
from danvan.petitions.models import OPEN_STATUSES, Channel, Escalation, Kind, Petition, Status
from danvan.territory.models import Unit
from danvan.territory.selectors import history_paths
from danvan.territory.tree import subtree_q

UNIT = "vụ việc"
FIGURES: dict[str, tuple[str, str]] = {
    "received": ("Ý kiến, kiến nghị, phản ánh, đơn thư tiếp nhận", UNIT),
    **{f"received_{k.value}": (f"Tiếp nhận — {k.label.lower()}", UNIT) for k in Kind},
    **{f"received_channel_{c.value}": (f"Tiếp nhận qua {c.label.lower()}", UNIT) for c in Channel},
    "accepted": ("Đã thụ lý", UNIT),
    "rejected": ("Không thụ lý", UNIT),
    "transferred_out": ("Chuyển cơ quan ngoài hệ thống", UNIT),
    "withdrawn": ("Người gửi rút đơn", UNIT),
    "resolved": ("Đã trả lời, giải quyết", UNIT),
    "resolved_on_time": ("Giải quyết đúng hạn", UNIT),
    "on_time_percent": ("Tỷ lệ giải quyết đúng hạn", "%"),
    "avg_days_to_answer": ("Số ngày trung bình từ khi nhận đến khi trả lời", "ngày"),
    "reopened": ("Đã trả lời nhưng phải giải quyết lại", UNIT),
    "rated": ("Người gửi đã đánh giá kết quả", UNIT),
    "satisfied": ("Người gửi hài lòng", UNIT),
    "satisfaction_percent": ("Tỷ lệ hài lòng", "%"),
    "open_overdue": ("Đang quá hạn (đến hôm nay)", UNIT),
    "escalated": ("Quá hạn phải báo cấp trên", UNIT),
}


def petitions_in(unit: Unit) -> QuerySet[Petition]:
    return Petition.objects.filter(subtree_q(history_paths(unit), "unit_path")).order_by()


def _received(rows: QuerySet[Petition], period: Period) -> dict[str, int]:
    received = rows.filter(received_on__gte=period.start, received_on__lte=period.end)
    counts: dict[str, Any] = {"received": Count("pk")}
    counts |= {f"received_{k.value}": Count("pk", filter=Q(kind=k.value)) for k in Kind}
    counts |= {f"received_channel_{c.value}": Count("pk", filter=Q(channel=c.value)) for c in Channel}
    counts |= {
        "rejected": Count("pk", filter=Q(status=Status.REJECTED)),
        "transferred_out": Count("pk", filter=Q(status=Status.TRANSFERRED)),
        "withdrawn": Count("pk", filter=Q(status=Status.WITHDRAWN)),
    }
    return received.aggregate(**counts)


def _resolved(rows: QuerySet[Petition], period: Period) -> dict[str, Any]:
    resolved = rows.filter(answered_on__gte=period.start, answered_on__lte=period.end)
    return resolved.aggregate(
        resolved=Count("pk"),
        resolved_on_time=Count("pk", filter=Q(on_time=True)),
        avg_days=Avg("days_to_answer"),
        reopened=Count("pk", filter=Q(reopened__gt=0)),
        rated=Count("pk", filter=Q(satisfied__isnull=False)),
        satisfied=Count("pk", filter=Q(satisfied=True)),
    )


def _percent(part: int, whole: int) -> float:
    return round(100 * part / whole, 1) if whole else 0.0


def figures(*, unit: Unit, period: Period) -> dict[str, int | float]:
    """Every key of FIGURES for the unit's subtree (history included) and the period."""
    rows = petitions_in(unit)
    received = _received(rows, period)
    resolved = _resolved(rows, period)
    accepted = rows.filter(accepted_on__gte=period.start, accepted_on__lte=period.end).count()
    today = timing.today()
    overdue = rows.filter(status__in=OPEN_STATUSES, due_on__lt=today, received_on__lte=period.end).count()
    escalated = (
        Escalation.objects.filter(petition__in=rows, at__date__gte=period.start, at__date__lte=period.end)
        .values("petition_id")
        .distinct()
        .count()
    )
    result: dict[str, int | float] = {
        **received,
        "accepted": accepted,
        "resolved": resolved["resolved"],
        "resolved_on_time": resolved["resolved_on_time"],
        "on_time_percent": _percent(resolved["resolved_on_time"], resolved["resolved"]),
        "avg_days_to_answer": round(float(resolved["avg_days"] or 0), 1),
        "reopened": resolved["reopened"],
        "rated": resolved["rated"],
        "satisfied": resolved["satisfied"],
        "satisfaction_percent": _percent(resolved["satisfied"], resolved["rated"]),
        "open_overdue": overdue,
        "escalated": escalated,
    }
    return {key: result[key] for key in FIGURES}


def by_topic(*, unit: Unit, period: Period) -> list[dict[str, Any]]:
    """Received and resolved per topic, for the tables of the statistics pages."""
    rows = petitions_in(unit)
    received_q = Q(received_on__gte=period.start, received_on__lte=period.end)
    resolved_q = Q(answered_on__gte=period.start, answered_on__lte=period.end)
    return [
        dict(row)
        for row in rows.filter(received_q | resolved_q)
        .values("topic__code", "topic__name", "topic__order")
        .annotate(
            received=Count("pk", filter=received_q),
            resolved=Count("pk", filter=resolved_q),
            on_time=Count("pk", filter=resolved_q & Q(on_time=True)),
        )
        .order_by("topic__order", "topic__name")
    ]


def by_organization(*, unit: Unit, period: Period) -> list[dict[str, Any]]:
    """Per handling body: received, resolved, on time, and open items overdue today."""
    rows = petitions_in(unit)
    received_q = Q(received_on__gte=period.start, received_on__lte=period.end)
    resolved_q = Q(answered_on__gte=period.start, answered_on__lte=period.end)
    overdue_q = Q(status__in=OPEN_STATUSES, due_on__lt=timing.today())
    return [
        dict(row)
        for row in rows.filter(received_q | resolved_q | overdue_q)
        .values("organization_id", "organization__name")
        .annotate(
            received=Count("pk", filter=received_q),
            resolved=Count("pk", filter=resolved_q),
            on_time=Count("pk", filter=resolved_q & Q(on_time=True)),
            overdue=Count("pk", filter=overdue_q),
        )
        .order_by("organization__name")
    ]
