"""HTML pages of membership. Thin: parse, access helper, one service, render."""

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied as HttpForbidden
from django.db.models import Count, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from danvan.accounts.scope import UserScope
from danvan.accounts.selectors import current_unit
from danvan.core.errors import DomainError, NotFound, PermissionDenied
from danvan.core.excel import XLSX_CONTENT_TYPE
from danvan.core.export import wants_export
from danvan.core.periods import Period
from danvan.core.personal_data import log_access
from danvan.membership import exports
from danvan.membership import stats as membership_stats
from danvan.membership.access import (
    access_import,
    access_membership,
    access_organization,
    handled_organizations,
)
from danvan.membership.forms import (
    EligibleForm,
    ImportForm,
    LeaveForm,
    MemberForm,
    StatsForm,
    add_domain_errors,
)
from danvan.membership.models import EligiblePopulation, Membership
from danvan.membership.services.imports import import_template, members_import_apply, members_import_prepare
from danvan.membership.services.members import (
    MemberData,
    eligible_set,
    may_write,
    membership_add,
    membership_end,
)
from danvan.territory.models import Unit
from danvan.territory.tree import subtree_q

MASS_CODES = [code for code, _name in membership_stats.MASS_KINDS.values()]


def scope_of(request: HttpRequest) -> UserScope:
    return request.scope  # type: ignore[attr-defined]


