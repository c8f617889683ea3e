"""Form fields for the way people write figures here: money in đồng with triệu/tỷ, dd/mm/yyyy dates."""

from typing import Any

from django import forms
from django.core.exceptions import ValidationError

from danvan.core.formatting import format_number
from danvan.core.parsing import MoneyError, parse_money

DATE_INPUTS = ["%Y-%m-%d", "%d/%m/%Y"]
MAX_TYPED = 60


class MoneyField(forms.CharField):
    """Đồng, typed as "15.000.000", "15 triệu" or "4,5 tỷ"; cleaned to an integer of đồng."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("required", False)
        kwargs.setdefault("help_text", "Ghi số đồng (15.000.000) hoặc kèm triệu, tỷ (15 triệu, 4,5 tỷ).")
        super().__init__(*args, **kwargs)
        self.widget.attrs.update(autocomplete="off", maxlength=str(MAX_TYPED))

    def prepare_value(self, value: Any) -> Any:
        return format_number(value) if isinstance(value, int) else value

    def to_python(self, value: Any) -> int | None:  # type: ignore[override]
        text = super().to_python(value)
        if text and len(text) > MAX_TYPED:
            raise ValidationError("Số tiền ghi quá dài.", code="max_length")
        try:
            return parse_money(text)
        except MoneyError as exc:
            raise ValidationError(str(exc), code="money") from exc


class DateField(forms.DateField):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("required", False)
        kwargs.setdefault("input_formats", DATE_INPUTS)
        kwargs.setdefault("widget", forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
        super().__init__(*args, **kwargs)
        self.error_messages["invalid"] = "Ngày không hợp lệ; hãy ghi dạng ngày/tháng/năm."


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one input; each is checked by the service (type by content, size)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("widget", MultipleFileInput())
        kwargs.setdefault("required", False)
        super().__init__(*args, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> list[Any]:
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(item, initial) for item in data if item]
        return [single(data, initial)] if data else []
