"""The Excel import form."""

from django import forms
from django.utils.translation import gettext_lazy as _


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("Tệp Excel (.xlsx) theo mẫu"),
        widget=forms.ClearableFileInput(
            attrs={"accept": ".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}
        ),
    )
    keep_valid_only = forms.BooleanField(
        label=_("Chỉ nhập các dòng hợp lệ"),
        required=False,
        help_text=_(
            "Nếu chọn: lưu các dòng đúng và liệt kê các dòng lỗi. "
            "Nếu không: có dòng lỗi thì không lưu dòng nào."
        ),
    )
