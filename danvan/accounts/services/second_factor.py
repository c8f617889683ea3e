"""The optional second sign-in factor: an authenticator app (TOTP) and single-use recovery codes."""

from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from danvan.accounts import totp
from danvan.accounts.models import RecoveryCode, TotpDevice, User
from danvan.accounts.services.rules import user_audit_unit
from danvan.audit.services import audit_record
from danvan.core import ratelimit
from danvan.core.errors import DomainError, InvalidInput

RECOVERY_CODES = 10
# Wrong codes tolerated per user in a window, across every sign-in attempt (page and API).
MAX_FAILURES, FAILURE_WINDOW = 10, 15 * 60


def totp_enabled(user: User) -> bool:
    return TotpDevice.objects.filter(user=user, confirmed_at__isnull=False).exists()


TOTP_SETUP_FIRST = (
    "Vai trò của bạn bắt buộc dùng xác thực hai bước: hãy bật trên trang hồ sơ trước khi dùng API."
)


def totp_required(scope: Any) -> bool:
    """Whether this user's roles oblige them to use the second factor (DANVAN_TOTP_REQUIRED_ROLES)."""
    roles = set(getattr(settings, "DANVAN_TOTP_REQUIRED_ROLES", []))
    if not roles or not scope.is_authenticated:
        return False
    return bool(roles & {g.role for g in scope.grants}) or ("system_admin" in roles and scope.is_system_admin)


def totp_setup_missing(scope: Any) -> bool:
    """Required by a role but not turned on yet: the user may only set it up."""
    return totp_required(scope) and not totp_enabled(scope.user)


def totp_start(*, user: User) -> TotpDevice:
    """A new, unconfirmed secret to enter in the app (replacing an earlier unconfirmed one)."""
    if totp_enabled(user):
        raise DomainError("totp_already_enabled", _("Xác thực hai bước đã được bật cho tài khoản này."))
    device, _created = TotpDevice.objects.update_or_create(
        user=user, defaults={"secret": totp.generate_secret(), "confirmed_at": None, "last_step": 0}
    )
    return device


def totp_confirm(*, user: User, code: str) -> list[str]:
    """Turn the factor on once the app shows a matching code; returns the recovery codes, shown once."""
    with transaction.atomic():
        device = TotpDevice.objects.select_for_update().filter(user=user, confirmed_at__isnull=True).first()
        if device is None:
            raise DomainError("totp_not_started", _("Hãy bắt đầu lại việc bật xác thực hai bước."))
        step = totp.verify(device.secret, code)
        if step is None:
            raise InvalidInput(
                "totp_invalid",
                _("Mã xác thực không đúng."),
                errors={"code": [_("Mã không đúng; kiểm tra giờ của điện thoại rồi nhập mã mới.")]},
            )
        device.confirmed_at, device.last_step = timezone.now(), step
        device.save(update_fields=["confirmed_at", "last_step"])
        codes = _new_recovery_codes(user)
        audit_record(actor=user, action="user.totp_enable", obj=user, unit=user_audit_unit(user))
    return codes


def _new_recovery_codes(user: User) -> list[str]:
    RecoveryCode.objects.filter(user=user).delete()
    codes = totp.generate_recovery_codes(RECOVERY_CODES)
    RecoveryCode.objects.bulk_create(
        RecoveryCode(user=user, code_hash=totp.hash_recovery_code(c)) for c in codes
    )
    return codes


def totp_disable(*, actor: User, user: User) -> None:
    """Turn the factor off (the user, after re-entering their password; or an administrator)."""
    with transaction.atomic():
        deleted, _rows = TotpDevice.objects.filter(user=user).delete()
        RecoveryCode.objects.filter(user=user).delete()
        if deleted:
            audit_record(actor=actor, action="user.totp_disable", obj=user, unit=user_audit_unit(user))


def second_factor_check(*, user: User, code: str) -> bool:
    """At sign-in: a fresh app code or an unused recovery code. Wrong codes are rate-limited."""
    code = (code or "").strip()
    if not code or not ratelimit.hit(
        "second-factor", str(user.pk), limit=MAX_FAILURES, window=FAILURE_WINDOW
    ):
        return False
    with transaction.atomic():
        device = TotpDevice.objects.select_for_update().filter(user=user, confirmed_at__isnull=False).first()
        if device is None:
            return False
        step = totp.verify(device.secret, code, after_step=device.last_step)
        if step is not None:
            device.last_step = step
            device.save(update_fields=["last_step"])
            return True
        recovery = (
            RecoveryCode.objects.select_for_update()
            .filter(user=user, code_hash=totp.hash_recovery_code(code), used_at__isnull=True)
            .first()
        )
        if recovery is not None:
            recovery.used_at = timezone.now()
            recovery.save(update_fields=["used_at"])
            left = RecoveryCode.objects.filter(user=user, used_at__isnull=True).count()
            audit_record(
                actor=user,
                action="user.recovery_code_used",
                obj=user,
                unit=user_audit_unit(user),
                changes={"recovery_codes_left": left},
            )
            return True
    return False
