"""Giving and taking back roles on units."""

import datetime as dt

from django.db import transaction
from django.utils.translation import gettext as _

from danvan.accounts.access import may_grant
from danvan.accounts.models import Grant, User
from danvan.accounts.scope import UserScope
from danvan.accounts.services.rules import GrantSpec, grant_problems
from danvan.audit.services import audit_record
from danvan.core.errors import DomainError, InvalidInput
from danvan.territory.models import Unit


def grant_add(*, scope: UserScope, user: User, unit: Unit | None, role: str) -> Grant:
    spec = GrantSpec(unit=unit, role=role)
    with transaction.atomic():
        problems = grant_problems(scope, spec, dt.date.today())
        if problems:
            raise InvalidInput("grant_not_allowed", problems[0], errors={"role": problems})
        if user.grants.filter(unit=unit, role=role, organization__isnull=True).exists():
            raise InvalidInput(
                "grant_exists", _("Người dùng đã có quyền này."), errors={"role": [_("Quyền này đã có.")]}
            )
        grant = Grant.objects.create(user=user, unit=unit, role=role, created_by=scope.user)
        audit_record(
            actor=scope.user,
            action="grant.add",
            obj=grant,
            unit=unit,
            changes={"user": user.username, "role": role, "unit": unit.code if unit else None},
        )
    return grant


def grant_remove(*, scope: UserScope, grant: Grant) -> None:
    """Take back a grant. A user keeps at least one (deactivate instead), and nobody removes their own."""
    with transaction.atomic():
        user = grant.user
        if scope.user is not None and user.pk == scope.user.pk:
            raise DomainError("grant_self", _("Bạn không thể tự gỡ quyền của chính mình."))
        if not may_grant(scope, grant.unit, grant.role):
            raise DomainError("grant_not_allowed", _("Bạn không được gỡ quyền này."))
        User.objects.select_for_update().filter(pk=user.pk).first()  # one grant change per user at a time
        if not Grant.objects.filter(user=user).exclude(pk=grant.pk).exists():
            raise DomainError(
                "grant_last",
                _("Không thể gỡ quyền cuối cùng của người dùng; hãy vô hiệu hóa tài khoản nếu cần."),
            )
        audit_record(
            actor=scope.user,
            action="grant.remove",
            obj=grant,
            unit=grant.unit,
            changes={
                "user": user.username,
                "role": grant.role,
                "unit": grant.unit.code if grant.unit else None,
            },
        )
        grant.delete()
