"""Public pages (no login), mounted at /gui-y-kien/: the submission form, the tracking page, the
citizen's private page with the satisfaction question, public statistics.

Nothing personal is shown on the tracking page: the status, the dates and a public answer only.
"""

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from danvan.core import ratelimit
from danvan.core.errors import DomainError, NotFound
from danvan.core.periods import Period
from danvan.petitions.access import access_private, access_public_file, access_tracked
from danvan.petitions.forms import IntakeForm, RateForm, StatsForm, TrackForm, WithdrawForm, add_domain_errors
from danvan.petitions.models import Kind, Status
from danvan.petitions.ratelimit import client_address, hit
from danvan.petitions.selectors import public_answers
from danvan.petitions.services.handling import petition_rate, petition_withdraw
from danvan.petitions.services.intake import petition_submit_public
from danvan.petitions.views.common import refusals, send_file
from danvan.petitions.views.staff import stats_context
from danvan.territory.models import Level, Unit

SESSION_KEY = "petitions_sent"


def _crumbs(*last: tuple[str, str | None]) -> list[dict[str, str | None]]:
    items = [
        (_("Trang chủ"), reverse("core:home")),
        (_("Gửi ý kiến, phản ánh"), reverse("petitions_public:index")),
    ]
    return [{"label": label, "url": url} for label, url in [*items, *last]]


def _provinces() -> Any:
    return Unit.objects.valid_on(timezone.localdate()).filter(level=Level.PROVINCE).order_by("sort_key")


def _communes(province: Unit | None) -> Any:
    if province is None:
        return Unit.objects.none()
    low, high = province.subtree_bounds()
    return (
        Unit.objects.valid_on(timezone.localdate())
        .filter(level=Level.COMMUNE, path__gte=low, path__lte=high)
        .order_by("sort_key")
    )


def _province(request: HttpRequest) -> Unit | None:
    code = (request.POST.get("tinh") or request.GET.get("tinh") or "").strip()[:10]
    return _provinces().filter(code=code).first() if code else None


