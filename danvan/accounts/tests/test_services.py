"""Rules of the services that the pages and the API share."""

import pytest

from danvan.accounts.models import Role, User
from danvan.accounts.scope import scope_for
from danvan.accounts.services import GrantSpec, grant_add, user_create, user_set_password, user_update
from danvan.accounts.services.rules import audit_unit
from danvan.audit.models import AuditEvent
from danvan.core.errors import Conflict, DomainError

STRONG = "Mat-khau-ban-dau-2026"


def test_audit_unit_is_the_deepest_unit_holding_all_grants(tree):
    assert audit_unit([tree.commune_a]) == tree.commune_a
    assert audit_unit([tree.commune_a, tree.commune_b]) == tree.province
    assert audit_unit([tree.commune_a, tree.province]) == tree.province
    assert audit_unit([tree.commune_a, tree.commune_c]) is None
    assert audit_unit([tree.commune_a, None]) is None
    assert audit_unit([]) is None


def test_user_create_reports_every_field_at_once(personas, tree, unchanged):
    scope = scope_for(personas.unit_admin)
    with unchanged(), pytest.raises(DomainError) as caught:
        user_create(
            scope=scope,
            username="hợp lệ?",
            full_name="  ",
            password="123",
            email="x@",
            grants=[GrantSpec(tree.commune_c, Role.VIEWER), GrantSpec(tree.province, Role.SYSTEM_ADMIN)],
        )
    assert caught.value.status == 422 and caught.value.code == "invalid_user"
    assert set(caught.value.errors) == {"username", "full_name", "email", "password", "grants"}
    assert len(caught.value.errors["grants"]) == 2


def test_user_create_normalizes_and_checks_case_insensitive_duplicates(personas, tree, unchanged):
    scope = scope_for(personas.unit_admin)
    user = user_create(
        scope=scope,
        username=" moi.nguoi ",
        full_name="  Hoàng   Thị  Mai ",
        password=STRONG,
        email="Mai@Example.VN",
        grants=[GrantSpec(tree.commune_a, Role.VIEWER)],
    )
    assert (user.username, user.full_name, user.email) == ("moi.nguoi", "Hoàng Thị Mai", "Mai@example.vn")
    with unchanged(), pytest.raises(Conflict):
        user_create(
            scope=scope,
            username="MOI.NGUOI",
            full_name="Khác",
            password=STRONG,
            grants=[GrantSpec(tree.commune_a, Role.VIEWER)],
        )


def test_grants_on_legacy_units_are_refused_even_to_system_admins(personas, tree, unchanged):
    with unchanged(), pytest.raises(DomainError) as caught:
        grant_add(
            scope=scope_for(personas.admin), user=personas.reporter_a, unit=tree.legacy_commune, role="viewer"
        )
    assert "đã hết hiệu lực" in caught.value.message


def test_user_update_without_change_writes_nothing(personas, unchanged):
    user = User.objects.get(pk=personas.reporter_a.pk)
    with unchanged():
        user_update(
            actor=personas.unit_admin, user=user, full_name=user.full_name, email=user.email, is_active=True
        )


def test_reactivation_through_update(personas):
    user = User.objects.get(pk=personas.reporter_a.pk)
    user_update(
        actor=personas.unit_admin, user=user, full_name=user.full_name, email=user.email, is_active=False
    )
    user_update(
        actor=personas.unit_admin, user=user, full_name=user.full_name, email=user.email, is_active=True
    )
    assert User.objects.get(pk=user.pk).is_active
    changes = [e.changes for e in AuditEvent.objects.filter(action="user.update").order_by("id")]
    assert changes == [{"is_active": [True, False], "tokens_revoked": [0, 0]}, {"is_active": [False, True]}]


def test_no_password_ever_reaches_the_audit_log(personas, tree):
    scope = scope_for(personas.admin)
    user = user_create(
        scope=scope,
        username="bi.mat",
        full_name="Bí Mật",
        password=STRONG,
        grants=[GrantSpec(None, "system_admin")],
    )
    user_set_password(actor=personas.admin, user=user, password=STRONG + "-2")
    logged = str(list(AuditEvent.objects.values_list("changes", flat=True)))
    assert STRONG not in logged and "pbkdf2" not in logged and "md5$" not in logged
