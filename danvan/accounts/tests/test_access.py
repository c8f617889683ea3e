"""Who sees which users, and who may grant which roles where."""

import pytest

from danvan.accounts.access import access_user, may_grant, visible_users
from danvan.accounts.models import Grant, Role, User
from danvan.accounts.scope import scope_for
from danvan.accounts.tests.factories import UserFactory, user_with_grant
from danvan.core.errors import NotFound


def names(user):
    return set(visible_users(scope_for(user)).values_list("username", flat=True))


def test_unit_admin_sees_users_whose_grants_all_lie_in_their_subtree(personas, tree, commune_admin):
    assert names(personas.unit_admin) == {
        "nhaplieu_a",
        "nhaplieu_b",
        "lanhdao_tinh",
        "quantri_tinh",
        "quantri_xa_a",
    }
    assert names(commune_admin) == {"nhaplieu_a", "quantri_xa_a"}


def test_one_grant_outside_hides_the_user(personas, tree):
    Grant.objects.create(user=personas.reporter_a, unit=tree.commune_c, role=Role.VIEWER)
    assert "nhaplieu_a" not in names(personas.unit_admin)
    with pytest.raises(NotFound):
        access_user(scope_for(personas.unit_admin), personas.reporter_a.pk)


def test_system_grants_staff_and_users_without_grants_are_hidden_from_unit_admins(personas, tree):
    Grant.objects.create(user=personas.reporter_b, unit=None, role=Role.SYSTEM_ADMIN)
    staff = user_with_grant("nhanvien_it", Role.VIEWER, tree.commune_a)
    User.objects.filter(pk=staff.pk).update(is_staff=True)
    UserFactory(username="chua_phan_quyen")
    visible = names(personas.unit_admin)
    assert not {"nhaplieu_b", "nhanvien_it", "chua_phan_quyen", "quantri"} & visible


def test_legacy_grants_are_outside_the_new_subtree(personas, tree):
    user_with_grant("cu_soc_trang", Role.REPORTER, tree.legacy_commune)
    assert "cu_soc_trang" not in names(personas.unit_admin)


def test_non_admins_see_nobody_and_system_admin_everybody(personas):
    assert names(personas.approver) == set()
    assert names(personas.reporter_a) == set()
    assert len(names(personas.admin)) == User.objects.count() == 6


def test_access_user_answers_missing_and_not_yours_alike(personas):
    scope = scope_for(personas.unit_admin)
    with pytest.raises(NotFound) as missing:
        access_user(scope, 999999)
    with pytest.raises(NotFound) as not_yours:
        access_user(scope, personas.other_approver.pk)
    assert missing.value.message == not_yours.value.message
    assert access_user(scope, personas.reporter_a.pk) == personas.reporter_a


def test_may_grant(personas, tree, commune_admin):
    province_admin = scope_for(personas.unit_admin)
    assert may_grant(province_admin, tree.commune_a, Role.UNIT_ADMIN)
    assert may_grant(province_admin, tree.province, Role.APPROVER)
    assert not may_grant(province_admin, tree.commune_c, Role.VIEWER)
    assert not may_grant(province_admin, None, Role.SYSTEM_ADMIN)
    assert not may_grant(province_admin, tree.province, Role.SYSTEM_ADMIN)
    assert not may_grant(scope_for(commune_admin), tree.province, Role.VIEWER)
    assert not may_grant(scope_for(personas.approver), tree.commune_a, Role.VIEWER)
    system = scope_for(personas.admin)
    assert may_grant(system, None, Role.SYSTEM_ADMIN) and may_grant(system, tree.commune_c, Role.UNIT_ADMIN)
    assert not may_grant(system, tree.commune_c, Role.SYSTEM_ADMIN)
