"""Synchronizing the official territory (provinces, districts, communes) with its published source.

Idempotent: a second run finds every unit and lineage link as it is and writes nothing but the
audit event. Units are matched by identity (code, valid_from); new ones are created, changed
names/kinds/parents/validity applied, and a unit the source no longer lists is deleted only when
nothing refers to it. Neighbourhoods (not official) are never touched.
"""

import time
from dataclasses import dataclass, field
from typing import Any

from django.db import connection, models, transaction
from django.db.models import ProtectedError, RestrictedError
from django.utils import timezone

from danvan.audit.services import audit_record
from danvan.territory.models import Level, Unit, UnitLineage
from danvan.territory.source import TerritoryData, UnitKey, UnitRecord, package_territory
from danvan.territory.tree import rebuild_paths, set_name_fields

OFFICIAL_LEVELS = (Level.PROVINCE, Level.DISTRICT, Level.COMMUNE)
SYNCED_FIELDS = ("name", "kind", "level", "parent_id", "valid_to", "is_official")
BATCH = 500


@dataclass
class LevelCounts:
    current: int = 0
    legacy: int = 0
    created: int = 0
    updated: int = 0
    deleted: int = 0
    kept: int = 0  # no longer in the source, kept because something refers to it


@dataclass
class SyncReport:
    version: str = ""
    levels: dict[str, LevelCounts] = field(
        default_factory=lambda: {level: LevelCounts() for level in OFFICIAL_LEVELS}
    )
    lineage_total: int = 0
    lineage_created: int = 0
    lineage_updated: int = 0
    lineage_deleted: int = 0
    paths_rebuilt: int = 0
    seconds: float = 0.0

    @property
    def changed(self) -> int:
        units = sum(c.created + c.updated + c.deleted for c in self.levels.values())
        return units + self.lineage_created + self.lineage_updated + self.lineage_deleted

    def as_changes(self) -> dict[str, Any]:
        changes: dict[str, Any] = {"source": self.version}
        for level, counts in self.levels.items():
            for name in ("current", "legacy", "created", "updated", "deleted", "kept"):
                changes[f"{level}.{name}"] = getattr(counts, name)
        for name in ("total", "created", "updated", "deleted"):
            changes[f"lineage.{name}"] = getattr(self, f"lineage_{name}")
        return changes


def territory_sync(*, actor: Any = None, data: TerritoryData | None = None) -> SyncReport:
    """Bring the official units and their lineage in line with `data` (default: the package)."""
    started = time.monotonic()
    data = data if data is not None else package_territory()
    report = SyncReport(version=data.version)
    with transaction.atomic():
        ids = _sync_units(data.units, report)
        _sync_lineage(data, ids, report)
        _delete_missing(set(ids.values()), report)
        report.paths_rebuilt = rebuild_paths()
        report.seconds = round(time.monotonic() - started, 2)
        audit_record(
            actor=actor,
            action="territory.sync",
            obj=None,
            object_type="territory.unit",
            object_repr=f"Đồng bộ danh mục địa bàn ({data.version})"[:255],
            changes=report.as_changes(),
        )
    _refresh_statistics()
    return report


