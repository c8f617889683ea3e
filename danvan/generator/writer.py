"""Fast inserts of generated rows: COPY on PostgreSQL, executemany of one INSERT on SQLite.

Rows are unsaved model instances with their primary key already set: the generator allocates
ids itself (`next_id`) so that it can link rows and derive `Unit.path` before anything is
written. It must therefore be the only writer while it runs; afterwards the PostgreSQL
sequences are moved past the ids used. Every concrete field is written as Django would prepare
it (defaults, auto_now, `get_db_prep_save`), so a column added to a model later needs no change
here; SQLite gets one INSERT run by executemany over the same prepared rows (bulk_create would
prepare them again, for no gain). Foreign keys are DEFERRABLE INITIALLY DEFERRED on both
databases (Django creates them so): batches may be flushed in any order inside the transaction
and are checked at commit — on PostgreSQL once per constraint rather than once per row
(`foreign_keys_checked_once`).
"""

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from django.apps import apps
from django.core.management.color import no_style
from django.db import connection, models
from django.db.models import Max
from django.utils import timezone

BATCH_ROWS = 10_000


class TableWriter:
    def __init__(self, model: type[models.Model], batch_rows: int) -> None:
        self.model = model
        self.fields = list(model._meta.concrete_fields)
        self.batch_rows = batch_rows
        self.rows: list[models.Model] = []
        self.written = 0

    def add(self, obj: models.Model) -> None:
        self.rows.append(obj)
        if len(self.rows) >= self.batch_rows:
            self.flush()

    def flush(self) -> None:
        if not self.rows:
            return
        quote = connection.ops.quote_name
        table = quote(self.model._meta.db_table)
        columns = ", ".join(quote(field.column or field.attname) for field in self.fields)
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                with cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                    for row in self._prepared():
                        copy.write_row(row)
            else:
                placeholders = ", ".join(["%s"] * len(self.fields))
                insert = f"INSERT INTO {table} ({columns}) VALUES ({placeholders})"  # noqa: S608 - quoted names
                cursor.executemany(insert, list(self._prepared()))
        self.written += len(self.rows)
        self.rows = []

    def _prepared(self) -> Iterator[list[Any]]:
        """Each row's column values as Model.save() would send them (defaults, auto_now, adapters).

        Preparing a datetime costs ~20 µs, so the auto timestamps get one value per batch and
        other dates and datetimes are prepared once per distinct value.
        """
        now = timezone.now()
        stamps = {
            field.attname: field.get_db_prep_save(now, connection)
            for field in self.fields
            if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False)
        }
        memo: dict[tuple[str, dt.date], Any] = {}
        for obj in self.rows:
            row = []
            for field in self.fields:
                if field.attname in stamps:
                    row.append(stamps[field.attname])
                    continue
                value = field.pre_save(obj, True)
                if isinstance(value, dt.date):
                    key = (field.attname, value)
                    if key not in memo:
                        memo[key] = field.get_db_prep_save(value, connection)
                    row.append(memo[key])
                else:
                    row.append(field.get_db_prep_save(value, connection))
            yield row


class Writer:
    """One TableWriter per model; ids allocated above the current maximum of each table."""

    def __init__(self, batch_rows: int = BATCH_ROWS) -> None:
        self.batch_rows = batch_rows
        self.tables: dict[type[models.Model], TableWriter] = {}
        self.raw: dict[type[models.Model], RawTable] = {}
        self._next: dict[type[models.Model], int] = {}

    def raw_table(self, model: type[models.Model]) -> "RawTable":
        if model not in self.raw:
            self.raw[model] = RawTable(model)
        return self.raw[model]

    def add(self, obj: models.Model) -> None:
        model = type(obj)
        if model not in self.tables:
            self.tables[model] = TableWriter(model, self.batch_rows)
        self.tables[model].add(obj)

    def next_id(self, model: type[models.Model]) -> int:
        if model not in self._next:
            current = model._default_manager.aggregate(top=Max("pk"))["top"] or 0
            self._next[model] = current + 1
        value = self._next[model]
        self._next[model] = value + 1
        return value

    def close(self) -> dict[str, int]:
        """Flush every table; on PostgreSQL move the sequences past the ids used and ANALYZE.
        Returns the rows written per table."""
        for table in self.tables.values():
            table.flush()
        for raw in self.raw.values():
            raw.flush()
        models_written = [*self.tables, *self.raw]
        statements = connection.ops.sequence_reset_sql(no_style(), models_written)
        with connection.cursor() as cursor:
            for sql in statements:
                cursor.execute(sql)
        analyze(models_written)
        written = {model._meta.db_table: table.written for model, table in self.tables.items()}
        return written | {model._meta.db_table: table.written for model, table in self.raw.items()}


