"""Demo data: the Hồng Ngự 2022 campaign with the figures of the seed article.

The former city of Hồng Ngự (a district until 30/6/2025, in the former Đồng Tháp) is found in the
loaded territory; the campaign is attached to it and rolls up to today's Đồng Tháp through the
merge lineage. The article gives the gifts and their value for poor and near-poor households
(9.365 suất quà, over 4 tỷ đồng), and for students 76 smartphones, 126 scholarships and 5.863
gifts "worth over 3 tỷ đồng" together: that total is recorded on the students' gifts and noted.
Idempotent: a campaign of the same name on the same unit is left as it is.
"""

import datetime as dt
from typing import Any

from django.db import transaction

from danvan.accounts.models import Role
from danvan.accounts.scope import GrantView, UserScope
from danvan.campaigns.models import BeneficiaryGroup, Campaign, FundingSource, ItemKind
from danvan.campaigns.services import CampaignData, DistributionData, campaign_create, distribution_add
from danvan.demo import content
from danvan.demo.selectors import legacy_district

NAME = "Chăm lo Tết và an sinh cho hộ nghèo, học sinh khó khăn năm 2022"
DAY = dt.date(2022, 12, 21)  # the working session that reported the figures
DISTRIBUTIONS = [
    ("suat_qua", ("ho_ngheo", "ho_can_ngheo"), 9_365, 4_000_000_000, ""),
    ("dien_thoai_thong_minh", ("hoc_sinh_kho_khan",), 76, None, ""),
    ("hoc_bong", ("hoc_sinh_kho_khan",), 126, None, ""),
    (
        "suat_qua",
        ("hoc_sinh_kho_khan",),
        5_863,
        3_000_000_000,
        "Trị giá chung của điện thoại, học bổng và quà cho học sinh.",
    ),
]


def system_scope() -> UserScope:
    return UserScope(user=None, grants=[GrantView(None, "", None, Role.SYSTEM_ADMIN)])


@transaction.atomic
def load(*, stdout: Any = None) -> None:
    place = next(p for p in content.PLACES if p.key == "hong_ngu")
    city = legacy_district(place)
    if Campaign.objects.filter(unit=city, name=NAME).exists():
        return
    scope = system_scope()
    data = CampaignData(
        name=NAME,
        unit=city,
        start_date=dt.date(2022, 1, 1),
        end_date=dt.date(2022, 12, 31),
        organizer_text="Ủy ban MTTQ Việt Nam và các tổ chức chính trị - xã hội thành phố Hồng Ngự",
    )
    campaign = campaign_create(actor=None, scope=scope, data=data)
    for item, groups, quantity, value, note in DISTRIBUTIONS:
        distribution_add(
            actor=None,
            scope=scope,
            campaign=campaign,
            data=DistributionData(
                unit=city,
                item_kind=ItemKind.objects.get(code=item),
                groups=list(BeneficiaryGroup.objects.filter(code__in=groups)),
                quantity=quantity,
                value=value,
                funding_source=FundingSource.CAMPAIGN,
                distributed_on=DAY,
                note=note,
            ),
        )
    if stdout is not None:
        stdout.write(
            f"An sinh: cuộc vận động năm 2022 của {city.name} với {len(DISTRIBUTIONS)} đợt trao tặng.\n"
        )