def refusals[**P, R: HttpResponseBase](view: Callable[P, R]) -> Callable[P, R]:
    @wraps(view)
    def wrapped(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return view(*args, **kwargs)
        except NotFound as exc:
            raise Http404(exc.message) from exc
        except PermissionDenied as exc:
            raise HttpForbidden(exc.message) from exc

    return wrapped


def crumbs(*items: tuple[str, str | None]) -> list[dict[str, str | None]]:
    base = [(_("Trang chủ"), reverse("core:home")), (_("Hội viên, đoàn viên"), reverse("membership:index"))]
    return [{"label": label, "url": url} for label, url in [*base, *items]]


def _organizations(request: HttpRequest, unit: Unit) -> Any:
    held = Q(memberships__left_on__isnull=True)
    return (
        handled_organizations(scope_of(request))
        .filter(subtree_q([unit.path], "unit__path"), kind__code__in=MASS_CODES, valid_to__isnull=True)
        .select_related("unit", "kind")
        .annotate(n=Count("memberships", filter=held))
        .order_by("unit__depth", "unit__sort_key", "kind__order")[:100]
    )


@login_required
@refusals
def index(request: HttpRequest) -> HttpResponseBase:
    form = StatsForm(request.GET)
    unit, period = current_unit(request), Period.whole_year(timezone.localdate().year)
    if form.is_valid():
        unit = form.cleaned_data["unit"] or unit
        period = form.cleaned_data["period"] or period
    if unit is not None and not scope_of(request).covers(unit, history=True):
        raise NotFound()
    context: dict[str, Any] = {"form": form, "unit": unit, "period": period, "breadcrumbs": crumbs()}
    if unit is not None:
        values = membership_stats.figures(unit=unit, period=period)
        context |= {
            "figures": [
                {"label": label, "measure": measure, "value": values[key]}
                for key, (label, measure) in list(membership_stats.FIGURES.items())[:6]
            ],
            "kinds": membership_stats.by_kind(unit=unit, period=period),
            "organizations": _organizations(request, unit),
            "can_write": may_write(scope_of(request), unit),
        }
        if wants_export(request):
            return exports.stats_export(request, unit, period, context)
    return render(request, "membership/index.html", context)


def _add_member(request: HttpRequest, organization: Any, form: MemberForm) -> bool:
    d = form.cleaned_data
    data = MemberData(d["full_name"], d["birth_date"], d["gender"], d["id_number"])
    try:
        membership, reason = membership_add(
            actor=request.user,
            scope=scope_of(request),
            organization=organization,
            data=data,
            joined_on=d["joined_on"],
            role=d["role"],
        )
    except DomainError as exc:
        add_domain_errors(form, exc)
        return False
    note = _(" (dùng hồ sơ đã có: %(why)s)") % {"why": reason} if reason else ""
    messages.success(
        request, _("Đã thêm %(name)s%(note)s.") % {"name": membership.member.full_name, "note": note}
    )
    return True


@login_required
@refusals
def organization(request: HttpRequest, pk: int) -> HttpResponseBase:
    org = access_organization(scope_of(request), pk)
    log_access(actor=request.user, obj=org, purpose="member_list", unit=org.unit)  # names, birth dates
    form = MemberForm(request.POST or None, initial={"joined_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid() and _add_member(request, org, form):
        return redirect("membership:organization", org.pk)
    current = Membership.objects.filter(organization=org, left_on__isnull=True).select_related("member")
    if wants_export(request):  # the handlers of the organization, who see this page: audited
        return exports.members_export(request, org, current.order_by("member__sort_key", "pk"))
    context = {
        "organization": org,
        "form": form,
        "memberships": current.order_by("member__sort_key")[:500],
        "count": current.count(),
        "former": Membership.objects.filter(organization=org, left_on__isnull=False).count(),
        "leave_form": LeaveForm(initial={"left_on": timezone.localdate()}),
        "breadcrumbs": crumbs((org.name, None)),
    }
    return render(request, "membership/organization.html", context)


@login_required
@require_POST
@refusals
def leave(request: HttpRequest, pk: int) -> HttpResponse:
    membership = access_membership(scope_of(request), pk)
    form = LeaveForm(request.POST)
    if form.is_valid():
        try:
            membership_end(
                actor=request.user,
                scope=scope_of(request),
                membership=membership,
                left_on=form.cleaned_data["left_on"],
            )
        except DomainError as exc:
            messages.error(
                request, " ".join([exc.message, *(m for msgs in exc.errors.values() for m in msgs)])
            )
        else:
            messages.success(
                request, _("Đã ghi nhận %(name)s ra khỏi tổ chức.") % {"name": membership.member.full_name}
            )
    else:
        messages.error(request, _("Ngày ra khỏi tổ chức không hợp lệ."))
    return redirect("membership:organization", membership.organization_id)


@login_required
def import_template_file(request: HttpRequest) -> HttpResponse:
    response = HttpResponse(import_template(), content_type=XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = 'attachment; filename="mau-danh-sach-hoi-vien.xlsx"'
    return response


@login_required
@refusals
def import_page(request: HttpRequest, pk: int) -> HttpResponse:
    org = access_organization(scope_of(request), pk)
    form = ImportForm(request.POST or None, request.FILES or None)
    context: dict[str, Any] = {
        "organization": org,
        "form": form,
        "breadcrumbs": crumbs(
            (org.name, reverse("membership:organization", args=[pk])), (_("Nhập từ Excel"), None)
        ),
    }
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            pending, report = members_import_prepare(
                actor=request.user,
                scope=scope_of(request),
                organization=org,
                file_name=upload.name,
                data=upload.read(),
            )
        except DomainError as exc:
            context |= {"problem": exc.message, "rows": exc.errors.get("rows", [])}
        else:
            context |= {"pending": pending, "report": report}
    return render(request, "membership/import.html", context)


@login_required
@require_POST
@refusals
def import_confirm(request: HttpRequest, import_id: int) -> HttpResponse:
    pending = access_import(scope_of(request), import_id)
    try:
        report = members_import_apply(actor=request.user, scope=scope_of(request), pending=pending)
    except DomainError as exc:
        messages.error(request, exc.message)
        return redirect("membership:import", pending.organization_id)
    messages.success(
        request,
        _("Đã nhập %(rows)s thành viên, trong đó %(new)s người mới.")
        % {"rows": len(report.rows), "new": report.new_people},
    )
    return redirect("membership:organization", pending.organization_id)


@login_required
@refusals
def eligible(request: HttpRequest) -> HttpResponse:
    unit = current_unit(request)
    if unit is None or not may_write(scope_of(request), unit):
        raise NotFound(_("Trang này cần quyền nhập liệu trên đơn vị đang làm việc."))
    year = timezone.localdate().year
    form = EligibleForm(request.POST or None, unit=unit, initial={"unit": unit, "year": year})
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            eligible_set(
                actor=request.user,
                scope=scope_of(request),
                unit=d["unit"],
                kind=d["kind"],
                year=d["year"],
                count=d["count"],
            )
        except DomainError as exc:
            add_domain_errors(form, exc)
        else:
            messages.success(request, _("Đã lưu số đối tượng trong diện tập hợp."))
            return redirect("membership:eligible")
    rows = EligiblePopulation.objects.filter(subtree_q([unit.path], "unit_path")).select_related(
        "unit", "kind"
    )
    context = {
        "form": form,
        "unit": unit,
        "rows": rows.order_by("-year", "unit__depth", "unit__sort_key", "kind__order")[:300],
        "breadcrumbs": crumbs((_("Đối tượng trong diện tập hợp"), None)),
    }
    return render(request, "membership/eligible.html", context)
