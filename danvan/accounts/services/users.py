"""Creating, editing and deactivating users, and setting their passwords."""

import datetime as dt
from collections.abc import Sequence

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from danvan.accounts.models import ApiToken, Grant, User
from danvan.accounts.scope import UserScope
from danvan.accounts.services.rules import (
    GrantSpec,
    audit_unit,
    check_grant_specs,
    clean_email,
    clean_username,
    password_problems,
    user_audit_unit,
    username_taken,
)
from danvan.audit.services import apply_changes, audit_record
from danvan.core.errors import Conflict, DomainError, InvalidInput


def _invalid(errors: dict[str, list[str]]) -> None:
    errors = {field: messages for field, messages in errors.items() if messages}
    if errors:
        raise InvalidInput(
            "invalid_user", _("Thông tin người dùng chưa hợp lệ, xem chi tiết từng ô."), errors=errors
        )


def user_create(
    *,
    scope: UserScope,
    username: str,
    full_name: str,
    password: str,
    email: str = "",
    grants: Sequence[GrantSpec],
) -> User:
    user = _checked_new_user(scope, username, full_name, email, password, grants)
    user.set_password(password)  # slow by design: before the write transaction, not inside it
    try:
        with transaction.atomic():
            user.save()
            for spec in grants:
                Grant.objects.create(user=user, unit=spec.unit, role=spec.role, created_by=scope.user)
            audit_record(
                actor=scope.user,
                action="user.create",
                obj=user,
                unit=audit_unit(spec.unit for spec in grants),
                changes={
                    "username": user.username,
                    "full_name": user.full_name,
                    "email": user.email,
                    "grants": [spec.label() for spec in grants],
                },
            )
    except IntegrityError as exc:  # the same username created meanwhile
        raise _taken(user.username) from exc
    return user


def _checked_new_user(
    scope: UserScope, username: str, full_name: str, email: str, password: str, grants: Sequence[GrantSpec]
) -> User:
    """The unsaved user, once every field and grant passed; all problems are reported together."""
    username, username_errors = clean_username(username)
    full_name = " ".join((full_name or "").split())
    email, email_errors = clean_email(email)
    if not username_errors and username_taken(username):
        raise _taken(username)
    user = User(username=username, full_name=full_name, email=email)
    _invalid(
        {
            "username": username_errors,
            "full_name": [] if full_name else [_("Nhập họ và tên.")],
            "email": email_errors,
            "password": password_problems(password, user),
            "grants": check_grant_specs(scope, grants, dt.date.today()),
        }
    )
    user.search_folded = user.folded_search_text()
    return user


def _taken(username: str) -> Conflict:
    return Conflict(
        "username_taken",
        _("Tên đăng nhập «%(username)s» đã có người dùng.") % {"username": username},
        errors={"username": [_("Tên đăng nhập này đã có người dùng.")]},
    )


def user_update(*, actor: User, user: User, full_name: str, email: str, is_active: bool) -> User:
    full_name = " ".join((full_name or "").split())
    email, email_errors = clean_email(email)
    _invalid({"full_name": [] if full_name else [_("Nhập họ và tên.")], "email": email_errors})
    if not is_active and user.pk == actor.pk:
        raise DomainError("deactivate_self", _("Bạn không thể tự vô hiệu hóa tài khoản của mình."))
    with transaction.atomic():
        changes = apply_changes(user, {"full_name": full_name, "email": email, "is_active": is_active})
        if not changes:
            return user
        user.search_folded = user.folded_search_text()
        user.save(update_fields=[*changes, "search_folded"])
        if "is_active" in changes and not is_active:
            changes["tokens_revoked"] = [0, _revoke_tokens(user)]
        audit_record(actor=actor, action="user.update", obj=user, unit=user_audit_unit(user), changes=changes)
    return user


def user_set_password(*, actor: User, user: User, password: str) -> User:
    """Set a new password (the user's own change, a reset, or an admin's). Other sessions end."""
    problems = password_problems(password, user)
    if problems:
        raise InvalidInput("weak_password", _("Mật khẩu chưa đạt yêu cầu."), errors={"password": problems})
    user.set_password(password)
    with transaction.atomic():
        user.save(update_fields=["password"])
        audit_record(actor=actor, action="user.set_password", obj=user, unit=user_audit_unit(user))
    return user


def user_deactivate(*, actor: User, user: User) -> User:
    """Deactivate, never delete: the user can no longer log in and their API tokens are revoked."""
    if user.pk == actor.pk:
        raise DomainError("deactivate_self", _("Bạn không thể tự vô hiệu hóa tài khoản của mình."))
    if not user.is_active:
        raise DomainError("already_inactive", _("Tài khoản này đã bị vô hiệu hóa."))
    with transaction.atomic():
        changes = apply_changes(user, {"is_active": False})
        user.save(update_fields=["is_active"])
        changes["tokens_revoked"] = [0, _revoke_tokens(user)]
        audit_record(
            actor=actor, action="user.deactivate", obj=user, unit=user_audit_unit(user), changes=changes
        )
    return user


def _revoke_tokens(user: User) -> int:
    return ApiToken.objects.filter(user=user, revoked_at__isnull=True).update(revoked_at=timezone.now())
