"""Reads of the territory: a unit by code and date, lists, search, the tree around a unit."""

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Case, Count, Q, QuerySet, Value, When
from django.utils import timezone
from django.utils.translation import gettext as _

from danvan.core.errors import NotFound
from danvan.core.text import fold
from danvan.territory.models import NATION, PATH_SEGMENT, Level, Unit, UnitLineage


def today() -> dt.date:
    return timezone.localdate()


def unit_by_code(code: str, at: dt.date | None = None) -> Unit:
    """The unit with this official code valid on `at` (default: today)."""
    day = at or today()
    unit = Unit.objects.valid_on(day).filter(code=code).select_related("parent").first()
    if unit is None:
        raise NotFound(
            _("Không có đơn vị mã %(code)s vào ngày %(day)s.") % {"code": code, "day": f"{day:%d/%m/%Y}"}
        )
    return unit


def latest_version(code: str) -> Unit | None:
    """The most recent unit that ever had this code (for an old link without a date)."""
    versions = Unit.objects.filter(code=code).order_by("-valid_to", "-valid_from")
    current = versions.filter(valid_to__isnull=True).first()
    return current or versions.first()


def name_matches(text: str, prefix: str = "") -> Q:
    """Accent-insensitive match at the start of a word: "hong ngu" finds "Phường Hồng Ngự"."""
    folded = fold(text)
    return Q(**{f"{prefix}name_folded__startswith": folded}) | Q(
        **{f"{prefix}name_folded__contains": " " + folded}
    )


def search_q(text: str) -> Q:
    """A unit matches by its own name or by a former name: one of its predecessors' names."""
    former = UnitLineage.objects.filter(name_matches(text, "predecessor__")).values("successor_id")
    return name_matches(text) | Q(pk__in=former)


@dataclass(frozen=True)
class UnitFilter:
    level: str | None = None
    parent: str | None = None
    q: str = ""
    at: dt.date | None = None


def filter_units(criteria: UnitFilter) -> QuerySet[Unit]:
    """Units valid on `at` (default today), by level, parent code and name, in Vietnamese order."""
    day = criteria.at or today()
    units = Unit.objects.valid_on(day)
    if criteria.level:
        units = units.filter(level=criteria.level)
    if criteria.parent:
        units = units.filter(parent=unit_by_code(criteria.parent, day))
    if fold(criteria.q or ""):
        units = units.filter(search_q(criteria.q))
    return units.order_by("sort_key", "pk")


@dataclass(frozen=True)
class SearchHit:
    unit: Unit
    former_names: list[str]  # names of predecessors that matched the text


def search_ordered(text: str, at: dt.date | None = None) -> QuerySet[Unit]:
    """Every unit matching the text, own names first, then former names; provinces first."""
    own_first = Case(When(name_matches(text), then=Value(0)), default=Value(1))
    units = filter_units(UnitFilter(q=text, at=at)).select_related("parent").annotate(own_first=own_first)
    return units.order_by("own_first", "depth", "sort_key", "pk")


def search_units(text: str, at: dt.date | None = None, limit: int = 50) -> tuple[list[SearchHit], int]:
    """The first `limit` units matching the text, and how many match in all.

    Units matching by their own name come first, then those matching by a former name;
    provinces before communes, in Vietnamese order.
    """
    units = search_ordered(text, at)
    total = units.count()
    page = list(units[:limit])
    former: dict[int, list[str]] = {}
    links = UnitLineage.objects.filter(name_matches(text, "predecessor__"), successor__in=page)
    for successor_id, name in links.order_by("predecessor__sort_key").values_list(
        "successor_id", "predecessor__name"
    ):
        former.setdefault(successor_id, []).append(name)
    return [SearchHit(unit, former.get(unit.pk, [])) for unit in page], total


def provinces(at: dt.date | None = None) -> QuerySet[Unit]:
    """The provinces valid on `at`, each with `n_children`, the number of its units then."""
    day = at or today()
    child_valid = (Q(children__valid_from__isnull=True) | Q(children__valid_from__lte=day)) & (
        Q(children__valid_to__isnull=True) | Q(children__valid_to__gte=day)
    )
    return (
        Unit.objects.valid_on(day)
        .filter(level=Level.PROVINCE)
        .annotate(n_children=Count("children", filter=child_valid))
        .order_by("sort_key", "pk")
    )


