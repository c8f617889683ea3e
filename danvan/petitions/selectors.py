"""Reads of the petitions app: the working calendar, the rule in force, routing, similar items,
filters and the deadline board."""

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Q, QuerySet

from danvan.core.text import fold
from danvan.orgs.models import Organization
from danvan.petitions import clocks, timing
from danvan.petitions.models import (
    OPEN_STATUSES,
    ClockRule,
    Holiday,
    Petition,
    RoutingRule,
    Topic,
)
from danvan.territory.models import PATH_SEGMENT, Level, Unit


def today() -> dt.date:
    return timing.today()


def work_calendar() -> clocks.WorkCalendar:
    """The calendar every deadline is computed on (all years: a few dozen rows a year)."""
    return clocks.calendar_from(list(Holiday.objects.values_list("date", "kind")))


def province_of(unit: Unit) -> int:
    return unit.ancestor_ids()[0] if unit.depth else unit.pk


def rule_for(clock: str, unit: Unit, filed_on: dt.date) -> ClockRule | None:
    """The version in force on the filing date: the province's own rules if it has any in force,
    else the national ones."""
    rules = list(
        ClockRule.objects.filter(clock=clock).filter(
            Q(province__isnull=True) | Q(province_id=province_of(unit))
        )
    )
    own = clocks.rule_in_force([r for r in rules if r.province_id is not None], filed_on)
    return own or clocks.rule_in_force([r for r in rules if r.province_id is None], filed_on)


def active_topics() -> QuerySet[Topic]:
    return Topic.objects.filter(is_active=True)


def route_for(*, unit: Unit, topic: Topic, kind: str) -> Organization | None:
    """The organization of the most specific routing rule: deepest unit, then topic, then kind."""
    prefixes = [unit.path[:i] for i in range(PATH_SEGMENT, len(unit.path) + 1, PATH_SEGMENT)]
    rules = (
        RoutingRule.objects.filter(unit_path__in=prefixes)
        .filter(Q(topic__isnull=True) | Q(topic=topic))
        .filter(Q(kind="") | Q(kind=kind))
        .select_related("organization")
    )
    best = max(
        rules,
        key=lambda r: (len(r.unit_path), r.topic_id is not None, r.kind != ""),
        default=None,
    )
    return best.organization if best else None


_WORD = re.compile(r"[a-z0-9]{3,}")
SIMILAR_WINDOW = dt.timedelta(days=365)
SIMILARITY = 0.4


def words(text: str) -> set[str]:
    return set(_WORD.findall(fold(text)))


def similarity(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def commune_path(unit: Unit) -> str:
    if unit.level == Level.NEIGHBOURHOOD:
        return unit.path[:-PATH_SEGMENT]
    return unit.path


def similar_petitions(
    candidates: QuerySet[Petition], *, unit: Unit, text: str, exclude: int | None = None, limit: int = 5
) -> list[Petition]:
    """Items of the same commune in the last year whose folded words overlap much with `text`."""
    mine = words(text)
    if len(mine) < 3:
        return []
    since = today() - SIMILAR_WINDOW
    rows = (
        candidates.filter(unit_path__startswith=commune_path(unit), received_on__gte=since)
        .exclude(pk=exclude or 0)
        .order_by("-received_on")
        .values_list("pk", "content_folded")[:500]
    )
    scored = sorted(((similarity(mine, set(_WORD.findall(folded))), pk) for pk, folded in rows), reverse=True)
    chosen = [pk for score, pk in scored if score >= SIMILARITY][:limit]
    found = Petition.objects.select_related("unit", "topic").in_bulk(chosen)
    return [found[pk] for pk in chosen]


@dataclass(frozen=True)
class PetitionFilter:
    q: str = ""
    kind: str = ""
    channel: str = ""
    topic: str = ""
    status: str = ""
    due: str = ""  # today | week | overdue
    unit: Unit | None = None
    organization: int | None = None
    handler: int | None = None
    year: int | None = None
    received_from: dt.date | None = None
    received_to: dt.date | None = None


def due_q(due: str, day: dt.date) -> Q:
    open_ = Q(status__in=OPEN_STATUSES)
    if due == "today":
        return open_ & Q(due_on=day)
    if due == "week":
        return open_ & Q(due_on__gte=day, due_on__lte=clocks.week_end(day))
    if due == "overdue":
        return open_ & Q(due_on__lt=day)
    return Q()


def filter_petitions(rows: QuerySet[Petition], f: PetitionFilter) -> QuerySet[Petition]:
    if f.q.strip():
        folded = fold(f.q)
        rows = rows.filter(Q(content_folded__contains=folded) | Q(tracking_code__iexact=f.q.strip()))
    exact = {"kind": f.kind, "channel": f.channel, "topic__code": f.topic, "status": f.status}
    rows = rows.filter(**{k: v for k, v in exact.items() if v})
    if f.due:
        rows = rows.filter(due_q(f.due, today()))
    if f.unit is not None:
        rows = rows.filter(Q(unit_path__startswith=f.unit.path) | Q(org_unit_path__startswith=f.unit.path))
    if f.organization:
        rows = rows.filter(organization_id=f.organization)
    if f.handler:
        rows = rows.filter(
            pk__in=Petition.handlers.through.objects.filter(user_id=f.handler).values("petition_id")
        )
    if f.year:
        rows = rows.filter(received_on__year=f.year)
    if f.received_from:
        rows = rows.filter(received_on__gte=f.received_from)
    if f.received_to:
        rows = rows.filter(received_on__lte=f.received_to)
    return rows.select_related("unit", "topic", "organization").order_by("-received_at", "-pk")


@dataclass
class Board:
    """The deadline board: counts, and the same counts per handling body and per handler."""

    today: int
    week: int
    overdue: int
    by_organization: list[dict[str, Any]]
    by_handler: list[dict[str, Any]]


def _due_counts() -> tuple[Count, Count, Count]:
    day = today()
    return (
        Count("pk", filter=due_q("today", day), distinct=True),
        Count("pk", filter=due_q("week", day), distinct=True),
        Count("pk", filter=due_q("overdue", day), distinct=True),
    )


def _worst_first(rows: Any, name: str) -> list[dict[str, Any]]:
    """Most overdue first, then by name."""
    return sorted((dict(r) for r in rows), key=lambda r: (-int(r["overdue"]), str(r[name] or "")))


def deadline_board(rows: QuerySet[Petition]) -> Board:
    open_rows = rows.filter(status__in=OPEN_STATUSES).order_by()
    due_today, due_week, overdue = _due_counts()
    totals = open_rows.aggregate(due_today=due_today, due_week=due_week, overdue=overdue)
    counts = {
        "due_today": due_today,
        "due_week": due_week,
        "overdue": overdue,
        "open": Count("pk", distinct=True),
    }
    by_org = open_rows.values("organization_id", "organization__name").annotate(**counts)
    by_handler = (
        open_rows.filter(handlers__isnull=False)
        .values("handlers", "handlers__username", "handlers__full_name")
        .annotate(**counts)
    )
    return Board(
        today=totals["due_today"],
        week=totals["due_week"],
        overdue=totals["overdue"],
        by_organization=_worst_first(by_org, "organization__name"),
        by_handler=_worst_first(by_handler, "handlers__username"),
    )


def petition_history(petition: Petition) -> QuerySet:
    return petition.events.select_related("actor").order_by("at", "pk")


def public_answers(petition: Petition) -> QuerySet:
    return petition.answers.filter(is_public=True).prefetch_related("files").order_by("created_at", "pk")
