"""The reads every signed-in request makes in fixed SQL (core/fixed_sql.py): the session, the user,
the grants with their units and the lineage. Each must give what the ORM gives, value for value
and type for type, on SQLite and PostgreSQL alike."""

import datetime as dt

from django.contrib.sessions.models import Session
from django.utils import timezone

from danvan.accounts.backends import AccountBackend
from danvan.accounts.models import Grant, Role, User
from danvan.accounts.scope import _grants_with_units, _lineage_paths, scope_for
from danvan.accounts.sessions import SessionStore
from danvan.accounts.tests.factories import UserFactory
from danvan.core.models import MAX_ID
from danvan.core.tests.orm_equality import same
from danvan.territory.models import UnitLineage


def test_the_user_is_read_as_the_orm_reads_it(personas):
    user = personas.approver
    user.last_login = timezone.now()
    user.save()
    same(AccountBackend().get_user(user.pk), User.objects.get(pk=user.pk))
    same(AccountBackend().get_user(str(user.pk)), User.objects.get(pk=user.pk))  # as the session keeps it


def test_no_user_for_a_bad_key_or_an_inactive_account(personas):
    backend = AccountBackend()
    for key in ("abc", "", None, 0, -1, MAX_ID + 1, 10**40, User.objects.order_by("-pk").first().pk + 1):
        assert backend.get_user(key) is None, key
    User.objects.filter(pk=personas.reporter_a.pk).update(is_active=False)
    assert backend.get_user(personas.reporter_a.pk) is None


def test_the_session_is_read_as_the_orm_reads_it(db):
    store = SessionStore()
    store["unit"] = 7
    store.create()
    row = SessionStore(store.session_key)._get_session_from_db()
    same(row, Session.objects.get(session_key=store.session_key))
    assert SessionStore(store.session_key).load() == {"unit": 7}


def test_an_expired_or_unknown_session_reads_as_none(db):
    store = SessionStore()
    store["unit"] = 7
    store.create()
    Session.objects.filter(session_key=store.session_key).update(
        expire_date=timezone.now() - dt.timedelta(seconds=1)
    )
    expired = SessionStore(store.session_key)
    assert expired.load() == {} and expired.session_key is None
    unknown = SessionStore("x" * 32)
    assert unknown.load() == {} and unknown.session_key is None
    assert Session.objects.filter(session_key=store.session_key).exists()  # reading deletes nothing


def test_grants_and_their_units_are_read_as_the_orm_reads_them(personas, tree):
    user = UserFactory(username="nhieu_quyen")
    Grant.objects.create(user=user, role=Role.VIEWER, unit=tree.province)
    Grant.objects.create(user=user, role=Role.REPORTER, unit=tree.commune_c)
    for holder, count in ((user, 2), (personas.admin, 1)):  # the admin's grant has no unit
        read = _grants_with_units(holder.pk)
        orm = list(Grant.objects.filter(user=holder).select_related("unit").order_by("pk"))
        assert len(read) == len(orm) == count
        for ours, theirs in zip(read, orm, strict=True):
            same(ours, theirs)
            if theirs.unit is None:
                assert ours.unit is None
            else:
                same(ours.unit, theirs.unit)
    assert _grants_with_units(UserFactory(username="khong_quyen").pk) == []


def test_lineage_paths_are_those_of_the_orm(tree):
    ids = [tree.province.pk, tree.commune_a.pk, tree.commune_c.pk]
    orm = UnitLineage.objects.filter(successor_id__in=ids).values_list("successor__path", "predecessor__path")
    assert sorted(_lineage_paths(ids)) == sorted(orm) and len(orm) == 2
    assert _lineage_paths([]) == []


def test_the_scope_reads_history_through_the_lineage(personas, tree):
    scope = scope_for(personas.approver)
    assert scope.covers(tree.legacy_commune, history=True)
    assert not scope.covers(tree.legacy_commune)
    assert [u.pk for u in scope.units] == [tree.province.pk]
