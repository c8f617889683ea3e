"""The practices tally: the counts that the statistics read, kept exact in the same transaction as
every write that changes what a practice counts as (registration, adoption, import, a change of
field, a lifecycle step), and rebuilt from the registry by `tally_rebuild()` (after a bulk load).

A practice counts at every counting node of its unit (`territory.selectors.nodes_for`: the unit,
its ancestors, the units its old unit was merged into, the nation), for its year and for "all
years" (year 0):
- in one `PracticeCell` of its field × kind × level × status × registering-body group;
- through the `PracticePresence` of its commune, its neighbourhood and its registering body, in the
  `PracticeReach` of the nodes above them: the number of distinct communes, neighbourhoods and
  bodies that registered, which no sum of cells can give.

The tests compare the incremental result of every service with a rebuild.
"""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from django.db import connection, transaction

from danvan.practices.models import Practice, PracticeCell, PracticePresence, PracticeReach
from danvan.territory.models import PATH_SEGMENT, Level
from danvan.territory.selectors import nodes_for

ALL_YEARS = 0
# Organization kinds (the codes seeded by orgs) counted as party cells ("chi, đảng bộ"); the other
# organizations are "cơ quan, đơn vị"; a unit registering for itself is grouped by its level.
PARTY_CELL_KINDS = ("org:chi_bo_dang_bo", "org:cap_uy")
COMMUNES, NEIGHBOURHOODS, BODIES = "communes", "neighbourhoods", "bodies:"

CellKey = tuple[int, int, str, str, str, str, str]  # node, year, field, kind, level, status, group
PresenceKey = tuple[int, str, int]  # year, metric, entity


def body_group(body_type: str) -> str:
    if body_type in PARTY_CELL_KINDS:
        return "chi_dang_bo"
    if body_type.startswith("org:"):
        return "co_quan_don_vi"
    return body_type.removeprefix("unit:")


@dataclass(frozen=True)
class Footprint:
    """What one practice counts as."""

    unit_id: int
    unit_path: str
    commune_path: str
    year: int
    field_code: str
    kind: str
    level: str
    status: str
    body_type: str
    organization_id: int | None
    replicated: bool
    late: bool

    @property
    def group(self) -> str:
        return body_group(self.body_type)

    def entities(self) -> list[tuple[str, int, tuple[int, str]]]:
        """(metric, entity id, home unit (id, path)) of the distinct things this practice makes count."""
        home = (self.unit_id, self.unit_path)
        body = self.organization_id if self.body_type.startswith("org:") else self.unit_id
        found = [(BODIES + self.group, int(body or 0), home)]
        if self.commune_path:
            commune = int(self.commune_path[-PATH_SEGMENT:])
            found.append((COMMUNES, commune, (commune, self.commune_path)))
        if self.level == Level.NEIGHBOURHOOD:
            found.append((NEIGHBOURHOODS, self.unit_id, home))
        return found


def footprint(practice: Practice) -> Footprint:
    return Footprint(
        unit_id=practice.unit_id,
        unit_path=practice.unit_path,
        commune_path=practice.commune_path,
        year=practice.year,
        field_code=practice.field.code,
        kind=practice.kind,
        level=practice.level,
        status=practice.status,
        body_type=practice.body_type,
        organization_id=practice.organization_id,
        replicated=practice.source_id is not None,
        late=practice.is_late,
    )


def _nodes(footprints: list[Footprint]) -> dict[int, set[int]]:
    """Counting nodes of the practices' units and of their entities' homes."""
    homes = {home for f in footprints for _, _, home in f.entities()}
    return nodes_for(homes | {(f.unit_id, f.unit_path) for f in footprints})


# incremental ----------------------------------------------------------------------------------
def tally_apply(*, before: Footprint | None, after: Footprint | None) -> None:
    """A practice changed from `before` to `after` (None: it did not exist / no longer exists)."""
    if before == after:
        return
    changes = [(f, sign) for f, sign in ((before, -1), (after, 1)) if f is not None]
    _apply(changes)


def tally_add(practices: Iterable[Practice]) -> None:
    """New practices (an import): one batch of increments."""
    _apply([(footprint(p), 1) for p in practices])


def _apply(changes: list[tuple[Footprint, int]]) -> None:
    nodes = _nodes([f for f, _ in changes])
    cells: dict[CellKey, list[int]] = defaultdict(lambda: [0, 0, 0])
    presence: dict[PresenceKey, list[int]] = defaultdict(lambda: [0, 0])
    for f, sign in changes:
        for year in (f.year, ALL_YEARS):
            for node in nodes[f.unit_id]:
                delta = cells[(node, year, f.field_code, f.kind, f.level, f.status, f.group)]
                delta[0] += sign
                delta[1] += sign * f.replicated
                delta[2] += sign * f.late
            for metric, entity, home in f.entities():
                entry = presence[(year, metric, entity)]
                entry[0] = home[0]
                entry[1] += sign
    _add_cells({k: v for k, v in cells.items() if any(v)})
    reach = _add_presence({k: v for k, v in presence.items() if v[1]}, nodes)
    _add_reach({k: v for k, v in reach.items() if v})


def _upsert(table: str, keys: list[str], measures: list[str]) -> str:
    columns = [*keys, *measures]
    sets = ", ".join(f"{m} = {table}.{m} + excluded.{m}" for m in measures)
    marks = ", ".join(["%s"] * len(columns))
    return (
        f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks}) "  # noqa: S608 (names are ours)
        f"ON CONFLICT ({', '.join(keys)}) DO UPDATE SET {sets}"
    )


