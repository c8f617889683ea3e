"""Periodic reporting: indicators, report forms and their assignment, submissions and values,
and the rollup cells kept up to date as values start to count.

The truth is `Value`; `RollupCell` is derived (one row per indicator × category × period ×
node, node 0 being the nation) and can be rebuilt from the values at any time
(`manage.py rebuild_rollups`).
"""

import datetime as dt
from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from danvan.core.periods import Period, PeriodKind
from danvan.orgs.models import Organization
from danvan.territory.models import Level, Unit


class ValueType(models.TextChoices):
    INTEGER = "integer", "Số nguyên"
    DECIMAL = "decimal", "Số thập phân"
    PERCENT = "percent", "Tỷ lệ (%)"
    MONEY = "money", "Tiền (đồng)"
    BOOLEAN = "boolean", "Có/Không"
    TEXT = "text", "Văn bản"


class Aggregation(models.TextChoices):
    SUM = "sum", "Cộng"
    AVERAGE = "average", "Trung bình"
    MIN = "min", "Nhỏ nhất"
    MAX = "max", "Lớn nhất"
    LATEST = "latest", "Số cuối kỳ (cộng các đơn vị)"
    RATIO = "ratio", "Tỷ lệ của hai chỉ tiêu"
    NONE = "none", "Không tổng hợp"


class Indicator(models.Model):
    code = models.SlugField("mã", max_length=40, unique=True)
    name = models.CharField("tên chỉ tiêu", max_length=255)
    unit_of_measure = models.CharField("đơn vị tính", max_length=30, blank=True)
    value_type = models.CharField("kiểu giá trị", max_length=10, choices=ValueType.choices)
    aggregation = models.CharField("cách tổng hợp", max_length=10, choices=Aggregation.choices)
    numerator = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="+", verbose_name="tử số"
    )
    denominator = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="+", verbose_name="mẫu số"
    )
    ratio_scale = models.PositiveIntegerField("hệ số", default=100)
    min_value = models.DecimalField(
        "giá trị nhỏ nhất", max_digits=20, decimal_places=4, null=True, blank=True
    )
    max_value = models.DecimalField(
        "giá trị lớn nhất", max_digits=20, decimal_places=4, null=True, blank=True
    )
    # Disaggregation: [{"code": "mo_hinh", "label": "Mô hình"}, ...]; empty = one total value.
    categories = models.JSONField("phân tổ", default=list, blank=True)
    # Where the system already knows the figure: "<app>.<key>" of that app's stats.FIGURES.
    source = models.CharField("nguồn số liệu tự động", max_length=60, blank=True)
    description = models.TextField("giải thích", blank=True)

    class Meta:
        ordering = ["code"]
        verbose_name = "chỉ tiêu"
        constraints = [
            models.CheckConstraint(
                condition=~Q(aggregation="ratio")
                | (Q(numerator__isnull=False) & Q(denominator__isnull=False)),
                name="indicator_ratio_has_terms",
            )
        ]

    def __str__(self) -> str:
        return f"{self.code} — {self.name}"

    @property
    def is_numeric(self) -> bool:
        return self.value_type != ValueType.TEXT

    @property
    def is_derived(self) -> bool:
        """A ratio is computed from its terms, never typed."""
        return self.aggregation == Aggregation.RATIO

    def category_codes(self) -> list[str]:
        return [c["code"] for c in self.categories] or [""]


class CrossRule(models.Model):
    """A rule between two indicators of one submission, e.g. recognised ≤ registered."""

    class Operator(models.TextChoices):
        LE = "le", "≤"
        GE = "ge", "≥"
        EQ = "eq", "="

    left = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="+")
    operator = models.CharField(max_length=2, choices=Operator.choices)
    right = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="+")
    message = models.CharField("thông báo", max_length=255)

    def __str__(self) -> str:
        return self.message

    def holds(self, left: Decimal, right: Decimal) -> bool:
        return {"le": left <= right, "ge": left >= right, "eq": left == right}[self.operator]


