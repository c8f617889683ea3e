"""Tests' check that a read gives what the ORM gives: the same model, the same loaded fields
(deferred ones stay deferred), equal values of equal types; for rows of `.values()` and
`.values_list()`, equal rows with values of equal types. Used by the tests of the prepared reads
(core/fixed_sql.py) in every app."""

from typing import Any

from django.db.models import Model


def same(ours: Model, theirs: Model) -> None:
    """Same model, same loaded fields (deferred ones stay deferred), equal values of equal types."""
    assert type(ours) is type(theirs) and ours._state.db == theirs._state.db and not ours._state.adding
    assert ours.get_deferred_fields() == theirs.get_deferred_fields()
    for field in type(theirs)._meta.concrete_fields:
        if field.attname in theirs.get_deferred_fields():
            continue
        mine, orm = getattr(ours, field.attname), getattr(theirs, field.attname)
        assert mine == orm and type(mine) is type(orm), field.attname


def same_rows(ours: list[Any], theirs: list[Any]) -> None:
    assert len(ours) == len(theirs)
    for mine, orm in zip(ours, theirs, strict=True):
        if isinstance(orm, Model):
            same(mine, orm)
        else:
            assert mine == orm
            assert [type(v) for v in _values(mine)] == [type(v) for v in _values(orm)]


def _values(row: Any) -> list[Any]:
    return list(row.values()) if isinstance(row, dict) else list(row) if isinstance(row, tuple) else [row]