CELL_KEYS = ["node", "year", "field_code", "kind", "level", "status", "body_group"]
CELL_SQL = _upsert(PracticeCell._meta.db_table, CELL_KEYS, ["n", "replications", "late"])
REACH_SQL = _upsert(PracticeReach._meta.db_table, ["node", "year", "metric"], ["n"])
PRESENCE_SQL = (
    f"INSERT INTO {PracticePresence._meta.db_table} (year, metric, entity, home, n) "  # noqa: S608
    "VALUES (%s, %s, %s, %s, %s) ON CONFLICT (year, metric, entity) "
    f"DO UPDATE SET n = {PracticePresence._meta.db_table}.n + excluded.n RETURNING n"
)


def _add_cells(deltas: dict[CellKey, list[int]]) -> None:
    """Sorted, so that two transactions touching the same cells lock them in the same order."""
    if not deltas:
        return
    with connection.cursor() as cursor:
        cursor.executemany(CELL_SQL, [(*key, *deltas[key]) for key in sorted(deltas)])
    nodes = sorted({key[0] for key in deltas})
    PracticeCell.objects.filter(node__in=nodes, n=0).delete()


def _add_presence(deltas: dict[PresenceKey, list[int]], nodes: dict[int, set[int]]) -> dict:
    """Apply presence changes; the reach deltas of the entities that appeared or disappeared."""
    reach: dict[tuple[int, int, str], int] = defaultdict(int)
    with connection.cursor() as cursor:
        for (year, metric, entity), (home, delta) in sorted(deltas.items()):
            cursor.execute(PRESENCE_SQL, [year, metric, entity, home, delta])
            now = cursor.fetchone()[0]
            was = now - delta
            if (was > 0) != (now > 0):
                for node in nodes[home]:
                    reach[(node, year, metric)] += 1 if now > 0 else -1
    PracticePresence.objects.filter(n=0, entity__in={k[2] for k in deltas}).delete()
    return reach


def _add_reach(deltas: dict[tuple[int, int, str], int]) -> None:
    if not deltas:
        return
    with connection.cursor() as cursor:
        cursor.executemany(REACH_SQL, [(*key, deltas[key]) for key in sorted(deltas)])
    PracticeReach.objects.filter(node__in={key[0] for key in deltas}, n=0).delete()


# rebuild ----------------------------------------------------------------------------------------
FOOTPRINT_COLUMNS = (
    "unit_id",
    "unit_path",
    "commune_path",
    "year",
    "field__code",
    "kind",
    "level",
    "status",
    "body_type",
    "organization_id",
    "source_id",
    "is_late",
)


def _footprints() -> Iterable[Footprint]:
    rows = Practice.objects.order_by().values_list(*FOOTPRINT_COLUMNS).iterator(chunk_size=5000)
    for row in rows:
        yield Footprint(*row[:10], replicated=row[10] is not None, late=row[11])  # type: ignore[misc]


@transaction.atomic
def tally_rebuild() -> dict[str, int]:
    """Every cell, presence and reach row recomputed from the registry; returns the row counts."""
    for model in (PracticeCell, PracticeReach, PracticePresence):
        model.objects.all().delete()
    groups: dict[tuple, list[int]] = defaultdict(lambda: [0, 0, 0])
    presence: dict[PresenceKey, list] = {}
    for f in _footprints():
        for year in (f.year, ALL_YEARS):
            group = groups[((f.unit_id, f.unit_path), year, f.field_code, f.kind, f.level, f.status, f.group)]
            group[0], group[1], group[2] = group[0] + 1, group[1] + f.replicated, group[2] + f.late
            for metric, entity, home in f.entities():
                presence.setdefault((year, metric, entity), [home, 0])[1] += 1
    nodes = nodes_for({key[0] for key in groups} | {home for home, _ in presence.values()})
    cells: dict[CellKey, list[int]] = defaultdict(lambda: [0, 0, 0])
    for (unit, *rest), measures in groups.items():
        for node in nodes[unit[0]]:
            cell = cells[(node, *rest)]
            cell[0], cell[1], cell[2] = cell[0] + measures[0], cell[1] + measures[1], cell[2] + measures[2]
    reach: dict[tuple[int, int, str], int] = defaultdict(int)
    for (year, metric, _entity), (home, _n) in presence.items():
        for node in nodes[home[0]]:
            reach[(node, year, metric)] += 1
    PracticeCell.objects.bulk_create(
        (
            PracticeCell(**dict(zip(CELL_KEYS, key, strict=True)), n=n, replications=r, late=late)
            for key, (n, r, late) in cells.items()
        ),
        batch_size=2000,
    )
    PracticePresence.objects.bulk_create(
        (
            PracticePresence(year=y, metric=m, entity=e, home=home[0], n=n)
            for (y, m, e), (home, n) in presence.items()
        ),
        batch_size=2000,
    )
    PracticeReach.objects.bulk_create(
        (
            PracticeReach(node=node, year=year, metric=metric, n=n)
            for (node, year, metric), n in reach.items()
        ),
        batch_size=2000,
    )
    return {"cells": len(cells), "presence": len(presence), "reach": len(reach)}


def tally_snapshot() -> dict[str, dict]:
    """Every row of the tally: for tests comparing incremental results with a rebuild."""
    return {
        "cells": {
            tuple(getattr(c, k) for k in CELL_KEYS): (c.n, c.replications, c.late)
            for c in PracticeCell.objects.exclude(n=0, replications=0, late=0)
        },
        "reach": {(r.node, r.year, r.metric): r.n for r in PracticeReach.objects.exclude(n=0)},
        "presence": {
            (p.year, p.metric, p.entity): (p.home, p.n) for p in PracticePresence.objects.exclude(n=0)
        },
    }
