"""«Khóa API»: the user's own API tokens — create (named, read-only or read-write), list, revoke."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from danvan.accounts.access import access_token
from danvan.accounts.forms import TokenCreateForm, add_domain_errors
from danvan.accounts.selectors import user_tokens
from danvan.accounts.services import token_create as create_token
from danvan.accounts.services import token_revoke as revoke_token
from danvan.core.errors import DomainError, NotFound


def _render(request: HttpRequest, form: TokenCreateForm | None = None, **extra: Any) -> HttpResponse:
    context = {
        "tokens": user_tokens(request.user),  # type: ignore[arg-type]
        "token_form": form or TokenCreateForm(),
        "breadcrumbs": [{"label": _("Khóa API")}],
        **extra,
    }
    response = render(request, "accounts/tokens.html", context)
    response["Cache-Control"] = "no-store"
    return response


@login_required
def tokens(request: HttpRequest) -> HttpResponse:
    """The list and the form; a POST creates a token and shows its secret this once."""
    if request.method != "POST":
        return _render(request)
    form = TokenCreateForm(request.POST)
    if form.is_valid():
        try:
            token, secret = create_token(user=request.user, **form.cleaned_data)  # type: ignore[arg-type]
        except DomainError as exc:
            add_domain_errors(form, exc)
        else:
            return _render(request, new_token=token, secret=secret)
    return _render(request, form)


@login_required
@require_POST
def tokens_revoke(request: HttpRequest, token_id: int) -> HttpResponse:
    try:
        token = access_token(request.user, token_id)  # type: ignore[arg-type]
        revoke_token(actor=request.user, token=token)  # type: ignore[arg-type]
    except NotFound as exc:
        raise Http404 from exc
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Đã thu hồi khóa «%(name)s».") % {"name": token.name})
    return redirect("accounts:tokens")
