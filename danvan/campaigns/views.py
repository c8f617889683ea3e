"""HTML pages of the welfare campaigns. Thin: parse, access helper, one service, render."""

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied as HttpForbidden
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from danvan.accounts.scope import UserScope
from danvan.accounts.selectors import current_unit
from danvan.audit.services import audit_record
from danvan.campaigns import exports
from danvan.campaigns import stats as campaign_stats
from danvan.campaigns.access import (
    READ,
    UPDATE,
    access_campaign,
    access_distribution,
    may_handle_beneficiaries,
    visible_campaigns,
)
from danvan.campaigns.forms import (
    CampaignForm,
    ContributionForm,
    DistributionForm,
    RecipientsForm,
    StatsForm,
    add_domain_errors,
    campaign_units,
)
from danvan.campaigns.models import Campaign
from danvan.campaigns.selectors import (
    CampaignFilter,
    campaign_progress,
    default_distribution_day,
    filter_campaigns,
)
from danvan.campaigns.services import (
    CampaignData,
    ContributionData,
    DistributionData,
    Recipient,
    beneficiaries_add,
    campaign_create,
    contribution_add,
    distribution_add,
    may_write,
)
from danvan.core.errors import DomainError, NotFound, PermissionDenied
from danvan.core.export import filters_text, wants_export
from danvan.core.periods import Period
from danvan.territory.models import Unit
from danvan.territory.tree import subtree_q


def scope_of(request: HttpRequest) -> UserScope:
    return request.scope  # type: ignore[attr-defined]


def refusals[**P, R: HttpResponseBase](view: Callable[P, R]) -> Callable[P, R]:
    """Missing and not-yours answer 404; visible but not allowed answers 403."""

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
    base = [(_("Trang chủ"), reverse("core:home")), (_("An sinh xã hội"), reverse("campaigns:index"))]
    return [{"label": label, "url": url} for label, url in [*base, *items]]


@login_required
def index(request: HttpRequest) -> HttpResponseBase:
    form = StatsForm(request.GET)
    criteria = CampaignFilter(q=request.GET.get("q", "")[:100])
    if form.is_valid():
        criteria = CampaignFilter(
            q=criteria.q, unit=form.cleaned_data["unit"], period=form.cleaned_data["period"]
        )
    campaigns = filter_campaigns(visible_campaigns(scope_of(request)), criteria)
    if wants_export(request):
        return exports.campaigns_export(request, campaigns, filters_text(_filters(form, criteria)))
    page = Paginator(campaigns, 25).get_page(request.GET.get("page"))
    unit = current_unit(request)
    context = {
        "form": form,
        "q": criteria.q,
        "page": page,
        "can_create": unit is not None and may_write(scope_of(request), unit),
        "breadcrumbs": crumbs(),
    }
    return render(request, "campaigns/index.html", context)


def _filters(form: StatsForm, criteria: CampaignFilter) -> list[tuple[str, Any]]:
    return [(_("Tìm kiếm"), criteria.q), (_("Đơn vị"), criteria.unit), (_("Kỳ"), criteria.period)]


def _working_unit(request: HttpRequest) -> Unit:
    unit = current_unit(request)
    if unit is None or not may_write(scope_of(request), unit):
        raise NotFound(_("Trang này cần quyền nhập liệu trên đơn vị đang làm việc."))
    return unit


def _campaign_data(data: dict[str, Any], parent: Campaign | None) -> CampaignData:
    return CampaignData(
        name=data["name"],
        unit=data["unit"],
        start_date=data["start_date"],
        end_date=data["end_date"],
        parent=parent,
        organizer_text=data["organizer_text"],
        goal_money=data["goal_money"],
        description=data["description"],
    )


