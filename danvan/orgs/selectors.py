"""Reads of organizations, people and positions: filters, the positions held on a date, timelines.

Every function takes an already scoped queryset (from `access.py`) or a row reached through it.
"""

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from django.db.models import DateField, Exists, F, OuterRef, Prefetch, Q, QuerySet, Value
from django.utils import timezone

from danvan.core.text import fold
from danvan.orgs.models import Organization, Person, Position, UnitSetting
from danvan.territory import tree
from danvan.territory.models import PATH_SEGMENT, Unit, UnitLineage


def today() -> dt.date:
    return timezone.localdate()


def unit_for_code(code: str) -> Unit | None:
    """The unit with this official code valid today; else the latest unit that had the code."""
    versions = Unit.objects.filter(code=code.strip()).select_related("parent")
    current = versions.valid_on(today()).first()
    return current or versions.order_by("-valid_to", "-valid_from").first()


def history_paths(unit: Unit) -> list[str]:
    """The unit's path and the paths of the units merged into it (and into those), for subtrees."""
    paths = [unit.path]
    frontier = [unit.pk]
    seen = {unit.pk}
    while frontier:
        links = UnitLineage.objects.filter(successor_id__in=frontier).exclude(predecessor_id__in=seen)
        found = list(links.values_list("predecessor_id", "predecessor__path"))
        frontier = [pk for pk, _path in found]
        seen.update(frontier)
        paths.extend(path for _pk, path in found)
    return paths


def subtree_q(paths: list[str], prefix: str) -> Q:
    """Rows whose `<prefix>path` lies in one of the subtrees rooted at `paths`."""
    return tree.subtree_q(paths, f"{prefix}path")


def active_on_q(day: dt.date, prefix: str = "") -> Q:
    return (Q(**{f"{prefix}valid_from__isnull": True}) | Q(**{f"{prefix}valid_from__lte": day})) & (
        Q(**{f"{prefix}valid_to__isnull": True}) | Q(**{f"{prefix}valid_to__gte": day})
    )


def held_on_q(day: dt.date, prefix: str = "") -> Q:
    return (Q(**{f"{prefix}start_date__isnull": True}) | Q(**{f"{prefix}start_date__lte": day})) & (
        Q(**{f"{prefix}end_date__isnull": True}) | Q(**{f"{prefix}end_date__gte": day})
    )


class Status(StrEnum):
    ACTIVE = "active"
    CLOSED = "closed"
    ALL = "all"


@dataclass(frozen=True)
class OrganizationFilter:
    unit: Unit | None = None
    kind: str = ""
    q: str = ""
    status: Status = Status.ACTIVE


def filter_organizations(
    organizations: QuerySet[Organization], f: OrganizationFilter
) -> QuerySet[Organization]:
    """By unit subtree (with the units merged into it), kind code, folded name and status."""
    if f.unit is not None:
        organizations = organizations.filter(subtree_q(history_paths(f.unit), "unit__"))
    if f.kind:
        organizations = organizations.filter(kind__code=f.kind)
    if fold(f.q):
        organizations = organizations.filter(name_folded__contains=fold(f.q))
    if f.status == Status.ACTIVE:
        organizations = organizations.filter(active_on_q(today()))
    elif f.status == Status.CLOSED:
        organizations = organizations.exclude(active_on_q(today()))
    return with_keeper_flag(organizations).order_by("unit__depth", "unit__sort_key", "sort_key", "pk")


def with_keeper_flag(organizations: QuerySet[Organization]) -> QuerySet[Organization]:
    """Rows with their unit, kind and parent, and `is_records_keeper` for their unit."""
    keeper = UnitSetting.objects.filter(records_keeper=OuterRef("pk"))
    return organizations.select_related("unit", "kind", "parent").annotate(is_records_keeper=Exists(keeper))


def records_keeper(unit: Unit) -> Organization | None:
    setting = UnitSetting.objects.filter(unit=unit).select_related("records_keeper").first()
    return setting.records_keeper if setting else None


def keeper_candidates(unit: Unit) -> QuerySet[Organization]:
    """The organizations of the unit itself that are active today: who may keep its records."""
    return Organization.objects.filter(active_on_q(today()), unit=unit).order_by("sort_key", "pk")


def parent_candidates(unit: Unit, exclude: Organization | None = None) -> QuerySet[Organization]:
    """Organizations of the unit or of the units above it, active today or when the unit ended."""
    day = unit.valid_to if unit.valid_to is not None and unit.valid_to < today() else today()
    candidates = Organization.objects.filter(active_on_q(day), unit_id__in=[*unit.ancestor_ids(), unit.pk])
    if exclude is not None:
        candidates = candidates.exclude(pk=exclude.pk)
    return candidates.select_related("unit").order_by("unit__depth", "sort_key", "pk")


