"""Deriving the materialized path from `parent`, for one unit or the whole table.

Also the unit's search and sort fields: `name_folded` (accent-free, for LIKE search) and
`sort_key`, which orders by the proper name ("An Giang" before "Cà Mau" before "Cần Thơ")
rather than by the kind prefix ("Thành phố …" / "Tỉnh …"), with numbers in natural order
("Tổ dân phố 2" before "Tổ dân phố 10").
"""

import re
from collections.abc import Iterable

from django.db import connections, router, transaction
from django.db.models import Q

from danvan.core.text import fold, sort_key
from danvan.territory.models import MAX_DEPTH, PATH_SEGMENT, Kind, Unit

# Kind words a unit name may start with, longest first so "Thị trấn" wins over "Thị".
_PREFIXES = sorted(
    {str(label) for label in Kind.labels} | {"Thành phố", "Tổ"} - {"Thành phố trực thuộc trung ương"},
    key=len,
    reverse=True,
)
_NUMBER = re.compile(r"\d+")
_SORT_KEY_LENGTH = Unit._meta.get_field("sort_key").max_length or 400


SUBTREE_HIGH = "9" * (PATH_SEGMENT * MAX_DEPTH)


def subtree_q(paths: Iterable[str], column: str = "path") -> Q:
    """Rows whose `column` (a unit path, or a copy of one) lies in a subtree rooted at `paths`.

    Each subtree is one B-tree range (ADR 0001); no paths means no rows.
    """
    query = Q(pk__in=[])
    for path in paths:
        query |= Q(**{f"{column}__gte": path, f"{column}__lte": path + SUBTREE_HIGH})
    return query


def segment(pk: int) -> str:
    return str(pk).zfill(PATH_SEGMENT)


def split_kind_prefix(name: str) -> tuple[str, str]:
    """("Thành phố", "Cần Thơ") for "Thành phố Cần Thơ"; ("", name) when no kind word leads."""
    for prefix in _PREFIXES:
        if name.startswith(prefix + " ") and name[len(prefix) + 1 :].strip():
            return prefix, name[len(prefix) + 1 :].strip()
    return "", name


def unit_sort_key(name: str) -> str:
    prefix, proper = split_kind_prefix(name)
    padded = _NUMBER.sub(lambda m: m.group().zfill(6), proper)
    return (sort_key(padded) + "|" + sort_key(prefix))[:_SORT_KEY_LENGTH]


def set_name_fields(unit: Unit) -> None:
    unit.name_folded = fold(unit.name)
    unit.sort_key = unit_sort_key(unit.name)


def set_derived_fields(unit: Unit) -> None:
    """Fill path, depth, folded name and sort key of a saved unit whose parent's path is current."""
    parent_path = unit.parent.path if unit.parent_id and unit.parent else ""
    unit.path = parent_path + segment(unit.pk)
    unit.depth = len(unit.path) // PATH_SEGMENT - 1
    set_name_fields(unit)


@transaction.atomic
def rebuild_paths() -> int:
    """Recompute every unit's path and depth from `parent`, top down. Returns rows changed."""
    rows = list(Unit.objects.order_by().values_list("pk", "parent_id", "path", "depth"))
    children: dict[int | None, list[int]] = {}
    current = {}
    for pk, parent_id, path, depth in rows:
        children.setdefault(parent_id, []).append(pk)
        current[pk] = (path, depth)
    changed: list[tuple[str, int, int]] = []
    stack: list[tuple[int, str]] = [(pk, "") for pk in children.get(None, [])]
    while stack:
        pk, parent_path = stack.pop()
        path = parent_path + segment(pk)
        depth = len(path) // PATH_SEGMENT - 1
        if current[pk] != (path, depth):
            changed.append((path, depth, pk))
        stack.extend((child, path) for child in children.get(pk, []))
    _write_paths(changed)
    return len(changed)


def _write_paths(rows: list[tuple[str, int, int]], batch: int = 500) -> None:
    """Write (path, depth, id) rows with one UPDATE … FROM VALUES per batch: bulk_update's CASE
    expressions take seconds per thousand rows to build, and the national load writes 14,000.
    The same SQL runs on SQLite (≥ 3.33) and PostgreSQL."""
    connection = connections[router.db_for_write(Unit)]
    table = connection.ops.quote_name(Unit._meta.db_table)
    with connection.cursor() as cursor:
        for start in range(0, len(rows), batch):
            chunk = rows[start : start + batch]
            values = ", ".join(["(%s, CAST(%s AS INTEGER), CAST(%s AS BIGINT))"] * len(chunk))
            # Only the quoted table name and placeholders are formatted into the SQL.
            sql = (
                f"WITH v(path, depth, id) AS (VALUES {values}) "  # noqa: S608
                f"UPDATE {table} SET path = v.path, depth = v.depth FROM v WHERE {table}.id = v.id"
            )
            cursor.execute(sql, [value for row in chunk for value in row])
