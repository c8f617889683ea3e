"""Tasks (nhiệm vụ) decided by a meeting, a directive or a dialogue, and their progress.

`unit_path` is the owning organization's unit (the owner's "việc được giao"); `assigner_path` the
unit that assigned it (the meeting's or the directive's): both lists of overdue tasks filter on them.
A parent's progress is the weighted average of its children, written by the service.
"""

import datetime as dt

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone


class TaskStatus(models.TextChoices):
    OPEN = "open", "Chưa thực hiện"
    IN_PROGRESS = "in_progress", "Đang thực hiện"
    DONE = "done", "Hoàn thành"
    CANCELLED = "cancelled", "Hủy bỏ"


OPEN_STATUSES = (TaskStatus.OPEN, TaskStatus.IN_PROGRESS)


class Task(models.Model):
    title = models.CharField("nhiệm vụ", max_length=500)
    description = models.TextField("nội dung, yêu cầu", blank=True)
    meeting = models.ForeignKey(
        "meetings.Meeting", null=True, blank=True, on_delete=models.PROTECT, related_name="tasks"
    )
    directive = models.ForeignKey(
        "meetings.Directive",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="tasks",
        verbose_name="thực hiện văn bản",
    )
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="children", verbose_name="thuộc"
    )
    weight = models.PositiveSmallIntegerField("trọng số", default=1)
    owner = models.ForeignKey(
        "orgs.Organization", on_delete=models.PROTECT, related_name="tasks", verbose_name="cơ quan chủ trì"
    )
    owner_person = models.ForeignKey(
        "orgs.Person",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="người phụ trách",
    )
    unit_path = models.CharField(max_length=32, db_index=True, editable=False)
    assigner = models.ForeignKey(
        "orgs.Organization",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="assigned_tasks",
        verbose_name="cơ quan giao",
    )
    assigner_path = models.CharField(max_length=32, db_index=True, editable=False)
    deadline = models.DateField("hạn hoàn thành", db_index=True)
    status = models.CharField(
        "trạng thái", max_length=12, choices=TaskStatus.choices, default=TaskStatus.OPEN
    )
    progress = models.PositiveSmallIntegerField("tiến độ (%)", default=0)
    done_on = models.DateField("ngày hoàn thành", null=True, blank=True)
    last_reminded_on = models.DateField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "nhiệm vụ"
        verbose_name_plural = "nhiệm vụ"
        ordering = ["deadline", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(progress__lte=100), name="task_progress_percent"),
        ]

    def __str__(self) -> str:
        return self.title

    def is_overdue(self, today: dt.date) -> bool:
        return self.status in OPEN_STATUSES and self.deadline < today

    @property
    def overdue_now(self) -> bool:
        return self.is_overdue(timezone.localdate())


class TaskUpdate(models.Model):
    """A progress report on a task, with evidence (a file or a link)."""

    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="updates")
    on_date = models.DateField("ngày")
    progress = models.PositiveSmallIntegerField("tiến độ (%)")
    note = models.TextField("kết quả thực hiện")
    evidence = models.FileField("tệp minh chứng", upload_to="meetings/evidence/%Y/%m/", blank=True)
    evidence_link = models.URLField("đường dẫn minh chứng", blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "cập nhật tiến độ"
        verbose_name_plural = "cập nhật tiến độ"
        ordering = ["-on_date", "-pk"]

    def __str__(self) -> str:
        return f"{self.task} — {self.progress}%"
