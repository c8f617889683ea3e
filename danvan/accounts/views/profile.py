"""The user's own page: grants, password, API tokens; and the working-unit switcher."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from danvan.accounts.access import access_token
from danvan.accounts.forms import TokenCreateForm, add_domain_errors
from danvan.accounts.selectors import SESSION_UNIT_KEY, user_grants, user_tokens
from danvan.accounts.services import token_create as create_token
from danvan.accounts.services import token_revoke as revoke_token
from danvan.core.errors import DomainError, NotFound
from danvan.territory.models import Unit


def _render_profile(request: HttpRequest, status: int = 200, **extra: Any) -> HttpResponse:
    user = request.user
    context = {
        "grants": user_grants(user),  # type: ignore[arg-type]
        "tokens": user_tokens(user),  # type: ignore[arg-type]
        "token_form": TokenCreateForm(),
        "breadcrumbs": [{"label": _("Hồ sơ của tôi")}],
        **extra,
    }
    return render(request, "accounts/profile.html", context, status=status)


@login_required
def profile(request: HttpRequest) -> HttpResponse:
    return _render_profile(request)


@login_required
@require_POST
def token_create(request: HttpRequest) -> HttpResponse:
    """Create a token and show its secret this once; the page is not cached."""
    form = TokenCreateForm(request.POST)
    if form.is_valid():
        try:
            token, secret = create_token(user=request.user, **form.cleaned_data)  # type: ignore[arg-type]
        except DomainError as exc:
            add_domain_errors(form, exc)
        else:
            response = _render_profile(request, new_token=token, secret=secret)
            response["Cache-Control"] = "no-store"
            return response
    return _render_profile(request, token_form=form)


@login_required
@require_POST
def token_revoke(request: HttpRequest, token_id: int) -> HttpResponse:
    try:
        token = access_token(request.user, token_id)  # type: ignore[arg-type]
        revoke_token(actor=request.user, token=token)  # type: ignore[arg-type]
    except NotFound as exc:
        raise Http404 from exc
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Đã thu hồi khóa «%(name)s».") % {"name": token.name})
    return redirect("accounts:profile")


@login_required
@require_POST
def switch_unit(request: HttpRequest) -> HttpResponse:
    """Choose the working unit: one the user holds grants on; for a system admin, any unit."""
    try:
        unit_id = int(request.POST.get("unit", ""))
    except ValueError as exc:
        raise Http404 from exc
    unit = Unit.objects.filter(pk=unit_id).first()
    if unit is None or not request.scope.may_work_in(unit):  # type: ignore[attr-defined]
        raise Http404
    request.session[SESSION_UNIT_KEY] = unit_id
    back = request.POST.get("next", "")
    if back.startswith("/") and url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}):
        return redirect(back)
    return redirect("core:home")
