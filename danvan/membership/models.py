"""Members of the Front's organizations (hội viên, đoàn viên), counted two ways.

A `Member` is a person as the membership lists know them (name, birth date, sex, the place
that keeps the record, and a keyed hash of the ID number for de-duplication: the number itself
is not stored). A `Membership` is that person in one organization between two dates with a role.
One person in three organizations counts once as a person and three times as memberships.
`EligiblePopulation` is the number of people an organization of a kind could rally in a unit and
year (entered or imported); members over it is the rate (tỷ lệ tập hợp). orgs.Person is kept for
the cadres who hold posts; a member who is also a cadre links to it.
"""

from django.conf import settings
from django.db import models
from django.db.models import F, Q


class Member(models.Model):
    class Gender(models.TextChoices):
        MALE = "male", "Nam"
        FEMALE = "female", "Nữ"

    full_name = models.CharField("họ và tên", max_length=120)
    name_folded = models.CharField(max_length=120, editable=False)
    sort_key = models.CharField(max_length=300, editable=False)
    birth_date = models.DateField("ngày sinh")
    gender = models.CharField("giới tính", max_length=8, choices=Gender.choices, blank=True)
    id_hash = models.CharField(max_length=64, blank=True, db_index=True, editable=False)
    id_tail = models.CharField("4 số cuối số định danh", max_length=4, blank=True)
    home_unit = models.ForeignKey(
        "territory.Unit", on_delete=models.PROTECT, related_name="+", verbose_name="nơi quản lý hồ sơ"
    )
    home_path = models.CharField(max_length=32, db_index=True, editable=False)
    person = models.ForeignKey(
        "orgs.Person",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="cán bộ",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "hội viên, đoàn viên"
        verbose_name_plural = "hội viên, đoàn viên"
        ordering = ["sort_key", "birth_date"]
        indexes = [models.Index(fields=["home_unit", "name_folded", "birth_date"])]

    def __str__(self) -> str:
        return self.full_name


class Membership(models.Model):
    member = models.ForeignKey(Member, on_delete=models.PROTECT, related_name="memberships")
    organization = models.ForeignKey(
        "orgs.Organization", on_delete=models.PROTECT, related_name="memberships", verbose_name="tổ chức"
    )
    unit_path = models.CharField(max_length=32, db_index=True, editable=False)  # the organization's unit
    role = models.CharField("chức danh", max_length=80, default="Hội viên")
    joined_on = models.DateField("ngày vào")
    left_on = models.DateField("ngày ra", null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "sinh hoạt tổ chức"
        verbose_name_plural = "sinh hoạt tổ chức"
        ordering = ["-joined_on", "id"]
        indexes = [
            models.Index(fields=["unit_path", "joined_on"]),
            models.Index(fields=["unit_path", "left_on"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(left_on__isnull=True) | Q(left_on__gte=F("joined_on")),
                name="membership_dates_ordered",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.member} — {self.organization}"


class EligiblePopulation(models.Model):
    class Source(models.TextChoices):
        ENTERED = "entered", "Nhập tay"
        IMPORTED = "imported", "Nhập từ Excel"

    unit = models.ForeignKey(
        "territory.Unit", on_delete=models.PROTECT, related_name="+", verbose_name="đơn vị"
    )
    unit_path = models.CharField(max_length=32, db_index=True, editable=False)
    kind = models.ForeignKey(
        "orgs.OrganizationKind", on_delete=models.PROTECT, related_name="+", verbose_name="loại tổ chức"
    )
    year = models.PositiveSmallIntegerField("năm")
    count = models.PositiveIntegerField("số người trong diện tập hợp")
    source = models.CharField(max_length=8, choices=Source.choices, default=Source.ENTERED)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "đối tượng trong diện tập hợp"
        verbose_name_plural = "đối tượng trong diện tập hợp"
        ordering = ["-year", "unit_path", "kind__order"]
        constraints = [models.UniqueConstraint(fields=["unit", "kind", "year"], name="eligible_unique")]

    def __str__(self) -> str:
        return f"{self.kind} — {self.unit} — {self.year}: {self.count}"


class MemberImport(models.Model):
    """An uploaded member list that passed every check, waiting for the user's confirmation."""

    organization = models.ForeignKey("orgs.Organization", on_delete=models.CASCADE, related_name="+")
    file_name = models.CharField(max_length=200)
    data = models.BinaryField()
    rows = models.PositiveIntegerField(default=0)
    done = models.BooleanField(default=False)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "tệp nhập danh sách hội viên"
        verbose_name_plural = "tệp nhập danh sách hội viên"

    def __str__(self) -> str:
        return self.file_name
