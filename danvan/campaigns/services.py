"""Writes of the welfare campaigns: each checks, saves in one transaction and records one audit event.

Who may write: a reporter (or above) whose subtree holds the unit, history included, so that
today's province enters the 2022 campaign of a former district merged into it.
"""

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from danvan.accounts.models import Role
from danvan.accounts.scope import UserScope
from danvan.audit.services import apply_changes, audit_record
from danvan.campaigns.models import (
    MAX_QUANTITY,
    Beneficiary,
    BeneficiaryGroup,
    Campaign,
    Contribution,
    ContributionKind,
    Distribution,
    DonorType,
    FundingSource,
    GoalItem,
    ItemKind,
)
from danvan.core.errors import Conflict, InvalidInput, NotFound
from danvan.core.formatting import format_date, format_number
from danvan.core.text import fold, sort_key
from danvan.orgs.models import Organization
from danvan.territory.models import Unit

MAX_VALUE_PER_ITEM = 5 * 10**9  # a house is about 100 triệu đồng: more per item is a typing error
MAX_CAMPAIGN_YEARS = 6
TREE_SEGMENT = 10


def may_write(scope: UserScope, unit: Unit) -> bool:
    return scope.covers(unit, Role.REPORTER, history=True)


def _require_writer(scope: UserScope, unit: Unit) -> None:
    if not may_write(scope, unit):
        raise NotFound()


def _invalid(errors: dict[str, list[str]], message: str = "") -> None:
    if errors:
        raise InvalidInput("invalid_campaign", message or _("Thông tin chưa hợp lệ."), errors=errors)


def period_text(campaign: Campaign) -> str:
    return f"{format_date(campaign.start_date)} – {format_date(campaign.end_date)}"


# Campaigns --------------------------------------------------------------------------------------


@dataclass
class CampaignData:
    name: str
    unit: Unit
    start_date: dt.date
    end_date: dt.date
    parent: Campaign | None = None
    organizer_text: str = ""
    goal_money: int | None = None
    description: str = ""


def _period_errors(start: dt.date, end: dt.date) -> dict[str, list[str]]:
    if end < start:
        return {"end_date": [_("Ngày kết thúc không được trước ngày bắt đầu.")]}
    if (end - start).days > 366 * MAX_CAMPAIGN_YEARS:
        return {
            "end_date": [
                _("Cuộc vận động dài quá %(n)s năm; hãy kiểm tra lại năm.") % {"n": MAX_CAMPAIGN_YEARS}
            ]
        }
    return {}


def _parent_errors(data: CampaignData) -> dict[str, list[str]]:
    parent = data.parent
    if parent is None:
        return {}
    errors: list[str] = []
    if not data.unit.path.startswith(parent.unit_path):
        errors.append(
            _("Địa bàn của cuộc vận động con phải thuộc địa bàn «%(unit)s».") % {"unit": parent.unit}
        )
    if data.start_date < parent.start_date or data.end_date > parent.end_date:
        errors.append(
            _("Thời gian phải nằm trong thời gian của cuộc vận động cấp trên (%(period)s).")
            % {"period": period_text(parent)}
        )
    return {"parent": errors} if errors else {}


def check_campaign(data: CampaignData) -> None:
    errors: dict[str, list[str]] = {}
    if not data.name.strip():
        errors["name"] = [_("Cần nhập tên cuộc vận động.")]
    errors |= _period_errors(data.start_date, data.end_date)
    unit = data.unit
    if (unit.valid_to and unit.valid_to < data.start_date) or (
        unit.valid_from and unit.valid_from > data.end_date
    ):
        errors["unit"] = [_("Địa bàn «%(unit)s» không tồn tại trong thời gian này.") % {"unit": unit}]
    if data.goal_money is not None and data.goal_money < 0:
        errors["goal_money"] = [_("Chỉ tiêu không được âm.")]
    errors |= _parent_errors(data)
    _invalid(errors, _("Thông tin cuộc vận động chưa hợp lệ."))


def _organizers(unit: Unit, organizers: Iterable[Organization]) -> list[Organization]:
    chosen = list(organizers)
    wrong = [
        o.name for o in chosen if not (unit.path.startswith(o.unit.path) or o.unit.path.startswith(unit.path))
    ]
    if wrong:
        _invalid(
            {
                "organizers": [
                    _("Cơ quan tổ chức phải thuộc địa bàn hoặc cấp trên của nó: %(names)s.")
                    % {"names": ", ".join(wrong)}
                ]
            }
        )
    return chosen


def _goal_errors(goal_items: dict[ItemKind, int]) -> dict[str, list[str]]:
    bad = [k.name for k, n in goal_items.items() if not 1 <= n <= MAX_QUANTITY]
    if bad:
        return {
            "goal_items": [
                _("Số lượng chỉ tiêu phải từ 1 đến %(max)s: %(kinds)s.")
                % {"max": format_number(MAX_QUANTITY), "kinds": ", ".join(bad)}
            ]
        }
    return {}


