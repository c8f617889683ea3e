"""The record of a generation, which makes `manage.py generate` idempotent per scale and seed."""

from django.db import models


class GenerationRun(models.Model):
    scale = models.CharField("quy mô", max_length=16)
    seed = models.BigIntegerField("hạt giống")
    years = models.PositiveSmallIntegerField("số năm lịch sử")
    province_code = models.CharField("mã tỉnh", max_length=16, blank=True)
    as_of = models.DateField("ngày tham chiếu")
    rows = models.JSONField("số dòng theo bảng", default=dict)
    seconds = models.FloatField("thời gian (giây)", default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "lần sinh dữ liệu"
        verbose_name_plural = "lần sinh dữ liệu"

    def __str__(self) -> str:
        return f"{self.scale} seed={self.seed} years={self.years}"

    def matches(self, *, scale: str, seed: int, years: int, province_code: str) -> bool:
        return (self.scale, self.seed, self.years, self.province_code) == (scale, seed, years, province_code)
