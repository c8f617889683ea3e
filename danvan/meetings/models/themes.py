"""Annual themes and slogans of a unit ("Năm dân vận chính quyền" 2019; "Dễ để dân làm, khó để dân tin")."""

from django.db import models


class AnnualTheme(models.Model):
    class Kind(models.TextChoices):
        THEME = "theme", "Chủ đề năm"
        SLOGAN = "slogan", "Khẩu hiệu, chủ đề thi đua"

    unit = models.ForeignKey(
        "territory.Unit", on_delete=models.PROTECT, related_name="+", verbose_name="đơn vị"
    )
    unit_path = models.CharField(max_length=32, db_index=True, editable=False)
    year = models.PositiveSmallIntegerField("năm")
    kind = models.CharField("loại", max_length=8, choices=Kind.choices)
    text = models.CharField("nội dung", max_length=300)

    class Meta:
        verbose_name = "chủ đề năm"
        verbose_name_plural = "chủ đề năm"
        ordering = ["-year", "kind", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["unit", "year", "kind", "text"], name="annual_theme_unique")
        ]

    def __str__(self) -> str:
        return f"{self.text} ({self.year})"
