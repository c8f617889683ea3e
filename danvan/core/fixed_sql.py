"""Reads on the path of nearly every request, written by the ORM once per process instead of on
each request: `Prepared`.

Building a query through the ORM (the select list, the joins, the WHERE) costs about 0,3 ms of
CPU each time, more than PostgreSQL spends answering a read by key. Every signed-in request reads
its session, its user and the user's grants, and the report page, which the reporters of a whole
country open on the same days, reads five more. A `Prepared` read has the ORM compile its QuerySet
once, with stand-in keys, and keeps the SQL; each call binds its own keys and turns the rows into
what the QuerySet gives, through the ORM's own converters (datetimes made aware on SQLite, JSON
decoded…) and `Model.from_db`. So the SQL is still the ORM's, for SQLite and PostgreSQL alike.
On PostgreSQL the statement is prepared on the server as well, once per connection, so that
PostgreSQL neither parses nor plans it again (`_preparing_cursor`). ADR 0006 says why.

Anything else uses the ORM as usual.
"""

from collections.abc import Callable, Iterable, Sequence
from typing import Any

import psycopg
from django.db import connections, models, router
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.backends.postgresql.psycopg_any import register_tzloader
from django.db.models import QuerySet
from django.db.models.query import (
    FlatValuesListIterable,
    ModelIterable,
    ValuesIterable,
    ValuesListIterable,
    get_related_populators,
)
from psycopg.pq import Format


def _fetch(connection: BaseDatabaseWrapper, sql: str, params: Sequence[Any]) -> list[tuple[Any, ...]]:
    cursor = _preparing_cursor(connection) if connection.vendor == "postgresql" else connection.cursor()
    with cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def _preparing_cursor(connection: Any) -> Any:
    """On PostgreSQL, a cursor that prepares its statement on the server, once per connection:
    PostgreSQL then neither parses nor plans it again, which was most of its CPU for these reads
    (a plan of 0,1 to 0,35 ms for a read of 0,01 to 0,2 ms). Django binds parameters in the
    client and prepares nothing by default, since not every SQL the ORM writes can be prepared
    (Django ticket #20516); these reads are tested on PostgreSQL, and each looks rows up by key,
    so the plan PostgreSQL keeps fits every key. The cursor is Django's wrapper as
    `connection.cursor()` gives it (errors wrapped, queries logged when they are), over psycopg's
    server-binding cursor. Prepared statements need a direct connection or a pooler that keeps
    them (PgBouncer ≥ 1.21 with max_prepared_statements): docs/deploy.md."""
    connection.close_if_health_check_failed()
    connection.ensure_connection()
    connection.validate_thread_sharing()
    with connection.wrap_database_errors:
        cursor = _PreparingCursor(connection.connection)
        loader = connection.connection.adapters.get_loader(_TIMESTAMPTZ_OID, Format.TEXT)
        if connection.timezone != loader.timezone:  # as Django's create_cursor
            register_tzloader(connection.timezone, cursor)
    return (
        connection.make_debug_cursor(cursor) if connection.queries_logged else connection.make_cursor(cursor)
    )


class _PreparingCursor(psycopg.Cursor[Any]):
    def execute(
        self, query: Any, params: Any = None, *, prepare: bool | None = None, binary: bool | None = None
    ) -> Any:
        return super().execute(query, params, prepare=True, binary=binary)


_TIMESTAMPTZ_OID = psycopg.adapters.types["timestamptz"].oid

Key = int | str | list[int] | list[str]
_INT_STAND_IN = -(10**15)  # far outside any key (MAX_ID), so never mistaken for a constant


