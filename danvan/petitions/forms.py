"""Forms of the petitions pages. They parse input; the rules live in the services."""

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from danvan.core.errors import DomainError
from danvan.orgs.models import Organization
from danvan.petitions.models import Channel, Complexity, Holiday, Kind, Status, Topic
from danvan.petitions.services.files import MAX_FILE_BYTES, MAX_FILES
from danvan.petitions.services.intake import MAX_CONTENT, Intake
from danvan.territory.models import Unit

DATE_INPUTS = ["%Y-%m-%d", "%d/%m/%Y"]


def add_domain_errors(form: forms.BaseForm, exc: DomainError) -> None:
    """A service's DomainError on the form: its message on top, each detail next to its field."""
    form.add_error(None, exc.message)
    for key, messages in exc.errors.items():
        for message in messages:
            name = "attachments" if key in ("files", "file") else key
            if name in form.fields:
                form.add_error(name, message)
            elif message != exc.message:
                form.add_error(None, message)


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self) -> None:
        super().__init__(format="%Y-%m-%d")


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


FILES_HELP = _("Ảnh JPEG, PNG hoặc tài liệu PDF, Word; tối đa %(n)s tệp, mỗi tệp tối đa %(mb)s MB.") % {
    "n": MAX_FILES,
    "mb": MAX_FILE_BYTES // (1024 * 1024),
}


