"""Forms of the meetings pages. They parse input; the rules live in the services."""

import datetime as dt
from typing import Any

from django import forms
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from danvan.core.errors import DomainError
from danvan.meetings.models import (
    Acceptance,
    AnnualTheme,
    AnswerState,
    DirectiveKind,
    DirectiveStyle,
    MeetingKind,
    QuestionSource,
    SupervisionKind,
)
from danvan.orgs.models import Organization, Person
from danvan.territory.models import Unit
from danvan.territory.tree import subtree_q


def add_domain_errors(form: forms.Form, exc: DomainError, fields: dict[str, str] | None = None) -> None:
    """A service's DomainError on the form: each message by its field, the rest on top."""
    fields = fields or {}
    placed = False
    for key, messages in exc.errors.items():
        name = fields.get(key, key)
        for message in messages:
            if name in form.fields:
                form.add_error(name, message)
                placed = True
            else:
                form.add_error(None, message)
    if not placed and not exc.errors:
        form.add_error(None, exc.message)


def organizations_in(unit: Unit) -> QuerySet[Organization]:
    """Active organizations of the unit's subtree (and, for old units, those of their time)."""
    return (
        Organization.objects.filter(subtree_q([unit.path], "unit__path"))
        .filter(Q(valid_to__isnull=True) | Q(unit__valid_to__isnull=False))
        .select_related("unit", "kind")
        .order_by("unit__depth", "sort_key")
    )


def people_in(unit: Unit) -> QuerySet[Person]:
    return (
        Person.objects.filter(
            subtree_q([unit.path], "home_unit__path")
            | subtree_q([unit.path], "positions__organization__unit__path")
        )
        .distinct()
        .order_by("sort_key")
    )


DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
DATETIME = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
TIME = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")


