"""The registration form of the real 2026 ward form, and the edit form (with its version)."""

from typing import Any

from django import forms
from django.db.models import Q, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from danvan.orgs.models import Organization, Person
from danvan.practices.forms.fields import DateField, MoneyField
from danvan.practices.models import Kind, PracticeField, Subject
from danvan.territory.models import Unit


def _area(label: Any, rows: int = 3, help_text: Any = "") -> forms.CharField:
    return forms.CharField(
        label=label, required=False, widget=forms.Textarea(attrs={"rows": rows}), help_text=help_text
    )


def _line(label: Any) -> forms.CharField:
    return forms.CharField(label=label, required=False, max_length=300)


# (legend, field names), in the order of the ward's registration form.
GROUPS = [
    (_("Tên và lĩnh vực"), ["name", "field"]),
    (_("Vấn đề đặt ra, mục tiêu"), ["problem", "goals", "success_criteria"]),
    (_("Cách làm"), ["activities", "place", "target_people", "lead_forces", "partner_forces"]),
    (_("Nguồn lực"), ["budget", "workdays", "contributions"]),
    (_("Thời gian"), ["start_date", "milestones", "evaluation_date"]),
    (_("Kết quả và nhân rộng"), ["outputs", "sustainability"]),
]


class ContentForm(forms.Form):
    name = forms.CharField(label=_("Tên mô hình, điển hình"), max_length=300)
    field = forms.ModelChoiceField(
        label=_("Lĩnh vực"), queryset=PracticeField.objects.none(), empty_label=_("— Chọn lĩnh vực —")
    )
    problem = _area(
        _("Vấn đề đặt ra và lý do xây dựng"), help_text=_("Vấn đề bức xúc, cấp thiết ở địa phương.")
    )
    goals = _area(_("Mục tiêu"))
    success_criteria = _area(_("Tiêu chí đánh giá thành công"), help_text=_("Đo được, kiểm chứng được."))
    activities = _area(_("Nội dung, cách làm"), rows=5)
    place = _line(_("Địa điểm thực hiện"))
    target_people = _line(_("Đối tượng hướng đến"))
    lead_forces = _line(_("Lực lượng chủ trì"))
    partner_forces = _line(_("Lực lượng phối hợp"))
    budget = MoneyField(label=_("Kinh phí (đồng)"))
    workdays = forms.IntegerField(label=_("Ngày công"), required=False, min_value=0, max_value=10**9)
    contributions = _area(_("Đóng góp khác (hiện vật, đất đai…)"), rows=2)
    start_date = DateField(label=_("Ngày bắt đầu"))
    milestones = _area(
        _("Các mốc thực hiện"), help_text=_("Mỗi mốc một dòng, ví dụ «Tháng 6: sơ kết 6 tháng».")
    )
    evaluation_date = DateField(label=_("Ngày đánh giá"))
    outputs = _area(
        _("Kết quả, sản phẩm kiểm chứng được"), help_text=_("Ảnh, số liệu, biên bản… chứng minh kết quả.")
    )
    sustainability = _area(_("Khả năng duy trì, nhân rộng"))

    def __init__(self, *args: Any, fields: list[PracticeField], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["field"].queryset = PracticeField.objects.filter(pk__in=[f.pk for f in fields])  # type: ignore[attr-defined]
        self.fields["name"].widget.attrs.update(autocomplete="off")

    def groups(self) -> list[tuple[str, list[forms.BoundField]]]:
        return [(str(legend), [self[name] for name in names]) for legend, names in GROUPS]

    def content(self) -> dict[str, Any]:
        skip = {"name", "field", "version", "year", "kind", "subject", "unit", "organization", "person"}
        return {k: v for k, v in self.cleaned_data.items() if k not in skip}


class UnitChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"{'— ' * obj.depth}{obj.name} ({obj.code})"


class OrganizationChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.name} — {obj.unit.name}"


class PersonChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.full_name} ({obj.birth_year})" if obj.birth_year else obj.full_name


def body_units(unit: Unit) -> QuerySet[Unit]:
    """The registering unit may be the current unit or one directly under it (valid today)."""
    return (
        Unit.objects.valid_on(timezone.localdate())
        .filter(Q(pk=unit.pk) | Q(parent=unit))
        .order_by("depth", "sort_key")
    )


def body_organizations(units: QuerySet[Unit]) -> QuerySet[Organization]:
    return (
        Organization.objects.filter(unit__in=units, valid_to__isnull=True)
        .select_related("unit")
        .order_by("unit__depth", "unit__sort_key", "sort_key")
    )


def body_people(units: QuerySet[Unit]) -> QuerySet[Person]:
    """People homed in those units or holding a current position in one of their organizations."""
    holding = Q(positions__organization__unit__in=units, positions__end_date__isnull=True)
    return Person.objects.filter(Q(home_unit__in=units) | holding).distinct().order_by("sort_key", "pk")


class RegistrationForm(ContentForm):
    year = forms.IntegerField(label=_("Năm đăng ký"), min_value=2000, max_value=2100)
    unit = UnitChoiceField(label=_("Địa bàn đăng ký"), queryset=Unit.objects.none(), empty_label=None)
    organization = OrganizationChoiceField(
        label=_("Cơ quan, tổ chức đăng ký"),
        queryset=Organization.objects.none(),
        required=False,
        empty_label=_("— Chính địa bàn đăng ký —"),
        help_text=_(
            "Để trống khi địa bàn (xã, phường, thôn, tổ) tự đăng ký; điển hình tập thể chọn tập thể ở đây."
        ),
    )
    kind = forms.ChoiceField(
        label=_("Loại"), choices=Kind.choices, initial=Kind.MODEL, widget=forms.RadioSelect
    )
    subject = forms.ChoiceField(
        label=_("Điển hình là"), choices=Subject.choices, required=False, widget=forms.RadioSelect
    )
    person = PersonChoiceField(
        label=_("Cá nhân điển hình"),
        queryset=Person.objects.none(),
        required=False,
        empty_label=_("— Chọn cá nhân —"),
    )
    field_order = ["year", "unit", "organization", "kind", "subject", "person"]

    def __init__(self, *args: Any, current: Unit, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        units = body_units(current)
        self.fields["unit"].queryset = units  # type: ignore[attr-defined]
        self.fields["organization"].queryset = body_organizations(units)  # type: ignore[attr-defined]
        self.fields["person"].queryset = body_people(units)  # type: ignore[attr-defined]
        self.fields["name"].widget.attrs.update(
            {
                "hx-get": reverse("practices:similar"),
                "hx-trigger": "input changed delay:400ms",
                "hx-target": "#similar",
                "hx-swap": "innerHTML",
                "aria-describedby": "similar",
            }
        )


class EditForm(ContentForm):
    version = forms.IntegerField(widget=forms.HiddenInput)