def _too_many(request: HttpRequest, wait: int, *, lookup: bool = False) -> HttpResponse:
    context = {"minutes": max(wait // 60, 1), "lookup": lookup}
    response = render(request, "petitions/public/too_many.html", context, status=429)
    response["Retry-After"] = str(wait)
    return response


LOOKUP_MISSES, LOOKUP_WINDOW = 20, 3600  # wrong tracking codes or private links per address


def guessing_limited[R: HttpResponseBase](view: Callable[..., R]) -> Callable[..., R | HttpResponse]:
    """Lookups by tracking code or private link: after LOOKUP_MISSES misses (404) from one address
    within the hour, every lookup from it answers 429 until the hour ends (no guessing codes)."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> R | HttpResponse:
        address = ratelimit.client_ip(request)
        limits = {"limit": LOOKUP_MISSES, "window": LOOKUP_WINDOW}
        wait = ratelimit.wait_seconds("petition-lookup-miss", address, **limits)
        if wait is not None:
            return _too_many(request, wait, lookup=True)
        try:
            response = view(request, *args, **kwargs)
        except Http404:
            ratelimit.hit("petition-lookup-miss", address, **limits)
            raise
        if response.status_code == 404:
            ratelimit.hit("petition-lookup-miss", address, **limits)
        return response

    return wrapped


def index(request: HttpRequest) -> HttpResponse:
    """The form: choose the province (reloads the commune list, also without JavaScript), then write."""
    province = _province(request)
    form = IntakeForm(request.POST or None, request.FILES or None, units=_communes(province))
    if request.method == "POST":
        wait = hit(client_address(request))
        if wait is not None:
            return _too_many(request, wait)
        if form.is_valid():
            try:
                petition, secret = petition_submit_public(
                    intake=form.intake(), uploads=form.cleaned_data["attachments"]
                )
            except DomainError as exc:
                add_domain_errors(form, exc)
            else:
                request.session[SESSION_KEY] = [petition.tracking_code, secret]
                return redirect("petitions_public:sent")
    context = {
        "form": form,
        "provinces": _provinces(),
        "province": province,
        "denunciation": Kind.DENUNCIATION,
        "breadcrumbs": _crumbs(),
    }
    if request.headers.get("HX-Request") and request.method == "GET":
        return render(request, "petitions/public/_communes.html", context)
    return render(request, "petitions/public/index.html", context, status=422 if form.errors else 200)


def sent(request: HttpRequest) -> HttpResponse:
    """The tracking code and the private link, shown once after a submission."""
    stored = request.session.pop(SESSION_KEY, None)
    if not stored:
        return redirect("petitions_public:track_form")
    code, secret = stored
    context = {
        "code": code,
        "private_url": request.build_absolute_uri(reverse("petitions_public:private", args=[code, secret])),
        "breadcrumbs": _crumbs((_("Đã gửi"), None)),
    }
    response = render(request, "petitions/public/sent.html", context)
    response["Cache-Control"] = "no-store"
    return response


def track_form(request: HttpRequest) -> HttpResponse:
    form = TrackForm(request.GET or None)
    if form.is_valid():
        return redirect("petitions_public:track", form.cleaned_data["code"].strip().upper())
    return render(
        request,
        "petitions/public/track_form.html",
        {"form": form, "breadcrumbs": _crumbs((_("Theo dõi"), None))},
    )


@guessing_limited
def track(request: HttpRequest, code: str) -> HttpResponse:
    try:
        petition = access_tracked(code)
    except NotFound as exc:
        context = {"form": TrackForm(initial={"code": code}), "error": exc.message, "breadcrumbs": _crumbs()}
        return render(request, "petitions/public/track_form.html", context, status=404)
    context = {
        "petition": petition,
        "answers": public_answers(petition),
        "breadcrumbs": _crumbs((petition.tracking_code, None)),
    }
    return render(request, "petitions/public/track.html", context)


def _private_context(petition: Any, secret: str, **forms: Any) -> dict[str, Any]:
    answered = petition.status in (Status.ANSWERED, Status.CLOSED)
    return {
        "petition": petition,
        "secret": secret,
        "answers": petition.answers.prefetch_related("files").order_by("created_at", "pk"),
        "rate_form": forms.get("rate_form") or (RateForm() if answered else None),
        "withdraw_form": forms.get("withdraw_form") or (WithdrawForm() if petition.is_open else None),
        "breadcrumbs": _crumbs((petition.tracking_code, None)),
    }


@guessing_limited
@refusals
def private(request: HttpRequest, code: str, secret: str) -> HttpResponse:
    petition = access_private(code, secret)
    response = render(request, "petitions/public/private.html", _private_context(petition, secret))
    response["Cache-Control"] = "private, no-store"
    response["Referrer-Policy"] = "same-origin"  # the secret never leaves the site
    return response


@require_POST
@guessing_limited
@refusals
def private_step(request: HttpRequest, code: str, secret: str, name: str) -> HttpResponse:
    petition = access_private(code, secret)
    form: RateForm | WithdrawForm = (
        RateForm(request.POST) if name == "danh-gia" else WithdrawForm(request.POST)
    )
    if name not in ("danh-gia", "rut-don"):
        raise Http404()
    if form.is_valid():
        data = form.cleaned_data
        try:
            if name == "danh-gia":
                petition_rate(petition=petition, satisfied=data["satisfied"], note=data["note"])
            else:
                petition_withdraw(actor=None, petition=petition, reason=data["reason"])
        except DomainError as exc:
            add_domain_errors(form, exc)
        else:
            messages.success(request, _("Cảm ơn ông/bà. Ý kiến đã được ghi nhận."))
            return redirect("petitions_public:private", petition.tracking_code, secret)
    key = "rate_form" if name == "danh-gia" else "withdraw_form"
    return render(
        request,
        "petitions/public/private.html",
        _private_context(petition, secret, **{key: form}),
        status=422,
    )


@guessing_limited
@refusals
def public_file(request: HttpRequest, code: str, pk: int) -> HttpResponseBase:
    petition = access_tracked(code)
    return send_file(access_public_file(petition, pk))


def stats(request: HttpRequest) -> HttpResponse:
    """Public statistics of any unit (by code) and period: counts only, nothing personal."""
    form = StatsForm(request.GET or None)
    context: dict[str, Any] = {"form": form, "breadcrumbs": _crumbs((_("Thống kê"), None))}
    data = form.cleaned_data if form.is_valid() else {}
    try:
        period = Period.parse(data.get("period") or str(timezone.localdate().year))
        code = data.get("unit") or ""
        unit = Unit.objects.valid_on(timezone.localdate()).filter(code=code).first() if code else None
        if code and unit is None:
            raise NotFound(_("Không có đơn vị mã %(code)s.") % {"code": code})
    except DomainError as exc:
        form.add_error(None, exc.message)
        return render(request, "petitions/public/stats.html", context, status=422)
    context |= {"unit": unit, "period": period}
    if unit is not None:
        context |= stats_context(unit, period)
    return render(request, "petitions/public/stats.html", context)
