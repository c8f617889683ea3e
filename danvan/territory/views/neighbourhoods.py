"""Managing a commune's neighbourhoods: add, rename, stop using, import from Excel."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.forms import Form
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from danvan.core.errors import DomainError, NotFound
from danvan.core.excel import XLSX_CONTENT_TYPE
from danvan.territory import selectors, services
from danvan.territory.access import access_commune, access_neighbourhood
from danvan.territory.forms import NeighbourhoodForm, NeighbourhoodImportForm
from danvan.territory.models import Unit
from danvan.territory.views.pages import breadcrumbs, is_htmx, neighbourhood_context, scope_of, unit_page


def _commune(request: HttpRequest, code: str) -> Unit:
    try:
        return access_commune(scope_of(request), code)
    except NotFound as exc:
        raise Http404 from exc


def _neighbourhood(request: HttpRequest, code: str) -> Unit:
    try:
        return access_neighbourhood(scope_of(request), code)
    except NotFound as exc:
        raise Http404 from exc


def add_domain_error(form: Form, exc: DomainError) -> None:
    if not exc.errors:
        form.add_error(None, exc.message)
    for field, errors in exc.errors.items():
        for error in errors:
            form.add_error(field if field in form.fields else None, error)


def _section(request: HttpRequest, commune: Unit, form: NeighbourhoodForm | None) -> HttpResponse:
    context = {
        "unit": commune,
        "children": selectors.children(commune),
        **neighbourhood_context(request, commune, form),
    }
    return render(request, "territory/_neighbourhoods.html", context)


@login_required
@require_POST
def neighbourhood_create(request: HttpRequest, code: str) -> HttpResponse:
    commune = _commune(request, code)
    form = NeighbourhoodForm(request.POST)
    if form.is_valid():
        try:
            unit = services.neighbourhood_create(commune=commune, actor=request.user, **form.cleaned_data)
        except DomainError as exc:
            add_domain_error(form, exc)
        else:
            done = _("Đã thêm %(name)s (mã %(code)s).") % {"name": unit.name, "code": unit.code}
            messages.success(request, done)
            if is_htmx(request):
                return _section(request, commune, None)
            return redirect(commune.get_absolute_url() + "#thon")
    if is_htmx(request):
        return _section(request, commune, form)
    return unit_page(request, commune, None, form=form, status=400)


@login_required
@require_POST
def neighbourhood_update(request: HttpRequest, code: str) -> HttpResponse:
    unit = _neighbourhood(request, code)
    form = NeighbourhoodForm(request.POST)
    if form.is_valid():
        try:
            services.neighbourhood_update(unit=unit, actor=request.user, **form.cleaned_data)
        except DomainError as exc:
            add_domain_error(form, exc)
        else:
            messages.success(request, _("Đã lưu %(name)s.") % {"name": unit.name})
            return redirect(unit.get_absolute_url())
    unit.refresh_from_db()
    return unit_page(request, unit, None, edit_form=form, status=400)


@login_required
@require_POST
def neighbourhood_retire(request: HttpRequest, code: str) -> HttpResponse:
    unit = _neighbourhood(request, code)
    services.neighbourhood_retire(unit=unit, actor=request.user)
    done = _("Đã ngừng sử dụng %(name)s; dữ liệu cũ vẫn được giữ.") % {"name": unit.name}
    messages.success(request, done)
    assert unit.parent is not None
    return redirect(unit.parent.get_absolute_url() + "#thon")


@login_required
def neighbourhood_import(request: HttpRequest, code: str) -> HttpResponse:
    commune = _commune(request, code)
    form = NeighbourhoodImportForm(request.POST or None, request.FILES or None)
    row_errors: list[str] = []
    if request.method == "POST" and form.is_valid():
        # Read at most one byte past the limit: the shared reader refuses a larger file.
        data = form.cleaned_data["file"].read(settings.DANVAN_MAX_EXCEL_BYTES + 1)
        try:
            units = services.neighbourhood_import(commune=commune, data=data, actor=request.user)
        except DomainError as exc:
            form.add_error("file", exc.message)
            row_errors = exc.errors.get("rows", [])
        else:
            messages.success(request, _("Đã nhập %(n)d thôn, tổ dân phố.") % {"n": len(units)})
            return redirect(commune.get_absolute_url() + "#thon")
    context = {"unit": commune, "form": form, "row_errors": row_errors, "breadcrumbs": _crumbs(commune)}
    status = 400 if request.method == "POST" else 200
    return render(request, "territory/neighbourhood_import.html", context, status=status)


def _crumbs(commune: Unit) -> list[dict[str, str]]:
    return [*breadcrumbs(commune), {"label": _("Nhập từ Excel"), "url": ""}]


@login_required
def neighbourhood_template(request: HttpRequest, code: str) -> HttpResponse:
    _commune(request, code)
    response = HttpResponse(services.neighbourhood_import_template(), content_type=XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = 'attachment; filename="mau-nhap-thon-to-dan-pho.xlsx"'
    return response