class MeetingForm(forms.Form):
    kind = forms.ChoiceField(label=_("Loại hội nghị"), choices=MeetingKind.choices)
    title = forms.CharField(label=_("Tên hội nghị"), max_length=300)
    starts_at = forms.DateTimeField(label=_("Bắt đầu"), widget=DATETIME)
    ends_at = forms.DateTimeField(label=_("Kết thúc"), widget=DATETIME, required=False)
    place = forms.CharField(label=_("Địa điểm"), max_length=300, required=False)
    organizers = forms.ModelMultipleChoiceField(
        label=_("Cơ quan tổ chức"), queryset=Organization.objects.none()
    )
    chair = forms.ModelChoiceField(label=_("Người chủ trì"), queryset=Person.objects.none(), required=False)
    period = forms.CharField(
        label=_("Kỳ sơ kết, tổng kết"),
        max_length=12,
        required=False,
        help_text=_("Ví dụ: 2019-Q1, 2021-H1, 2022."),
    )
    agenda = forms.CharField(
        label=_("Chương trình, nội dung"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )

    def __init__(self, *args: Any, unit: Unit, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organizers"].queryset = organizations_in(unit)  # type: ignore[attr-defined]
        self.fields["chair"].queryset = people_in(unit)  # type: ignore[attr-defined]


class AttendeeForm(forms.Form):
    person = forms.ModelChoiceField(label=_("Cán bộ"), queryset=Person.objects.none(), required=False)
    name = forms.CharField(label=_("Hoặc họ tên"), max_length=120, required=False)
    title = forms.CharField(
        label=_("Chức vụ ngày họp"),
        max_length=300,
        required=False,
        help_text=_("Bỏ trống: lấy chức vụ đang giữ ngày họp."),
    )
    organization = forms.ModelChoiceField(
        label=_("Cơ quan, tổ chức"), queryset=Organization.objects.none(), required=False
    )

    def __init__(self, *args: Any, unit: Unit, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = people_in(unit)  # type: ignore[attr-defined]
        self.fields["organization"].queryset = organizations_in(unit)  # type: ignore[attr-defined]


class HoldForm(forms.Form):
    other_attendees = forms.IntegerField(label=_("Số đại biểu khác"), min_value=0, required=False)
    minutes = forms.CharField(label=_("Ghi chép"), widget=forms.Textarea(attrs={"rows": 3}), required=False)


class CloseForm(forms.Form):
    minutes = forms.CharField(label=_("Biên bản"), widget=forms.Textarea(attrs={"rows": 4}), required=False)
    conclusions = forms.CharField(label=_("Kết luận"), widget=forms.Textarea(attrs={"rows": 4}))
    other_attendees = forms.IntegerField(label=_("Số đại biểu khác"), min_value=0, required=False)
    issue_notice = forms.BooleanField(label=_("Ban hành Thông báo kết luận có số"), required=False)
    notice_issuer = forms.ModelChoiceField(
        label=_("Cơ quan ban hành thông báo"), queryset=Organization.objects.none(), required=False
    )
    notice_issuer_code = forms.CharField(
        label=_("Ký hiệu cơ quan (ĐU, TU, UBND…)"), max_length=40, required=False
    )
    notice_number = forms.IntegerField(
        label=_("Số thông báo (bỏ trống: số kế tiếp)"), min_value=1, required=False
    )

    def __init__(self, *args: Any, unit: Unit, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["notice_issuer"].queryset = organizations_in(unit)  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("issue_notice") and not (data.get("notice_issuer") and data.get("notice_issuer_code")):
            self.add_error("notice_issuer", _("Cần chọn cơ quan ban hành và ký hiệu để đánh số thông báo."))
        return data


class TaskRowForm(forms.Form):
    title = forms.CharField(label=_("Nhiệm vụ"), max_length=500, required=False)
    owner = forms.ModelChoiceField(
        label=_("Cơ quan chủ trì"), queryset=Organization.objects.none(), required=False
    )
    deadline = forms.DateField(label=_("Hạn hoàn thành"), widget=DATE, required=False)

    def __init__(self, *args: Any, unit: Unit, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = organizations_in(unit)  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        filled = [k for k in ("title", "owner", "deadline") if data.get(k)]
        if filled and len(filled) < 3:
            for key in {"title", "owner", "deadline"} - set(filled):
                self.add_error(key, _("Cần nhập đủ nhiệm vụ, cơ quan chủ trì và hạn."))
        return data


TaskRows = forms.formset_factory(TaskRowForm, extra=4, max_num=30)


class QuestionForm(forms.Form):
    source = forms.ChoiceField(label=_("Nguồn"), choices=QuestionSource.choices)
    asked_by = forms.CharField(label=_("Người nêu"), max_length=200, required=False)
    topic = forms.CharField(label=_("Chủ đề"), max_length=200, required=False)
    content = forms.CharField(label=_("Nội dung ý kiến"), widget=forms.Textarea(attrs={"rows": 2}))


class AnswerForm(forms.Form):
    state = forms.ChoiceField(
        label=_("Trả lời"),
        choices=[
            (AnswerState.ON_THE_SPOT, AnswerState.ON_THE_SPOT.label),
            (AnswerState.PROMISED, AnswerState.PROMISED.label),
        ],
        widget=forms.RadioSelect,
    )
    answer = forms.CharField(
        label=_("Nội dung trả lời"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )
    commitment_owner = forms.ModelChoiceField(
        label=_("Cơ quan thực hiện cam kết"), queryset=Organization.objects.none(), required=False
    )
    commitment_deadline = forms.DateField(label=_("Hạn thực hiện"), widget=DATE, required=False)

    def __init__(self, *args: Any, unit: Unit, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["commitment_owner"].queryset = organizations_in(unit)  # type: ignore[attr-defined]


class ProgressForm(forms.Form):
    progress = forms.IntegerField(label=_("Tiến độ (%)"), min_value=0, max_value=100)
    on_date = forms.DateField(label=_("Ngày"), widget=DATE, required=False)
    note = forms.CharField(label=_("Kết quả thực hiện"), widget=forms.Textarea(attrs={"rows": 3}))
    evidence = forms.FileField(label=_("Tệp minh chứng"), required=False)
    evidence_link = forms.URLField(label=_("Đường dẫn minh chứng"), required=False)


class CancelForm(forms.Form):
    reason = forms.CharField(label=_("Lý do"), max_length=500)


class DirectiveForm(forms.Form):
    issuer = forms.ModelChoiceField(label=_("Cơ quan ban hành"), queryset=Organization.objects.none())
    style = forms.ChoiceField(label=_("Kiểu số hiệu"), choices=DirectiveStyle.choices)
    kind = forms.ChoiceField(label=_("Loại"), choices=DirectiveKind.choices, initial=DirectiveKind.PLAN)
    type_code = forms.CharField(label=_("Ký hiệu loại văn bản (KH, NQ, CT, QĐ…)"), max_length=12)
    issuer_code = forms.CharField(label=_("Ký hiệu cơ quan (TU, ĐU, UBND, MTTQ-BTT…)"), max_length=40)
    number = forms.IntegerField(label=_("Số (bỏ trống: số kế tiếp còn trống)"), min_value=1, required=False)
    term = forms.CharField(label=_("Nhiệm kỳ (văn bản Đảng), ví dụ 2020-2025"), max_length=9, required=False)
    issued_on = forms.DateField(label=_("Ngày ban hành"), widget=DATE)
    title = forms.CharField(label=_("Trích yếu"), max_length=500)
    partners = forms.ModelMultipleChoiceField(
        label=_("Bên phối hợp (chương trình phối hợp)"), queryset=Organization.objects.none(), required=False
    )

    def __init__(self, *args: Any, unit: Unit, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["issuer"].queryset = organizations_in(unit)  # type: ignore[attr-defined]
        self.fields["partners"].queryset = organizations_in(unit)  # type: ignore[attr-defined]


class DirectiveTaskForm(forms.Form):
    title = forms.CharField(label=_("Nhiệm vụ"), max_length=500)
    owner = forms.ModelChoiceField(label=_("Cơ quan chủ trì"), queryset=Organization.objects.none())
    deadline = forms.DateField(label=_("Hạn hoàn thành"), widget=DATE)

    def __init__(self, *args: Any, unit: Unit, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = organizations_in(unit)  # type: ignore[attr-defined]


class SupervisionForm(forms.Form):
    kind = forms.ChoiceField(label=_("Hình thức"), choices=SupervisionKind.choices)
    organization = forms.ModelChoiceField(label=_("Cơ quan chủ trì"), queryset=Organization.objects.none())
    subject = forms.CharField(label=_("Nội dung giám sát / dự thảo phản biện"), max_length=500)
    supervised_body = forms.ModelChoiceField(
        label=_("Đối tượng được giám sát / cơ quan soạn thảo"),
        queryset=Organization.objects.none(),
        required=False,
    )
    supervised_name = forms.CharField(label=_("Hoặc tên đối tượng"), max_length=300, required=False)
    team = forms.CharField(
        label=_("Thành phần đoàn"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )
    starts_on = forms.DateField(label=_("Từ ngày"), widget=DATE)
    ends_on = forms.DateField(label=_("Đến ngày"), widget=DATE)
    findings = forms.CharField(
        label=_("Kết quả, phát hiện"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    recommendations = forms.CharField(
        label=_("Kiến nghị (mỗi dòng một kiến nghị)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )
    answer_due = forms.DateField(label=_("Hạn trả lời kiến nghị"), widget=DATE, required=False)

    def __init__(self, *args: Any, unit: Unit, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = organizations_in(unit)  # type: ignore[attr-defined]
        self.fields["supervised_body"].queryset = organizations_in(unit)  # type: ignore[attr-defined]


class RecommendationAnswerForm(forms.Form):
    answer = forms.CharField(label=_("Nội dung trả lời"), widget=forms.Textarea(attrs={"rows": 2}))
    answered_on = forms.DateField(label=_("Ngày trả lời"), widget=DATE, initial=dt.date.today)
    acceptance = forms.ChoiceField(
        label=_("Mức độ tiếp thu"), choices=[c for c in Acceptance.choices if c[0] != Acceptance.PENDING]
    )


class ScheduleForm(forms.Form):
    head = forms.ModelChoiceField(label=_("Người đứng đầu cấp ủy"), queryset=Person.objects.none())
    head_title = forms.CharField(label=_("Chức vụ"), max_length=300)
    organization = forms.ModelChoiceField(label=_("Cấp ủy"), queryset=Organization.objects.none())
    published_time = forms.CharField(
        label=_("Thời gian công bố"),
        max_length=300,
        help_text=_("Ví dụ: thứ Năm tuần thứ hai và thứ tư hằng tháng."),
    )
    place = forms.CharField(label=_("Địa điểm"), max_length=300)

    def __init__(self, *args: Any, unit: Unit, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["head"].queryset = people_in(unit)  # type: ignore[attr-defined]
        self.fields["organization"].queryset = organizations_in(unit)  # type: ignore[attr-defined]


class SessionForm(forms.Form):
    day = forms.DateField(label=_("Ngày tiếp"), widget=DATE)
    starts = forms.TimeField(label=_("Từ"), widget=TIME)
    ends = forms.TimeField(label=_("Đến"), widget=TIME)
    place = forms.CharField(label=_("Địa điểm (bỏ trống: theo lịch)"), max_length=300, required=False)


class SessionRecordForm(forms.Form):
    citizens = forms.IntegerField(label=_("Số lượt công dân"), min_value=0)
    summary = forms.CharField(
        label=_("Ghi chép: nội dung chính, hướng xử lý"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )


class ThemeForm(forms.Form):
    year = forms.IntegerField(label=_("Năm"), min_value=1945, max_value=2100)
    kind = forms.ChoiceField(label=_("Loại"), choices=AnnualTheme.Kind.choices)
    text = forms.CharField(label=_("Nội dung"), max_length=300)
