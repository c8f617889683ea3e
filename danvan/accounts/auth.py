"""Bearer-token authentication of /api/v1 requests."""

import hashlib
from typing import Any

from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja.security import HttpBearer

from danvan.accounts.models import ApiToken
from danvan.accounts.scope import scope_for
from danvan.core.errors import PermissionDenied

TOKEN_PREFIX = "dv_"


def hash_token(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


class BearerTokenAuth(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> Any:
        if not token.startswith(TOKEN_PREFIX) or len(token) > 200:
            return None
        api_token = (
            ApiToken.objects.select_related("user")
            .filter(key_hash=hash_token(token), revoked_at__isnull=True)
            .first()
        )
        now = timezone.now()
        if api_token is None or not api_token.user.is_active:
            return None
        if api_token.expires_at is not None and api_token.expires_at <= now:
            return None
        if request.method not in ("GET", "HEAD", "OPTIONS") and api_token.scope == ApiToken.Scope.READ:
            raise PermissionDenied(_("Khóa API này chỉ được đọc dữ liệu; hãy dùng khóa có quyền ghi."))
        if api_token.last_used_at is None or (now - api_token.last_used_at).total_seconds() > 60:
            ApiToken.objects.filter(pk=api_token.pk).update(last_used_at=now)
        request.user = api_token.user
        request.scope = scope_for(api_token.user)  # type: ignore[attr-defined]
        from danvan.accounts.services.second_factor import TOTP_SETUP_FIRST, totp_setup_missing  # cycle

        if totp_setup_missing(request.scope):  # type: ignore[attr-defined]
            raise PermissionDenied(_(TOTP_SETUP_FIRST))
        request.api_token = api_token  # type: ignore[attr-defined]
        return api_token.user
