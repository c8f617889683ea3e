"""Forms of the detail page: a lifecycle step, a progress update, a commendation, publication."""

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from danvan.practices.forms.fields import DateField, MoneyField, MultipleFileField
from danvan.practices.models import Commendation, Status
from danvan.practices.services.lifecycle import REASON_REQUIRED


class TransitionForm(forms.Form):
    to = forms.ChoiceField(label=_("Chuyển sang"), widget=forms.RadioSelect)
    reason = forms.CharField(
        label=_("Lý do, ghi chú"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Bắt buộc khi không công nhận, tạm dừng hoặc dừng thực hiện."),
    )

    def __init__(self, *args: Any, targets: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        labels = dict(Status.choices)
        self.fields["to"].choices = [(t, labels[t]) for t in targets]  # type: ignore[attr-defined]
        self.reason_required = [labels[t] for t in targets if t in REASON_REQUIRED]


class ProgressForm(forms.Form):
    on_date = DateField(label=_("Ngày"), required=True)
    summary = forms.CharField(label=_("Kết quả thực hiện"), widget=forms.Textarea(attrs={"rows": 4}))
    beneficiaries = forms.IntegerField(label=_("Số người hưởng lợi"), required=False, min_value=0)
    money_raised = MoneyField(label=_("Kinh phí huy động (đồng)"))
    workdays = forms.IntegerField(label=_("Ngày công"), required=False, min_value=0, max_value=10**9)
    evidence = MultipleFileField(
        label=_("Ảnh, tài liệu minh chứng"),
        help_text=_("Ảnh JPEG, PNG hoặc tài liệu PDF, Word, Excel; tối đa 10 tệp, mỗi tệp tối đa 10 MB."),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["on_date"].initial = timezone.localdate()
        self.fields["evidence"].widget.attrs["accept"] = ".jpg,.jpeg,.png,.pdf,.docx,.xlsx"


class CommendForm(forms.Form):
    form = forms.ChoiceField(
        label=_("Hình thức"), choices=Commendation.Form.choices, widget=forms.RadioSelect
    )
    issuer = forms.CharField(
        label=_("Cấp khen thưởng"), max_length=200, help_text=_("Ví dụ: Ban Thường vụ Tỉnh ủy.")
    )
    decision_number = forms.CharField(label=_("Số quyết định"), max_length=60)
    decision_date = DateField(label=_("Ngày quyết định"), required=True)
    recipients = forms.CharField(
        label=_("Tập thể, cá nhân được khen"), widget=forms.Textarea(attrs={"rows": 2})
    )


class PublishForm(forms.Form):
    public = forms.BooleanField(label=_("Công khai trên trang Dân vận khéo tiêu biểu"), required=False)
    consent = forms.BooleanField(
        label=_("Cá nhân điển hình đã đồng ý công khai thông tin của mình"), required=False
    )


class AdoptForm(forms.Form):
    name = forms.CharField(
        label=_("Tên mô hình ở đơn vị tôi"),
        max_length=300,
        required=False,
        help_text=_("Để trống để giữ tên của mô hình gốc."),
    )
