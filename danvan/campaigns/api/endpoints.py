"""The operations of /api/v1/campaigns. Thin: parse, access helper, one service, schema.

`/campaigns/stats` and `/campaigns/catalog` are declared before `/campaigns/{campaign_id}`.
"""

import datetime as dt
from typing import Any

from django.http import HttpRequest, HttpResponse
from ninja import Query
from ninja import Status as Created
from ninja.pagination import paginate

from danvan.accounts.scope import UserScope
from danvan.campaigns import stats as campaign_stats
from danvan.campaigns.access import READ, UPDATE, access_campaign, visible_campaigns
from danvan.campaigns.api import router
from danvan.campaigns.api.schemas import (
    CampaignIn,
    CampaignOut,
    CampaignPatch,
    CampaignQuery,
    CampaignStatsOut,
    CampaignStatsQuery,
    CampaignSummaryOut,
    CatalogOut,
    ContributionIn,
    ContributionOut,
    DistributionIn,
    DistributionOut,
)
from danvan.campaigns.models import BeneficiaryGroup, Campaign, Distribution, FundingSource, ItemKind
from danvan.campaigns.selectors import CampaignFilter, Line, campaign_progress, filter_campaigns
from danvan.campaigns.services import (
    CampaignData,
    ContributionData,
    DistributionData,
    campaign_create,
    campaign_update,
    contribution_add,
    distribution_add,
)
from danvan.core.api.conditional import (
    IfMatch,
    PreconditionFailed,
    etag_response,
    expected_version,
    set_etag,
    version_etag,
)
from danvan.core.api.idempotency import IdempotencyKey, create_once
from danvan.core.api.params import filter_unit, required_unit
from danvan.core.errors import Conflict, InvalidInput, NotFound
from danvan.core.pagination import LimitOffsetPagination
from danvan.core.parsing import MoneyError, parse_money
from danvan.core.periods import Period, parse_period
from danvan.territory.models import Unit


def _scope(request: HttpRequest) -> UserScope:
    return request.scope  # type: ignore[attr-defined]


def _unit_on(code: str, day: dt.date, field: str) -> Unit:
    unit = Unit.objects.valid_on(day).filter(code=code.strip()).first()
    if unit is None:
        raise InvalidInput(
            "invalid_campaign",
            "Thông tin chưa hợp lệ.",
            errors={field: [f"Không có đơn vị mã «{code}» có hiệu lực vào ngày {day:%d/%m/%Y}."]},
        )
    return unit


def _money(value: int | str | None, field: str) -> int | None:
    try:
        return parse_money(value)
    except MoneyError as exc:
        raise InvalidInput("invalid_money", "Số tiền chưa hợp lệ.", errors={field: [str(exc)]}) from exc


def _by_code[M: (ItemKind, BeneficiaryGroup)](model: type[M], codes: list[str], field: str) -> list[M]:
    found = {o.code: o for o in model.objects.filter(code__in=codes)}
    missing = [c for c in codes if c not in found]
    if missing:
        raise InvalidInput(
            "invalid_campaign",
            "Thông tin chưa hợp lệ.",
            errors={field: [f"Không có mã: {', '.join(missing)}."]},
        )
    return [found[c] for c in codes]


def _line_out(line: Line) -> dict[str, Any]:
    return {
        "item_kind": line.item_code,
        "groups": line.groups,
        "quantity": line.quantity,
        "value": line.value,
        "sentence": line.sentence,
    }


def _campaign_out(campaign: Campaign, response: HttpResponse) -> dict[str, Any]:
    set_etag(response, version_etag(campaign))
    progress = campaign_progress(campaign)
    achieved = {g.code: g.achieved for g in progress.goals}
    goal_items = [
        {
            "item_kind": g.item_kind.code,
            "quantity": g.quantity,
            "achieved": achieved.get(g.item_kind.code, 0),
        }
        for g in campaign.goal_items.select_related("item_kind")
    ]
    return {
        **{
            f: getattr(campaign, f)
            for f in ("id", "name", "parent_id", "start_date", "end_date", "goal_money")
        },
        **{f: getattr(campaign, f) for f in ("version", "organizer_text", "description")},
        "unit": campaign.unit,
        "money_raised": progress.money,
        "goods_value": progress.goods_value,
        "distributed_value": progress.distributed_value,
        "sub_campaigns": progress.sub_campaigns,
        "goal_items": goal_items,
        "lines": [_line_out(line) for line in progress.lines],
    }


