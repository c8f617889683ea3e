"""Pages of people: the list with accent-insensitive search, a person's positions over time."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from danvan.core.errors import DomainError, NotFound
from danvan.core.export import ListExport, export_response, form_filters, may_export_personal, wants_export
from danvan.core.personal_data import log_access
from danvan.orgs import access, selectors, services
from danvan.orgs.exports import person_columns, person_row
from danvan.orgs.forms import PeopleFilterForm, PersonForm, show_domain_error
from danvan.orgs.models import Person
from danvan.orgs.views.common import (
    PAGE_SIZE,
    breadcrumbs_for,
    query_without_page,
    refusal_is_404,
    render_page,
    unit_from_query,
)
from danvan.territory.models import Unit


@login_required
@refusal_is_404
def people(request: HttpRequest) -> HttpResponseBase:
    scope = request.scope  # type: ignore[attr-defined]
    unit = unit_from_query(request)
    form = PeopleFilterForm(request.GET or None, units=access.unit_options(scope, extra=unit))
    data = form.cleaned_data if form.is_valid() else {}
    rows = selectors.filter_people(
        access.visible_people(scope),
        selectors.PeopleFilter(unit=unit, q=data.get("q", "")),
        access.visible_positions(scope),
    )
    if wants_export(request):
        export = ListExport(
            _("Cán bộ"),
            "can-bo",
            person_columns(),
            rows.select_related("home_unit"),
            person_row,
            form_filters(form),
        )
        return export_response(request, export, allow_personal=may_export_personal(scope))
    context = {
        "form": form,
        "unit": unit,
        "page": Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page")),
        "query": query_without_page(request),
        "can_create": access.can_edit_somewhere(scope),
        "breadcrumbs": breadcrumbs_for((_("Cán bộ"), None)),
    }
    return render_page(request, "orgs/people.html", context)


@login_required
@refusal_is_404
def person_detail(request: HttpRequest, pk: int) -> HttpResponse:
    scope = request.scope  # type: ignore[attr-defined]
    person = access.access_person(scope, pk)
    log_access(actor=request.user, obj=person, purpose="view", unit=person.home_unit)
    timeline = selectors.person_timeline(person, access.visible_positions(scope))
    today = selectors.today()
    editable = {p.pk for p in timeline if access.can_edit_unit(scope, p.organization.unit)}
    context = {
        "person": person,
        "timeline": timeline,
        "today": today,
        "editable_positions": editable,
        "can_edit": access.can_edit_person(scope, person),
        "can_add_position": access.can_edit_somewhere(scope),
        "breadcrumbs": breadcrumbs_for((_("Cán bộ"), reverse("orgs:people")), (person.full_name, None)),
    }
    return render(request, "orgs/person_detail.html", context)


def _person_form(request: HttpRequest, person: Person | None) -> PersonForm:
    scope = request.scope  # type: ignore[attr-defined]
    extra = person.home_unit if person else unit_from_query(request, "edit")
    units = access.unit_options(scope, access.EDIT_ROLE, extra=extra)
    initial: dict[str, Any] = {"home_unit": str(extra.pk) if extra else ""}
    if person is not None:
        initial.update(full_name=person.full_name, gender=person.gender, birth_year=person.birth_year)
    return PersonForm(request.POST or None, units=units, initial=initial)


def _person_values(request: HttpRequest, form: PersonForm) -> dict[str, Any]:
    """The form's values with the home unit as a row, refused (404) when the user may not edit there."""
    values = dict(form.cleaned_data)
    unit = Unit.objects.filter(pk=values["home_unit"]).first()
    if unit is None or not access.can_edit_unit(request.scope, unit):  # type: ignore[attr-defined]
        raise NotFound()
    values["home_unit"] = unit
    return values


@login_required
@refusal_is_404
def person_create(request: HttpRequest) -> HttpResponse:
    if not access.can_edit_somewhere(request.scope):  # type: ignore[attr-defined]
        raise NotFound()
    form = _person_form(request, None)
    if request.method == "POST" and form.is_valid():
        try:
            person = services.person_create(user=request.user, **_person_values(request, form))
        except DomainError as exc:
            show_domain_error(form, exc)
        else:
            messages.success(request, _("Đã thêm cán bộ %(name)s.") % {"name": person.full_name})
            return redirect("orgs:person", pk=person.pk)
    crumbs = breadcrumbs_for((_("Cán bộ"), reverse("orgs:people")), (_("Thêm cán bộ"), None))
    return render(request, "orgs/person_form.html", {"form": form, "breadcrumbs": crumbs})


@login_required
@refusal_is_404
def person_edit(request: HttpRequest, pk: int) -> HttpResponse:
    person = access.access_person(request.scope, pk, "edit")  # type: ignore[attr-defined]
    form = _person_form(request, person)
    if request.method == "POST" and form.is_valid():
        try:
            services.person_update(user=request.user, person=person, **_person_values(request, form))
        except DomainError as exc:
            show_domain_error(form, exc)
        else:
            messages.success(request, _("Đã lưu thay đổi."))
            return redirect("orgs:person", pk=person.pk)
    person.refresh_from_db()
    crumbs = breadcrumbs_for(
        (_("Cán bộ"), reverse("orgs:people")),
        (person.full_name, reverse("orgs:person", args=[person.pk])),
        (_("Sửa"), None),
    )
    return render(request, "orgs/person_form.html", {"form": form, "person": person, "breadcrumbs": crumbs})