def _stand_in(position: int, key: Key) -> Key:
    if isinstance(key, bool):
        raise TypeError("Prepared: a key is an int, a str or a list of ints or strs, not a bool")
    if isinstance(key, int):
        return _INT_STAND_IN - 1000 * position
    if isinstance(key, str):
        return f"\x1fprepared-key-{position}"
    if isinstance(key, list) and key and type(key[0]) is int:
        return [_INT_STAND_IN - 1000 * position - 1 - i for i in range(len(key))]
    if isinstance(key, list) and key and type(key[0]) is str:
        return [f"\x1fprepared-key-{position}-{i}" for i in range(len(key))]
    raise TypeError(f"Prepared: a key is an int, a str or a non-empty list of ints or strs, not {key!r}")


_BIGINT_MIN, _BIGINT_MAX = -(2**63), 2**63 - 1
MAX_SHAPES = 64  # compiled shapes kept per read; beyond them a shape is compiled for its call only


def _ints(keys: Sequence[Key]) -> Iterable[int]:
    for key in keys:
        if isinstance(key, int):
            yield key
        elif isinstance(key, list):
            yield from (k for k in key if isinstance(k, int))


def _shape(keys: Sequence[Key]) -> tuple[Any, ...]:
    """What makes two calls share their SQL: each key's type, and a list's length (its `in`)."""
    shape: list[Any] = []
    for key in keys:
        if isinstance(key, list):
            kind = type(key[0]) if key else None
            if kind not in (int, str) or not all(type(k) is kind for k in key):
                raise TypeError(f"Prepared: a list key holds ints only or strs only, not {key!r}")
            shape.append((kind, len(key)))
        else:
            shape.append(type(key))
    return tuple(shape)


def _bind(slot: tuple[Any, Any], keys: Sequence[Key]) -> Any:
    position, index = slot
    if position is None:
        return index  # a constant of the query
    key = keys[position]
    return key if index is None else key[index]


class _Compiled:
    """One shape of a prepared read: its SQL, where each key goes among the parameters, and how a
    row becomes what the QuerySet would give."""

    def __init__(
        self, name: str, queryset: QuerySet[Any], stand_ins: Sequence[Key], connection: BaseDatabaseWrapper
    ) -> None:
        internals: Any = queryset  # what Django's own iterables read of it
        if internals._prefetch_related_lookups or internals._known_related_objects:
            raise ValueError(f"Prepared {name}: no prefetch_related, and no queryset of a related manager")
        query = queryset.query
        compiler = query.get_compiler(connection=connection)
        sql, params = compiler.as_sql()  # also sets compiler.select and klass_info
        slots: dict[Any, tuple[int, int | None]] = {}
        for position, stand_in in enumerate(stand_ins):
            if isinstance(stand_in, list):
                slots.update({value: (position, i) for i, value in enumerate(stand_in)})
            else:
                slots[stand_in] = (position, None)
        # each parameter: (key position, index in a list key) or the constant it is
        self.params: list[tuple[Any, Any]] = [
            slots[p] if isinstance(p, int | str) and p in slots else (None, p) for p in params
        ]
        bound = {slot for slot in self.params if slot[0] is not None}
        if bound != set(slots.values()):
            raise ValueError(
                f"Prepared {name}: a key does not reach the SQL unchanged (exact and in only): {sql}"
            )
        self.sql = sql
        self.compiler = compiler
        fields = [s[0] for s in compiler.select[: compiler.col_count]]
        if compiler.has_composite_fields(fields):
            raise ValueError(f"Prepared {name}: composite fields are not supported")
        self.converters = compiler.get_converters(fields)
        self.iterable = queryset._iterable_class
        self.fetch_mode = internals._fetch_mode
        self.names = (
            list(query.selected)
            if query.selected
            else [
                *query.extra_select,
                *query.values_select,
                *query.annotation_select,
            ]
        )
        if self.iterable not in (ModelIterable, ValuesIterable, ValuesListIterable, FlatValuesListIterable):
            raise ValueError(f"Prepared {name}: {self.iterable.__name__} is not supported")
        if self.fetch_mode.track_peers:
            raise ValueError(f"Prepared {name}: a fetch mode that tracks peers is not supported")
        self._plan: tuple[Any, int, int, list[str], list[Any]] | None = None

    def run(self, keys: Sequence[Key], connection: BaseDatabaseWrapper) -> list[Any]:
        params = [_bind(slot, keys) for slot in self.params]
        rows: Iterable[list[Any]] | list[tuple[Any, ...]] = _fetch(connection, self.sql, params)
        if self.converters:
            rows = self.compiler.apply_converters(rows, self.converters)
        if self.iterable is ValuesIterable:
            names = self.names
            return [dict(zip(names, row, strict=True)) for row in rows]
        if self.iterable is ValuesListIterable:
            return [tuple(row) for row in rows]
        if self.iterable is FlatValuesListIterable:
            return [row[0] for row in rows]
        return self._models(rows, connection)

    def _models(self, rows: Iterable[Sequence[Any]], connection: BaseDatabaseWrapper) -> list[Any]:
        """As Django's ModelIterable: the model, its select_related relations, its annotations."""
        model, start, end, init_list, populators = self._model_plan(connection)
        annotations = self.compiler.annotation_col_map or {}
        db, fetch_mode = connection.alias, self.fetch_mode
        found = []
        for row in rows:
            obj = model.from_db(db, init_list, row[start:end], fetch_mode=fetch_mode)
            for populator in populators:
                populator.populate(row, obj)
            for name, position in annotations.items():
                setattr(obj, name, row[position])
            found.append(obj)
        return found

    def _model_plan(self, connection: BaseDatabaseWrapper) -> tuple[Any, int, int, list[str], list[Any]]:
        """Where the model's own columns are and how its relations fill in: worked out once."""
        if self._plan is None:
            compiler = self.compiler
            select, klass_info = compiler.select, compiler.klass_info
            start, end = klass_info["select_fields"][0], klass_info["select_fields"][-1] + 1
            init_list = [f[0].target.attname for f in select[start:end]]
            populators = get_related_populators(klass_info, select, connection.alias, self.fetch_mode)
            self._plan = (klass_info["model"], start, end, init_list, populators)
        return self._plan