class RawTable:
    """Rows given as tuples in the model's concrete-field order, already in database form
    (use `db_datetime`/`db_date`): for the tables with millions of rows (report values), where
    building a model instance per row would cost more than the insert itself."""

    def __init__(self, model: type[models.Model], batch_rows: int = 50_000) -> None:
        self.model = model
        self.fields = list(model._meta.concrete_fields)
        self.names = [field.attname for field in self.fields]
        self.batch_rows = batch_rows
        self.rows: list[tuple[Any, ...]] = []
        self.written = 0
        self._defaults: dict[str, Any] | None = None

    def add(self, row: tuple[Any, ...]) -> None:
        self.rows.append(row)
        if len(self.rows) >= self.batch_rows:
            self.flush()

    def add_values(self, **values: Any) -> None:
        """A row by attribute name (`meeting_id=…`), in database form; the fields not named get
        their default (auto timestamps: now), so the column order lives in one place."""
        row = dict(self._defaults if self._defaults is not None else self._prepare_defaults())
        size = len(row)
        row.update(values)  # the defaults are in column order; a known name keeps its place
        if len(row) != size:
            unknown = sorted(values.keys() - set(self.names))
            raise TypeError(f"{self.model.__name__} has no field {', '.join(unknown)}")
        self.add(tuple(row.values()))

    def _prepare_defaults(self) -> dict[str, Any]:
        stamp = db_datetime(timezone.now())
        defaults: dict[str, Any] = {}
        for field in self.fields:
            if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
                defaults[field.attname] = stamp
            elif field.has_default() or not field.null:
                defaults[field.attname] = field.get_db_prep_save(field.get_default(), connection)
            else:
                defaults[field.attname] = None
        self._defaults = defaults
        return defaults

    def flush(self) -> None:
        if not self.rows:
            return
        quote = connection.ops.quote_name
        table = quote(self.model._meta.db_table)
        columns = ", ".join(quote(field.column or field.attname) for field in self.fields)
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                with cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                    for row in self.rows:
                        copy.write_row(row)
            else:
                placeholders = ", ".join(["%s"] * len(self.fields))
                insert = f"INSERT INTO {table} ({columns}) VALUES ({placeholders})"  # noqa: S608 - quoted names
                cursor.executemany(insert, self.rows)
        self.written += len(self.rows)
        self.rows = []


def analyze(models_written: list[type[models.Model]]) -> None:
    """Fresh planner statistics for these tables, or the planner guesses from an empty table
    until autovacuum comes by (a 50× slower join plan at national scale); SQLite has no
    autovacuum to do it at all, and samples at most 1,000 rows an index (seconds, not minutes)."""
    quote = connection.ops.quote_name
    statements = ["PRAGMA analysis_limit = 1000"] if connection.vendor == "sqlite" else []
    statements += [f"ANALYZE {quote(model._meta.db_table)}" for model in models_written]
    with connection.cursor() as cursor:
        for sql in statements:
            cursor.execute(sql)


def db_datetime(value: dt.datetime) -> Any:
    return connection.ops.adapt_datetimefield_value(value)


def db_date(value: dt.date) -> Any:
    return connection.ops.adapt_datefield_value(value)


def db_time(value: dt.time) -> Any:
    return connection.ops.adapt_timefield_value(value)


@contextmanager
def foreign_keys_checked_once() -> Iterator[None]:
    """PostgreSQL: inside the generation's transaction, drop the foreign keys of the project's
    tables and add them again at the end, so that each is checked by one join over its table
    instead of one trigger per row queued until commit (tens of millions at national scale:
    minutes, and memory in the server). Adding a key validates every row: a dangling id still
    fails the generation, which rolls back with the keys as they were (DDL is transactional).
    Takes exclusive locks on those tables until the commit: the generator is the only writer.
    Elsewhere: nothing to do (SQLite checks deferred keys at commit with its own index lookups).
    """
    if connection.vendor != "postgresql":
        yield
        return
    ours = [m for m in apps.get_models(include_auto_created=True) if m.__module__.startswith("danvan.")]
    tables = sorted({m._meta.db_table for m in ours})
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # checks queued before this point run now
        cursor.execute(
            "SELECT c.conrelid::regclass::text, c.conname, pg_get_constraintdef(c.oid) FROM pg_constraint c "
            "JOIN pg_class t ON t.oid = c.conrelid "
            "WHERE c.contype = 'f' AND t.relname = ANY(%s) AND pg_table_is_visible(t.oid) ORDER BY 1, 2",
            [tables],
        )
        keys = cursor.fetchall()
        for table, name, _definition in keys:
            cursor.execute(f"ALTER TABLE {table} DROP CONSTRAINT {quote(name)}")
        cursor.execute("SET CONSTRAINTS ALL DEFERRED")
    yield
    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        for table, name, definition in keys:
            cursor.execute(f"ALTER TABLE {table} ADD CONSTRAINT {quote(name)} {definition}")
        cursor.execute("SET CONSTRAINTS ALL DEFERRED")
