"""Forms of the campaign pages: they parse what people type (money with triệu/tỷ, 9.365 as a
quantity, dd/mm/yyyy); the rules live in the services."""

import re
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from danvan.campaigns.models import (
    MAX_QUANTITY,
    BeneficiaryGroup,
    ContributionKind,
    DonorType,
    FundingSource,
    ItemKind,
)
from danvan.core.errors import DomainError
from danvan.core.formatting import format_number
from danvan.core.parsing import MoneyError, parse_money
from danvan.core.periods import PERIOD_HELP, Period
from danvan.territory.models import Unit, UnitLineage

DATE_INPUTS = ["%Y-%m-%d", "%d/%m/%Y"]
MAX_TYPED = 60
_GROUPED = re.compile(r"^\d{1,3}(\.\d{3})+$")


class MoneyField(forms.CharField):
    """Đồng, typed as "15.000.000", "15 triệu" or "4,5 tỷ"; cleaned to an integer of đồng."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("required", False)
        kwargs.setdefault("help_text", _("Ghi số đồng (15.000.000) hoặc kèm triệu, tỷ (15 triệu, 4,5 tỷ)."))
        super().__init__(*args, **kwargs)
        self.widget.attrs.update(autocomplete="off", maxlength=str(MAX_TYPED), inputmode="text")

    def prepare_value(self, value: Any) -> Any:
        return format_number(value) if isinstance(value, int) else value

    def to_python(self, value: Any) -> int | None:  # type: ignore[override]
        text = super().to_python(value)
        if text and len(text) > MAX_TYPED:
            raise ValidationError(_("Số tiền ghi quá dài."), code="max_length")
        try:
            return parse_money(text)
        except MoneyError as exc:
            raise ValidationError(str(exc), code="money") from exc


def parse_quantity(text: str) -> int:
    """ "9.365" or "9365" → 9365; anything else (words, decimals, money) is explained."""
    raw = text.strip().replace(" ", "")
    if _GROUPED.match(raw):
        raw = raw.replace(".", "")
    if not raw.isdigit():
        raise ValidationError(
            _("Số lượng «%(text)s» phải là số nguyên, ví dụ 9.365. Số tiền ghi ở ô Trị giá.")
            % {"text": text[:40]},
            code="quantity",
        )
    value = int(raw)
    if not 1 <= value <= MAX_QUANTITY:
        raise ValidationError(
            _("Số lượng phải từ 1 đến %(max)s.") % {"max": format_number(MAX_QUANTITY)}, code="range"
        )
    return value


class QuantityField(forms.CharField):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.widget.attrs.update(autocomplete="off", inputmode="numeric", maxlength="20")

    def to_python(self, value: Any) -> int | None:  # type: ignore[override]
        text = super().to_python(value)
        return parse_quantity(text[:40]) if text else None


class DateField(forms.DateField):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("input_formats", DATE_INPUTS)
        kwargs.setdefault("widget", forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
        super().__init__(*args, **kwargs)
        self.error_messages["invalid"] = _("Ngày không hợp lệ; hãy ghi dạng ngày/tháng/năm.")
        self.error_messages["required"] = _("Cần ghi ngày.")


class UnitChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        legacy = f" — {_('trước 1/7/2025')}" if obj.is_legacy else ""
        return f"{obj.name} ({obj.code}){legacy}"


def campaign_units(unit: Unit) -> QuerySet[Unit]:
    """Where the working unit may run a campaign: itself and its units today, and the old units
    merged into it with theirs (a 2022 campaign of a former district)."""
    old = list(UnitLineage.objects.filter(successor=unit).values_list("predecessor_id", flat=True))
    today = Q(parent=unit, valid_to__isnull=True) | Q(parent=unit, valid_to__gte=timezone.localdate())
    return Unit.objects.filter(Q(pk=unit.pk) | today | Q(pk__in=old) | Q(parent_id__in=old)).order_by(
        "valid_to", "depth", "sort_key"
    )


def add_domain_errors(form: forms.Form, exc: DomainError) -> None:
    """A service's DomainError on the form: each message next to its field, the rest on top."""
    placed = False
    for key, messages in exc.errors.items():
        for message in messages:
            form.add_error(key if key in form.fields else None, message)
            placed = placed or key in form.fields
    if not placed:
        form.add_error(None, exc.message)


