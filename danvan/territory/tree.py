"""Deriving the materialized path from `parent`, for one unit or the whole table."""

from django.db import transaction

from danvan.core.text import fold, sort_key
from danvan.territory.models import PATH_SEGMENT, Unit


def segment(pk: int) -> str:
    return str(pk).zfill(PATH_SEGMENT)


def set_derived_fields(unit: Unit) -> None:
    """Fill path, depth, folded name and sort key of a saved unit whose parent's path is current."""
    parent_path = unit.parent.path if unit.parent_id and unit.parent else ""
    unit.path = parent_path + segment(unit.pk)
    unit.depth = len(unit.path) // PATH_SEGMENT - 1
    unit.name_folded = fold(unit.name)
    unit.sort_key = sort_key(unit.name)


@transaction.atomic
def rebuild_paths() -> int:
    """Recompute every unit's path and depth from `parent`, top down. Returns rows changed."""
    rows = list(Unit.objects.values_list("pk", "parent_id", "path", "depth"))
    children: dict[int | None, list[int]] = {}
    current = {}
    for pk, parent_id, path, depth in rows:
        children.setdefault(parent_id, []).append(pk)
        current[pk] = (path, depth)
    changed: list[Unit] = []
    stack: list[tuple[int, str]] = [(pk, "") for pk in children.get(None, [])]
    while stack:
        pk, parent_path = stack.pop()
        path = parent_path + segment(pk)
        depth = len(path) // PATH_SEGMENT - 1
        if current[pk] != (path, depth):
            changed.append(Unit(pk=pk, path=path, depth=depth))
        stack.extend((child, path) for child in children.get(pk, []))
    Unit.objects.bulk_update(changed, ["path", "depth"], batch_size=1000)
    return len(changed)