def ancestors(unit: Unit) -> list[Unit]:
    """From the province down to the unit's parent, in one query on the ids kept in its path."""
    ids = unit.ancestor_ids()
    return list(Unit.objects.filter(pk__in=ids).order_by("depth")) if ids else []


def descendants(unit: Unit, at: dt.date | None = None) -> QuerySet[Unit]:
    """Every unit below this one: one range query on the indexed path."""
    lo, hi = unit.subtree_bounds()
    below = Unit.objects.filter(path__gt=lo, path__lte=hi)
    return below.valid_on(at) if at else below


def children(unit: Unit, at: dt.date | None = None, text: str = "") -> QuerySet[Unit]:
    units = Unit.objects.filter(parent=unit).valid_on(at or today())
    if fold(text):
        units = units.filter(name_matches(text))
    return units.order_by("sort_key", "pk")


def retired_neighbourhoods(commune: Unit) -> QuerySet[Unit]:
    return Unit.objects.filter(parent=commune, level=Level.NEIGHBOURHOOD, valid_to__lt=today()).order_by(
        "sort_key", "pk"
    )


@dataclass(frozen=True)
class Link:
    unit: Unit
    partial: bool


def predecessors(unit: Unit) -> list[Link]:
    """The units this one was formed from ("Hình thành từ")."""
    links = UnitLineage.objects.filter(successor=unit).select_related("predecessor__parent")
    return [Link(link.predecessor, link.partial) for link in links.order_by("predecessor__sort_key")]


def successors(unit: Unit) -> list[Link]:
    """The units this one was merged into ("Đã sáp nhập vào"); partial when split between several."""
    links = UnitLineage.objects.filter(predecessor=unit).select_related("successor__parent")
    return [Link(link.successor, link.partial) for link in links.order_by("successor__sort_key")]


def history_paths(unit: Unit) -> list[str]:
    """The unit's path and those of its predecessors: records kept on the old units merged into
    it on 1/7/2025 count for it too. Filter with `tree.subtree_q(history_paths(unit), column)`."""
    old = UnitLineage.objects.filter(successor=unit).values_list("predecessor__path", flat=True)
    return [unit.path, *old]


# Counting nodes ---------------------------------------------------------------------------------
# Figures kept incrementally (reporting's rollup cells, practices' tally) are stored per node: a
# unit id, or NATION for the whole country. A record counts at its unit, every ancestor, the units
# its old units were merged into on 1/7/2025 with their ancestors (lineage followed to the end), and
# the nation — each node once, so a merged province never counts an old commune twice.
WHOLE_LINEAGE_ABOVE = 1000  # ids in one frontier beyond which the lineage table is read whole


def path_ids(path: str) -> list[int]:
    return [int(path[i : i + PATH_SEGMENT]) for i in range(0, len(path), PATH_SEGMENT)]


def _successor_paths(frontier: set[int]) -> dict[int, list[str]]:
    links = UnitLineage.objects.values_list("predecessor_id", "successor__path")
    if len(frontier) <= WHOLE_LINEAGE_ABOVE:
        links = links.filter(predecessor_id__in=frontier)
    found: dict[int, list[str]] = defaultdict(list)
    for predecessor, path in links:
        if predecessor in frontier:
            found[predecessor].append(path)
    return found


def nodes_for(units: Iterable[tuple[int, str]]) -> dict[int, set[int]]:
    """unit id → the nodes its records count in (itself, ancestors, successors' chains, nation)."""
    units = list(units)
    successors: dict[int, list[str]] = {}
    frontier = {i for _, path in units for i in path_ids(path)}
    seen: set[int] = set()
    while frontier:
        seen |= frontier
        found = _successor_paths(frontier)
        successors.update(found)
        frontier = {i for paths in found.values() for path in paths for i in path_ids(path)} - seen
    result: dict[int, set[int]] = {}
    for unit_id, path in units:
        nodes: set[int] = {NATION}
        todo = list(path_ids(path))
        while todo:
            node = todo.pop()
            if node not in nodes:
                nodes.add(node)
                todo.extend(i for successor in successors.get(node, []) for i in path_ids(successor))
        result[unit_id] = nodes
    return result