@router.get(
    "/campaigns",
    response={200: list[CampaignSummaryOut]},
    summary="Danh sách cuộc vận động",
    operation_id="campaigns_list",
)
@paginate(LimitOffsetPagination)
def list_campaigns(request: HttpRequest, filters: Query[CampaignQuery]) -> Any:
    """Các cuộc vận động trong phạm vi của người gọi; `period`/`year` giữ cuộc có thời gian giao với kỳ."""
    criteria = CampaignFilter(
        q=filters.q or "",
        unit=filter_unit(filters),
        period=parse_period(filters.period),
        year=filters.year,
    )
    return filter_campaigns(visible_campaigns(_scope(request)), criteria)


@router.get(
    "/campaigns/stats",
    response={200: CampaignStatsOut},
    summary="Thống kê an sinh của một đơn vị",
    operation_id="campaigns_stats",
)
def stats(request: HttpRequest, query: Query[CampaignStatsQuery]) -> Any:
    """Số liệu của đơn vị, cấp dưới và đơn vị cũ sáp nhập vào, trong kỳ `period`."""
    unit = required_unit(query)
    if not _scope(request).covers(unit, history=True):
        raise NotFound()
    period = Period.parse(query.period)
    values = campaign_stats.figures(unit=unit, period=period)
    return {
        "unit": unit.code,
        "unit_name": unit.name,
        "period": period.code,
        "period_label": period.label,
        "figures": values,
        "labels": [
            {"key": k, "label": label, "measure": measure, "value": values[k]}
            for k, (label, measure) in campaign_stats.FIGURES.items()
        ],
        "lines": [_line_out(line) for line in campaign_stats.lines(unit=unit, period=period)],
    }


@router.get(
    "/campaigns/catalog",
    response={200: CatalogOut},
    summary="Danh mục loại hỗ trợ, đối tượng",
    operation_id="campaigns_catalog",
)
def catalog(request: HttpRequest) -> Any:
    return {
        "item_kinds": list(ItemKind.objects.filter(is_active=True).values("code", "name")),
        "beneficiary_groups": list(BeneficiaryGroup.objects.filter(is_active=True).values("code", "name")),
        "funding_sources": [{"code": c, "name": str(n)} for c, n in FundingSource.choices],
    }


@router.post(
    "/campaigns",
    response={201: CampaignOut},
    summary="Tạo cuộc vận động",
    operation_id="campaigns_create",
    openapi_extra=etag_response(201),
)
def create_campaign(
    request: HttpRequest, payload: CampaignIn, response: HttpResponse, idempotency_key: IdempotencyKey = None
) -> Any:
    """Gửi kèm Idempotency-Key để gửi lại an toàn. Mã đơn vị được hiểu theo ngày bắt đầu."""
    scope = _scope(request)
    parent = access_campaign(scope, payload.parent_id, UPDATE) if payload.parent_id else None
    data = CampaignData(
        name=payload.name,
        unit=_unit_on(payload.unit, payload.start_date, "unit"),
        start_date=payload.start_date,
        end_date=payload.end_date,
        parent=parent,
        organizer_text=payload.organizer_text,
        goal_money=_money(payload.goal_money, "goal_money"),
        description=payload.description,
    )
    kinds = _by_code(ItemKind, [g.item_kind for g in payload.goal_items], "goal_items")
    goals = {kind: g.quantity for kind, g in zip(kinds, payload.goal_items, strict=True)}

    def create() -> Campaign:
        return campaign_create(actor=request.user, scope=scope, data=data, goal_items=goals)

    done = create_once(request, operation="campaigns_create", key=idempotency_key, create=create)
    return Created(201, _campaign_out(access_campaign(scope, done.pk, READ), response))


@router.get(
    "/campaigns/{campaign_id}",
    response={200: CampaignOut},
    summary="Một cuộc vận động",
    operation_id="campaigns_get",
    openapi_extra=etag_response(),
)
def get_campaign(request: HttpRequest, campaign_id: int, response: HttpResponse) -> Any:
    """Kết quả gồm cả cuộc vận động con. Tiêu đề ETag mang phiên bản; gửi lại trong If-Match khi sửa."""
    return _campaign_out(access_campaign(_scope(request), campaign_id, READ), response)


