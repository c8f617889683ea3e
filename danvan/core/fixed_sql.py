"""Rows every signed-in request reads (its session, its user, the user's grants), in SQL written
once from the models' own metadata instead of built by the ORM on each request.

Building a query through the ORM (the select list, the joins, the WHERE) costs about 0,3 ms of
CPU each time, more than PostgreSQL spends answering a read by key, and every page paid it four
times before its own work began. The SQL here is plain enough for SQLite and PostgreSQL alike; the
values go through the same conversions the ORM applies (datetimes made aware on SQLite, JSON
decoded…), and instances are made with `Model.from_db`, as the ORM makes them.

Anything else keeps using the ORM: this is for the few reads on the path of every request.
"""

from collections.abc import Callable, Sequence
from typing import Any

from django.db import models
from django.db.backends.base.base import BaseDatabaseWrapper

Converter = Callable[[Any, Any, BaseDatabaseWrapper], Any]


class ModelColumns:
    """The concrete columns of `model` under a table alias, and a row's values back into a model."""

    def __init__(self, model: type[models.Model], alias: str) -> None:
        self.model = model
        self.alias = alias
        self.fields = list(model._meta.concrete_fields)
        self.attnames = [f.attname for f in self.fields]
        self._converters: dict[str, list[tuple[list[Converter], Any]]] = {}

    def __len__(self) -> int:
        return len(self.fields)

    def select(self, connection: BaseDatabaseWrapper) -> str:
        """`alias.col1, alias.col2, …` in the model's field order."""
        qn = connection.ops.quote_name
        return ", ".join(f"{qn(self.alias)}.{qn(str(f.column))}" for f in self.fields)

    def table(self, connection: BaseDatabaseWrapper) -> str:
        """`table alias`, for FROM and JOIN."""
        qn = connection.ops.quote_name
        return f"{qn(self.model._meta.db_table)} {qn(self.alias)}"

    def column(self, connection: BaseDatabaseWrapper, attname: str) -> str:
        field = next(f for f in self.fields if f.attname == attname)
        return f"{connection.ops.quote_name(self.alias)}.{connection.ops.quote_name(str(field.column))}"

    def instance(self, values: Sequence[Any], connection: BaseDatabaseWrapper) -> models.Model:
        """A model from its columns' values as the database gave them (what the ORM would build)."""
        converted = []
        for value, (converters, expression) in zip(values, self._converters_for(connection), strict=True):
            for convert in converters:
                value = convert(value, expression, connection)
            converted.append(value)
        return self.model.from_db(connection.alias, self.attnames, converted)

    def _converters_for(self, connection: BaseDatabaseWrapper) -> list[tuple[list[Converter], Any]]:
        found = self._converters.get(connection.alias)
        if found is None:
            found = []
            for field in self.fields:
                expression = field.get_col(self.alias)
                backend = connection.ops.get_db_converters(expression)
                found.append((backend + field.get_db_converters(connection), expression))
            self._converters[connection.alias] = found
        return found


_WRITTEN: dict[tuple[str, str], str] = {}


def written(connection: BaseDatabaseWrapper, name: str, write: Callable[[BaseDatabaseWrapper], str]) -> str:
    """The SQL `write` gives for this database, written once per process and database alias."""
    key = (connection.alias, name)
    sql = _WRITTEN.get(key)
    if sql is None:
        sql = _WRITTEN[key] = write(connection)
    return sql


def select_by(connection: BaseDatabaseWrapper, columns: ModelColumns, attname: str) -> str:
    """SELECT a model's columns by one of them (`= %s`): identifiers from the model, values bound."""

    def write(c: BaseDatabaseWrapper) -> str:
        where = columns.column(c, attname)
        return f"SELECT {columns.select(c)} FROM {columns.table(c)} WHERE {where} = %s"  # noqa: S608

    return written(connection, f"{columns.model._meta.label}.{columns.alias}.{attname}", write)


def fetch(connection: BaseDatabaseWrapper, sql: str, params: Sequence[Any]) -> list[tuple[Any, ...]]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()
