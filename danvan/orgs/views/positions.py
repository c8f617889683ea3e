"""Pages of positions: add one, end one, and who held which position on a given date."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Q, QuerySet
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from danvan.accounts.selectors import current_unit
from danvan.core.errors import DomainError, NotFound
from danvan.core.export import ListExport, export_response, filters_text, may_export_personal, wants_export
from danvan.core.formatting import format_date
from danvan.orgs import access, selectors, services
from danvan.orgs.exports import position_columns, position_row
from danvan.orgs.forms import PositionEndForm, PositionForm, PositionsOnDateForm, show_domain_error
from danvan.orgs.models import Organization, Person
from danvan.orgs.views.common import (
    breadcrumbs_for,
    query_without_page,
    refusal_is_404,
    render_page,
)
from danvan.territory.models import Unit


def _id_param(request: HttpRequest, name: str) -> int | None:
    value = request.GET.get(name, "")
    return int(value) if value.isdigit() else None


def _near(unit: Unit, prefix: str) -> Q:
    """Rows at the unit, above it, or in its subtree (with the units merged into it)."""
    return Q(**{f"{prefix}id__in": [*unit.ancestor_ids(), unit.pk]}) | selectors.subtree_q(
        selectors.history_paths(unit), prefix
    )


def _people_for(request: HttpRequest, organization: Organization) -> QuerySet[Person]:
    scope = request.scope  # type: ignore[attr-defined]
    serving = Q(positions__organization__unit=organization.unit)
    people = access.visible_people(scope).filter(_near(organization.unit, "home_unit__") | serving)
    return people.distinct().order_by("sort_key", "pk")


def _organizations_for(request: HttpRequest, person: Person) -> QuerySet[Organization]:
    scope = request.scope  # type: ignore[attr-defined]
    editable = access.visible_organizations(scope).filter(
        scope.unit_q("unit__", access.EDIT_ROLE, history=True)
    )
    if person.home_unit is not None:
        editable = editable.filter(_near(person.home_unit, "unit__"))
    return editable.select_related("unit").order_by("unit__depth", "unit__sort_key", "sort_key", "pk")


def _position_form(request: HttpRequest) -> tuple[PositionForm, Organization | None, Person | None]:
    """The organization (to edit) or the person (to view) named in the query fixes one side."""
    scope = request.scope  # type: ignore[attr-defined]
    organization_id, person_id = _id_param(request, "organization"), _id_param(request, "person")
    if organization_id is not None:
        organization = access.access_organization(scope, organization_id, "edit")
        people = _people_for(request, organization)
        fixed = Organization.objects.filter(pk=organization.pk).select_related("unit")
        initial = {"organization": organization.pk}
        return (
            PositionForm(request.POST or None, initial=initial, people=people, organizations=fixed),
            organization,
            None,
        )
    if person_id is not None:
        person = access.access_person(scope, person_id)
        if not access.can_edit_somewhere(scope):
            raise NotFound()
        fixed_people = Person.objects.filter(pk=person.pk)
        orgs = _organizations_for(request, person)
        form = PositionForm(
            request.POST or None, initial={"person": person.pk}, people=fixed_people, organizations=orgs
        )
        return form, None, person
    raise NotFound()


@login_required
@refusal_is_404
def position_add(request: HttpRequest) -> HttpResponse:
    form, organization, person = _position_form(request)
    if request.method == "POST" and form.is_valid():
        try:
            position = services.position_add(user=request.user, **form.cleaned_data)
        except DomainError as exc:
            show_domain_error(form, exc)
        else:
            messages.success(request, _("Đã thêm chức vụ %(title)s.") % {"title": position.title})
            if organization is not None:
                return redirect("orgs:detail", pk=organization.pk)
            return redirect("orgs:person", pk=position.person_id)
    back = (
        (organization.name, reverse("orgs:detail", args=[organization.pk]))
        if organization is not None
        else (person.full_name if person else "", reverse("orgs:person", args=[person.pk if person else 0]))
    )
    context = {
        "form": form,
        "organization": organization,
        "person": person,
        "breadcrumbs": breadcrumbs_for(back, (_("Thêm chức vụ"), None)),
    }
    return render(request, "orgs/position_form.html", context)


@login_required
@refusal_is_404
def position_end(request: HttpRequest, pk: int) -> HttpResponse:
    position = access.access_position(request.scope, pk, "edit")  # type: ignore[attr-defined]
    form = PositionEndForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.position_end(user=request.user, position=position, **form.cleaned_data)
        except DomainError as exc:
            show_domain_error(form, exc)
            position.refresh_from_db()
        else:
            messages.success(request, _("Đã ghi nhận kết thúc chức vụ."))
            return redirect("orgs:person", pk=position.person_id)
    crumbs = breadcrumbs_for(
        (_("Cán bộ"), reverse("orgs:people")),
        (position.person.full_name, reverse("orgs:person", args=[position.person_id])),
        (_("Kết thúc chức vụ"), None),
    )
    return render(
        request, "orgs/position_end.html", {"form": form, "position": position, "breadcrumbs": crumbs}
    )


@login_required
@refusal_is_404
def positions(request: HttpRequest) -> HttpResponseBase:
    """Ai giữ chức vụ vào ngày…: the positions held on a date in the unit's subtree."""
    scope = request.scope  # type: ignore[attr-defined]
    data = request.GET.copy()
    default = current_unit(request)
    if "unit" not in data and default is not None:
        data["unit"] = default.code
    code = str(data.get("unit") or "")
    unit = access.access_unit(scope, code) if code else None
    form = PositionsOnDateForm(data, units=access.unit_options(scope, extra=unit))
    day = (form.cleaned_data.get("ngay") if form.is_valid() else None) or selectors.today()
    held = access.visible_positions(scope)
    if unit is not None:
        held = selectors.positions_in_units(held, unit)
    if wants_export(request):
        title = _("Chức vụ được giữ vào ngày %(d)s") % {"d": format_date(day)}
        filters = filters_text([(_("Đơn vị"), unit), (_("Ngày"), day)])
        export = ListExport(
            title, "chuc-vu", position_columns(), selectors.positions_on(held, day), position_row, filters
        )
        return export_response(request, export, allow_personal=may_export_personal(scope))
    context = {
        "form": form,
        "unit": unit,
        "day": day,
        "page": Paginator(selectors.positions_on(held, day), 100).get_page(request.GET.get("page")),
        "query": query_without_page(request),
        "breadcrumbs": breadcrumbs_for(
            (_("Cán bộ"), reverse("orgs:people")), (_("Ai giữ chức vụ vào ngày…"), None)
        ),
    }
    return render_page(request, "orgs/positions.html", context)
