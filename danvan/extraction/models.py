"""Imported texts, their extraction and review, the drafts created from them, batch imports."""

from django.conf import settings
from django.db import models


class Status(models.TextChoices):
    EXTRACTED = "extracted", "Chờ rà soát"
    REVIEWED = "reviewed", "Đã rà soát"
    CONFIRMED = "confirmed", "Đã xác nhận, đã tạo bản nháp"


class ImportBatch(models.Model):
    class State(models.TextChoices):
        QUEUED = "queued", "Đang chờ"
        RUNNING = "running", "Đang xử lý"
        DONE = "done", "Xong"
        FAILED = "failed", "Lỗi"

    file_name = models.CharField("tệp", max_length=255)
    payload = models.BinaryField("nội dung tệp .zip", editable=False)
    state = models.CharField("trạng thái", max_length=10, choices=State.choices, default=State.QUEUED)
    total = models.PositiveIntegerField("số văn bản", default=0)
    processed = models.PositiveIntegerField("đã xử lý", default=0)
    failed = models.PositiveIntegerField("lỗi", default=0)
    messages = models.JSONField("thông báo theo tệp", default=list)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "đợt nhập nhiều văn bản"
        verbose_name_plural = "đợt nhập nhiều văn bản"
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.file_name

    @property
    def percent(self) -> int:
        return (
            round(100 * self.processed / self.total)
            if self.total
            else (100 if self.state == self.State.DONE else 0)
        )


class ImportedText(models.Model):
    source_text = models.TextField("văn bản")
    file_name = models.CharField("tệp", max_length=255, blank=True)
    kind = models.CharField("loại", max_length=8)
    extraction = models.JSONField("kết quả trích xuất")
    reviewed = models.JSONField("kết quả đã rà soát", null=True, blank=True)
    status = models.CharField("trạng thái", max_length=10, choices=Status.choices, default=Status.EXTRACTED)
    batch = models.ForeignKey(
        ImportBatch, null=True, blank=True, on_delete=models.SET_NULL, related_name="texts"
    )
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    confirmed_at = models.DateTimeField(null=True, blank=True)
    # the unit the drafts were created for: who may read that unit may read the text they came from
    unit = models.ForeignKey(
        "territory.Unit", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = "văn bản nhập"
        verbose_name_plural = "văn bản nhập"
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["created_by", "-created_at"])]

    def __str__(self) -> str:
        return self.file_name or self.source_text[:60]

    @property
    def current(self) -> dict:
        """What the review page shows: the reviewed items if any, else the extraction."""
        return self.reviewed or self.extraction


class DraftRecord(models.Model):
    """One record created (or skipped, with the reason) in a domain app from a confirmed text."""

    class Outcome(models.TextChoices):
        CREATED = "created", "Đã tạo"
        ADDED = "added", "Đã nhập thêm vào"
        SKIPPED = "skipped", "Bỏ qua"

    imported_text = models.ForeignKey(ImportedText, on_delete=models.CASCADE, related_name="drafts")
    target = models.CharField("loại bản ghi", max_length=60)  # "practices.practice", "meetings", …
    object_id = models.CharField(max_length=40, blank=True)
    outcome = models.CharField(max_length=8, choices=Outcome.choices)
    message = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "bản nháp tạo từ văn bản"
        verbose_name_plural = "bản nháp tạo từ văn bản"
        ordering = ["pk"]

    def __str__(self) -> str:
        return f"{self.target} {self.object_id or self.outcome}"
