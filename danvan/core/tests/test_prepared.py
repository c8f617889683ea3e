"""Reads the ORM writes once (core/fixed_sql.Prepared): each must give what the QuerySet gives,
value for value and type for type, on SQLite and PostgreSQL alike, for every key it is called
with; a QuerySet whose keys do not reach the SQL unchanged is refused when it is prepared."""

from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from danvan.accounts.models import Grant, Role, User
from danvan.core import fixed_sql
from danvan.core.fixed_sql import Prepared
from danvan.core.tests.orm_equality import same_rows
from danvan.territory.models import Unit


def test_a_nullable_relation_left_joined_gives_none(personas: Any) -> None:
    """The system admin's grant has no unit: the row is there, its unit None, as select_related."""
    grants = Prepared(
        "test.grants", Grant, lambda user: Grant.objects.filter(user_id=user).select_related("unit")
    )
    admin = grants(personas.admin.pk)
    assert [g.role for g in admin] == [Role.SYSTEM_ADMIN] and admin[0].unit is None
    approver = grants(personas.approver.pk)
    same_rows(approver, list(Grant.objects.filter(user=personas.approver).select_related("unit")))
    assert approver[0].unit.code == personas.approver.grants.get().unit.code


def test_list_keys_of_each_length_and_text_keys(tree: Any) -> None:
    units = Prepared(
        "test.units",
        Unit,
        lambda ids, kind: Unit.objects.filter(pk__in=ids, kind=kind).values_list("code", flat=True),
    )
    one, two = [tree.commune_a.pk], [tree.commune_a.pk, tree.commune_b.pk]
    kind = tree.commune_a.kind
    assert units(one, kind) == list(Unit.objects.filter(pk__in=one, kind=kind).values_list("code", flat=True))
    assert sorted(units(two, kind)) == sorted(
        Unit.objects.filter(pk__in=two, kind=kind).values_list("code", flat=True)
    )
    assert len(units(two, kind)) == 2
    assert units(two, "không có") == []
    assert units(one, kind) == [tree.commune_a.code]  # the first shape still answers after the second


def test_lists_of_text_keys(tree: Any) -> None:
    codes = Prepared(
        "test.codes", Unit, lambda codes: Unit.objects.filter(code__in=codes).values_list("pk", flat=True)
    )
    assert codes([tree.commune_a.code]) == [tree.commune_a.pk]
    assert sorted(codes([tree.commune_a.code, tree.province.code, "khong-co"])) == sorted(
        [tree.commune_a.pk, tree.province.pk]
    )
    assert codes(["khong-co"]) == []


def test_the_sql_is_written_once_per_shape(tree: Any) -> None:
    built = []

    def build(ids: list[int]) -> Any:
        built.append(len(ids))
        return Unit.objects.filter(pk__in=ids).values_list("pk", flat=True)

    units = Prepared("test.once", Unit, build)
    for _ in range(3):
        assert units([tree.commune_a.pk]) == [tree.commune_a.pk]
        assert sorted(units([tree.commune_a.pk, tree.province.pk])) == sorted(
            [tree.commune_a.pk, tree.province.pk]
        )
    assert built == [1, 2]


def test_shapes_beyond_the_limit_are_answered_but_not_kept(tree: Any, monkeypatch: Any) -> None:
    monkeypatch.setattr(fixed_sql, "MAX_SHAPES", 2)
    built = []

    def build(ids: list[int]) -> Any:
        built.append(len(ids))
        return Unit.objects.filter(pk__in=ids).values_list("pk", flat=True)

    units = Prepared("test.limit", Unit, build)
    pk = tree.commune_a.pk
    for _ in range(2):
        for n in (1, 2, 3):
            assert units([pk] * n) == [pk]
    assert built == [1, 2, 3, 3]  # the third shape is compiled on each call, the first two once


def test_keys_beyond_any_row_give_nothing_without_asking(tree: Any) -> None:
    units = Prepared("test.range", Unit, lambda pk: Unit.objects.filter(pk=pk))
    with CaptureQueriesContext(connection) as reads:
        assert units(10**40) == [] and units(-(10**40)) == [] and units(2**63) == []
    assert not reads.captured_queries
    assert units(2**63 - 1) == [] and units(0) == []
    assert units(tree.province.pk)[0].code == tree.province.code


def test_keys_that_do_not_reach_the_sql_unchanged_are_refused(db: Any) -> None:
    contains = Prepared("test.contains", User, lambda name: User.objects.filter(username__icontains=name))
    with pytest.raises(ValueError, match=r"test\.contains: a key does not reach the SQL unchanged"):
        contains("an")
    unused = Prepared("test.unused", User, lambda pk: User.objects.all())
    with pytest.raises(ValueError, match="unchanged"):
        unused(1)
    prefetched = Prepared(
        "test.prefetch", User, lambda pk: User.objects.filter(pk=pk).prefetch_related("grants")
    )
    with pytest.raises(ValueError, match="prefetch"):
        prefetched(1)
    by_key = Prepared("test.key", User, lambda pk: User.objects.filter(pk=pk))
    for bad in (True, 1.5, [], ["a"], None):
        with pytest.raises(TypeError):
            by_key(bad)
    in_list = Prepared("test.in", User, lambda pks: User.objects.filter(pk__in=pks))
    assert in_list([1]) == []
    for bad in ([True], [1.0], [1, "2"], ["1", 2]):  # the shape of [1] is prepared: values still checked
        with pytest.raises(TypeError):
            in_list(bad)


def test_on_postgresql_the_read_is_prepared_on_the_server(tree: Any) -> None:
    """Once per connection (pg_prepared_statements lists it), and still logged as Django logs queries."""
    if connection.vendor != "postgresql":
        pytest.skip("prepared on the server on PostgreSQL only")
    units = Prepared(
        "test.server", Unit, lambda pk: Unit.objects.filter(pk=pk).values_list("code", flat=True)
    )
    with CaptureQueriesContext(connection) as reads:
        assert units(tree.province.pk) == [tree.province.code]
        assert units(tree.commune_a.pk) == [tree.commune_a.code]
    assert len(reads.captured_queries) == 2
    with connection.cursor() as cursor:
        cursor.execute("SELECT statement FROM pg_prepared_statements")
        statements = [row[0] for row in cursor.fetchall()]
    assert [s for s in statements if '"territory_unit"."code"' in s and "$1" in s]
