"""API tokens: the secret is shown once; only its SHA-256 and a short prefix are kept."""

import datetime as dt
import secrets

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from danvan.accounts.auth import TOKEN_PREFIX, hash_token
from danvan.accounts.models import ApiToken, User
from danvan.accounts.services.rules import user_audit_unit
from danvan.audit.services import audit_record
from danvan.core.errors import DomainError, InvalidInput

MAX_TOKEN_DAYS = 365
PREFIX_LENGTH = 12


def token_create(
    *, user: User, name: str, scope: str = ApiToken.Scope.WRITE, days: int | None = None
) -> tuple[ApiToken, str]:
    """Create a token for `user`; return it with its secret, which is never shown again."""
    name = " ".join((name or "").split())
    days = settings.DANVAN_API_TOKEN_DAYS if days is None else days
    _check_token_input(name, scope, days)
    secret = TOKEN_PREFIX + secrets.token_urlsafe(32)
    with transaction.atomic():
        token = ApiToken.objects.create(
            user=user,
            name=name,
            prefix=secret[:PREFIX_LENGTH],
            key_hash=hash_token(secret),
            scope=scope,
            expires_at=timezone.now() + dt.timedelta(days=days),
        )
        audit_record(
            actor=user,
            action="token.create",
            obj=token,
            unit=user_audit_unit(user),
            changes={"name": name, "scope": scope, "expires_at": token.expires_at},
        )
    return token, secret


def _check_token_input(name: str, scope: str, days: int) -> None:
    errors: dict[str, list[str]] = {}
    if not name or len(name) > 80:
        errors["name"] = [_("Đặt tên cho khóa (tối đa 80 ký tự), ví dụ: «Máy tổng hợp báo cáo».")]
    if scope not in ApiToken.Scope.values:
        errors["scope"] = [_("Phạm vi không hợp lệ.")]
    if not 1 <= days <= MAX_TOKEN_DAYS:
        errors["days"] = [_("Thời hạn từ 1 đến %(max)d ngày.") % {"max": MAX_TOKEN_DAYS}]
    if errors:
        raise InvalidInput("invalid_token", _("Thông tin khóa API chưa hợp lệ."), errors=errors)


def token_revoke(*, actor: User, token: ApiToken) -> ApiToken:
    if token.revoked_at is not None:
        raise DomainError("token_revoked", _("Khóa này đã bị thu hồi trước đó."))
    with transaction.atomic():
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
        audit_record(
            actor=actor,
            action="token.revoke",
            obj=token,
            unit=user_audit_unit(token.user),
            changes={"revoked_at": [None, token.revoked_at]},
        )
    return token