class ReportForm(models.Model):
    class Approver(models.TextChoices):
        PARENT = "parent", "Cấp trên trực tiếp"
        SAME = "same", "Cùng cấp"

    code = models.SlugField("mã", max_length=40, unique=True)
    name = models.CharField("tên mẫu báo cáo", max_length=255)
    level = models.CharField("cấp báo cáo", max_length=16, choices=Level.choices)
    periodicity = models.CharField(
        "kỳ báo cáo", max_length=12, choices=[(k.value, k.value) for k in PeriodKind]
    )
    # Narrative sections: [{"code": "I.1", "title": "..."}, ...] in order.
    sections = models.JSONField("phần lời văn", default=list, blank=True)
    deadline_days = models.SmallIntegerField(
        "hạn nộp (số ngày sau khi hết kỳ)", default=5, help_text="Âm: trước ngày cuối kỳ."
    )
    approver = models.CharField("cấp duyệt", max_length=8, choices=Approver.choices, default=Approver.PARENT)
    counts_in_rollups = models.BooleanField(
        "số liệu được cộng dồn lên cấp trên",
        default=True,
        help_text="Tắt với báo cáo tổng hợp (số liệu lấy từ cấp dưới) để không cộng hai lần.",
    )
    counts_on_submit = models.BooleanField("tính ngay khi nộp (không chờ duyệt)", default=False)
    reminder_days_before = models.PositiveSmallIntegerField("nhắc trước hạn (ngày)", default=3)
    reminder_days_after = models.PositiveSmallIntegerField("nhắc sau hạn (ngày)", default=2)
    is_active = models.BooleanField("đang dùng", default=True)
    indicators = models.ManyToManyField(Indicator, through="FormIndicator", related_name="forms")

    class Meta:
        ordering = ["level", "code"]
        verbose_name = "mẫu báo cáo"

    def __str__(self) -> str:
        return self.name

    @property
    def period_kind(self) -> PeriodKind:
        return PeriodKind(self.periodicity)

    def due_date(self, period: Period) -> dt.date:
        return period.end + dt.timedelta(days=self.deadline_days)


class FormIndicator(models.Model):
    form = models.ForeignKey(ReportForm, on_delete=models.CASCADE, related_name="items")
    indicator = models.ForeignKey(Indicator, on_delete=models.PROTECT, related_name="+")
    position = models.PositiveSmallIntegerField(default=0)
    group = models.CharField("nhóm", max_length=120, blank=True)
    required = models.BooleanField("bắt buộc", default=False)

    class Meta:
        ordering = ["position", "id"]
        constraints = [models.UniqueConstraint(fields=["form", "indicator"], name="form_indicator_unique")]

    def __str__(self) -> str:
        return f"{self.form_id}:{self.indicator_id}"


class Assignment(models.Model):
    """The units at `level` in `unit`'s subtree report `form` while the assignment is valid."""

    form = models.ForeignKey(ReportForm, on_delete=models.CASCADE, related_name="assignments")
    unit = models.ForeignKey(
        Unit, null=True, blank=True, on_delete=models.CASCADE, help_text="Trống: cả nước."
    )
    level = models.CharField("cấp đơn vị báo cáo", max_length=16, choices=Level.choices)
    valid_from = models.DateField("áp dụng từ")
    valid_to = models.DateField("áp dụng đến", null=True, blank=True)

    class Meta:
        ordering = ["form", "valid_from"]

    def __str__(self) -> str:
        return f"{self.form_id} → {self.level} ({self.unit_id or 'cả nước'})"


class Status(models.TextChoices):
    DRAFT = "draft", "Đang nhập"
    SUBMITTED = "submitted", "Đã nộp"
    RETURNED = "returned", "Trả lại để sửa"
    APPROVED = "approved", "Đã duyệt"


