"""Users, their grants on units of the tree, API tokens and second factors."""

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.db.models import Q

from danvan.core.text import fold


class Role(models.TextChoices):
    VIEWER = "viewer", "Xem"
    REPORTER = "reporter", "Nhập liệu"
    APPROVER = "approver", "Lãnh đạo duyệt"
    UNIT_ADMIN = "unit_admin", "Quản trị đơn vị"
    SYSTEM_ADMIN = "system_admin", "Quản trị hệ thống"


# Each role includes the rights of those ranked below it.
ROLE_RANK = {Role.VIEWER: 1, Role.REPORTER: 2, Role.APPROVER: 3, Role.UNIT_ADMIN: 4, Role.SYSTEM_ADMIN: 5}


class User(AbstractUser):
    full_name = models.CharField("họ và tên", max_length=120, blank=True)
    # fold(username + full name), kept by the services, so search is accent-insensitive on any database.
    search_folded = models.CharField(max_length=300, blank=True, db_index=True, editable=False)

    class Meta:
        verbose_name = "người dùng"
        verbose_name_plural = "người dùng"

    def __str__(self) -> str:
        return self.full_name or self.username

    def folded_search_text(self) -> str:
        return fold(f"{self.username} {self.full_name}")


class Grant(models.Model):
    """A role on a unit (optionally within one organization) covering the unit's whole subtree.

    A system_admin grant has no unit: it covers the whole country.
    """

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="grants")
    unit = models.ForeignKey(
        "territory.Unit",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="grants",
        verbose_name="đơn vị",
    )
    organization = models.ForeignKey(
        "orgs.Organization",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="grants",
        verbose_name="tổ chức",
    )
    role = models.CharField("vai trò", max_length=16, choices=Role.choices)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        verbose_name = "phân quyền"
        verbose_name_plural = "phân quyền"
        constraints = [
            models.CheckConstraint(
                condition=Q(role="system_admin") | Q(unit__isnull=False),
                name="grant_unit_required_below_system",
            ),
            models.UniqueConstraint(fields=["user", "unit", "organization", "role"], name="grant_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.user} — {self.get_role_display()} — {self.unit or 'toàn quốc'}"


class ApiToken(models.Model):
    """A bearer token for /api/v1. Only a hash of the secret is stored."""

    class Scope(models.TextChoices):
        READ = "read", "Chỉ đọc"
        WRITE = "write", "Đọc và ghi"

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField("tên", max_length=80)
    prefix = models.CharField(max_length=12, db_index=True)
    key_hash = models.CharField(max_length=64, unique=True)
    scope = models.CharField("phạm vi", max_length=8, choices=Scope.choices, default=Scope.WRITE)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField("hết hạn", null=True, blank=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "khóa API"
        verbose_name_plural = "khóa API"

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"


class TotpDevice(models.Model):
    """A user's authenticator app (optional second factor). Confirmed once a first code matched."""

    user = models.OneToOneField(User, on_delete=models.CASCADE, related_name="totp_device")
    secret = models.CharField(max_length=64)  # base32; must be readable to compute codes
    confirmed_at = models.DateTimeField(null=True, blank=True)
    last_step = models.BigIntegerField(default=0)  # the last time step used: a code works once
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "ứng dụng xác thực"
        verbose_name_plural = "ứng dụng xác thực"

    def __str__(self) -> str:
        return f"TOTP {self.user}"


class RecoveryCode(models.Model):
    """A single-use code to sign in without the authenticator app. Only a hash is stored."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="recovery_codes")
    code_hash = models.CharField(max_length=64, db_index=True)
    used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "mã dự phòng"
        verbose_name_plural = "mã dự phòng"

    def __str__(self) -> str:
        return f"mã dự phòng của {self.user}"
