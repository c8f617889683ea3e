"""Citizen opinions, complaints and denunciations: intake, routing, statutory clocks, answers.

See domain.md §6. The clocks are data (`ClockRule`, versioned by effective date) computed on a
working-day calendar (`Holiday`) that admins maintain per year; the pure arithmetic is in
`clocks.py`. A denouncer's identity is readable only by the handlers assigned to the item.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone


class Kind(models.TextChoices):
    OPINION = "opinion", "Ý kiến"
    RECOMMENDATION = "recommendation", "Kiến nghị"
    REPORT = "report", "Phản ánh"
    COMPLAINT_FIRST = "complaint_first", "Khiếu nại lần đầu"
    COMPLAINT_SECOND = "complaint_second", "Khiếu nại lần hai"
    DENUNCIATION = "denunciation", "Tố cáo"


class Clock(models.TextChoices):
    """Which statutory clock a kind runs on."""

    FEEDBACK = "feedback", "Ý kiến, kiến nghị, phản ánh (quy định địa phương)"
    COMPLAINT_FIRST = "complaint_first", "Khiếu nại lần đầu (Luật Khiếu nại)"
    COMPLAINT_SECOND = "complaint_second", "Khiếu nại lần hai (Luật Khiếu nại)"
    DENUNCIATION = "denunciation", "Tố cáo (Luật Tố cáo)"


CLOCK_OF_KIND = {
    Kind.OPINION: Clock.FEEDBACK,
    Kind.RECOMMENDATION: Clock.FEEDBACK,
    Kind.REPORT: Clock.FEEDBACK,
    Kind.COMPLAINT_FIRST: Clock.COMPLAINT_FIRST,
    Kind.COMPLAINT_SECOND: Clock.COMPLAINT_SECOND,
    Kind.DENUNCIATION: Clock.DENUNCIATION,
}
FEEDBACK_KINDS = (Kind.OPINION, Kind.RECOMMENDATION, Kind.REPORT)
COMPLAINT_KINDS = (Kind.COMPLAINT_FIRST, Kind.COMPLAINT_SECOND)


class Channel(models.TextChoices):
    DIALOGUE = "dialogue", "Đối thoại"
    RECEPTION = "reception", "Tiếp công dân"
    MAILBOX = "mailbox", "Hòm thư góp ý, mã QR"
    WEB = "web", "Cổng thông tin (biểu mẫu trực tuyến)"
    HOTLINE = "hotline", "Đường dây nóng"
    GRASSROOTS = "grassroots", "Báo cáo của cơ sở"


class Status(models.TextChoices):
    RECEIVED = "received", "Đã tiếp nhận"
    ACCEPTED = "accepted", "Đã thụ lý"
    IN_PROGRESS = "in_progress", "Đang xử lý"
    ANSWERED = "answered", "Đã trả lời, ra quyết định"
    CLOSED = "closed", "Đã kết thúc"
    TRANSFERRED = "transferred", "Đã chuyển cơ quan khác"
    WITHDRAWN = "withdrawn", "Người gửi rút đơn"
    REJECTED = "rejected", "Không thụ lý"


OPEN_STATUSES = (Status.RECEIVED, Status.ACCEPTED, Status.IN_PROGRESS)
RESOLVED_STATUSES = (Status.ANSWERED, Status.CLOSED)


class Complexity(models.TextChoices):
    NORMAL = "normal", "Bình thường"
    COMPLEX = "complex", "Phức tạp"
    ESPECIALLY = "especially", "Đặc biệt phức tạp"


class DayKind(models.TextChoices):
    CALENDAR = "calendar", "Ngày (lịch)"
    WORKING = "working", "Ngày làm việc"


class Topic(models.Model):
    """A field (lĩnh vực) of petitions: land, environment, social policy… Configurable."""

    code = models.SlugField("mã", max_length=40, unique=True)
    name = models.CharField("tên lĩnh vực", max_length=120)
    order = models.PositiveSmallIntegerField("thứ tự", default=100)
    is_active = models.BooleanField("đang dùng", default=True)

    class Meta:
        verbose_name = "lĩnh vực ý kiến, đơn thư"
        verbose_name_plural = "lĩnh vực ý kiến, đơn thư"
        ordering = ["order", "name"]

    def __str__(self) -> str:
        return self.name


class ClockRule(models.Model):
    """A version of the time limits of one clock, in force from `effective_from` (for items filed
    on or after that date) until the next version. A province may have its own feedback rule."""

    clock = models.CharField("loại thời hạn", max_length=20, choices=Clock.choices)
    province = models.ForeignKey(
        "territory.Unit",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="tỉnh (trống: toàn quốc)",
    )
    effective_from = models.DateField("có hiệu lực từ")
    name = models.CharField("tên phiên bản", max_length=200)
    legal_basis = models.TextField("căn cứ pháp lý", blank=True)
    filing_limit_days = models.PositiveSmallIntegerField("thời hiệu gửi đơn (ngày)", null=True, blank=True)
    ack_working_hours = models.PositiveSmallIntegerField(
        "báo đã nhận trong (giờ làm việc)", null=True, blank=True
    )
    accept_days = models.PositiveSmallIntegerField("thời hạn thụ lý")
    accept_day_kind = models.CharField(max_length=10, choices=DayKind.choices, default=DayKind.CALENDAR)
    resolve_days = models.PositiveSmallIntegerField("thời hạn giải quyết")
    resolve_days_complex = models.PositiveSmallIntegerField("… vụ việc phức tạp")
    resolve_days_remote = models.PositiveSmallIntegerField("… vùng sâu, vùng xa")
    resolve_days_remote_complex = models.PositiveSmallIntegerField("… vùng sâu, vùng xa, phức tạp")
    resolve_day_kind = models.CharField(max_length=10, choices=DayKind.choices, default=DayKind.CALENDAR)
    extension_days = models.PositiveSmallIntegerField("mỗi lần gia hạn", default=0)
    extensions_complex = models.PositiveSmallIntegerField("số lần gia hạn — phức tạp", default=0)
    extensions_especially = models.PositiveSmallIntegerField("số lần gia hạn — đặc biệt phức tạp", default=0)
    escalate_after_days = models.PositiveSmallIntegerField("báo cấp trên khi quá hạn (ngày)", default=3)

    class Meta:
        verbose_name = "quy định thời hạn"
        verbose_name_plural = "quy định thời hạn"
        ordering = ["clock", "-effective_from"]
        constraints = [
            models.UniqueConstraint(
                fields=["clock", "effective_from"],
                condition=Q(province__isnull=True),
                name="clock_rule_national_unique",
            ),
            models.UniqueConstraint(
                fields=["clock", "province", "effective_from"], name="clock_rule_province_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_clock_display()} — từ {self.effective_from:%d/%m/%Y}"


class Holiday(models.Model):
    """A day of the working calendar that differs from Monday–Friday: a public holiday or a
    substitute day off (not worked), or a weekend day worked to make up for a bridge day."""

    class Kind(models.TextChoices):
        HOLIDAY = "holiday", "Ngày lễ, Tết"
        SUBSTITUTE = "substitute", "Nghỉ bù, hoán đổi"
        MAKEUP = "makeup", "Làm bù (ngày cuối tuần đi làm)"

    date = models.DateField("ngày", unique=True)
    kind = models.CharField("loại", max_length=12, choices=Kind.choices, default=Kind.HOLIDAY)
    name = models.CharField("tên", max_length=120)

    class Meta:
        verbose_name = "ngày nghỉ, ngày làm bù"
        verbose_name_plural = "lịch ngày nghỉ, ngày làm bù"
        ordering = ["date"]

    def __str__(self) -> str:
        return f"{self.date:%d/%m/%Y} {self.name}"


class RoutingRule(models.Model):
    """Items of a topic (empty: any) filed in a unit's subtree go to an organization. The most
    specific rule wins: the deepest unit, then a topic over none, then a kind over none."""

    unit = models.ForeignKey(
        "territory.Unit", on_delete=models.CASCADE, related_name="+", verbose_name="địa bàn"
    )
    unit_path = models.CharField(max_length=32, db_index=True, editable=False)
    topic = models.ForeignKey(
        Topic, null=True, blank=True, on_delete=models.CASCADE, related_name="+", verbose_name="lĩnh vực"
    )
    kind = models.CharField("loại", max_length=20, choices=Kind.choices, blank=True)
    organization = models.ForeignKey(
        "orgs.Organization", on_delete=models.CASCADE, related_name="+", verbose_name="cơ quan xử lý"
    )

    class Meta:
        verbose_name = "quy tắc chuyển xử lý"
        verbose_name_plural = "quy tắc chuyển xử lý"

    def __str__(self) -> str:
        return f"{self.unit} / {self.topic or 'mọi lĩnh vực'} → {self.organization}"


class Petition(models.Model):
    tracking_code = models.CharField("mã theo dõi", max_length=16, unique=True)
    access_hash = models.CharField(max_length=64, editable=False)  # sha256 of the private link's secret
    kind = models.CharField("loại", max_length=20, choices=Kind.choices)
    channel = models.CharField("kênh tiếp nhận", max_length=12, choices=Channel.choices)
    topic = models.ForeignKey(
        Topic, on_delete=models.PROTECT, related_name="petitions", verbose_name="lĩnh vực"
    )
    unit = models.ForeignKey(
        "territory.Unit", on_delete=models.PROTECT, related_name="petitions", verbose_name="địa bàn"
    )
    unit_path = models.CharField(max_length=32, db_index=True, editable=False)
    title = models.CharField("tóm tắt", max_length=200)
    content = models.TextField("nội dung")
    location = models.CharField("địa điểm cụ thể", max_length=300, blank=True)
    content_folded = models.TextField(editable=False, default="")
    # The person who filed it. Personal data: shown only where the job needs it (domain.md §10).
    citizen_name = models.CharField("họ và tên người gửi", max_length=120, blank=True)
    citizen_phone = models.CharField("điện thoại", max_length=20, blank=True)
    citizen_email = models.EmailField("thư điện tử", max_length=200, blank=True)
    citizen_address = models.CharField("địa chỉ", max_length=300, blank=True)
    wants_updates = models.BooleanField("nhận thông báo tiến độ", default=False)
    public_consent = models.BooleanField("đồng ý công khai nội dung trả lời", default=False)
    known_on = models.DateField("ngày biết quyết định, hành vi bị khiếu nại", null=True, blank=True)
    filed_late = models.BooleanField("quá thời hiệu", default=False)
    # Where it is handled.
    organization = models.ForeignKey(
        "orgs.Organization",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="petitions",
        verbose_name="cơ quan xử lý",
    )
    org_unit_path = models.CharField(max_length=32, blank=True, db_index=True, editable=False)
    handlers = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="petitions_handled", verbose_name="người xử lý"
    )
    external_body = models.CharField("chuyển đến cơ quan ngoài hệ thống", max_length=300, blank=True)
    duplicate_of = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name="trùng với"
    )
    # The clock.
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.RECEIVED, db_index=True)
    rule = models.ForeignKey(ClockRule, on_delete=models.PROTECT, related_name="+")
    complexity = models.CharField(max_length=10, choices=Complexity.choices, default=Complexity.NORMAL)
    is_remote = models.BooleanField("vùng sâu, vùng xa, đi lại khó khăn", default=False)
    received_at = models.DateTimeField("thời điểm tiếp nhận")
    received_on = models.DateField("ngày tiếp nhận", db_index=True)
    ack_due_at = models.DateTimeField("hạn báo đã nhận", null=True, blank=True)
    accept_due = models.DateField("hạn thụ lý")
    accepted_on = models.DateField("ngày thụ lý", null=True, blank=True)
    resolve_due = models.DateField("hạn giải quyết", null=True, blank=True)
    due_on = models.DateField("hạn của bước hiện tại", null=True, blank=True, db_index=True)
    extensions = models.PositiveSmallIntegerField("số lần gia hạn", default=0)
    answered_on = models.DateField("ngày trả lời", null=True, blank=True, db_index=True)
    on_time = models.BooleanField(null=True, blank=True)
    days_to_answer = models.PositiveIntegerField(null=True, blank=True)
    closed_on = models.DateField(null=True, blank=True)
    escalation_level = models.PositiveSmallIntegerField("số lần báo cấp trên", default=0)
    reopened = models.PositiveSmallIntegerField("số lần mở lại", default=0)
    satisfied = models.BooleanField("hài lòng", null=True, blank=True)
    satisfaction_note = models.TextField("ý kiến về kết quả", blank=True)
    version = models.PositiveIntegerField(default=1, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "ý kiến, đơn thư"
        verbose_name_plural = "ý kiến, đơn thư"
        ordering = ["-received_at", "-id"]
        indexes = [
            models.Index(fields=["unit_path", "received_on"]),
            models.Index(fields=["unit_path", "answered_on"]),
            models.Index(fields=["status", "due_on"]),
        ]

    def __str__(self) -> str:
        return self.tracking_code  # never the citizen's name: this string goes to the audit log

    @property
    def clock(self) -> str:
        return CLOCK_OF_KIND[Kind(self.kind)]

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    @property
    def is_denunciation(self) -> bool:
        return self.kind == Kind.DENUNCIATION

    def is_overdue(self, today: object) -> bool:
        return self.is_open and self.due_on is not None and self.due_on < today  # type: ignore[operator]


class Event(models.Model):
    """One step of the item's handling, shown as its history (the audit log keeps the same)."""

    petition = models.ForeignKey(Petition, on_delete=models.CASCADE, related_name="events")
    action = models.CharField(max_length=30)
    from_status = models.CharField(max_length=12, choices=Status.choices, blank=True)
    to_status = models.CharField(max_length=12, choices=Status.choices, blank=True)
    note = models.TextField(blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    actor_label = models.CharField(max_length=150, blank=True)
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.petition_id}: {self.action}"


