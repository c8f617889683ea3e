"""Social welfare campaigns (an sinh xã hội): what is raised, what is given, to whom.

A campaign belongs to a unit and a period, may have a parent (a provincial "Tết vì người nghèo"
with commune sub-campaigns) and rolls its sub-campaigns up. Contributions are money or goods;
distributions are items of a configurable kind given to one or more configurable beneficiary
groups. Beneficiary lists are optional and hold the least personal data the job needs.
See domain.md §7.
"""

from django.conf import settings
from django.db import models
from django.db.models import F, Q

MAX_QUANTITY = 10_000_000  # items in one distribution row: more is a typing error


class ItemKind(models.Model):
    """A kind of item given (suất quà, học bổng, nhà Đại đoàn kết…). Seeded, editable in the admin."""

    code = models.SlugField("mã", max_length=40, unique=True)
    name = models.CharField("tên", max_length=120)
    counted_as = models.CharField(
        "cách đếm trong câu", max_length=120, help_text="Ví dụ «suất quà», «chiếc điện thoại thông minh»."
    )
    measure = models.CharField("đơn vị tính", max_length=20, default="suất")
    is_house = models.BooleanField("là nhà ở xây mới", default=False)
    order = models.PositiveSmallIntegerField("thứ tự", default=100)
    is_active = models.BooleanField("đang dùng", default=True)

    class Meta:
        verbose_name = "loại hỗ trợ"
        verbose_name_plural = "loại hỗ trợ"
        ordering = ["order", "name"]

    def __str__(self) -> str:
        return self.name


class BeneficiaryGroup(models.Model):
    """A group of beneficiaries (hộ nghèo, gia đình chính sách…). Seeded, editable in the admin."""

    code = models.SlugField("mã", max_length=40, unique=True)
    name = models.CharField("tên", max_length=120)
    order = models.PositiveSmallIntegerField("thứ tự", default=100)
    is_active = models.BooleanField("đang dùng", default=True)

    class Meta:
        verbose_name = "nhóm đối tượng thụ hưởng"
        verbose_name_plural = "nhóm đối tượng thụ hưởng"
        ordering = ["order", "name"]

    def __str__(self) -> str:
        return self.name


class Campaign(models.Model):
    name = models.CharField("tên cuộc vận động", max_length=300)
    unit = models.ForeignKey(
        "territory.Unit", on_delete=models.PROTECT, related_name="campaigns", verbose_name="địa bàn"
    )
    unit_path = models.CharField(max_length=32, db_index=True, editable=False)
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        verbose_name="thuộc cuộc vận động",
    )
    # ids of the ancestors and the campaign itself, 10 digits each: sub-campaigns are a range.
    tree_path = models.CharField(max_length=200, db_index=True, editable=False, default="")
    organizers = models.ManyToManyField(
        "orgs.Organization", blank=True, related_name="campaigns", verbose_name="cơ quan tổ chức"
    )
    organizer_text = models.CharField("đơn vị tổ chức (ghi chữ)", max_length=300, blank=True)
    start_date = models.DateField("từ ngày")
    end_date = models.DateField("đến ngày")
    goal_money = models.BigIntegerField("chỉ tiêu vận động (đồng)", null=True, blank=True)
    description = models.TextField("mô tả", blank=True)
    name_folded = models.CharField(max_length=300, editable=False, default="")
    sort_key = models.CharField(max_length=800, editable=False, default="")
    version = models.PositiveIntegerField(default=1, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "cuộc vận động an sinh"
        verbose_name_plural = "cuộc vận động an sinh"
        ordering = ["-start_date", "sort_key"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__gte=F("start_date")), name="campaign_period_ordered"
            ),
            models.CheckConstraint(
                condition=Q(goal_money__isnull=True) | Q(goal_money__gte=0), name="campaign_goal_positive"
            ),
        ]

    def __str__(self) -> str:
        return self.name