def _refresh_statistics() -> None:
    """Let PostgreSQL's planner see the new row counts at once (a join right after a first load
    otherwise takes seconds); SQLite's planner is refreshed the same way."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("ANALYZE territory_unit, territory_unitlineage")
        else:
            cursor.execute("ANALYZE")


def _existing_official() -> dict[UnitKey, Unit]:
    rows = Unit.objects.filter(is_official=True, level__in=OFFICIAL_LEVELS).only(
        "pk", "code", "valid_from", "name", "kind", "level", "parent", "valid_to", "is_official"
    )
    return {(unit.code, unit.valid_from): unit for unit in rows.order_by()}


def _sync_units(records: list[UnitRecord], report: SyncReport) -> dict[UnitKey, int]:
    """Create and update level by level (parents first); return the pk of every listed unit."""
    existing = _existing_official()
    ids: dict[UnitKey, int] = {}
    now = timezone.now()
    for level in OFFICIAL_LEVELS:
        counts = report.levels[level]
        to_create: list[Unit] = []
        to_update: list[Unit] = []
        for record in (r for r in records if r.level == level):
            if record.valid_from is None:
                counts.legacy += 1
            else:
                counts.current += 1
            values = _values(record, ids)
            unit = existing.get(record.key)
            if unit is None:
                to_create.append(_new_unit(record, values))
            elif _apply(unit, values, now):
                to_update.append(unit)
            else:
                ids[record.key] = unit.pk
        Unit.objects.bulk_create(to_create, batch_size=BATCH)
        Unit.objects.bulk_update(
            to_update, [*SYNCED_FIELDS, "name_folded", "sort_key", "updated_at"], batch_size=BATCH
        )
        for unit in (*to_create, *to_update):
            ids[(unit.code, unit.valid_from)] = unit.pk
        counts.created, counts.updated = len(to_create), len(to_update)
    return ids


def _values(record: UnitRecord, ids: dict[UnitKey, int]) -> dict[str, Any]:
    return {
        "name": record.name,
        "kind": record.kind,
        "level": record.level,
        "parent_id": ids[record.parent] if record.parent else None,
        "valid_to": record.valid_to,
        "is_official": True,
    }


def _new_unit(record: UnitRecord, values: dict[str, Any]) -> Unit:
    unit = Unit(code=record.code, valid_from=record.valid_from, **values)
    set_name_fields(unit)
    return unit


def _apply(unit: Unit, values: dict[str, Any], now: Any) -> bool:
    changed = False
    for name, value in values.items():
        if getattr(unit, name) != value:
            setattr(unit, name, value)
            changed = True
    if changed:
        set_name_fields(unit)
        unit.updated_at = now
    return changed


def _sync_lineage(data: TerritoryData, ids: dict[UnitKey, int], report: SyncReport) -> None:
    wanted = {(ids[link.predecessor], ids[link.successor]): link.partial for link in data.lineage}
    report.lineage_total = len(wanted)
    listed = set(ids.values())
    existing = {(p, s): (pk, partial) for pk, p, s, partial in _lineage_rows(listed)}
    to_create = [
        UnitLineage(predecessor_id=p, successor_id=s, partial=partial)
        for (p, s), partial in wanted.items()
        if (p, s) not in existing
    ]
    to_update = [
        UnitLineage(pk=pk, partial=wanted[pair])
        for pair, (pk, partial) in existing.items()
        if pair in wanted and wanted[pair] != partial
    ]
    # A link between two listed units that the source no longer gives was corrected there.
    stale = [pk for pair, (pk, _partial) in existing.items() if pair not in wanted]
    UnitLineage.objects.bulk_create(to_create, batch_size=BATCH)
    UnitLineage.objects.bulk_update(to_update, ["partial"], batch_size=BATCH)
    UnitLineage.objects.filter(pk__in=stale).delete()
    report.lineage_created, report.lineage_updated = len(to_create), len(to_update)
    report.lineage_deleted = len(stale)


def _lineage_rows(listed: set[int]) -> list[tuple[int, int, int, bool]]:
    rows = UnitLineage.objects.order_by().values_list("pk", "predecessor_id", "successor_id", "partial")
    return [row for row in rows if row[1] in listed and row[2] in listed]


def _delete_missing(listed: set[int], report: SyncReport) -> None:
    """Delete official units the source no longer lists, children first, unless referenced."""
    for level in reversed(OFFICIAL_LEVELS):
        candidates = set(
            Unit.objects.filter(is_official=True, level=level)
            .exclude(pk__in=listed)
            .order_by()
            .values_list("pk", flat=True)
        )
        if not candidates:
            continue
        referenced = referenced_unit_ids(candidates)
        deletable = candidates - referenced
        try:
            Unit.objects.filter(pk__in=deletable).delete()
        except (ProtectedError, RestrictedError):
            deletable = set()
        report.levels[level].deleted = len(deletable)
        report.levels[level].kept = len(candidates) - len(deletable)


def referenced_unit_ids(unit_ids: set[int]) -> set[int]:
    """Those of unit_ids that any row of any model refers to (children, organizations,
    grants, people, settings, audit events, lineage of other units…), one query per relation."""
    referenced: set[int] = set()
    for relation in Unit._meta.get_fields(include_hidden=True):
        if not (relation.auto_created and not relation.concrete and relation.is_relation):
            continue
        fk = relation.field  # type: ignore[union-attr]
        model: type[models.Model] = relation.related_model  # type: ignore[assignment]
        for batch in _batches(sorted(unit_ids)):
            rows = model._default_manager.filter(**{f"{fk.name}__in": batch}).order_by()
            referenced.update(rows.values_list(fk.attname, flat=True).distinct())
    return referenced


def _batches(values: list[int], size: int = BATCH) -> list[list[int]]:
    return [values[i : i + size] for i in range(0, len(values), size)]