class IntakeForm(forms.Form):
    """What staff and citizens fill in. Staff also choose the channel."""

    kind = forms.ChoiceField(label=_("Loại"), choices=Kind.choices)
    topic = forms.ModelChoiceField(label=_("Lĩnh vực"), queryset=Topic.objects.none(), empty_label="—")
    unit = forms.ModelChoiceField(
        label=_("Xã, phường nơi xảy ra sự việc"), queryset=Unit.objects.none(), empty_label="—"
    )
    title = forms.CharField(label=_("Tóm tắt (không bắt buộc)"), required=False, max_length=200)
    content = forms.CharField(
        label=_("Nội dung"),
        widget=forms.Textarea(attrs={"rows": 6, "maxlength": str(MAX_CONTENT)}),
        help_text=_("Ghi rõ sự việc, thời gian, địa điểm và đề nghị của ông/bà."),
        max_length=MAX_CONTENT * 2,  # the service gives the precise message
    )
    location = forms.CharField(label=_("Địa điểm cụ thể"), required=False, max_length=300)
    citizen_name = forms.CharField(label=_("Họ và tên"), required=False, max_length=120)
    citizen_phone = forms.CharField(label=_("Điện thoại"), required=False, max_length=20)
    citizen_email = forms.CharField(label=_("Thư điện tử"), required=False, max_length=200)
    citizen_address = forms.CharField(label=_("Địa chỉ liên hệ"), required=False, max_length=300)
    known_on = forms.DateField(
        label=_("Ngày biết quyết định, hành vi bị khiếu nại"),
        required=False,
        input_formats=DATE_INPUTS,
        widget=DateInput(),
    )
    wants_updates = forms.BooleanField(label=_("Nhận thông báo khi có kết quả"), required=False)
    public_consent = forms.BooleanField(
        label=_("Đồng ý công khai câu trả lời (không công khai họ tên, địa chỉ)"), required=False
    )
    attachments = MultipleFileField(label=_("Tệp đính kèm"), help_text=FILES_HELP)

    def __init__(self, *args: Any, units: QuerySet[Unit], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["topic"].queryset = Topic.objects.filter(is_active=True)  # type: ignore[attr-defined]
        self.fields["unit"].queryset = units  # type: ignore[attr-defined]

    def intake(self) -> Intake:
        data = self.cleaned_data
        return Intake(
            kind=data["kind"],
            topic=data["topic"],
            unit=data["unit"],
            content=data["content"],
            title=data["title"],
            location=data["location"],
            citizen_name=data["citizen_name"],
            citizen_phone=data["citizen_phone"],
            citizen_email=data["citizen_email"],
            citizen_address=data["citizen_address"],
            wants_updates=data["wants_updates"],
            public_consent=data["public_consent"],
            known_on=data["known_on"],
        )


class StaffIntakeForm(IntakeForm):
    channel = forms.ChoiceField(label=_("Kênh tiếp nhận"), choices=Channel.choices)
    field_order = ["channel", "kind"]


class FilterForm(forms.Form):
    q = forms.CharField(label=_("Tìm kiếm"), required=False, max_length=200)
    kind = forms.ChoiceField(label=_("Loại"), required=False, choices=[("", _("Tất cả")), *Kind.choices])
    channel = forms.ChoiceField(
        label=_("Kênh"), required=False, choices=[("", _("Tất cả")), *Channel.choices]
    )
    topic = forms.ChoiceField(label=_("Lĩnh vực"), required=False)
    status = forms.ChoiceField(
        label=_("Trạng thái"), required=False, choices=[("", _("Tất cả")), *Status.choices]
    )
    due = forms.ChoiceField(
        label=_("Thời hạn"),
        required=False,
        choices=[
            ("", _("Tất cả")),
            ("today", _("Đến hạn hôm nay")),
            ("week", _("Đến hạn trong tuần")),
            ("overdue", _("Quá hạn")),
        ],
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        topics = [("", _("Tất cả"))] + [(t.code, t.name) for t in Topic.objects.filter(is_active=True)]
        self.fields["topic"].choices = topics  # type: ignore[attr-defined]


class StepForm(forms.Form):
    """One handling step; the fields each step uses are shown with it, the service checks them."""

    reason = forms.CharField(
        label=_("Lý do, ghi chú"), required=False, max_length=5000, widget=forms.Textarea(attrs={"rows": 2})
    )
    complexity = forms.ChoiceField(
        label=_("Mức độ phức tạp"), required=False, choices=Complexity.choices, initial=Complexity.NORMAL
    )
    remote = forms.BooleanField(label=_("Vùng sâu, vùng xa, đi lại khó khăn"), required=False)
    organization = forms.ModelChoiceField(
        label=_("Cơ quan trong hệ thống"),
        required=False,
        queryset=Organization.objects.none(),
        empty_label="—",
    )
    external_body = forms.CharField(label=_("Hoặc cơ quan ngoài hệ thống"), required=False, max_length=300)
    handlers = forms.ModelMultipleChoiceField(
        label=_("Người xử lý"),
        required=False,
        queryset=Organization.objects.none(),
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, organizations: QuerySet[Any], users: QuerySet[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = organizations  # type: ignore[attr-defined]
        self.fields["handlers"].queryset = users  # type: ignore[attr-defined]


class AnswerForm(forms.Form):
    text = forms.CharField(
        label=_("Nội dung trả lời, kết quả giải quyết"),
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=20_000,
        help_text=_("Nói rõ đã làm gì, kết quả ra sao, căn cứ nào; tránh trả lời chung chung."),
    )
    decision_number = forms.CharField(label=_("Số quyết định, văn bản"), required=False, max_length=60)
    decision_date = forms.DateField(
        label=_("Ngày ban hành"), required=False, input_formats=DATE_INPUTS, widget=DateInput()
    )
    public = forms.BooleanField(label=_("Công khai câu trả lời"), required=False)
    attachments = MultipleFileField(label=_("Minh chứng (bắt buộc)"), help_text=FILES_HELP)


class RateForm(forms.Form):
    satisfied = forms.TypedChoiceField(
        label=_("Ông/bà có hài lòng với kết quả giải quyết không?"),
        choices=[("1", _("Hài lòng")), ("0", _("Chưa hài lòng"))],
        coerce=lambda v: v == "1",
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label=_("Ý kiến thêm"), required=False, max_length=5000, widget=forms.Textarea(attrs={"rows": 2})
    )


class WithdrawForm(forms.Form):
    reason = forms.CharField(
        label=_("Lý do rút đơn"), max_length=5000, widget=forms.Textarea(attrs={"rows": 2})
    )


class TrackForm(forms.Form):
    code = forms.CharField(label=_("Mã theo dõi"), max_length=16)


class HolidayForm(forms.ModelForm):
    class Meta:
        model = Holiday
        fields = ["date", "kind", "name"]
        widgets = {"date": DateInput()}


class StatsForm(forms.Form):
    unit = forms.CharField(label=_("Mã đơn vị"), required=False, max_length=20)
    period = forms.CharField(
        label=_("Kỳ"), required=False, max_length=12, help_text=_("Ví dụ: 2026, 2026-Q1, 2026-H1, 2026-M03.")
    )
