"""Organizations attached to units, people, and the (often several) positions they hold."""

import datetime as dt

from django.db import models
from django.db.models import Q


class OrganizationKind(models.Model):
    """A configurable kind of organization (Đảng ủy, Ủy ban MTTQ, Hội Nông dân, trường học…)."""

    code = models.SlugField("mã", max_length=40, unique=True)
    name = models.CharField("tên loại", max_length=120)
    order = models.PositiveSmallIntegerField("thứ tự", default=100)
    is_active = models.BooleanField("đang dùng", default=True)
    is_historic = models.BooleanField(
        "chỉ cho tổ chức trước năm 2025",
        default=False,
        help_text="Loại của bộ máy cũ (như Ban Dân vận trước năm 2025); tổ chức loại này có ngày kết thúc.",
    )

    class Meta:
        verbose_name = "loại tổ chức"
        verbose_name_plural = "loại tổ chức"
        ordering = ["order", "name"]

    def __str__(self) -> str:
        return self.name


class Organization(models.Model):
    unit = models.ForeignKey(
        "territory.Unit", on_delete=models.PROTECT, related_name="organizations", verbose_name="địa bàn"
    )
    kind = models.ForeignKey(
        OrganizationKind, on_delete=models.PROTECT, related_name="organizations", verbose_name="loại"
    )
    name = models.CharField("tên", max_length=200)
    short_name = models.CharField("tên viết tắt", max_length=60, blank=True)
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        verbose_name="tổ chức cấp trên",
    )
    valid_from = models.DateField("hoạt động từ", null=True, blank=True)
    valid_to = models.DateField("hoạt động đến", null=True, blank=True)
    name_folded = models.CharField(max_length=200, db_index=True, editable=False)
    sort_key = models.CharField(max_length=500, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "tổ chức"
        verbose_name_plural = "tổ chức"
        ordering = ["sort_key"]
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "name_folded"],
                condition=Q(valid_to__isnull=True),
                name="organization_name_unique_in_unit",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def is_active_on(self, day: dt.date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_to is None or self.valid_to >= day
        )


class Person(models.Model):
    """A person who holds positions. Personal data kept to what the work needs."""

    class Gender(models.TextChoices):
        MALE = "male", "Nam"
        FEMALE = "female", "Nữ"

    full_name = models.CharField("họ và tên", max_length=120)
    gender = models.CharField("giới tính", max_length=8, choices=Gender.choices, blank=True)
    birth_year = models.PositiveSmallIntegerField("năm sinh", null=True, blank=True)
    home_unit = models.ForeignKey(
        "territory.Unit",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="people",
        verbose_name="địa bàn quản lý hồ sơ",
    )
    name_folded = models.CharField(max_length=120, db_index=True, editable=False)
    sort_key = models.CharField(max_length=300, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "cán bộ"
        verbose_name_plural = "cán bộ"
        ordering = ["sort_key"]

    def __str__(self) -> str:
        return self.full_name


class Position(models.Model):
    """A post a person holds in an organization between two dates (end empty: still held)."""

    person = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="positions", verbose_name="cán bộ"
    )
    organization = models.ForeignKey(
        Organization, on_delete=models.PROTECT, related_name="positions", verbose_name="tổ chức"
    )
    title = models.CharField("chức vụ", max_length=160)
    start_date = models.DateField("từ ngày", null=True, blank=True)
    end_date = models.DateField("đến ngày", null=True, blank=True)
    note = models.CharField("ghi chú, nguồn", max_length=255, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "chức vụ"
        verbose_name_plural = "chức vụ"
        ordering = ["-start_date", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True)
                | Q(start_date__isnull=True)
                | Q(end_date__gte=models.F("start_date")),
                name="position_dates_ordered",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title}, {self.organization}"

    def is_held_on(self, day: dt.date) -> bool:
        return (self.start_date is None or self.start_date <= day) and (
            self.end_date is None or self.end_date >= day
        )


class UnitSetting(models.Model):
    """Per-unit settings; `records_keeper` is the body that keeps the unit's dân vận records."""

    unit = models.OneToOneField("territory.Unit", on_delete=models.CASCADE, related_name="setting")
    records_keeper = models.ForeignKey(
        Organization,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="cơ quan giữ hồ sơ dân vận",
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "thiết lập của đơn vị"
        verbose_name_plural = "thiết lập của đơn vị"

    def __str__(self) -> str:
        return f"Thiết lập {self.unit}"
