"""Administrative units of Vietnam, before and after 1/7/2025, and their merge lineage.

A unit's identity is its official code together with its validity interval: codes were
reused in 2025 (the new Cần Thơ keeps code 92). `parent` is the truth of the tree; `path`
is derived from it (fixed-width ids, digits only), indexed, and rebuilt by a command.
"""

import datetime as dt

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

REFORM_DATE = dt.date(2025, 7, 1)
LEGACY_END = dt.date(2025, 6, 30)
PATH_SEGMENT = 8  # digits per ancestor id in `path`
NATION = 0  # the node of the whole country, where figures are kept per unit (see selectors.nodes_for)
MAX_DEPTH = 4


class Level(models.TextChoices):
    PROVINCE = "province", "Cấp tỉnh"
    DISTRICT = "district", "Cấp huyện"
    COMMUNE = "commune", "Cấp xã"
    NEIGHBOURHOOD = "neighbourhood", "Thôn, tổ dân phố"


class Kind(models.TextChoices):
    TINH = "tinh", "Tỉnh"
    THANH_PHO_TW = "thanh_pho_tw", "Thành phố trực thuộc trung ương"
    HUYEN = "huyen", "Huyện"
    QUAN = "quan", "Quận"
    THANH_PHO = "thanh_pho", "Thành phố"
    THI_XA = "thi_xa", "Thị xã"
    XA = "xa", "Xã"
    PHUONG = "phuong", "Phường"
    THI_TRAN = "thi_tran", "Thị trấn"
    DAC_KHU = "dac_khu", "Đặc khu"
    THON = "thon", "Thôn"
    AP = "ap", "Ấp"
    BAN = "ban", "Bản"
    BUON = "buon", "Buôn"
    TO_DAN_PHO = "to_dan_pho", "Tổ dân phố"
    KHOM = "khom", "Khóm"
    KHU_PHO = "khu_pho", "Khu phố"
    XOM = "xom", "Xóm"
    KHU_DAN_CU = "khu_dan_cu", "Khu dân cư"


NEIGHBOURHOOD_KINDS = [
    Kind.THON,
    Kind.AP,
    Kind.BAN,
    Kind.BUON,
    Kind.TO_DAN_PHO,
    Kind.KHOM,
    Kind.KHU_PHO,
    Kind.XOM,
    Kind.KHU_DAN_CU,
]


class UnitQuerySet(models.QuerySet["Unit"]):
    def valid_on(self, day: dt.date) -> "UnitQuerySet":
        return self.filter(
            Q(valid_from__isnull=True) | Q(valid_from__lte=day),
            Q(valid_to__isnull=True) | Q(valid_to__gte=day),
        )


class Unit(models.Model):
    code = models.CharField("mã", max_length=16, db_index=True)
    name = models.CharField("tên", max_length=150)
    kind = models.CharField("loại", max_length=16, choices=Kind.choices)
    level = models.CharField("cấp", max_length=16, choices=Level.choices, db_index=True)
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        verbose_name="trực thuộc",
    )
    valid_from = models.DateField("hiệu lực từ", null=True, blank=True)
    valid_to = models.DateField("hiệu lực đến", null=True, blank=True)
    is_official = models.BooleanField("trong danh mục chính thức", default=True)
    path = models.CharField(max_length=PATH_SEGMENT * MAX_DEPTH, db_index=True, editable=False)
    depth = models.PositiveSmallIntegerField(default=0, editable=False)
    name_folded = models.CharField(max_length=150, db_index=True, editable=False)
    sort_key = models.CharField(max_length=400, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = UnitQuerySet.as_manager()

    class Meta:
        verbose_name = "đơn vị hành chính"
        verbose_name_plural = "đơn vị hành chính"
        ordering = ["sort_key"]
        constraints = [
            models.UniqueConstraint(fields=["code", "valid_from"], name="unit_code_valid_from_unique"),
            models.UniqueConstraint(
                fields=["code"], condition=Q(valid_from__isnull=True), name="unit_code_undated_unique"
            ),
            models.UniqueConstraint(
                fields=["parent", "name_folded"],
                condition=Q(level="neighbourhood", valid_to__isnull=True),
                name="neighbourhood_name_unique_in_commune",
            ),
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True)
                | Q(valid_from__isnull=True)
                | Q(valid_to__gte=models.F("valid_from")),
                name="unit_validity_ordered",
            ),
        ]
        indexes = [models.Index(fields=["level", "valid_to", "sort_key"])]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        """The unit's page; dated (?ngay=) when the unit is not valid today, since codes are reused."""
        url = reverse("territory:unit", args=[self.code])
        today = timezone.localdate()
        if self.is_valid_on(today):
            return url
        day = self.valid_to if self.valid_to is not None and self.valid_to < today else self.valid_from
        return f"{url}?ngay={day.isoformat()}" if day else url

    @property
    def is_legacy(self) -> bool:
        return self.valid_to is not None and self.valid_to < REFORM_DATE

    def is_valid_on(self, day: dt.date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_to is None or self.valid_to >= day
        )

    def subtree_bounds(self) -> tuple[str, str]:
        """Inclusive bounds of `path` for this unit and all its descendants."""
        return self.path, self.path + "9" * (PATH_SEGMENT * MAX_DEPTH)  # = tree.SUBTREE_HIGH

    def ancestor_ids(self) -> list[int]:
        return [
            int(self.path[i : i + PATH_SEGMENT])
            for i in range(0, len(self.path) - PATH_SEGMENT, PATH_SEGMENT)
        ]


class UnitLineage(models.Model):
    """predecessor → successor at a reorganization; `partial` when only part of it went there."""

    predecessor = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="successor_links")
    successor = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="predecessor_links")
    partial = models.BooleanField("sáp nhập một phần", default=False)
    effective_date = models.DateField("ngày hiệu lực", default=REFORM_DATE)

    class Meta:
        verbose_name = "quan hệ kế thừa"
        verbose_name_plural = "quan hệ kế thừa"
        constraints = [
            models.UniqueConstraint(fields=["predecessor", "successor"], name="lineage_unique_pair"),
            models.CheckConstraint(condition=~Q(predecessor=models.F("successor")), name="lineage_not_self"),
        ]

    def __str__(self) -> str:
        return f"{self.predecessor} → {self.successor}"