class Answer(models.Model):
    petition = models.ForeignKey(Petition, on_delete=models.CASCADE, related_name="answers")
    text = models.TextField("nội dung trả lời, kết quả giải quyết")
    decision_number = models.CharField("số quyết định, văn bản", max_length=60, blank=True)
    decision_date = models.DateField("ngày ban hành", null=True, blank=True)
    is_public = models.BooleanField("công khai", default=False)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    answered_on = models.DateField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"{self.petition} — {self.answered_on:%d/%m/%Y}"


def file_path(instance: "PetitionFile", filename: str) -> str:
    return f"petitions/{instance.petition_id}/{instance.stored_name}"


class PetitionFile(models.Model):
    """A file the citizen sent, or evidence of an answer (documents, photos, the decision)."""

    class Type(models.TextChoices):
        PHOTO = "photo", "Ảnh"
        DOCUMENT = "document", "Tài liệu"

    petition = models.ForeignKey(Petition, on_delete=models.CASCADE, related_name="files")
    answer = models.ForeignKey(Answer, null=True, blank=True, on_delete=models.SET_NULL, related_name="files")
    from_citizen = models.BooleanField(default=False)
    type = models.CharField(max_length=10, choices=Type.choices)
    title = models.CharField("tiêu đề", max_length=200)
    original_name = models.CharField(max_length=200)
    stored_name = models.CharField(max_length=80)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    file = models.FileField(upload_to=file_path, max_length=200)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["uploaded_at", "id"]

    def __str__(self) -> str:
        return self.title


class Escalation(models.Model):
    """An overdue item reported to the next level (the parent unit of the handling body)."""

    petition = models.ForeignKey(Petition, on_delete=models.CASCADE, related_name="escalations")
    level = models.PositiveSmallIntegerField()
    to_unit = models.ForeignKey("territory.Unit", on_delete=models.PROTECT, related_name="+")
    days_overdue = models.PositiveIntegerField()
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-at"]
        constraints = [
            models.UniqueConstraint(fields=["petition", "level"], name="escalation_once_per_level")
        ]

    def __str__(self) -> str:
        return f"{self.petition} → {self.to_unit} ({self.level})"


class Reminder(models.Model):
    """A reminder sent about an item on a day: at most one per item, kind and day."""

    petition = models.ForeignKey(Petition, on_delete=models.CASCADE, related_name="reminders")
    kind = models.CharField(max_length=12)  # due_soon | overdue
    on_date = models.DateField()
    recipients = models.PositiveSmallIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["petition", "kind", "on_date"], name="reminder_once_a_day")
        ]

    def __str__(self) -> str:
        return f"{self.petition} {self.kind} {self.on_date}"