class Prepared:
    """A read the ORM writes once per process, database and shape, then runs with each call's keys.

    `build` makes the QuerySet from its keys. It is called with stand-in keys the first time a shape
    is run (a list key's length is part of its shape), and the SQL the ORM compiles is kept with
    the places of the stand-ins among its parameters; each call puts its own keys there. Rows go
    through the converters the ORM applies and become what the QuerySet gives: models with their
    select_related relations, the dicts of .values(), the tuples of .values_list(). Keys are
    ints, strs, or lists of ints or of strs, and must reach the SQL unchanged (exact and `in` lookups):
    preparing fails loudly otherwise.

    For the few reads on the path of nearly every request, where building the query costs more
    CPU than the database spends answering it; anything else uses the ORM as usual."""

    def __init__(self, name: str, model: type[models.Model], build: Callable[..., QuerySet[Any]]) -> None:
        self.name = name
        self.model = model
        self.build = build
        self._compiled: dict[tuple[str, tuple[Any, ...]], _Compiled] = {}

    def __call__(self, *keys: Key) -> list[Any]:
        shape = _shape(keys)
        if any(not _BIGINT_MIN <= k <= _BIGINT_MAX for k in _ints(keys)):
            return []  # no row has such a key (the ORM answers so too, without asking the database)
        connection = connections[router.db_for_read(self.model)]
        compiled = self._compiled.get((connection.alias, shape))
        if compiled is None:
            stand_ins = [_stand_in(position, key) for position, key in enumerate(keys)]
            compiled = _Compiled(self.name, self.build(*stand_ins), stand_ins, connection)
            if len(self._compiled) < MAX_SHAPES:  # list keys of ever new lengths do not grow it for ever
                self._compiled[(connection.alias, shape)] = compiled
        return compiled.run(keys, connection)

    def first(self, *keys: Key) -> Any:
        found = self(*keys)
        return found[0] if found else None
