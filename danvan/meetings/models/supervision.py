"""Supervision and social critique (giám sát và phản biện xã hội) by the MTTQ and its
organizations: a yearly plan, each supervision (or critique conference on a draft) with its
findings, and recommendations (kiến nghị, or critique opinions) with the answer and its acceptance."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q


class SupervisionPlan(models.Model):
    organization = models.ForeignKey(
        "orgs.Organization", on_delete=models.PROTECT, related_name="+", verbose_name="cơ quan lập kế hoạch"
    )
    unit = models.ForeignKey(
        "territory.Unit", on_delete=models.PROTECT, related_name="+", verbose_name="đơn vị"
    )
    unit_path = models.CharField(max_length=32, db_index=True, editable=False)
    year = models.PositiveSmallIntegerField("năm")
    title = models.CharField("tên kế hoạch", max_length=300)

    class Meta:
        verbose_name = "kế hoạch giám sát"
        verbose_name_plural = "kế hoạch giám sát"
        ordering = ["-year", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["organization", "year", "title"], name="supervision_plan_unique")
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.year})"


class SupervisionKind(models.TextChoices):
    SUPERVISION = "supervision", "Giám sát"
    CRITIQUE = "critique", "Phản biện xã hội"


class Supervision(models.Model):
    kind = models.CharField("hình thức", max_length=12, choices=SupervisionKind.choices)
    plan = models.ForeignKey(
        SupervisionPlan, null=True, blank=True, on_delete=models.PROTECT, related_name="supervisions"
    )
    organization = models.ForeignKey(
        "orgs.Organization", on_delete=models.PROTECT, related_name="+", verbose_name="cơ quan chủ trì"
    )
    unit = models.ForeignKey(
        "territory.Unit", on_delete=models.PROTECT, related_name="+", verbose_name="đơn vị"
    )
    unit_path = models.CharField(max_length=32, db_index=True, editable=False)
    subject = models.CharField("nội dung giám sát / dự thảo phản biện", max_length=500)
    supervised_body = models.ForeignKey(
        "orgs.Organization",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="đối tượng được giám sát / cơ quan soạn thảo",
    )
    supervised_name = models.CharField(
        "tên đối tượng (nếu chưa có trong danh mục)", max_length=300, blank=True
    )
    team = models.TextField("thành phần đoàn", blank=True)
    starts_on = models.DateField("từ ngày")
    ends_on = models.DateField("đến ngày")
    findings = models.TextField("kết quả, phát hiện", blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "cuộc giám sát, phản biện"
        verbose_name_plural = "cuộc giám sát, phản biện"
        ordering = ["-starts_on", "-pk"]
        constraints = [
            models.CheckConstraint(condition=Q(ends_on__gte=F("starts_on")), name="supervision_dates_ordered")
        ]

    def __str__(self) -> str:
        return self.subject

    @property
    def supervised_label(self) -> str:
        return self.supervised_body.name if self.supervised_body else self.supervised_name


class Acceptance(models.TextChoices):
    PENDING = "pending", "Chưa trả lời"
    ACCEPTED = "accepted", "Tiếp thu, thực hiện"
    PARTLY = "partly", "Tiếp thu một phần"
    REJECTED = "rejected", "Không tiếp thu (có giải trình)"


class Recommendation(models.Model):
    supervision = models.ForeignKey(Supervision, on_delete=models.CASCADE, related_name="recommendations")
    content = models.TextField("kiến nghị / ý kiến phản biện")
    answer_due = models.DateField("hạn trả lời", null=True, blank=True)
    answer = models.TextField("nội dung trả lời", blank=True)
    answered_on = models.DateField("ngày trả lời", null=True, blank=True)
    acceptance = models.CharField(
        "tiếp thu", max_length=10, choices=Acceptance.choices, default=Acceptance.PENDING, db_index=True
    )
    followup = models.TextField("theo dõi thực hiện", blank=True)

    class Meta:
        verbose_name = "kiến nghị"
        verbose_name_plural = "kiến nghị"
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.content[:80]
