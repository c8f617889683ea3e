"""What the reporting pages share: breadcrumbs and reading filters from the query string."""

from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from danvan.accounts.selectors import current_unit
from danvan.core.errors import InvalidInput, NotFound
from danvan.core.pages import scope_of
from danvan.core.periods import Period
from danvan.reporting.models import ReportForm
from danvan.territory.models import Unit


def crumbs(*items: tuple[str, str | None]) -> list[dict[str, str | None]]:
    base = [(_("Trang chủ"), reverse("core:home")), (_("Báo cáo"), reverse("reporting:index"))]
    return [{"label": label, "url": url} for label, url in [*base, *items]]


def unit_param(request: HttpRequest, name: str = "unit") -> Unit | None:
    """The unit named by code in the query, else the user's working unit."""
    code = request.GET.get(name, "").strip()
    if not code:
        return current_unit(request)
    unit = Unit.objects.valid_on(timezone.localdate()).filter(code=code).first()
    if unit is None:
        raise NotFound(_("Không có đơn vị mã «%(code)s».") % {"code": code})
    return unit


def period_param(request: HttpRequest, default: Period) -> tuple[Period, str]:
    """(period, error message) — a bad period falls back to the default with a message."""
    code = request.GET.get("period", "").strip()
    if not code:
        return default, ""
    try:
        return Period.parse(code), ""
    except InvalidInput as exc:
        return default, exc.message


def form_param(request: HttpRequest) -> ReportForm:
    code = request.GET.get("form", "").strip()
    form = ReportForm.objects.filter(code=code).first() if code else None
    form = form or ReportForm.objects.filter(counts_in_rollups=True, is_active=True).order_by("code").first()
    if form is None:
        raise NotFound(_("Chưa có mẫu báo cáo nào."))
    return form


__all__ = ["crumbs", "form_param", "period_param", "scope_of", "unit_param"]
