from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import LoginView
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from danvan.accounts.selectors import SESSION_UNIT_KEY


class DanVanLoginView(LoginView):
    template_name = "accounts/login.html"
    redirect_authenticated_user = True


@login_required
@require_POST
def switch_unit(request: HttpRequest) -> HttpResponse:
    """Choose the working unit among the units the user holds grants on."""
    try:
        unit_id = int(request.POST.get("unit", ""))
    except ValueError as exc:
        raise Http404 from exc
    if unit_id not in {u.pk for u in request.scope.units}:  # type: ignore[attr-defined]
        raise Http404
    request.session[SESSION_UNIT_KEY] = unit_id
    return redirect("core:home")


@login_required
def profile(request: HttpRequest) -> HttpResponse:
    return render(request, "accounts/profile.html", {"grants": request.user.grants.select_related("unit")})  # type: ignore[union-attr]


@login_required
def users(request: HttpRequest) -> HttpResponse:
    raise Http404