@transaction.atomic
def campaign_create(
    *,
    actor: Any,
    scope: UserScope,
    data: CampaignData,
    organizers: Sequence[Organization] = (),
    goal_items: dict[ItemKind, int] | None = None,
) -> Campaign:
    """Create a campaign (or a sub-campaign of `data.parent`) with its goals."""
    _require_writer(scope, data.unit)
    check_campaign(data)
    _invalid(_goal_errors(goal_items or {}))
    chosen = _organizers(data.unit, organizers)
    campaign = Campaign(
        name=data.name.strip(),
        unit=data.unit,
        unit_path=data.unit.path,
        parent=data.parent,
        organizer_text=data.organizer_text.strip(),
        start_date=data.start_date,
        end_date=data.end_date,
        goal_money=data.goal_money,
        description=data.description.strip(),
        name_folded=fold(data.name),
        sort_key=sort_key(data.name)[:800],
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    campaign.save()
    own = f"{campaign.pk:0{TREE_SEGMENT}d}"
    campaign.tree_path = (data.parent.tree_path if data.parent else "") + own
    campaign.save(update_fields=["tree_path"])
    campaign.organizers.set(chosen)
    GoalItem.objects.bulk_create(
        GoalItem(campaign=campaign, item_kind=kind, quantity=n) for kind, n in (goal_items or {}).items()
    )
    audit_record(
        actor=actor,
        action="campaign.create",
        obj=campaign,
        unit=data.unit,
        changes={"name": [None, campaign.name], "period": [None, period_text(campaign)]},
    )
    return campaign


UPDATABLE = ("name", "organizer_text", "start_date", "end_date", "goal_money", "description")


def _contents_outside(campaign: Campaign, start: dt.date, end: dt.date) -> list[str]:
    outside = []
    if campaign.distributions.exclude(distributed_on__range=(start, end)).exists():
        outside.append(_("có đợt trao tặng nằm ngoài thời gian mới"))
    if campaign.contributions.exclude(received_on__range=(start, end)).exists():
        outside.append(_("có khoản đóng góp nằm ngoài thời gian mới"))
    if (
        campaign.children.filter(start_date__lt=start).exists()
        or campaign.children.filter(end_date__gt=end).exists()
    ):
        outside.append(_("có cuộc vận động con nằm ngoài thời gian mới"))
    return outside


@transaction.atomic
def campaign_update(
    *, actor: Any, scope: UserScope, campaign: Campaign, values: dict[str, Any], expected_version: int | None
) -> Campaign:
    """Change name, period, goal or description; refused on a stale version or a period that
    would leave recorded contributions, distributions or sub-campaigns outside it."""
    locked = (
        Campaign.objects.select_for_update(of=("self",)).select_related("unit", "parent").get(pk=campaign.pk)
    )
    _require_writer(scope, locked.unit)
    if expected_version is not None and locked.version != expected_version:
        raise Conflict("stale_version", _("Cuộc vận động đã được người khác sửa; hãy tải lại rồi sửa lại."))
    allowed = {k: v for k, v in values.items() if k in UPDATABLE and v is not None}
    merged = {f: getattr(locked, f) for f in UPDATABLE} | allowed
    check_campaign(CampaignData(unit=locked.unit, parent=locked.parent, **merged))
    outside = _contents_outside(locked, merged["start_date"], merged["end_date"])
    if outside:
        _invalid({"start_date": [_("Không đổi được thời gian: %(why)s.") % {"why": "; ".join(outside)}]})
    changes = apply_changes(locked, allowed)
    if not changes:
        return locked
    locked.name = locked.name.strip()
    locked.name_folded, locked.sort_key = fold(locked.name), sort_key(locked.name)[:800]
    locked.version += 1
    locked.save()
    audit_record(actor=actor, action="campaign.update", obj=locked, unit=locked.unit, changes=changes)
    return locked


# Contributions ----------------------------------------------------------------------------------


@dataclass
class ContributionData:
    kind: str
    donor_type: str
    amount: int | None
    received_on: dt.date
    donor_name: str = ""
    goods: str = ""
    quantity: int | None = None
    quantity_unit: str = ""
    receipt_number: str = ""


def _date_errors(field: str, day: dt.date, campaign: Campaign, what: str) -> dict[str, list[str]]:
    if campaign.start_date <= day <= campaign.end_date:
        return {}
    return {
        field: [
            _("%(what)s ngày %(day)s nằm ngoài thời gian của cuộc vận động (%(period)s).")
            % {"what": what, "day": format_date(day), "period": period_text(campaign)}
        ]
    }


def check_contribution(campaign: Campaign, data: ContributionData) -> None:
    errors: dict[str, list[str]] = {}
    if data.kind not in ContributionKind.values:
        errors["kind"] = [_("Chọn tiền hoặc hiện vật.")]
    if data.donor_type not in DonorType.values:
        errors["donor_type"] = [_("Chọn loại người đóng góp.")]
    elif data.donor_type != DonorType.ANONYMOUS and not data.donor_name.strip():
        errors["donor_name"] = [_("Ghi tên người hoặc đơn vị đóng góp (hoặc chọn «Ẩn danh»).")]
    if data.amount is None:
        errors["amount"] = [_("Cần ghi số tiền (với hiện vật: giá trị ước tính).")]
    elif data.amount < 0 or (data.kind == ContributionKind.MONEY and data.amount == 0):
        errors["amount"] = [_("Số tiền phải lớn hơn 0.")]
    if data.kind == ContributionKind.GOODS:
        if not data.goods.strip():
            errors["goods"] = [_("Ghi loại hiện vật (ví dụ gạo, mì tôm).")]
        if data.quantity is None or not 1 <= data.quantity <= MAX_QUANTITY:
            errors["quantity"] = [
                _("Số lượng hiện vật phải từ 1 đến %(max)s.") % {"max": format_number(MAX_QUANTITY)}
            ]
    errors |= _date_errors("received_on", data.received_on, campaign, _("Khoản đóng góp"))
    _invalid(errors, _("Thông tin khoản đóng góp chưa hợp lệ."))


@transaction.atomic
def contribution_add(
    *, actor: Any, scope: UserScope, campaign: Campaign, data: ContributionData
) -> Contribution:
    _require_writer(scope, campaign.unit)
    check_contribution(campaign, data)
    goods = data.kind == ContributionKind.GOODS
    assert data.amount is not None  # checked above
    contribution = Contribution.objects.create(
        campaign=campaign,
        unit_path=campaign.unit_path,
        kind=data.kind,
        donor_type=data.donor_type,
        donor_name="" if data.donor_type == DonorType.ANONYMOUS else data.donor_name.strip(),
        amount=data.amount,
        goods=data.goods.strip() if goods else "",
        quantity=data.quantity if goods else None,
        quantity_unit=data.quantity_unit.strip() if goods else "",
        received_on=data.received_on,
        receipt_number=data.receipt_number.strip(),
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    audit_record(
        actor=actor,
        action="campaign.contribution_add",
        obj=contribution,
        unit=campaign.unit,
        changes={"campaign": [None, campaign.pk], "amount": [None, data.amount]},
    )
    return contribution


# Distributions ----------------------------------------------------------------------------------


@dataclass
class DistributionData:
    unit: Unit
    item_kind: ItemKind
    groups: list[BeneficiaryGroup]
    quantity: int | None
    distributed_on: dt.date
    value: int | None = None
    funding_source: str = FundingSource.CAMPAIGN
    note: str = ""


def _quantity_errors(data: DistributionData) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    if data.quantity is None or data.quantity < 1:
        errors["quantity"] = [_("Số lượng phải là số nguyên lớn hơn 0.")]
    elif data.quantity > MAX_QUANTITY:
        errors["quantity"] = [
            _("Số lượng %(n)s quá lớn cho một đợt trao (tối đa %(max)s); hãy kiểm tra lại.")
            % {"n": format_number(data.quantity), "max": format_number(MAX_QUANTITY)}
        ]
    if data.value is not None and data.value < 0:
        errors["value"] = [_("Trị giá không được âm.")]
    elif (
        data.value
        and data.quantity
        and data.quantity >= 1
        and data.value > data.quantity * MAX_VALUE_PER_ITEM
    ):
        errors["value"] = [
            _("Trị giá bình quân trên 5 tỷ đồng mỗi %(m)s: hãy kiểm tra lại số chữ số.")
            % {"m": data.item_kind.measure}
        ]
    return errors


def check_distribution(campaign: Campaign, data: DistributionData) -> None:
    errors = _quantity_errors(data)
    if not data.unit.path.startswith(campaign.unit_path):
        errors["unit"] = [
            _("Nơi trao phải thuộc địa bàn «%(unit)s» của cuộc vận động.") % {"unit": campaign.unit}
        ]
    if not data.groups:
        errors["groups"] = [_("Chọn ít nhất một nhóm đối tượng thụ hưởng.")]
    if not data.item_kind.is_active or any(not g.is_active for g in data.groups):
        errors["item_kind"] = [_("Loại hỗ trợ hoặc nhóm đối tượng này không còn dùng.")]
    if data.funding_source not in FundingSource.values:
        errors["funding_source"] = [_("Chọn nguồn kinh phí trong danh sách.")]
    errors |= _date_errors("distributed_on", data.distributed_on, campaign, _("Đợt trao"))
    _invalid(errors, _("Thông tin đợt trao tặng chưa hợp lệ."))


@transaction.atomic
def distribution_add(
    *, actor: Any, scope: UserScope, campaign: Campaign, data: DistributionData
) -> Distribution:
    _require_writer(scope, data.unit)
    check_distribution(campaign, data)
    groups = sorted(set(data.groups), key=lambda g: (g.order, g.name))
    assert data.quantity is not None  # checked above
    distribution = Distribution.objects.create(
        campaign=campaign,
        unit=data.unit,
        unit_path=data.unit.path,
        item_kind=data.item_kind,
        groups_key=",".join(sorted(g.code for g in groups)),
        groups_rank=groups[0].order if groups else 0,
        groups_label=", ".join(g.name[:1].lower() + g.name[1:] for g in groups),
        quantity=data.quantity,
        value=data.value,
        funding_source=data.funding_source,
        distributed_on=data.distributed_on,
        note=data.note.strip(),
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    distribution.groups.set(groups)
    audit_record(
        actor=actor,
        action="campaign.distribution_add",
        obj=distribution,
        unit=data.unit,
        changes={
            "campaign": [None, campaign.pk],
            "quantity": [None, data.quantity],
            "value": [None, data.value],
        },
    )
    return distribution


# Beneficiaries ----------------------------------------------------------------------------------


@dataclass
class Recipient:
    full_name: str
    address: str
    birth_year: int | None = None


def household_key(full_name: str, address: str) -> str:
    return f"{fold(full_name)}|{fold(address)}"[:330]


def _recipient_errors(recipients: list[Recipient], room: int) -> dict[str, list[str]]:
    errors: list[str] = []
    for number, r in enumerate(recipients, start=1):
        if not r.full_name.strip() or not r.address.strip():
            errors.append(_("Người thứ %(n)s: cần họ tên và nơi ở.") % {"n": number})
        if r.birth_year is not None and not 1900 <= r.birth_year <= dt.date.today().year:
            errors.append(_("Người thứ %(n)s: năm sinh không hợp lệ.") % {"n": number})
    if len(recipients) > room:
        errors.append(
            _("Danh sách vượt số lượng của đợt trao (còn %(room)s suất chưa ghi người nhận).")
            % {"room": room}
        )
    return {"recipients": errors} if errors else {}


def repeated_households(distribution: Distribution, recipients: list[Recipient]) -> list[str]:
    """Recipients who already received something in the same campaign, or twice in this list."""
    keys = [household_key(r.full_name, r.address) for r in recipients]
    known = set(
        Beneficiary.objects.filter(campaign_id=distribution.campaign_id, household_key__in=keys).values_list(
            "household_key", flat=True
        )
    )
    seen: set[str] = set()
    repeated = []
    for key, r in zip(keys, recipients, strict=True):
        if key in known or key in seen:
            repeated.append(f"{r.full_name} ({r.address})")
        seen.add(key)
    return repeated


@transaction.atomic
def beneficiaries_add(
    *,
    actor: Any,
    scope: UserScope,
    distribution: Distribution,
    recipients: list[Recipient],
    allow_repeat: bool = False,
) -> list[Beneficiary]:
    """Record who received a distribution. A household that already received in the same campaign
    is refused with a warning (Conflict `beneficiary_repeat`) unless `allow_repeat`."""
    _require_writer(scope, distribution.unit)
    locked = Distribution.objects.select_for_update().get(pk=distribution.pk)
    room = locked.quantity - locked.beneficiaries.count()
    _invalid(_recipient_errors(recipients, room), _("Danh sách người nhận chưa hợp lệ."))
    repeated = repeated_households(locked, recipients)
    if repeated and not allow_repeat:
        raise Conflict(
            "beneficiary_repeat",
            _(
                "Các hộ sau đã nhận hỗ trợ trong cuộc vận động này: %(names)s. "
                "Kiểm tra lại, hoặc xác nhận vẫn ghi nhận."
            )
            % {"names": "; ".join(repeated)},
        )
    user = actor if getattr(actor, "is_authenticated", False) else None
    created = Beneficiary.objects.bulk_create(
        Beneficiary(
            distribution=locked,
            campaign_id=locked.campaign_id,
            full_name=r.full_name.strip(),
            address=r.address.strip(),
            birth_year=r.birth_year,
            household_key=household_key(r.full_name, r.address),
            created_by=user,
        )
        for r in recipients
    )
    audit_record(
        actor=actor,
        action="campaign.beneficiaries_add",
        obj=locked,
        unit=distribution.unit,
        changes={"recipients": len(created), "repeated": len(repeated)},
    )
    return created
