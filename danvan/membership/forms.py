"""Forms of the membership pages; the rules live in the services."""

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from danvan.core.errors import DomainError
from danvan.core.periods import PERIOD_HELP, Period
from danvan.membership.models import Member
from danvan.membership.stats import MASS_KINDS
from danvan.orgs.models import OrganizationKind
from danvan.territory.models import Unit

DATE_INPUTS = ["%Y-%m-%d", "%d/%m/%Y"]


def _date(label: Any, required: bool = True) -> forms.DateField:
    field = forms.DateField(
        label=label,
        required=required,
        input_formats=DATE_INPUTS,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    field.error_messages["invalid"] = _("Ngày không hợp lệ; hãy ghi dạng ngày/tháng/năm.")
    field.error_messages["required"] = _("Cần ghi ngày.")
    return field


def add_domain_errors(form: forms.Form, exc: DomainError) -> None:
    placed = False
    for key, messages in exc.errors.items():
        for message in messages:
            form.add_error(key if key in form.fields else None, message)
            placed = placed or key in form.fields
    if not placed and not exc.errors:
        form.add_error(None, exc.message)


class StatsForm(forms.Form):
    unit = forms.CharField(label=_("Mã đơn vị"), max_length=16, required=False)
    period = forms.CharField(label=_("Kỳ"), max_length=12, required=False, help_text=PERIOD_HELP)

    def clean_period(self) -> Period | None:
        text = self.cleaned_data["period"].strip()
        try:
            return Period.parse(text) if text else None
        except DomainError as exc:
            raise ValidationError(exc.message) from exc

    def clean_unit(self) -> Unit | None:
        code = self.cleaned_data["unit"].strip()
        if not code:
            return None
        unit = Unit.objects.valid_on(timezone.localdate()).filter(code=code).first()
        if unit is None:
            raise ValidationError(_("Không có đơn vị mã «%(code)s» đang có hiệu lực.") % {"code": code})
        return unit


class MemberForm(forms.Form):
    full_name = forms.CharField(label=_("Họ và tên"), max_length=120)
    birth_date = _date(_("Ngày sinh"))
    gender = forms.ChoiceField(
        label=_("Giới tính"), choices=[("", "—"), *Member.Gender.choices], required=False
    )
    id_number = forms.CharField(
        label=_("Số định danh cá nhân"),
        max_length=20,
        required=False,
        help_text=_("Không bắt buộc; chỉ dùng để nhận ra người đã có hồ sơ, không lưu số đầy đủ."),
    )
    joined_on = _date(_("Ngày vào tổ chức"))
    role = forms.CharField(label=_("Chức danh"), max_length=80, required=False, initial=_("Hội viên"))


class LeaveForm(forms.Form):
    left_on = _date(_("Ngày ra khỏi tổ chức"))


class ImportForm(forms.Form):
    file = forms.FileField(label=_("Tệp Excel (.xlsx) theo mẫu"))


class UnitChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.name} ({obj.code})"


class EligibleForm(forms.Form):
    unit = UnitChoiceField(label=_("Đơn vị"), queryset=Unit.objects.none(), empty_label=None)
    kind = forms.ModelChoiceField(
        label=_("Tổ chức"), queryset=OrganizationKind.objects.none(), empty_label=None
    )
    year = forms.IntegerField(label=_("Năm"), min_value=1990, max_value=2100)
    count = forms.IntegerField(
        label=_("Số người trong diện tập hợp"),
        min_value=0,
        max_value=50_000_000,
        error_messages={"invalid": _("Ghi một số nguyên, ví dụ 1250.")},
    )

    def __init__(self, *args: Any, unit: Unit, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        today = timezone.localdate()
        units: QuerySet[Unit] = Unit.objects.valid_on(today).filter(Q(pk=unit.pk) | Q(parent=unit))
        self.fields["unit"].queryset = units.order_by("depth", "sort_key")  # type: ignore[attr-defined]
        codes = [code for code, _name in MASS_KINDS.values()]
        self.fields["kind"].queryset = OrganizationKind.objects.filter(code__in=codes)  # type: ignore[attr-defined]