@router.patch(
    "/campaigns/{campaign_id}",
    response=CampaignOut,
    summary="Sửa cuộc vận động",
    operation_id="campaigns_update",
    openapi_extra=etag_response(),
)
def update_campaign(
    request: HttpRequest,
    campaign_id: int,
    payload: CampaignPatch,
    response: HttpResponse,
    if_match: IfMatch = None,
) -> Any:
    """Cần If-Match (428 nếu thiếu, 412 nếu ETag đã cũ). Chỉ các trường gửi lên được sửa."""
    scope = _scope(request)
    campaign = access_campaign(scope, campaign_id, UPDATE)
    expected = expected_version(campaign, if_match, required=True)
    values: dict[str, Any] = payload.model_dump(exclude_unset=True)
    if "goal_money" in values:
        values["goal_money"] = _money(values["goal_money"], "goal_money")
    try:
        campaign_update(
            actor=request.user, scope=scope, campaign=campaign, values=values, expected_version=expected
        )
    except Conflict as exc:
        raise PreconditionFailed() from exc
    return _campaign_out(access_campaign(scope, campaign_id, READ), response)


@router.get(
    "/campaigns/{campaign_id}/contributions",
    response={200: list[ContributionOut]},
    summary="Các khoản đóng góp",
    operation_id="campaigns_list_contributions",
)
@paginate(LimitOffsetPagination)
def list_contributions(request: HttpRequest, campaign_id: int) -> Any:
    return access_campaign(_scope(request), campaign_id, READ).contributions.order_by("received_on", "id")


@router.post(
    "/campaigns/{campaign_id}/contributions",
    response={201: ContributionOut},
    summary="Ghi nhận đóng góp",
    operation_id="campaigns_add_contribution",
)
def add_contribution(
    request: HttpRequest, campaign_id: int, payload: ContributionIn, idempotency_key: IdempotencyKey = None
) -> Any:
    scope = _scope(request)
    campaign = access_campaign(scope, campaign_id, UPDATE)
    data = ContributionData(
        **payload.model_dump(exclude={"amount", "kind", "donor_type"}),
        kind=payload.kind.value,
        donor_type=payload.donor_type.value,
        amount=_money(payload.amount, "amount"),
    )

    def create() -> Any:
        return contribution_add(actor=request.user, scope=scope, campaign=campaign, data=data)

    done = create_once(request, operation="campaigns_add_contribution", key=idempotency_key, create=create)
    return Created(201, campaign.contributions.get(pk=done.pk))


def _distribution_out(d: Distribution) -> dict[str, Any]:
    kind = d.item_kind
    line = Line(kind.code, kind.name, kind.counted_as, kind.measure, d.groups_label, d.quantity, d.value)
    return {
        **{f: getattr(d, f) for f in ("id", "campaign_id", "quantity", "value", "funding_source")},
        **{f: getattr(d, f) for f in ("distributed_on", "note", "unit")},
        "item_kind": kind.code,
        "groups": d.groups_key.split(","),
        "sentence": line.sentence,
    }


@router.get(
    "/campaigns/{campaign_id}/distributions",
    response={200: list[DistributionOut]},
    summary="Các đợt trao tặng",
    operation_id="campaigns_list_distributions",
)
@paginate(LimitOffsetPagination)
def list_distributions(request: HttpRequest, campaign_id: int) -> Any:
    campaign = access_campaign(_scope(request), campaign_id, READ)
    rows = campaign.distributions.select_related("unit", "item_kind").order_by("distributed_on", "id")
    return [_distribution_out(d) for d in rows]


@router.post(
    "/campaigns/{campaign_id}/distributions",
    response={201: DistributionOut},
    summary="Ghi nhận trao tặng",
    operation_id="campaigns_add_distribution",
)
def add_distribution(
    request: HttpRequest, campaign_id: int, payload: DistributionIn, idempotency_key: IdempotencyKey = None
) -> Any:
    """422 khi ngày trao nằm ngoài thời gian của cuộc vận động, số lượng hay trị giá bất thường."""
    scope = _scope(request)
    campaign = access_campaign(scope, campaign_id, UPDATE)
    data = DistributionData(
        unit=_unit_on(payload.unit, payload.distributed_on, "unit") if payload.unit else campaign.unit,
        item_kind=_by_code(ItemKind, [payload.item_kind], "item_kind")[0],
        groups=_by_code(BeneficiaryGroup, payload.groups, "groups"),
        quantity=payload.quantity,
        value=_money(payload.value, "value"),
        funding_source=payload.funding_source.value,
        distributed_on=payload.distributed_on,
        note=payload.note,
    )

    def create() -> Distribution:
        return distribution_add(actor=request.user, scope=scope, campaign=campaign, data=data)

    done = create_once(request, operation="campaigns_add_distribution", key=idempotency_key, create=create)
    return Created(
        201, _distribution_out(Distribution.objects.select_related("unit", "item_kind").get(pk=done.pk))
    )
