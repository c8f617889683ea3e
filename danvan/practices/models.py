"""The Dân vận khéo registry: models (mô hình) and exemplars (điển hình), their lifecycle,
evaluation, commendation and replication. See docs/architecture.md and domain.md §3."""

from django.conf import settings
from django.db import models
from django.db.models import Q


class PracticeField(models.Model):
    """A field (lĩnh vực). Configurable per province and year; province/year empty = default list."""

    code = models.SlugField("mã", max_length=40)
    name = models.CharField("tên lĩnh vực", max_length=120)
    order = models.PositiveSmallIntegerField("thứ tự", default=100)
    province = models.ForeignKey(
        "territory.Unit",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="tỉnh",
    )
    year = models.PositiveSmallIntegerField("năm", null=True, blank=True)

    class Meta:
        verbose_name = "lĩnh vực"
        verbose_name_plural = "lĩnh vực"
        ordering = ["order", "name"]
        constraints = [
            models.UniqueConstraint(fields=["province", "year", "code"], name="practice_field_unique"),
            models.UniqueConstraint(
                fields=["code"],
                condition=Q(province__isnull=True, year__isnull=True),
                name="practice_field_default_unique",
            ),
            models.UniqueConstraint(
                fields=["year", "code"],
                condition=Q(province__isnull=True, year__isnull=False),
                name="practice_field_year_unique",
            ),
            models.UniqueConstraint(
                fields=["province", "code"],
                condition=Q(province__isnull=False, year__isnull=True),
                name="practice_field_province_unique",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class RegistrationCampaign(models.Model):
    """A yearly registration window of a unit (usually the province): late registrations show."""

    unit = models.ForeignKey(
        "territory.Unit", on_delete=models.PROTECT, related_name="+", verbose_name="đơn vị"
    )
    year = models.PositiveSmallIntegerField("năm")
    opens_on = models.DateField("mở đăng ký")
    closes_on = models.DateField("hạn đăng ký")

    class Meta:
        verbose_name = "đợt đăng ký"
        verbose_name_plural = "đợt đăng ký"
        constraints = [
            models.UniqueConstraint(fields=["unit", "year"], name="registration_campaign_unique"),
            models.CheckConstraint(
                condition=Q(closes_on__gte=models.F("opens_on")), name="campaign_dates_ordered"
            ),
        ]

    def __str__(self) -> str:
        return f"Đăng ký Dân vận khéo năm {self.year} — {self.unit}"


class Kind(models.TextChoices):
    MODEL = "mo_hinh", "Mô hình"
    EXEMPLAR = "dien_hinh", "Điển hình"


class Subject(models.TextChoices):
    COLLECTIVE = "tap_the", "Tập thể"
    INDIVIDUAL = "ca_nhan", "Cá nhân"


class Status(models.TextChoices):
    REGISTERED = "registered", "Đã đăng ký"
    IN_PROGRESS = "in_progress", "Đang thực hiện"
    REVIEWED = "reviewed", "Đã sơ kết 6 tháng"
    EVALUATED = "evaluated", "Đã bình xét"
    RECOGNIZED = "recognized", "Được công nhận"
    NOT_RECOGNIZED = "not_recognized", "Không được công nhận"
    OUTSTANDING = "outstanding", "Tiêu biểu"
    COMMENDED = "commended", "Đã khen thưởng"
    PAUSED = "paused", "Tạm dừng"
    STOPPED = "stopped", "Dừng thực hiện"


RECOGNIZED_STATUSES = (Status.RECOGNIZED, Status.OUTSTANDING, Status.COMMENDED)


class Practice(models.Model):
    kind = models.CharField("loại", max_length=12, choices=Kind.choices, default=Kind.MODEL)
    subject = models.CharField("đối tượng điển hình", max_length=8, choices=Subject.choices, blank=True)
    person = models.ForeignKey(
        "orgs.Person",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="practices",
        verbose_name="cá nhân điển hình",
    )
    organization = models.ForeignKey(
        "orgs.Organization",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="practices",
        verbose_name="tổ chức đăng ký",
    )
    unit = models.ForeignKey(
        "territory.Unit", on_delete=models.PROTECT, related_name="practices", verbose_name="địa bàn"
    )
    unit_path = models.CharField(max_length=32, db_index=True, editable=False)
    commune_path = models.CharField(max_length=32, blank=True, editable=False)  # the commune it lies in
    level = models.CharField("cấp", max_length=16, editable=False)
    body_type = models.CharField("loại chủ thể đăng ký", max_length=40, editable=False)
    year = models.PositiveSmallIntegerField("năm đăng ký", db_index=True)
    field = models.ForeignKey(
        PracticeField, on_delete=models.PROTECT, related_name="practices", verbose_name="lĩnh vực"
    )
    name = models.CharField("tên mô hình, điển hình", max_length=300)
    problem = models.TextField("vấn đề đặt ra và lý do", blank=True)
    goals = models.TextField("mục tiêu", blank=True)
    success_criteria = models.TextField("tiêu chí đánh giá thành công", blank=True)
    activities = models.TextField("nội dung, cách làm", blank=True)
    place = models.CharField("địa điểm", max_length=300, blank=True)
    target_people = models.CharField("đối tượng hướng đến", max_length=300, blank=True)
    lead_forces = models.CharField("lực lượng chủ trì", max_length=300, blank=True)
    partner_forces = models.CharField("lực lượng phối hợp", max_length=300, blank=True)
    budget = models.BigIntegerField("kinh phí (đồng)", null=True, blank=True)
    workdays = models.PositiveIntegerField("ngày công", null=True, blank=True)
    contributions = models.TextField("đóng góp khác (hiện vật, đất đai…)", blank=True)
    start_date = models.DateField("ngày bắt đầu", null=True, blank=True)
    milestones = models.TextField("các mốc thực hiện", blank=True)
    evaluation_date = models.DateField("ngày đánh giá dự kiến", null=True, blank=True)
    outputs = models.TextField("kết quả kiểm chứng được", blank=True)
    sustainability = models.TextField("khả năng duy trì, nhân rộng", blank=True)
    status = models.CharField(
        "trạng thái", max_length=16, choices=Status.choices, default=Status.REGISTERED, db_index=True
    )
    registered_at = models.DateTimeField("ngày đăng ký")
    is_late = models.BooleanField("đăng ký muộn", default=False)
    source = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="adoptions",
        verbose_name="nhân rộng từ",
    )
    is_public = models.BooleanField("công khai trên cổng thông tin", default=False)
    public_consent = models.BooleanField("cá nhân đồng ý công khai", default=False)
    search_text = models.TextField(editable=False, default="")
    name_folded = models.CharField(max_length=300, editable=False, default="")
    sort_key = models.CharField(max_length=800, editable=False, default="")
    version = models.PositiveIntegerField(default=1, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "mô hình, điển hình Dân vận khéo"
        verbose_name_plural = "mô hình, điển hình Dân vận khéo"
        ordering = ["-year", "sort_key"]
        indexes = [
            models.Index(fields=["year", "unit_path"]),
            models.Index(fields=["unit_path", "year", "status"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind="mo_hinh", subject="") | Q(kind="dien_hinh") & ~Q(subject=""),
                name="practice_subject_only_for_exemplars",
            ),
            models.CheckConstraint(
                condition=Q(budget__isnull=True) | Q(budget__gte=0), name="practice_budget_positive"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def is_recognized(self) -> bool:
        return self.status in RECOGNIZED_STATUSES


class StatusChange(models.Model):
    """One step of the lifecycle, with its reason and actor."""

    practice = models.ForeignKey(Practice, on_delete=models.CASCADE, related_name="status_changes")
    from_status = models.CharField(max_length=16, choices=Status.choices, blank=True)
    to_status = models.CharField(max_length=16, choices=Status.choices)
    reason = models.TextField("lý do", blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.practice_id}: {self.from_status} → {self.to_status}"


class ProgressUpdate(models.Model):
    practice = models.ForeignKey(Practice, on_delete=models.CASCADE, related_name="progress_updates")
    on_date = models.DateField("ngày")
    summary = models.TextField("kết quả thực hiện")
    beneficiaries = models.PositiveIntegerField("số người hưởng lợi", null=True, blank=True)
    money_raised = models.BigIntegerField("kinh phí huy động (đồng)", null=True, blank=True)
    workdays = models.PositiveIntegerField("ngày công", null=True, blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-on_date", "-id"]

    def __str__(self) -> str:
        return f"{self.practice} — {self.on_date}"


def attachment_path(instance: "Attachment", filename: str) -> str:
    return f"practices/{instance.practice_id}/{instance.stored_name}"


class Attachment(models.Model):
    class Type(models.TextChoices):
        PHOTO = "photo", "Ảnh"
        DOCUMENT = "document", "Tài liệu"

    practice = models.ForeignKey(Practice, on_delete=models.CASCADE, related_name="attachments")
    progress = models.ForeignKey(
        ProgressUpdate, null=True, blank=True, on_delete=models.CASCADE, related_name="attachments"
    )
    type = models.CharField(max_length=10, choices=Type.choices)
    title = models.CharField("tiêu đề", max_length=200)
    original_name = models.CharField(max_length=200)
    stored_name = models.CharField(max_length=80)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    file = models.FileField(upload_to=attachment_path, max_length=200)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["uploaded_at", "id"]

    def __str__(self) -> str:
        return self.title


class Commendation(models.Model):
    class Form(models.TextChoices):
        GIAY_KHEN = "giay_khen", "Giấy khen"
        BANG_KHEN = "bang_khen", "Bằng khen"

    practice = models.ForeignKey(Practice, on_delete=models.CASCADE, related_name="commendations")
    form = models.CharField("hình thức", max_length=10, choices=Form.choices)
    issuer = models.CharField("cấp khen thưởng", max_length=200)
    decision_number = models.CharField("số quyết định", max_length=60)
    decision_date = models.DateField("ngày quyết định")
    recipients = models.TextField("tập thể, cá nhân được khen")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-decision_date"]

    def __str__(self) -> str:
        return f"{self.get_form_display()} số {self.decision_number}"


class CriteriaSet(models.Model):
    """A recognition criteria list with weights, per province and year (empty = default list)."""

    name = models.CharField("tên bộ tiêu chí", max_length=200)
    province = models.ForeignKey(
        "territory.Unit",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="tỉnh",
    )
    year = models.PositiveSmallIntegerField("năm", null=True, blank=True)

    class Meta:
        verbose_name = "bộ tiêu chí bình xét"
        verbose_name_plural = "bộ tiêu chí bình xét"

    def __str__(self) -> str:
        return self.name


class Criterion(models.Model):
    criteria_set = models.ForeignKey(CriteriaSet, on_delete=models.CASCADE, related_name="criteria")
    text = models.CharField("tiêu chí", max_length=300)
    weight = models.DecimalField("trọng số", max_digits=5, decimal_places=2, default=1)
    max_score = models.PositiveSmallIntegerField("điểm tối đa", default=10)
    order = models.PositiveSmallIntegerField(default=100)

    class Meta:
        ordering = ["order", "id"]
        constraints = [models.CheckConstraint(condition=Q(weight__gt=0), name="criterion_weight_positive")]

    def __str__(self) -> str:
        return self.text


class EvaluationRound(models.Model):
    """A steering committee's year-end evaluation (bình xét) of a set of practices."""

    class State(models.TextChoices):
        OPEN = "open", "Đang chấm điểm"
        CLOSED = "closed", "Đã kết thúc"

    unit = models.ForeignKey(
        "territory.Unit", on_delete=models.PROTECT, related_name="+", verbose_name="đơn vị tổ chức bình xét"
    )
    unit_path = models.CharField(max_length=32, db_index=True, editable=False)
    year = models.PositiveSmallIntegerField("năm")
    title = models.CharField("tên đợt bình xét", max_length=200)
    criteria_set = models.ForeignKey(
        CriteriaSet, on_delete=models.PROTECT, related_name="+", verbose_name="bộ tiêu chí"
    )
    chair = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name="chủ trì"
    )
    evaluators = models.ManyToManyField(
        settings.AUTH_USER_MODEL, related_name="evaluation_rounds", verbose_name="thành viên chấm điểm"
    )
    state = models.CharField(max_length=8, choices=State.choices, default=State.OPEN)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "đợt bình xét"
        verbose_name_plural = "đợt bình xét"
        ordering = ["-year", "-created_at"]

    def __str__(self) -> str:
        return self.title


class RoundItem(models.Model):
    class Decision(models.TextChoices):
        RECOGNIZED = "recognized", "Công nhận"
        NOT_RECOGNIZED = "not_recognized", "Không công nhận"

    round = models.ForeignKey(EvaluationRound, on_delete=models.CASCADE, related_name="items")
    practice = models.ForeignKey(Practice, on_delete=models.PROTECT, related_name="round_items")
    decision = models.CharField(max_length=16, choices=Decision.choices, blank=True)
    reason = models.TextField("lý do", blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["round", "practice"], name="round_item_unique")]

    def __str__(self) -> str:
        return f"{self.round} — {self.practice}"


class Score(models.Model):
    item = models.ForeignKey(RoundItem, on_delete=models.CASCADE, related_name="scores")
    evaluator = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    criterion = models.ForeignKey(Criterion, on_delete=models.PROTECT, related_name="+")
    value = models.DecimalField("điểm", max_digits=4, decimal_places=1)
    scored_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["item", "evaluator", "criterion"], name="score_unique"),
            models.CheckConstraint(condition=Q(value__gte=0), name="score_not_negative"),
        ]

    def __str__(self) -> str:
        return f"{self.evaluator_id}: {self.value}"


class PracticeCell(models.Model):
    """How many practices a node holds (a unit id, or NATION), for a year (0: all years), per
    field × kind × level × status × registering-body group, with how many of them are adoptions
    and late registrations. Kept exact by the services (services/tally.py); read by stats.py, so
    the statistics of the whole country cost a few hundred rows, not a scan of the registry."""

    node = models.IntegerField()
    year = models.PositiveSmallIntegerField()
    field_code = models.CharField(max_length=40)
    kind = models.CharField(max_length=12)
    level = models.CharField(max_length=16)
    status = models.CharField(max_length=16)
    body_group = models.CharField(max_length=24)
    n = models.IntegerField(default=0)
    replications = models.IntegerField(default=0)
    late = models.IntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["node", "year", "field_code", "kind", "level", "status", "body_group"],
                name="practice_cell_unique",
            )
        ]

    def __str__(self) -> str:
        return f"{self.node}/{self.year}/{self.field_code}/{self.kind}/{self.level}/{self.status}: {self.n}"


class PracticeReach(models.Model):
    """How many distinct entities registered at a node in a year (0: all years): communes,
    neighbourhoods, and registering bodies of each group ("16 cơ quan, đơn vị và 6 chi, đảng bộ")."""

    node = models.IntegerField()
    year = models.PositiveSmallIntegerField()
    metric = models.CharField(max_length=40)
    n = models.IntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["node", "year", "metric"], name="practice_reach_unique")
        ]

    def __str__(self) -> str:
        return f"{self.node}/{self.year}/{self.metric}: {self.n}"


class PracticePresence(models.Model):
    """How many practices one entity (a commune, a neighbourhood or a registering body: `entity`
    is a unit or organization id) has in a year (0: all years). The reach of the nodes above its
    `home` unit changes only when this count goes from 0 to 1 or from 1 to 0."""

    year = models.PositiveSmallIntegerField()
    metric = models.CharField(max_length=40)
    entity = models.IntegerField()
    home = models.IntegerField()  # the unit whose counting nodes the entity counts in
    n = models.IntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["year", "metric", "entity"], name="practice_presence_unique")
        ]

    def __str__(self) -> str:
        return f"{self.year}/{self.metric}/{self.entity}: {self.n}"