class GoalItem(models.Model):
    """A goal in items: "1.000 suất quà", "20 căn nhà Đại đoàn kết"."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="goal_items")
    item_kind = models.ForeignKey(ItemKind, on_delete=models.PROTECT, related_name="+", verbose_name="loại")
    quantity = models.PositiveIntegerField("số lượng")

    class Meta:
        verbose_name = "chỉ tiêu hiện vật"
        verbose_name_plural = "chỉ tiêu hiện vật"
        constraints = [
            models.UniqueConstraint(fields=["campaign", "item_kind"], name="goal_item_unique"),
            models.CheckConstraint(
                condition=Q(quantity__gte=1, quantity__lte=MAX_QUANTITY), name="goal_item_quantity_range"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.quantity} {self.item_kind.counted_as}"


class DonorType(models.TextChoices):
    ORGANIZATION = "organization", "Cơ quan, tổ chức"
    ENTERPRISE = "enterprise", "Doanh nghiệp"
    INDIVIDUAL = "individual", "Cá nhân"
    ANONYMOUS = "anonymous", "Ẩn danh"


class ContributionKind(models.TextChoices):
    MONEY = "money", "Tiền"
    GOODS = "goods", "Hiện vật"


class Contribution(models.Model):
    """Money (amount in đồng) or goods (kind, quantity and estimated value in `amount`)."""

    campaign = models.ForeignKey(Campaign, on_delete=models.PROTECT, related_name="contributions")
    unit_path = models.CharField(max_length=32, db_index=True, editable=False)
    kind = models.CharField("hình thức", max_length=8, choices=ContributionKind.choices)
    donor_type = models.CharField("người đóng góp là", max_length=16, choices=DonorType.choices)
    donor_name = models.CharField("tên người, đơn vị đóng góp", max_length=200, blank=True)
    amount = models.BigIntegerField("số tiền hoặc giá trị ước tính (đồng)")
    goods = models.CharField("loại hiện vật", max_length=200, blank=True)
    quantity = models.PositiveIntegerField("số lượng hiện vật", null=True, blank=True)
    quantity_unit = models.CharField("đơn vị tính", max_length=20, blank=True)
    received_on = models.DateField("ngày nhận", db_index=True)
    receipt_number = models.CharField("số biên nhận", max_length=60, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "khoản đóng góp"
        verbose_name_plural = "khoản đóng góp"
        ordering = ["-received_on", "-id"]
        indexes = [models.Index(fields=["unit_path", "received_on"])]
        constraints = [
            models.CheckConstraint(condition=Q(amount__gte=0), name="contribution_amount_positive"),
            models.CheckConstraint(condition=Q(kind="money") | ~Q(goods=""), name="contribution_goods_named"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} — {self.donor_name or self.get_donor_type_display()}"


class FundingSource(models.TextChoices):
    CAMPAIGN = "campaign", "Nguồn vận động của cuộc vận động"
    FUND = "fund", "Quỹ Vì người nghèo, quỹ an sinh"
    BUDGET = "budget", "Ngân sách nhà nước"
    SPONSOR = "sponsor", "Nhà tài trợ, doanh nghiệp"
    MIXED = "mixed", "Nhiều nguồn"


class Distribution(models.Model):
    """N items of one kind given to one or more beneficiary groups in a unit on a date."""

    campaign = models.ForeignKey(Campaign, on_delete=models.PROTECT, related_name="distributions")
    unit = models.ForeignKey(
        "territory.Unit", on_delete=models.PROTECT, related_name="+", verbose_name="nơi trao"
    )
    unit_path = models.CharField(max_length=32, db_index=True, editable=False)
    item_kind = models.ForeignKey(
        ItemKind, on_delete=models.PROTECT, related_name="distributions", verbose_name="loại hỗ trợ"
    )
    groups = models.ManyToManyField(BeneficiaryGroup, related_name="+", verbose_name="đối tượng thụ hưởng")
    # the groups as one bucket for GROUP BY: sorted codes, and their names as shown
    groups_key = models.CharField(max_length=400, editable=False, default="")
    groups_label = models.CharField(max_length=600, editable=False, default="")
    groups_rank = models.PositiveSmallIntegerField(editable=False, default=0)  # order of the first group
    quantity = models.PositiveIntegerField("số lượng")
    value = models.BigIntegerField("trị giá (đồng)", null=True, blank=True)
    funding_source = models.CharField(
        "nguồn kinh phí", max_length=12, choices=FundingSource.choices, default=FundingSource.CAMPAIGN
    )
    distributed_on = models.DateField("ngày trao", db_index=True)
    note = models.CharField("ghi chú", max_length=300, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "đợt trao tặng"
        verbose_name_plural = "đợt trao tặng"
        ordering = ["-distributed_on", "-id"]
        indexes = [models.Index(fields=["unit_path", "distributed_on"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(quantity__gte=1, quantity__lte=MAX_QUANTITY), name="distribution_quantity_range"
            ),
            models.CheckConstraint(
                condition=Q(value__isnull=True) | Q(value__gte=0), name="distribution_value_positive"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.quantity} {self.item_kind.counted_as}"


class Beneficiary(models.Model):
    """One household or person who received a distribution: name, place, and nothing more."""

    distribution = models.ForeignKey(Distribution, on_delete=models.CASCADE, related_name="beneficiaries")
    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="+")
    full_name = models.CharField("họ tên chủ hộ hoặc người nhận", max_length=120)
    address = models.CharField("nơi ở (ấp, khóm, tổ)", max_length=200)
    birth_year = models.PositiveSmallIntegerField("năm sinh", null=True, blank=True)
    household_key = models.CharField(max_length=330, db_index=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "người nhận"
        verbose_name_plural = "người nhận"
        ordering = ["id"]
        indexes = [models.Index(fields=["campaign", "household_key"])]

    def __str__(self) -> str:
        return self.full_name
