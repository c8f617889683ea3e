"""Directives, plans and notices cited by number (domain.md §5).

Party style "71-KH/TU" (number–type/issuer code; numbering restarts per type and party-committee
term), state style "12/QĐ-UBND" and the MTTQ's "249/MTTQ-BTT" (numbering restarts every year).
`series` holds the term ("2020-2025") or the year ("2022"); the issuer is stored apart from its
code because a code such as "TU" alone is ambiguous.
"""

from django.conf import settings
from django.db import models


class DirectiveStyle(models.TextChoices):
    PARTY = "party", "Văn bản của Đảng (71-KH/TU)"
    STATE = "state", "Văn bản hành chính (12/QĐ-UBND)"


class DirectiveKind(models.TextChoices):
    DIRECTIVE = "directive", "Chỉ thị, nghị quyết, quyết định"
    PLAN = "plan", "Kế hoạch, chương trình"
    COORDINATION = "coordination", "Chương trình phối hợp"
    CONCLUSION = "conclusion", "Thông báo kết luận"
    OTHER = "other", "Văn bản khác"


class Directive(models.Model):
    style = models.CharField("kiểu số hiệu", max_length=8, choices=DirectiveStyle.choices)
    kind = models.CharField("loại", max_length=16, choices=DirectiveKind.choices, default=DirectiveKind.PLAN)
    number = models.PositiveIntegerField("số")
    type_code = models.CharField("ký hiệu loại văn bản", max_length=12)  # KH, NQ, CT, TB, QĐ, CTr…
    issuer_code = models.CharField("ký hiệu cơ quan ban hành", max_length=40)  # TU, UBND, MTTQ-BTT
    issuer = models.ForeignKey(
        "orgs.Organization",
        on_delete=models.PROTECT,
        related_name="directives",
        verbose_name="cơ quan ban hành",
    )
    partners = models.ManyToManyField(
        "orgs.Organization", blank=True, related_name="coordination_programmes", verbose_name="bên phối hợp"
    )
    unit = models.ForeignKey(
        "territory.Unit", on_delete=models.PROTECT, related_name="+", verbose_name="đơn vị"
    )
    unit_path = models.CharField(max_length=32, db_index=True, editable=False)
    series = models.CharField("nhiệm kỳ hoặc năm đánh số", max_length=9)
    issued_on = models.DateField("ngày ban hành")
    title = models.CharField("trích yếu", max_length=500)
    summary = models.TextField("nội dung chính", blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "văn bản chỉ đạo"
        verbose_name_plural = "văn bản chỉ đạo"
        ordering = ["-issued_on", "-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["issuer", "type_code", "series", "number"], name="directive_number_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.reference} ngày {self.issued_on:%d/%m/%Y}"

    @property
    def reference(self) -> str:
        """ "71-KH/TU" (party) or "12/QĐ-UBND" (state); party numbers have two digits at least."""
        if self.style == DirectiveStyle.PARTY:
            return f"{self.number:02d}-{self.type_code}/{self.issuer_code}"
        return f"{self.number}/{self.type_code}-{self.issuer_code}"