def positions_on(positions: QuerySet[Position], day: dt.date) -> QuerySet[Position]:
    """Who held which position on `day`: start empty or on/before it, end empty or on/after it."""
    return (
        positions.filter(held_on_q(day))
        .select_related("person", "organization__unit", "organization__kind")
        .order_by(
            "organization__unit__depth",
            "organization__unit__sort_key",
            "organization__sort_key",
            "organization_id",
            "start_date",
            "person__sort_key",
            "pk",
        )
    )


def positions_in_units(positions: QuerySet[Position], unit: Unit) -> QuerySet[Position]:
    """Positions in organizations of the unit's subtree, including the units merged into it."""
    return positions.filter(subtree_q(history_paths(unit), "organization__unit__"))


@dataclass(frozen=True)
class OrganizationPositions:
    current: list[Position]
    past: list[Position]
    future: list[Position]


def organization_positions(organization: Organization, day: dt.date) -> OrganizationPositions:
    """The organization's positions held on `day`, ended before it, and starting after it."""
    rows = list(
        Position.objects.filter(organization=organization)
        .select_related("person")
        .order_by("start_date", "person__sort_key", "pk")
    )
    return OrganizationPositions(
        current=[p for p in rows if p.is_held_on(day)],
        past=sorted(
            (p for p in rows if p.end_date is not None and p.end_date < day),
            key=lambda p: p.end_date or day,
            reverse=True,
        ),
        future=[p for p in rows if p.start_date is not None and p.start_date > day],
    )


def timeline_order(positions: QuerySet[Position]) -> QuerySet[Position]:
    """Earliest first; an unknown start counts as earliest, an open end as latest."""
    return positions.order_by(F("start_date").asc(nulls_first=True), F("end_date").asc(nulls_last=True), "pk")


def person_timeline(person: Person, positions: QuerySet[Position]) -> list[Position]:
    """A person's positions over time."""
    rows = positions.filter(person=person).select_related("organization__unit", "organization__kind")
    return list(timeline_order(rows))


def person_with_timeline(people: QuerySet[Person], pk: int, positions: QuerySet[Position]) -> Person:
    """The person with `timeline`, their positions (among `positions`) over time."""
    rows = timeline_order(positions.select_related("person", "organization"))
    return (
        people.select_related("home_unit")
        .prefetch_related(Prefetch("positions", rows, to_attr="timeline"))
        .get(pk=pk)
    )


def organization_at(
    organizations: QuerySet[Organization], pk: int, day: dt.date, positions: QuerySet[Position]
) -> Organization:
    """The organization with `at`, `positions_held` on that day and `visible_children`."""
    children = organizations.filter(parent_id=pk).order_by("sort_key", "pk")
    return (
        with_keeper_flag(organizations.filter(pk=pk))
        .annotate(at=Value(day, output_field=DateField()))
        .prefetch_related(
            Prefetch("positions", positions_on(positions, day), to_attr="positions_held"),
            Prefetch("children", children, to_attr="visible_children"),
        )
        .get()
    )


@dataclass(frozen=True)
class PeopleFilter:
    unit: Unit | None = None
    q: str = ""


def filter_people(
    people: QuerySet[Person], f: PeopleFilter, positions: QuerySet[Position]
) -> QuerySet[Person]:
    """By folded name and by unit: homed in its subtree or holding a position there."""
    if fold(f.q):
        people = people.filter(name_folded__contains=fold(f.q))
    if f.unit is not None:
        paths = history_paths(f.unit)
        serving = positions.filter(subtree_q(paths, "organization__unit__"), person=OuterRef("pk"))
        people = people.filter(subtree_q(paths, "home_unit__") | Exists(serving))
    current = (
        positions.filter(held_on_q(today())).select_related("organization").order_by("organization__sort_key")
    )
    return (
        people.select_related("home_unit")
        .prefetch_related(Prefetch("positions", queryset=current, to_attr="current_positions"))
        .order_by("sort_key", "pk")
    )


def line_paths(unit: Unit) -> list[str]:
    """The paths of the unit and of its ancestors (a meeting's guests often come from above)."""
    step = PATH_SEGMENT
    return [unit.path[:end] for end in range(step, len(unit.path) + 1, step)]


def people_by_name(unit: Unit, names: list[str]) -> dict[str, Person]:
    """The one person of each name who belongs to the unit's subtree or its ancestors (by their home
    unit or a post there), keyed by the folded name; a name two such people share is left out."""
    folded = {fold(name) for name in names if name.strip()}
    if not folded or not unit.path:
        return {}
    line = line_paths(unit)
    where = (
        subtree_q([unit.path], "home_unit__")
        | Q(home_unit__path__in=line)
        | subtree_q([unit.path], "positions__organization__unit__")
        | Q(positions__organization__unit__path__in=line)
    )
    found: dict[str, list[Person]] = {}
    for person in Person.objects.filter(where, name_folded__in=folded).distinct():
        found.setdefault(person.name_folded, []).append(person)
    return {key: people[0] for key, people in found.items() if len(people) == 1}