class CampaignForm(forms.Form):
    name = forms.CharField(label=_("Tên cuộc vận động"), max_length=300)
    unit = UnitChoiceField(label=_("Địa bàn"), queryset=Unit.objects.none(), empty_label=None)
    organizer_text = forms.CharField(
        label=_("Đơn vị tổ chức"),
        max_length=300,
        required=False,
        help_text=_("Ví dụ: Ủy ban MTTQ và các tổ chức chính trị - xã hội."),
    )
    start_date = DateField(label=_("Từ ngày"))
    end_date = DateField(label=_("Đến ngày"))
    goal_money = MoneyField(label=_("Chỉ tiêu vận động (đồng)"))
    goal_item_kind = forms.ModelChoiceField(
        label=_("Chỉ tiêu hiện vật: loại"),
        queryset=ItemKind.objects.filter(is_active=True),
        required=False,
        empty_label=_("— Không có —"),
    )
    goal_item_quantity = QuantityField(label=_("Chỉ tiêu hiện vật: số lượng"), required=False)
    description = forms.CharField(
        label=_("Mô tả"), required=False, widget=forms.Textarea(attrs={"rows": 3}), max_length=5000
    )

    def __init__(self, *args: Any, units: QuerySet[Unit], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("goal_item_kind") and not data.get("goal_item_quantity"):
            self.add_error("goal_item_quantity", _("Ghi số lượng của chỉ tiêu hiện vật."))
        return data


class ContributionForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Hình thức"), choices=ContributionKind.choices, widget=forms.RadioSelect, initial="money"
    )
    donor_type = forms.ChoiceField(label=_("Người đóng góp là"), choices=DonorType.choices)
    donor_name = forms.CharField(label=_("Tên người, đơn vị đóng góp"), max_length=200, required=False)
    amount = MoneyField(
        label=_("Số tiền (với hiện vật: giá trị ước tính)"),
        required=True,
        error_messages={"required": _("Cần ghi số tiền.")},
    )
    goods = forms.CharField(label=_("Loại hiện vật"), max_length=200, required=False)
    quantity = QuantityField(label=_("Số lượng hiện vật"), required=False)
    quantity_unit = forms.CharField(label=_("Đơn vị tính"), max_length=20, required=False)
    received_on = DateField(label=_("Ngày nhận"))
    receipt_number = forms.CharField(label=_("Số biên nhận"), max_length=60, required=False)


class DistributionForm(forms.Form):
    item_kind = forms.ModelChoiceField(
        label=_("Loại hỗ trợ"), queryset=ItemKind.objects.filter(is_active=True), empty_label=None
    )
    groups = forms.ModelMultipleChoiceField(
        label=_("Đối tượng thụ hưởng"),
        queryset=BeneficiaryGroup.objects.filter(is_active=True),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Chọn ít nhất một nhóm đối tượng thụ hưởng.")},
    )
    quantity = QuantityField(label=_("Số lượng"), error_messages={"required": _("Cần ghi số lượng.")})
    value = MoneyField(label=_("Trị giá (đồng)"))
    unit = UnitChoiceField(label=_("Nơi trao"), queryset=Unit.objects.none(), empty_label=None)
    distributed_on = DateField(label=_("Ngày trao"))
    funding_source = forms.ChoiceField(label=_("Nguồn kinh phí"), choices=FundingSource.choices)
    note = forms.CharField(label=_("Ghi chú"), max_length=300, required=False)

    def __init__(self, *args: Any, units: QuerySet[Unit], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units  # type: ignore[attr-defined]


class RecipientsForm(forms.Form):
    lines = forms.CharField(
        label=_("Người nhận, mỗi người một dòng"),
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=50_000,
        help_text=_(
            "Dạng: Họ tên; nơi ở (ấp, khóm, tổ); năm sinh (không bắt buộc). Ví dụ: Nguyễn Văn A; ấp 1; 1960"
        ),
    )
    allow_repeat = forms.BooleanField(
        label=_("Vẫn ghi nhận các hộ đã nhận trong cuộc vận động này (có lý do)"), required=False
    )

    def clean_lines(self) -> list[tuple[str, str, int | None]]:
        rows: list[tuple[str, str, int | None]] = []
        errors = []
        for number, line in enumerate(self.cleaned_data["lines"].splitlines(), start=1):
            if not line.strip():
                continue
            parts = [p.strip() for p in line.split(";")]
            year = parts[2] if len(parts) > 2 else ""
            if len(parts) < 2 or not parts[0] or not parts[1] or (year and not year.isdigit()):
                errors.append(_("Dòng %(n)s: cần «Họ tên; nơi ở; năm sinh».") % {"n": number})
                continue
            rows.append((parts[0][:120], parts[1][:200], int(year) if year else None))
        if errors:
            raise ValidationError(errors)
        if not rows:
            raise ValidationError(_("Chưa có người nhận nào."))
        return rows


class StatsForm(forms.Form):
    unit = forms.CharField(label=_("Mã đơn vị"), max_length=16, required=False)
    period = forms.CharField(label=_("Kỳ"), max_length=12, required=False, help_text=PERIOD_HELP)

    def clean_period(self) -> Period | None:
        text = self.cleaned_data["period"].strip()
        if not text:
            return None
        try:
            return Period.parse(text)
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