@login_required
@refusals
def create(request: HttpRequest) -> HttpResponse:
    scope = scope_of(request)
    parent_id = request.GET.get("parent", "")
    parent = access_campaign(scope, int(parent_id), UPDATE) if parent_id.isdigit() else None
    unit = parent.unit if parent else _working_unit(request)
    units = (
        campaign_units(unit)
        if parent is None
        else Unit.objects.filter(subtree_q([unit.path], "path"))
        .filter(depth__lte=unit.depth + 1)
        .order_by("depth", "sort_key")
    )
    initial: dict[str, Any] = {"unit": unit}
    if parent:
        initial |= {"start_date": parent.start_date, "end_date": parent.end_date}
    form = CampaignForm(request.POST or None, units=units, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        goals = {data["goal_item_kind"]: data["goal_item_quantity"]} if data["goal_item_kind"] else {}
        try:
            campaign = campaign_create(
                actor=request.user, scope=scope, data=_campaign_data(data, parent), goal_items=goals
            )
        except DomainError as exc:
            add_domain_errors(form, exc)
        else:
            messages.success(request, _("Đã tạo cuộc vận động «%(name)s».") % {"name": campaign.name})
            return redirect("campaigns:detail", campaign.pk)
    context = {"form": form, "parent": parent, "breadcrumbs": crumbs((_("Tạo cuộc vận động"), None))}
    return render(request, "campaigns/create.html", context)


@login_required
@refusals
def detail(request: HttpRequest, pk: int) -> HttpResponseBase:
    scope = scope_of(request)
    campaign = access_campaign(scope, pk, READ)
    if wants_export(request, exports.CONTRIBUTIONS):
        return exports.contributions_export(request, campaign)
    if wants_export(request, exports.DISTRIBUTIONS):
        return exports.distributions_export(request, campaign)
    distributions = list(
        campaign.distributions.select_related("unit", "item_kind").order_by("-distributed_on", "-id")[:200]
    )
    context = {
        "campaign": campaign,
        "progress": campaign_progress(campaign),
        "children": campaign.children.select_related("unit").order_by("sort_key"),
        "contributions": campaign.contributions.order_by("-received_on", "-id")[:200],
        "distributions": [(d, may_handle_beneficiaries(scope, d)) for d in distributions],
        "organizers": campaign.organizers.all(),
        "can_write": may_write(scope, campaign.unit),
        "breadcrumbs": crumbs((campaign.name, None)),
    }
    return render(request, "campaigns/detail.html", context)


@login_required
@refusals
def contribution_new(request: HttpRequest, pk: int) -> HttpResponse:
    scope = scope_of(request)
    campaign = access_campaign(scope, pk, UPDATE)
    today = default_distribution_day(campaign, timezone.localdate())
    form = ContributionForm(request.POST or None, initial={"received_on": today})
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        data = ContributionData(
            kind=d["kind"],
            donor_type=d["donor_type"],
            donor_name=d["donor_name"],
            amount=d["amount"],
            goods=d["goods"],
            quantity=d["quantity"],
            quantity_unit=d["quantity_unit"],
            received_on=d["received_on"],
            receipt_number=d["receipt_number"],
        )
        try:
            contribution_add(actor=request.user, scope=scope, campaign=campaign, data=data)
        except DomainError as exc:
            add_domain_errors(form, exc)
        else:
            messages.success(request, _("Đã ghi nhận khoản đóng góp."))
            return redirect("campaigns:detail", campaign.pk)
    context = {
        "form": form,
        "campaign": campaign,
        "title": _("Ghi nhận đóng góp"),
        "breadcrumbs": crumbs(
            (campaign.name, reverse("campaigns:detail", args=[pk])), (_("Ghi nhận đóng góp"), None)
        ),
    }
    return render(request, "campaigns/form.html", context)


@login_required
@refusals
def distribution_new(request: HttpRequest, pk: int) -> HttpResponse:
    scope = scope_of(request)
    campaign = access_campaign(scope, pk, UPDATE)
    units = Unit.objects.filter(subtree_q([campaign.unit_path], "path"), depth__lte=campaign.unit.depth + 1)
    initial = {
        "unit": campaign.unit,
        "distributed_on": default_distribution_day(campaign, timezone.localdate()),
    }
    form = DistributionForm(request.POST or None, units=units.order_by("depth", "sort_key"), initial=initial)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        data = DistributionData(
            unit=d["unit"],
            item_kind=d["item_kind"],
            groups=list(d["groups"]),
            quantity=d["quantity"],
            value=d["value"],
            funding_source=d["funding_source"],
            distributed_on=d["distributed_on"],
            note=d["note"],
        )
        try:
            distribution = distribution_add(actor=request.user, scope=scope, campaign=campaign, data=data)
        except DomainError as exc:
            add_domain_errors(form, exc)
        else:
            messages.success(
                request, _("Đã ghi nhận: %(what)s.") % {"what": distribution_sentence(distribution)}
            )
            return redirect("campaigns:detail", campaign.pk)
    context = {
        "form": form,
        "campaign": campaign,
        "title": _("Ghi nhận trao tặng"),
        "breadcrumbs": crumbs(
            (campaign.name, reverse("campaigns:detail", args=[pk])), (_("Ghi nhận trao tặng"), None)
        ),
    }
    return render(request, "campaigns/form.html", context)


def distribution_sentence(distribution: Any) -> str:
    from danvan.campaigns.selectors import Line

    kind = distribution.item_kind
    line = Line(
        kind.code,
        kind.name,
        kind.counted_as,
        kind.measure,
        distribution.groups_label,
        distribution.quantity,
        distribution.value,
    )
    return line.sentence


@login_required
@refusals
def beneficiaries(request: HttpRequest, pk: int, distribution_id: int) -> HttpResponseBase:
    scope = scope_of(request)
    campaign = access_campaign(scope, pk, READ)
    distribution = access_distribution(scope, campaign, distribution_id)
    form = RecipientsForm(request.POST or None)
    repeat_warning = False
    if request.method == "POST" and form.is_valid():
        recipients = [Recipient(name, address, year) for name, address, year in form.cleaned_data["lines"]]
        try:
            added = beneficiaries_add(
                actor=request.user,
                scope=scope,
                distribution=distribution,
                recipients=recipients,
                allow_repeat=form.cleaned_data["allow_repeat"],
            )
        except DomainError as exc:
            repeat_warning = exc.code == "beneficiary_repeat"
            add_domain_errors(form, exc)
        else:
            messages.success(request, _("Đã ghi %(n)s người nhận.") % {"n": len(added)})
            return redirect("campaigns:beneficiaries", pk, distribution.pk)
    elif wants_export(request):  # audited as a personal-data export
        return exports.recipients_export(request, distribution, distribution_sentence(distribution))
    else:
        audit_record(
            actor=request.user, action="campaign.beneficiaries_view", obj=distribution, unit=distribution.unit
        )
    context = {
        "form": form,
        "campaign": campaign,
        "distribution": distribution,
        "sentence": distribution_sentence(distribution),
        "people": distribution.beneficiaries.order_by("id"),
        "repeat_warning": repeat_warning,
        "breadcrumbs": crumbs(
            (campaign.name, reverse("campaigns:detail", args=[pk])), (_("Danh sách người nhận"), None)
        ),
    }
    return render(request, "campaigns/beneficiaries.html", context)


@login_required
@refusals
def stats(request: HttpRequest) -> HttpResponseBase:
    form = StatsForm(request.GET)
    unit: Unit | None = None
    period = Period.whole_year(timezone.localdate().year)
    if form.is_valid():
        unit = form.cleaned_data["unit"] or current_unit(request)
        period = form.cleaned_data["period"] or period
    if unit is not None and not scope_of(request).covers(unit, history=True):
        raise NotFound()
    context: dict[str, Any] = {
        "form": form,
        "unit": unit,
        "period": period,
        "breadcrumbs": crumbs((_("Thống kê"), None)),
    }
    if unit is not None and form.is_valid():
        values = campaign_stats.figures(unit=unit, period=period)
        context |= {
            "figures": [
                {"label": label, "measure": measure, "value": values[key], "money": measure == "đồng"}
                for key, (label, measure) in campaign_stats.FIGURES.items()
                if values[key] or key in ("money_raised", "distributed_value", "houses_built")
            ],
            "lines": campaign_stats.lines(unit=unit, period=period),
            "groups": campaign_stats.by_group(unit=unit, period=period),
        }
        if wants_export(request):
            return exports.stats_export(request, unit, period, context)
    return render(request, "campaigns/stats.html", context)
