"""Forms of the orgs pages. They parse input only; rules live in services."""

from collections.abc import Iterable
from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise

from danvan.core.errors import DomainError
from danvan.orgs.models import Organization, OrganizationKind, Person
from danvan.orgs.selectors import Status
from danvan.territory.models import Unit

DATE_FORMATS = ["%d/%m/%Y", "%Y-%m-%d"]


def date_field(label: StrOrPromise, *, required: bool = False) -> forms.DateField:
    return forms.DateField(
        label=label,
        required=required,
        input_formats=DATE_FORMATS,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )


def unit_choices(
    units: Iterable[Unit], *, blank: StrOrPromise | None = None, by_pk: bool = False
) -> list[tuple[str, str]]:
    """(code, label) pairs, or (id, label) where a code could name an old and a new unit alike.

    Units below a province are indented so that the tree reads at a glance.
    """
    choices: list[tuple[str, str]] = [("", str(blank))] if blank is not None else []
    for unit in units:
        indent = "— " * min(unit.depth, 3)
        former = f" ({_('trước 2025')})" if unit.is_legacy else ""
        choices.append((str(unit.pk) if by_pk else unit.code, f"{indent}{unit.name}{former}"))
    return choices


def show_domain_error(form: forms.Form, error: DomainError) -> None:
    """Put a service's refusal on the form: on its field when the form has one, else on top."""
    if not error.errors:
        form.add_error(None, error.message)
        return
    for field, messages in error.errors.items():
        for message in messages:
            form.add_error(field if field in form.fields else None, message)


class OrganizationFilterForm(forms.Form):
    unit = forms.ChoiceField(label=_("Đơn vị"), required=False)
    kind = forms.ModelChoiceField(
        label=_("Loại tổ chức"),
        queryset=OrganizationKind.objects.all(),
        to_field_name="code",
        required=False,
        empty_label=_("Tất cả"),
    )
    q = forms.CharField(label=_("Tên có chứa"), required=False, max_length=100)
    status = forms.ChoiceField(
        label=_("Trạng thái"),
        required=False,
        choices=[
            (Status.ACTIVE, _("Đang hoạt động")),
            (Status.CLOSED, _("Đã kết thúc")),
            (Status.ALL, _("Tất cả")),
        ],
    )

    def __init__(self, *args: Any, units: Iterable[Unit] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].choices = unit_choices(units, blank=_("Tất cả đơn vị được xem"))  # type: ignore[attr-defined]


class OrganizationForm(forms.Form):
    kind = forms.ModelChoiceField(label=_("Loại tổ chức"), queryset=OrganizationKind.objects.none())
    name = forms.CharField(label=_("Tên tổ chức"), max_length=200)
    short_name = forms.CharField(label=_("Tên viết tắt"), max_length=60, required=False)
    parent = forms.ModelChoiceField(
        label=_("Tổ chức cấp trên"),
        queryset=Organization.objects.none(),
        required=False,
        empty_label=_("— Không có —"),
    )
    valid_from = date_field(_("Hoạt động từ ngày"))
    valid_to = date_field(_("Hoạt động đến ngày"))

    def __init__(
        self,
        *args: Any,
        parents: QuerySet[Organization],
        current_kind: OrganizationKind | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        kinds = OrganizationKind.objects.filter(is_active=True)
        if current_kind is not None:
            kinds = kinds | OrganizationKind.objects.filter(pk=current_kind.pk)
        self.fields["kind"].queryset = kinds.order_by("order", "name")  # type: ignore[attr-defined]
        self.fields["parent"].queryset = parents  # type: ignore[attr-defined]
        self.fields["parent"].label_from_instance = lambda org: f"{org.name} ({org.unit.name})"  # type: ignore[attr-defined]


class OrganizationCloseForm(forms.Form):
    valid_to = date_field(_("Kết thúc hoạt động ngày"), required=True)


class UnitSettingForm(forms.Form):
    records_keeper = forms.ModelChoiceField(
        label=_("Cơ quan giữ hồ sơ dân vận"),
        queryset=Organization.objects.none(),
        required=False,
        empty_label=_("— Chưa chọn —"),
    )

    def __init__(self, *args: Any, candidates: QuerySet[Organization], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["records_keeper"].queryset = candidates  # type: ignore[attr-defined]


class PeopleFilterForm(forms.Form):
    q = forms.CharField(label=_("Họ tên có chứa"), required=False, max_length=100)
    unit = forms.ChoiceField(label=_("Đơn vị"), required=False)

    def __init__(self, *args: Any, units: Iterable[Unit] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].choices = unit_choices(units, blank=_("Tất cả đơn vị được xem"))  # type: ignore[attr-defined]


class PersonForm(forms.Form):
    full_name = forms.CharField(label=_("Họ và tên"), max_length=120)
    gender = forms.ChoiceField(
        label=_("Giới tính"), required=False, choices=[("", _("— Không ghi —")), *Person.Gender.choices]
    )
    birth_year = forms.IntegerField(label=_("Năm sinh"), required=False, min_value=1900, max_value=2100)
    home_unit = forms.ChoiceField(label=_("Đơn vị quản lý hồ sơ"))

    def __init__(self, *args: Any, units: Iterable[Unit] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["home_unit"].choices = unit_choices(units, blank=_("— Chọn đơn vị —"), by_pk=True)  # type: ignore[attr-defined]


class PositionForm(forms.Form):
    """Add a position: the person or the organization is fixed by the page, the other is chosen."""

    person = forms.ModelChoiceField(label=_("Cán bộ"), queryset=Person.objects.none())
    organization = forms.ModelChoiceField(label=_("Tổ chức"), queryset=Organization.objects.none())
    title = forms.CharField(label=_("Chức vụ"), max_length=160)
    start_date = date_field(_("Từ ngày"))
    end_date = date_field(_("Đến ngày"))
    note = forms.CharField(label=_("Ghi chú, nguồn"), max_length=255, required=False)

    def __init__(
        self, *args: Any, people: QuerySet[Person], organizations: QuerySet[Organization], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = people  # type: ignore[attr-defined]
        self.fields["organization"].queryset = organizations  # type: ignore[attr-defined]
        self.fields["organization"].label_from_instance = lambda org: f"{org.name} ({org.unit.name})"  # type: ignore[attr-defined]


class PositionEndForm(forms.Form):
    end_date = date_field(_("Kết thúc ngày"), required=True)


class PositionsOnDateForm(forms.Form):
    ngay = date_field(_("Vào ngày"))
    unit = forms.ChoiceField(label=_("Đơn vị"), required=False)

    def __init__(self, *args: Any, units: Iterable[Unit] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].choices = unit_choices(units, blank=_("Tất cả đơn vị được xem"))  # type: ignore[attr-defined]
