"""Meetings of typed kinds, their attendees (with the post held that day) and their closing."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q


class MeetingKind(models.TextChoices):
    BRIEFING = "giao_ban", "Giao ban"
    REVIEW = "so_ket", "Sơ kết"
    SUMMARY = "tong_ket", "Tổng kết"
    WORKING = "lam_viec", "Buổi làm việc"
    CONFERENCE = "chuyen_de", "Hội nghị chuyên đề"
    DIALOGUE = "doi_thoai", "Đối thoại"
    RECEPTION = "tiep_cong_dan", "Tiếp công dân"
    CONGRESS = "dai_hoi", "Đại hội"


class MeetingStatus(models.TextChoices):
    SCHEDULED = "scheduled", "Đã lên lịch"
    HELD = "held", "Đã họp"
    CLOSED = "closed", "Đã kết thúc, có kết luận"
    CANCELLED = "cancelled", "Đã hủy"


class Meeting(models.Model):
    kind = models.CharField("loại hội nghị", max_length=16, choices=MeetingKind.choices)
    title = models.CharField("tên hội nghị", max_length=300)
    unit = models.ForeignKey(
        "territory.Unit", on_delete=models.PROTECT, related_name="+", verbose_name="đơn vị tổ chức"
    )
    unit_path = models.CharField(max_length=32, db_index=True, editable=False)
    period = models.CharField("kỳ (sơ kết, tổng kết)", max_length=12, blank=True)  # core.periods code
    starts_at = models.DateTimeField("bắt đầu", db_index=True)
    ends_at = models.DateTimeField("kết thúc", null=True, blank=True)
    place = models.CharField("địa điểm", max_length=300, blank=True)
    organizers = models.ManyToManyField(
        "orgs.Organization", related_name="organized_meetings", verbose_name="cơ quan tổ chức"
    )
    chair = models.ForeignKey(
        "orgs.Person",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="chủ trì",
    )
    chair_title = models.CharField("chức vụ của người chủ trì", max_length=300, blank=True)
    agenda = models.TextField("chương trình, nội dung", blank=True)
    other_attendees = models.PositiveIntegerField("số đại biểu khác", default=0)
    report_heard = models.CharField("báo cáo được nghe", max_length=300, blank=True)
    directive = models.ForeignKey(
        "meetings.Directive",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="meetings",
        verbose_name="thực hiện văn bản",
    )
    status = models.CharField(
        "trạng thái", max_length=12, choices=MeetingStatus.choices, default=MeetingStatus.SCHEDULED
    )
    minutes = models.TextField("biên bản", blank=True)
    conclusions = models.TextField("kết luận", blank=True)
    conclusion_notice = models.OneToOneField(
        "meetings.Directive",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="concluded_meeting",
        verbose_name="thông báo kết luận",
    )
    closed_at = models.DateTimeField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "hội nghị"
        verbose_name_plural = "hội nghị"
        ordering = ["-starts_at", "-pk"]
        indexes = [models.Index(fields=["unit_path", "starts_at"], name="meeting_path_start")]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__isnull=True) | Q(ends_at__gte=F("starts_at")),
                name="meeting_times_ordered",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_dialogue(self) -> bool:
        return self.kind == MeetingKind.DIALOGUE

    @property
    def is_open(self) -> bool:
        return self.status in (MeetingStatus.SCHEDULED, MeetingStatus.HELD)


class Attendee(models.Model):
    """A person (with the post held that day) or an organization present at a meeting."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendees")
    person = models.ForeignKey(
        "orgs.Person",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="cán bộ",
    )
    name = models.CharField("họ tên (nếu chưa có hồ sơ)", max_length=120, blank=True)
    title = models.CharField("chức vụ ngày họp", max_length=300, blank=True)
    organization = models.ForeignKey(
        "orgs.Organization",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="cơ quan, tổ chức",
    )
    present = models.BooleanField("có mặt", default=True)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = "đại biểu"
        verbose_name_plural = "đại biểu"
        ordering = ["order", "pk"]

    def __str__(self) -> str:
        who = self.person.full_name if self.person else self.name or str(self.organization or "")
        return f"{who}, {self.title}" if self.title else who
