"""The filters of the list page and of the statistics page."""

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from danvan.practices.models import Kind, Status
from danvan.practices.selectors import PracticeFilter, field_choices
from danvan.territory.models import Level, Unit

ALL = [("", _("Tất cả"))]
ORDER_CHOICES = [("", _("Năm mới nhất, rồi theo tên")), ("name", _("Tên (A → Z)")), ("unit", _("Địa bàn"))]


def unit_valid_today(code: str) -> Unit | None:
    return Unit.objects.valid_on(timezone.localdate()).filter(code=code.strip()).first()


class UnitCodeField(forms.CharField):
    """An official unit code, resolved to the unit valid today."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("max_length", 16)
        kwargs.setdefault("required", False)
        kwargs.setdefault("help_text", _("Mã chính thức, ví dụ 92 hoặc 31510; gồm cả các đơn vị trực thuộc."))
        super().__init__(*args, **kwargs)

    def clean(self, value: Any) -> Unit | None:
        code = super().clean(value)
        if not code:
            return None
        unit = unit_valid_today(code)
        if unit is None:
            raise forms.ValidationError(
                _("Không có đơn vị mã «%(code)s» đang có hiệu lực."), params={"code": code}
            )
        return unit


class PracticeFilterForm(forms.Form):
    q = forms.CharField(label=_("Tìm kiếm"), required=False, max_length=100)
    field = forms.ChoiceField(label=_("Lĩnh vực"), required=False)
    kind = forms.ChoiceField(label=_("Loại"), required=False, choices=ALL + list(Kind.choices))
    level = forms.ChoiceField(label=_("Cấp"), required=False, choices=ALL + list(Level.choices))
    status = forms.ChoiceField(label=_("Trạng thái"), required=False, choices=ALL + list(Status.choices))
    year = forms.IntegerField(label=_("Năm"), required=False, min_value=1990, max_value=2100)
    unit = UnitCodeField(label=_("Mã đơn vị"))
    order = forms.ChoiceField(label=_("Sắp xếp"), required=False, choices=ORDER_CHOICES)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["field"].choices = ALL + field_choices()  # type: ignore[attr-defined]
        self.fields["q"].widget.attrs.update(
            type="search", placeholder=_("Tên, nội dung (gõ không dấu cũng được)")
        )
        self.fields["unit"].help_text = ""

    def criteria(self) -> PracticeFilter:
        if not self.is_valid():
            return PracticeFilter()
        data = self.cleaned_data
        return PracticeFilter(
            q=data["q"],
            field=data["field"],
            kind=data["kind"],
            level=data["level"],
            status=data["status"],
            year=data["year"],
            unit=data["unit"],
            order=data["order"],
        )


class StatsForm(forms.Form):
    unit = UnitCodeField(label=_("Mã đơn vị"))
    year = forms.IntegerField(label=_("Năm"), required=False, min_value=1990, max_value=2100)
