"""Pages of organizations and the unit's records keeper."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from danvan.accounts.selectors import current_unit
from danvan.core.errors import DomainError, NotFound
from danvan.core.export import ListExport, export_response, form_filters, wants_export
from danvan.orgs import access, selectors, services
from danvan.orgs.exports import organization_columns, organization_row
from danvan.orgs.forms import (
    OrganizationCloseForm,
    OrganizationFilterForm,
    OrganizationForm,
    UnitSettingForm,
    show_domain_error,
)
from danvan.orgs.models import Organization
from danvan.orgs.views.common import (
    PAGE_SIZE,
    breadcrumbs_for,
    day_param,
    query_without_page,
    refusal_is_404,
    render_page,
    unit_from_query,
)
from danvan.territory.models import Unit


@login_required
@refusal_is_404
def index(request: HttpRequest) -> HttpResponseBase:
    scope = request.scope  # type: ignore[attr-defined]
    unit = unit_from_query(request)
    form = OrganizationFilterForm(request.GET or None, units=access.unit_options(scope, extra=unit))
    data = form.cleaned_data if form.is_valid() else {}
    criteria = selectors.OrganizationFilter(
        unit=unit,
        kind=data["kind"].code if data.get("kind") else "",
        q=data.get("q", ""),
        status=selectors.Status(data.get("status") or selectors.Status.ACTIVE),
    )
    organizations = selectors.filter_organizations(access.visible_organizations(scope), criteria)
    if wants_export(request):
        export = ListExport(
            _("Tổ chức"),
            "to-chuc",
            organization_columns(),
            organizations.select_related("kind", "unit", "parent"),
            organization_row,
            form_filters(form),
        )
        return export_response(request, export)
    can_edit = unit is not None and access.can_edit_unit(scope, unit)
    context = {
        "form": form,
        "unit": unit,
        "page": Paginator(organizations, PAGE_SIZE).get_page(request.GET.get("page")),
        "query": query_without_page(request),
        "keeper": selectors.records_keeper(unit) if unit else None,
        "can_edit": can_edit,
        "setting_form": _setting_form(unit) if can_edit and unit else None,
        "breadcrumbs": breadcrumbs_for((_("Tổ chức"), None)),
    }
    return render_page(request, "orgs/index.html", context)


def _setting_form(unit: Unit, data: Any = None) -> UnitSettingForm:
    keeper = selectors.records_keeper(unit)
    initial = {"records_keeper": keeper.pk if keeper else None}
    return UnitSettingForm(data, initial=initial, candidates=selectors.keeper_candidates(unit))


@login_required
@require_POST
@refusal_is_404
def unit_setting(request: HttpRequest, code: str) -> HttpResponse:
    unit = access.access_unit(request.scope, code, "edit")  # type: ignore[attr-defined]
    form = _setting_form(unit, request.POST)
    if not form.is_valid():
        messages.error(request, _("Lựa chọn không hợp lệ."))
    else:
        try:
            services.unit_setting_update(
                user=request.user, unit=unit, records_keeper=form.cleaned_data["records_keeper"]
            )
            messages.success(
                request, _("Đã lưu cơ quan giữ hồ sơ dân vận của %(unit)s.") % {"unit": unit.name}
            )
        except DomainError as exc:
            messages.error(request, exc.message)
    return redirect(f"{reverse('orgs:index')}?unit={unit.code}")


@login_required
@refusal_is_404
def organization_detail(request: HttpRequest, pk: int) -> HttpResponse:
    scope = request.scope  # type: ignore[attr-defined]
    organization = access.access_organization(scope, pk)
    day = day_param(request) or selectors.today()
    children = access.visible_organizations(scope).filter(parent=organization).select_related("kind")
    context = {
        "organization": organization,
        "day": day,
        "positions": selectors.organization_positions(organization, day),
        "children": children.order_by("sort_key", "pk"),
        "is_keeper": selectors.records_keeper(organization.unit) == organization,
        "can_edit": access.can_edit_unit(scope, organization.unit),
        "breadcrumbs": breadcrumbs_for(
            (_("Tổ chức"), reverse("orgs:index")),
            (organization.unit.name, f"{reverse('orgs:index')}?unit={organization.unit.code}"),
            (organization.name, None),
        ),
    }
    return render(request, "orgs/organization_detail.html", context)


def _organization_form(
    request: HttpRequest, unit: Unit, organization: Organization | None
) -> OrganizationForm:
    parents = selectors.parent_candidates(unit, exclude=organization)
    if organization is None:
        return OrganizationForm(request.POST or None, parents=parents)
    initial = {
        f: getattr(organization, f)
        for f in ("kind", "name", "short_name", "parent", "valid_from", "valid_to")
    }
    return OrganizationForm(
        request.POST or None, initial=initial, parents=parents, current_kind=organization.kind
    )


@login_required
@refusal_is_404
def organization_create(request: HttpRequest) -> HttpResponse:
    unit = unit_from_query(request, "edit") or _current_editable_unit(request)
    form = _organization_form(request, unit, None)
    if request.method == "POST" and form.is_valid():
        try:
            organization = services.organization_create(user=request.user, unit=unit, **form.cleaned_data)
        except DomainError as exc:
            show_domain_error(form, exc)
        else:
            messages.success(request, _("Đã thêm tổ chức %(name)s.") % {"name": organization.name})
            return redirect("orgs:detail", pk=organization.pk)
    crumbs = breadcrumbs_for((_("Tổ chức"), reverse("orgs:index")), (_("Thêm tổ chức"), None))
    return render(request, "orgs/organization_form.html", {"form": form, "unit": unit, "breadcrumbs": crumbs})


def _current_editable_unit(request: HttpRequest) -> Unit:
    unit = current_unit(request)
    if unit is None or not access.can_edit_unit(request.scope, unit):  # type: ignore[attr-defined]
        raise NotFound()
    return unit


@login_required
@refusal_is_404
def organization_edit(request: HttpRequest, pk: int) -> HttpResponse:
    organization = access.access_organization(request.scope, pk, "edit")  # type: ignore[attr-defined]
    form = _organization_form(request, organization.unit, organization)
    if request.method == "POST" and form.is_valid():
        try:
            services.organization_update(user=request.user, organization=organization, **form.cleaned_data)
        except DomainError as exc:
            show_domain_error(form, exc)
        else:
            messages.success(request, _("Đã lưu thay đổi."))
            return redirect("orgs:detail", pk=organization.pk)
    organization.refresh_from_db()
    crumbs = breadcrumbs_for(
        (_("Tổ chức"), reverse("orgs:index")),
        (organization.name, reverse("orgs:detail", args=[organization.pk])),
        (_("Sửa"), None),
    )
    context = {"form": form, "unit": organization.unit, "organization": organization, "breadcrumbs": crumbs}
    return render(request, "orgs/organization_form.html", context)


@login_required
@refusal_is_404
def organization_close(request: HttpRequest, pk: int) -> HttpResponse:
    organization = access.access_organization(request.scope, pk, "edit")  # type: ignore[attr-defined]
    form = OrganizationCloseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.organization_close(user=request.user, organization=organization, **form.cleaned_data)
        except DomainError as exc:
            show_domain_error(form, exc)
            organization.refresh_from_db()
        else:
            messages.success(
                request, _("Đã ghi nhận kết thúc hoạt động của %(name)s.") % {"name": organization.name}
            )
            return redirect("orgs:detail", pk=organization.pk)
    crumbs = breadcrumbs_for(
        (_("Tổ chức"), reverse("orgs:index")),
        (organization.name, reverse("orgs:detail", args=[organization.pk])),
        (_("Kết thúc hoạt động"), None),
    )
    context = {"form": form, "organization": organization, "breadcrumbs": crumbs}
    return render(request, "orgs/organization_close.html", context)
