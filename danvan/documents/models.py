"""Generated documents (who asked for what, when, and the file) and administrators' Word templates."""

from django.conf import settings
from django.db import models
from django.db.models import Q


class Format(models.TextChoices):
    DOCX = "docx", "Word (.docx)"
    PDF = "pdf", "PDF"


class Status(models.TextChoices):
    QUEUED = "queued", "Đang chờ"
    RUNNING = "running", "Đang tạo"
    DONE = "done", "Đã xong"
    FAILED = "failed", "Không tạo được"


def document_path(instance: "GeneratedDocument", filename: str) -> str:
    return f"documents/{instance.created_at:%Y/%m}/{instance.pk}-{filename}"


class GeneratedDocument(models.Model):
    type = models.CharField("loại văn bản", max_length=40)
    parameters = models.JSONField("tham số", default=dict, blank=True)
    format = models.CharField("định dạng", max_length=8, choices=Format.choices, default=Format.DOCX)
    unit = models.ForeignKey(
        "territory.Unit", on_delete=models.PROTECT, related_name="+", verbose_name="đơn vị"
    )
    unit_path = models.CharField(max_length=32, db_index=True, editable=False)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="generated_documents",
        verbose_name="người yêu cầu",
    )
    title = models.CharField("tên văn bản", max_length=300, blank=True)
    status = models.CharField(
        "trạng thái", max_length=8, choices=Status.choices, default=Status.QUEUED, db_index=True
    )
    progress = models.PositiveSmallIntegerField("tiến độ (%)", default=0)
    error = models.TextField("lỗi", blank=True)
    file = models.FileField("tệp", upload_to=document_path, blank=True, max_length=200)
    filename = models.CharField("tên tệp tải về", max_length=200, blank=True)
    created_at = models.DateTimeField("yêu cầu lúc", auto_now_add=True)
    started_at = models.DateTimeField("bắt đầu lúc", null=True, blank=True)
    finished_at = models.DateTimeField("xong lúc", null=True, blank=True)

    class Meta:
        verbose_name = "văn bản đã tạo"
        verbose_name_plural = "văn bản đã tạo"
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["requested_by", "-created_at"])]
        constraints = [
            models.CheckConstraint(condition=Q(progress__lte=100), name="generated_document_progress_max"),
        ]

    def __str__(self) -> str:
        return self.title or f"{self.type} #{self.pk}"

    @property
    def is_pending(self) -> bool:
        return self.status in (Status.QUEUED, Status.RUNNING)

    @property
    def is_ready(self) -> bool:
        return self.status == Status.DONE and bool(self.file)


def template_path(instance: "DocumentTemplate", filename: str) -> str:
    return f"documents/templates/{instance.type}.docx"


class DocumentTemplate(models.Model):
    """An administrator's Word template replacing the default frame of one document type."""

    type = models.CharField("loại văn bản", max_length=40, unique=True)
    file = models.FileField("tệp mẫu (.docx)", upload_to=template_path, max_length=200)
    note = models.CharField("ghi chú", max_length=300, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField("cập nhật lúc", auto_now=True)

    class Meta:
        verbose_name = "mẫu văn bản"
        verbose_name_plural = "mẫu văn bản"
        ordering = ["type"]

    def __str__(self) -> str:
        return f"Mẫu {self.type}"