class Submission(models.Model):
    form = models.ForeignKey(ReportForm, on_delete=models.PROTECT, related_name="submissions")
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="+")
    organization = models.ForeignKey(Organization, null=True, blank=True, on_delete=models.SET_NULL)
    unit_path = models.CharField(max_length=32, db_index=True, editable=False)
    period_code = models.CharField("kỳ", max_length=10)
    period_start = models.DateField()
    period_end = models.DateField()
    due_date = models.DateField("hạn nộp")
    status = models.CharField("trạng thái", max_length=10, choices=Status.choices, default=Status.DRAFT)
    narrative = models.JSONField("phần lời văn", default=dict, blank=True)
    # {section_code: [{"unit": code, "unit_name": ..., "submission": id}]} for compiled sections
    attribution = models.JSONField(default=dict, blank=True)
    return_comment = models.TextField("ý kiến trả lại", blank=True)
    version = models.PositiveIntegerField(default=1)
    is_counted = models.BooleanField(default=False, editable=False)
    submitted_at = models.DateTimeField(null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    approved_at = models.DateTimeField(null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-period_end", "unit_path"]
        constraints = [
            models.UniqueConstraint(fields=["form", "unit", "period_code"], name="submission_one_per_period")
        ]
        indexes = [models.Index(fields=["form", "period_code", "unit_path"])]

    def __str__(self) -> str:
        return f"{self.form.name} — {self.unit.name} — {self.period.label}"

    @property
    def period(self) -> Period:
        return Period.parse(self.period_code)

    @property
    def is_locked(self) -> bool:
        return self.status in (Status.SUBMITTED, Status.APPROVED)

    def is_overdue(self, today: dt.date) -> bool:
        return self.status in (Status.DRAFT, Status.RETURNED) and today > self.due_date

    @property
    def was_late(self) -> bool:
        """Submitted after the due date, in local time (as the completeness counts do)."""
        return self.submitted_at is not None and timezone.localdate(self.submitted_at) > self.due_date


class Value(models.Model):
    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="values")
    indicator = models.ForeignKey(Indicator, on_delete=models.PROTECT, related_name="+")
    category = models.CharField(max_length=40, blank=True, default="")
    number = models.DecimalField(max_digits=20, decimal_places=4, null=True, blank=True)
    text = models.TextField(blank=True)
    computed = models.DecimalField(max_digits=20, decimal_places=4, null=True, blank=True)
    override_reason = models.CharField("lý do sửa số liệu tự động", max_length=500, blank=True)
    comment = models.CharField("ghi chú", max_length=500, blank=True)
    return_comment = models.CharField("ý kiến trả lại", max_length=500, blank=True)
    is_returned = models.BooleanField(default=False)
    version = models.PositiveIntegerField(default=1)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["submission", "indicator", "category"], name="value_unique"),
        ]

    def __str__(self) -> str:
        shown = self.number if self.number is not None else self.text[:30]
        return f"{self.indicator_id}/{self.category}: {shown}"

    @property
    def is_overridden(self) -> bool:
        return self.computed is not None and self.number != self.computed

    @property
    def is_empty(self) -> bool:
        return self.number is None and not self.text


class SubmissionEvent(models.Model):
    """The history shown on a submission's page (the audit log keeps the same, system-wide)."""

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="events")
    action = models.CharField(max_length=30)
    note = models.TextField(blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-at", "-id"]

    def __str__(self) -> str:
        return f"{self.action} {self.at:%d/%m/%Y %H:%M}"


class RollupCell(models.Model):
    """One aggregated figure: indicator × category × period × node (a unit id, or 0 for the nation).

    `total` is the sum (of latest values per unit for LATEST), `count` the number of values
    (units for LATEST). count 0 never stays: a cell with no value is deleted, so "not reported"
    is the absence of a cell and 0 a real zero.
    """

    # db_index=False: rollup_cell_unique begins with the indicator and serves its lookups
    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="+", db_index=False)
    category = models.CharField(max_length=40, blank=True, default="")
    period_code = models.CharField(max_length=10)
    node = models.IntegerField()
    total = models.DecimalField(max_digits=24, decimal_places=4, default=Decimal(0))
    count = models.IntegerField(default=0)
    low = models.DecimalField(max_digits=20, decimal_places=4, null=True)
    high = models.DecimalField(max_digits=20, decimal_places=4, null=True)
    updated_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "period_code", "node", "category"], name="rollup_cell_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.indicator_id}/{self.category}/{self.period_code}/{self.node}"


class CompletenessCell(models.Model):
    """How many units must report a form for a period at a node (a unit id, or NATION), and how
    many of them have submitted, been approved, submitted on time. Computed for a (form, period)
    the first time it is needed, then kept exact by the workflow in the same transaction as each
    step (services/completeness.py), so a dashboard reads one row instead of counting."""

    # db_index=False: completeness_cell_unique begins with the form and serves its lookups
    form = models.ForeignKey(ReportForm, on_delete=models.CASCADE, related_name="+", db_index=False)
    period_code = models.CharField(max_length=10)
    node = models.IntegerField()
    expected = models.IntegerField(default=0)
    submitted = models.IntegerField(default=0)
    approved = models.IntegerField(default=0)
    on_time = models.IntegerField(default=0)
    computed_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["form", "period_code", "node"], name="completeness_cell_unique")
        ]

    def __str__(self) -> str:
        return f"{self.form_id}/{self.period_code}/{self.node}: {self.submitted}/{self.expected}"


class Reminder(models.Model):
    """A reminder sent (in the inbox, and by e-mail when configured) for a due or late report."""

    class Kind(models.TextChoices):
        BEFORE = "before", "Sắp đến hạn"
        AFTER = "after", "Quá hạn"

    form = models.ForeignKey(ReportForm, on_delete=models.CASCADE, related_name="+")
    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="+")
    period_code = models.CharField(max_length=10)
    kind = models.CharField(max_length=8, choices=Kind.choices)
    recipients = models.PositiveIntegerField(default=0)
    emailed = models.PositiveIntegerField(default=0)
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["form", "unit", "period_code", "kind"], name="reminder_once"),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.form_id} {self.unit_id} {self.period_code}"
