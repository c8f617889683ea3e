"""Citizen reception by heads of party committees (Quy định 11-QĐi/TW): a schedule per head with
its published time, the sessions (planned, held, cancelled) and what each session received.

A commune head receives citizens at least 2 days a month, a provincial head at least 1 day:
`min_days_per_month` is set from the unit's level and may be raised, never lowered below that.
"""

from django.conf import settings
from django.db import models
from django.db.models import F, Q


class ReceptionSchedule(models.Model):
    head = models.ForeignKey(
        "orgs.Person", on_delete=models.PROTECT, related_name="+", verbose_name="người đứng đầu"
    )
    head_title = models.CharField("chức vụ", max_length=300)
    organization = models.ForeignKey(
        "orgs.Organization", on_delete=models.PROTECT, related_name="+", verbose_name="cấp ủy"
    )
    unit = models.ForeignKey(
        "territory.Unit", on_delete=models.PROTECT, related_name="+", verbose_name="đơn vị"
    )
    unit_path = models.CharField(max_length=32, db_index=True, editable=False)
    published_time = models.CharField("thời gian công bố", max_length=300)
    place = models.CharField("địa điểm tiếp dân", max_length=300)
    min_days_per_month = models.PositiveSmallIntegerField("số ngày tối thiểu mỗi tháng")
    is_active = models.BooleanField("đang áp dụng", default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "lịch tiếp công dân"
        verbose_name_plural = "lịch tiếp công dân"
        ordering = ["unit_path", "pk"]

    def __str__(self) -> str:
        return f"{self.head.full_name} — {self.head_title}"


class SessionStatus(models.TextChoices):
    PLANNED = "planned", "Đã lên lịch"
    HELD = "held", "Đã tiếp"
    CANCELLED = "cancelled", "Hủy, hoãn"


class ReceptionSession(models.Model):
    schedule = models.ForeignKey(ReceptionSchedule, on_delete=models.PROTECT, related_name="sessions")
    unit_path = models.CharField(max_length=32, db_index=True, editable=False)
    day = models.DateField("ngày tiếp", db_index=True)
    starts = models.TimeField("từ")
    ends = models.TimeField("đến")
    place = models.CharField("địa điểm", max_length=300, blank=True)
    status = models.CharField(
        "trạng thái", max_length=12, choices=SessionStatus.choices, default=SessionStatus.PLANNED
    )
    citizens = models.PositiveIntegerField("số lượt công dân", default=0)
    summary = models.TextField("ghi chép buổi tiếp", blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = "buổi tiếp công dân"
        verbose_name_plural = "buổi tiếp công dân"
        ordering = ["day", "starts"]
        constraints = [
            models.CheckConstraint(condition=Q(ends__gt=F("starts")), name="reception_times_ordered"),
            models.UniqueConstraint(fields=["schedule", "day"], name="reception_one_session_a_day"),
        ]

    def __str__(self) -> str:
        return f"{self.schedule.head.full_name} {self.day:%d/%m/%Y}"


class ReceptionCase(models.Model):
    """Who came, about what, and what follows. Personal data: seen only inside the unit's scope."""

    session = models.ForeignKey(ReceptionSession, on_delete=models.CASCADE, related_name="cases")
    visitor = models.CharField("công dân", max_length=200)
    subject = models.CharField("nội dung", max_length=500)
    followup = models.TextField("hướng xử lý", blank=True)
    followup_task = models.OneToOneField(
        "meetings.Task", null=True, blank=True, on_delete=models.SET_NULL, related_name="reception_case"
    )

    class Meta:
        verbose_name = "lượt tiếp"
        verbose_name_plural = "lượt tiếp"
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.subject
