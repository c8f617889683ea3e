"""Registering a model (with the similar proven models shown as the name is typed) and editing it."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from danvan.accounts.models import Role
from danvan.core.errors import Conflict, DomainError
from danvan.core.text import fold
from danvan.practices.access import UPDATE, access_practice, visible_practices
from danvan.practices.forms import add_domain_errors
from danvan.practices.forms.registration import EditForm, RegistrationForm
from danvan.practices.models import RECOGNIZED_STATUSES, Practice
from danvan.practices.selectors import similar_practices
from danvan.practices.services.registration import (
    CONTENT_FIELDS,
    EDITABLE_STATUSES,
    fields_for,
    practice_register,
    practice_update,
)
from danvan.practices.views.common import crumbs, refusals, scope_of, working_unit


def similar_to(request: HttpRequest, name: str) -> list[Practice]:
    """Recognised practices the user may see whose name and content look like `name`."""
    if len(fold(name)) < 4:
        return []
    candidates = visible_practices(scope_of(request)).filter(status__in=RECOGNIZED_STATUSES)
    return similar_practices(Practice(name=name.strip()), candidates, limit=5)


@login_required
def similar(request: HttpRequest) -> HttpResponse:
    name = request.GET.get("name", "")[:300]
    return render(request, "practices/_similar.html", {"similar": similar_to(request, name), "name": name})


def _year(request: HttpRequest) -> int:
    raw = request.POST.get("year") or request.GET.get("year") or ""
    this_year = timezone.localdate().year
    return int(raw) if raw.isdigit() and 2000 <= int(raw) <= 2100 else this_year


def _register(request: HttpRequest, form: RegistrationForm) -> Practice | None:
    data = form.cleaned_data
    try:
        return practice_register(
            actor=request.user,
            scope=scope_of(request),
            unit=data["unit"],
            field=data["field"],
            year=data["year"],
            name=data["name"],
            kind=data["kind"],
            subject=data["subject"],
            person=data["person"],
            organization=data["organization"],
            content=form.content(),
        )
    except DomainError as exc:
        add_domain_errors(form, exc)
        return None


@login_required
@refusals
def register(request: HttpRequest) -> HttpResponse:
    unit = working_unit(request, Role.REPORTER)
    year = _year(request)
    initial = {"year": year, "unit": unit, "name": request.GET.get("name", "")[:300]}
    form = RegistrationForm(
        request.POST or None, current=unit, fields=fields_for(unit, year), initial=initial
    )
    if request.method == "POST" and form.is_valid():
        practice = _register(request, form)
        if practice is not None:
            messages.success(request, _("Đã đăng ký «%(name)s».") % {"name": practice.name})
            return redirect("practices:detail", practice.pk)
    name = str(form["name"].value() or "")
    context = {
        "form": form,
        "unit": unit,
        "similar": similar_to(request, name),
        "name": name,
        "breadcrumbs": crumbs((_("Đăng ký mô hình, điển hình"), None)),
    }
    return render(request, "practices/register.html", context)


def _initial(practice: Practice) -> dict[str, Any]:
    values = {name: getattr(practice, name) for name in CONTENT_FIELDS}
    return {**values, "name": practice.name, "field": practice.field_id, "version": practice.version}


@login_required
@refusals
def edit(request: HttpRequest, pk: int) -> HttpResponse:
    practice = access_practice(scope_of(request), pk, UPDATE)
    fields = fields_for(practice.unit, practice.year)
    form = EditForm(request.POST or None, fields=fields, initial=_initial(practice))
    conflict = False
    if request.method == "POST" and form.is_valid():
        values = {"name": form.cleaned_data["name"], "field": form.cleaned_data["field"], **form.content()}
        try:
            practice_update(
                actor=request.user,
                practice=practice,
                values=values,
                expected_version=form.cleaned_data["version"],
            )
        except Conflict as exc:
            conflict = exc.code == "stale_version"
            form.add_error(None, exc.message)
        except DomainError as exc:
            add_domain_errors(form, exc)
        else:
            messages.success(request, _("Đã lưu nội dung đăng ký."))
            return redirect("practices:detail", practice.pk)
    context = {
        "form": form,
        "practice": practice,
        "editable": practice.status in EDITABLE_STATUSES,
        "conflict": conflict,
        "breadcrumbs": crumbs(
            (practice.name, reverse("practices:detail", args=[practice.pk])), (_("Sửa nội dung"), None)
        ),
    }
    return render(request, "practices/edit.html", context)
