"""Users administration: unit admins for their subtree, system admins for everyone."""

import datetime as dt
from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from danvan.accounts import services
from danvan.accounts.access import (
    access_grant,
    access_user,
    filter_units,
    grantable_units,
    is_user_admin,
    visible_users,
)
from danvan.accounts.exports import user_columns, user_row
from danvan.accounts.forms import (
    GrantForm,
    GrantFormSet,
    PasswordPairForm,
    UserCreateForm,
    UserFilterForm,
    UserUpdateForm,
    add_domain_errors,
)
from danvan.accounts.models import User
from danvan.accounts.scope import UserScope
from danvan.accounts.selectors import UserFilter, filter_users, user_grants
from danvan.core.errors import DomainError, NotFound
from danvan.core.export import ListExport, export_response, form_filters, wants_export

PAGE_SIZE = 25
FIELD_MAP = {"password": "password1", "grants": "__all__"}


def admin_scope(request: HttpRequest) -> UserScope:
    scope: UserScope = request.scope  # type: ignore[attr-defined]
    if not is_user_admin(scope):
        raise Http404
    return scope


def _target(request: HttpRequest, user_id: int) -> User:
    try:
        return access_user(admin_scope(request), user_id, "manage")
    except NotFound as exc:
        raise Http404 from exc


def _grant_kwargs(scope: UserScope) -> dict[str, Any]:
    return {"units": grantable_units(scope, dt.date.today()), "is_system_admin": scope.is_system_admin}


def users_crumbs(*extra: dict[str, Any]) -> list[dict[str, Any]]:
    return [{"label": _("Người dùng"), "url": reverse("accounts:users")}, *extra]


@login_required
def users(request: HttpRequest) -> HttpResponseBase:
    scope = admin_scope(request)
    form = UserFilterForm(request.GET or None, units=filter_units(scope, dt.date.today()))
    form.is_valid()  # an invalid field is dropped (and shown), the others still filter
    criteria = UserFilter(**getattr(form, "cleaned_data", {}))
    rows = filter_users(visible_users(scope), criteria)
    if wants_export(request):
        export = ListExport(_("Người dùng"), "nguoi-dung", user_columns(), rows, user_row, form_filters(form))
        return export_response(request, export, allow_personal=True)  # the page is for their administrators
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    template = (
        "accounts/users/partial.html" if request.headers.get("HX-Request") else "accounts/users/index.html"
    )
    context = {"form": form, "page": page, "query": query.urlencode(), "breadcrumbs": users_crumbs()}
    return render(request, template, context)


@login_required
def user_create(request: HttpRequest) -> HttpResponse:
    scope = admin_scope(request)
    form = UserCreateForm(request.POST or None)
    grants = GrantFormSet(request.POST or None, form_kwargs=_grant_kwargs(scope), prefix="grants")
    if request.method == "POST" and all([form.is_valid(), grants.is_valid()]):
        data = form.cleaned_data
        specs = [
            services.GrantSpec(f.cleaned_data["unit"], f.cleaned_data["role"])
            for f in grants
            if f.cleaned_data
        ]
        try:
            user = services.user_create(
                scope=scope,
                username=data["username"],
                full_name=data["full_name"],
                email=data["email"],
                password=data["password1"],
                grants=specs,
            )
        except DomainError as exc:
            add_domain_errors(form, exc, FIELD_MAP)
        else:
            messages.success(request, _("Đã tạo người dùng «%(name)s».") % {"name": user.username})
            return redirect("accounts:user_detail", user.pk)
    crumbs = users_crumbs({"label": _("Thêm người dùng")})
    return render(
        request, "accounts/users/create.html", {"form": form, "grants": grants, "breadcrumbs": crumbs}
    )


def _render_detail(request: HttpRequest, target: User, **forms_: forms.Form) -> HttpResponse:
    scope = admin_scope(request)
    context = {
        "target": target,
        "grants": user_grants(target),
        "edit_form": forms_.get("edit_form")
        or UserUpdateForm(
            initial={"full_name": target.full_name, "email": target.email, "is_active": target.is_active}
        ),
        "grant_form": forms_.get("grant_form") or GrantForm(**_grant_kwargs(scope)),
        "password_form": forms_.get("password_form") or PasswordPairForm(),
        "is_self": target.pk == request.user.pk,
        "breadcrumbs": users_crumbs({"label": target.username}),
    }
    return render(request, "accounts/users/detail.html", context)


def _submit(
    request: HttpRequest,
    target: User,
    name: str,
    form: forms.Form,
    call: Callable[[dict[str, Any]], object],
    done: str,
) -> HttpResponse:
    """Validate a form of the detail page, call its service, then redirect or show the errors."""
    if form.is_valid():
        try:
            call(form.cleaned_data)
        except DomainError as exc:
            add_domain_errors(form, exc, FIELD_MAP)
        else:
            messages.success(request, done)
            return redirect("accounts:user_detail", target.pk)
    return _render_detail(request, target, **{name: form})


@login_required
def user_detail(request: HttpRequest, user_id: int) -> HttpResponse:
    return _render_detail(request, _target(request, user_id))


@login_required
@require_POST
def user_edit(request: HttpRequest, user_id: int) -> HttpResponse:
    target = _target(request, user_id)
    actor: User = request.user  # type: ignore[assignment]

    def call(data: dict[str, Any]) -> object:
        return services.user_update(actor=actor, user=target, **data)

    form = UserUpdateForm(request.POST)
    return _submit(request, target, "edit_form", form, call, _("Đã lưu thông tin người dùng."))


@login_required
@require_POST
def user_set_password(request: HttpRequest, user_id: int) -> HttpResponse:
    target = _target(request, user_id)
    actor: User = request.user  # type: ignore[assignment]

    def call(data: dict[str, Any]) -> object:
        return services.user_set_password(actor=actor, user=target, password=data["password1"])

    form = PasswordPairForm(request.POST)
    return _submit(
        request, target, "password_form", form, call, _("Đã đặt mật khẩu mới; hãy báo cho người dùng.")
    )


@login_required
@require_POST
def grant_add(request: HttpRequest, user_id: int) -> HttpResponse:
    target = _target(request, user_id)
    scope = admin_scope(request)

    def call(data: dict[str, Any]) -> object:
        return services.grant_add(scope=scope, user=target, unit=data["unit"], role=data["role"])

    form = GrantForm(request.POST, **_grant_kwargs(scope))
    return _submit(request, target, "grant_form", form, call, _("Đã giao quyền."))


@login_required
@require_POST
def grant_remove(request: HttpRequest, user_id: int, grant_id: int) -> HttpResponse:
    target = _target(request, user_id)
    try:
        grant = access_grant(target, grant_id)
        services.grant_remove(scope=admin_scope(request), grant=grant)
    except NotFound as exc:
        raise Http404 from exc
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Đã gỡ quyền."))
    return redirect("accounts:user_detail", target.pk)


@login_required
@require_POST
def user_deactivate(request: HttpRequest, user_id: int) -> HttpResponse:
    target = _target(request, user_id)
    try:
        services.user_deactivate(actor=request.user, user=target)  # type: ignore[arg-type]
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Đã vô hiệu hóa tài khoản «%(name)s».") % {"name": target.username})
    return redirect("accounts:user_detail", target.pk)
