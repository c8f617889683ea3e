"""Forms of the accounts pages. They parse input; the rules live in the services."""

from typing import Any

from django import forms
from django.conf import settings
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm
from django.db.models import QuerySet
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from danvan.accounts.models import ApiToken, Role
from danvan.accounts.services.tokens import MAX_TOKEN_DAYS
from danvan.core.errors import DomainError
from danvan.territory.models import Unit

ALL = [("", _("Tất cả"))]


class LoginForm(AuthenticationForm):
    error_messages = {
        "invalid_login": _(
            "Tên đăng nhập hoặc mật khẩu không đúng. Lưu ý mật khẩu phân biệt chữ hoa, chữ thường; "
            "sau nhiều lần nhập sai, tài khoản sẽ bị tạm khóa đăng nhập."
        ),
        "inactive": _("Tài khoản này đã bị vô hiệu hóa. Hãy liên hệ quản trị đơn vị."),
    }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["username"].label = _("Tên đăng nhập")
        self.fields["password"].label = _("Mật khẩu")


class ResetRequestForm(PasswordResetForm):
    email = forms.EmailField(
        label=_("Địa chỉ email đã đăng ký"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )


class UnitChoiceField(forms.ModelChoiceField):
    """Units shown as a tree: indented by depth, with their official code."""

    def label_from_instance(self, obj: Any) -> str:
        return f"{'— ' * obj.depth}{obj.name} ({obj.code})"


def role_choices(is_system_admin: bool) -> list[tuple[str, str]]:
    roles = [(value, label) for value, label in Role.choices if is_system_admin or value != Role.SYSTEM_ADMIN]
    return [("", gettext("— Chọn vai trò —")), *roles]


class UserFilterForm(forms.Form):
    q = forms.CharField(label=_("Tìm theo tên"), required=False, max_length=100)
    role = forms.ChoiceField(label=_("Vai trò"), required=False, choices=ALL + list(Role.choices))
    unit = UnitChoiceField(
        label=_("Đơn vị"), required=False, queryset=Unit.objects.none(), empty_label=_("Tất cả")
    )

    def __init__(self, *args: Any, units: QuerySet[Unit], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["q"].widget.attrs.update(type="search", placeholder=_("Tên đăng nhập hoặc họ tên"))
        self.fields["unit"].queryset = units  # type: ignore[attr-defined]


class GrantForm(forms.Form):
    unit = UnitChoiceField(
        label=_("Đơn vị"), required=False, queryset=Unit.objects.none(), empty_label=_("—")
    )
    role = forms.ChoiceField(label=_("Vai trò"), choices=Role.choices)

    def __init__(self, *args: Any, units: QuerySet[Unit], is_system_admin: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units  # type: ignore[attr-defined]
        self.fields["role"].choices = role_choices(is_system_admin)  # type: ignore[attr-defined]
        if is_system_admin:
            self.fields["unit"].help_text = _("Để trống khi giao vai trò Quản trị hệ thống.")


class PasswordPairForm(forms.Form):
    password1 = forms.CharField(
        label=_("Mật khẩu"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("Ít nhất 10 ký tự, không quá phổ biến, không toàn chữ số, không giống tên đăng nhập."),
    )
    password2 = forms.CharField(
        label=_("Nhập lại mật khẩu"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("password1") and data.get("password2") and data["password1"] != data["password2"]:
            self.add_error("password2", _("Hai lần nhập mật khẩu không khớp."))
        return data


class UserCreateForm(PasswordPairForm):
    username = forms.CharField(label=_("Tên đăng nhập"), max_length=150)
    full_name = forms.CharField(label=_("Họ và tên"), max_length=120)
    email = forms.EmailField(label=_("Email"), required=False)
    field_order = ["username", "full_name", "email", "password1", "password2"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["username"].widget.attrs.update(autocomplete="off", autocapitalize="none")
        self.fields["password1"].label = _("Mật khẩu ban đầu")


class UserUpdateForm(forms.Form):
    full_name = forms.CharField(label=_("Họ và tên"), max_length=120)
    email = forms.EmailField(label=_("Email"), required=False)
    is_active = forms.BooleanField(label=_("Đang hoạt động (được phép đăng nhập)"), required=False)


GrantFormSet = forms.formset_factory(GrantForm, extra=3, max_num=10, absolute_max=10)


class UserImportForm(forms.Form):
    file = forms.FileField(
        label=_("Tệp Excel (.xlsx) theo mẫu"),
        widget=forms.ClearableFileInput(
            attrs={"accept": ".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}
        ),
    )

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        limit = settings.DANVAN_MAX_EXCEL_BYTES
        if upload.size > limit:  # refused before it is read into memory
            raise forms.ValidationError(
                gettext("Tệp lớn hơn giới hạn %(size)s, không thể nhập.") % {"size": filesizeformat(limit)}
            )
        return upload


class TokenCreateForm(forms.Form):
    name = forms.CharField(label=_("Tên khóa"), max_length=80, help_text=_("Ví dụ: «Máy tổng hợp báo cáo»."))
    scope = forms.ChoiceField(label=_("Phạm vi"), choices=ApiToken.Scope.choices, initial=ApiToken.Scope.READ)
    days = forms.IntegerField(label=_("Thời hạn (ngày)"), min_value=1, max_value=MAX_TOKEN_DAYS, initial=90)


def add_domain_errors(form: forms.Form, exc: DomainError, fields: dict[str, str] | None = None) -> None:
    """Show a service's DomainError on the form: per-field messages next to their fields."""
    fields = fields or {}
    for key, messages in exc.errors.items():
        name = fields.get(key, key)
        for message in messages:
            form.add_error(name if name in form.fields else None, message)
    if not exc.errors:
        form.add_error(None, exc.message)
