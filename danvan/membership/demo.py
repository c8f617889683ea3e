"""Demo data: member lists and eligible populations in the first ward of each seed place.

The seed articles give no membership counts (one notes that the rate of members is still low), so
these figures are illustrative, named so on the page of the unit: in each ward, about twenty
members of the women's union, farmers' union and youth union — one woman in all three — and an
eligible population that gives low rates. Idempotent: a ward whose women's union has members
already is left as it is.
"""

import datetime as dt
from typing import Any

from django.db import transaction
from django.utils import timezone

from danvan.campaigns.demo import system_scope
from danvan.demo.selectors import find_places
from danvan.membership.models import Membership
from danvan.membership.services.members import MemberData, eligible_set, membership_add
from danvan.orgs.models import Organization, OrganizationKind

PLACES = ("soc_trang", "hong_ngu", "cao_bang")
# kind code → (members, eligible people), illustrative
SIZES = {"hoi_phu_nu": (20, 160), "hoi_nong_dan": (15, 180), "doan_thanh_nien": (10, 90)}
FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ"]
GIVEN = ["Thị Lan", "Văn Hùng", "Thị Mai", "Văn Tâm", "Thị Hoa", "Minh Trí", "Thị Thu", "Văn Phúc"]


def _name(i: int) -> str:
    return f"{FAMILY[i % len(FAMILY)]} {GIVEN[(i // len(FAMILY)) % len(GIVEN)]}"


def _load_ward(ward: Any, year: int) -> int:
    scope, added = system_scope(), 0
    for code, (members, eligible) in SIZES.items():
        org = Organization.objects.filter(unit=ward, kind__code=code, valid_to__isnull=True).first()
        if org is None:
            continue
        for i in range(members):
            index = 0 if i == 0 else i + 10 * len(code)  # member 0 is the same woman in every organization
            birth = dt.date(1970 + index % 30, 1 + index % 12, 1 + index % 28)
            data = MemberData(_name(index), birth, "female" if "Thị" in _name(index) else "male")
            membership_add(
                actor=None,
                scope=scope,
                organization=org,
                data=data,
                joined_on=dt.date(year - 1 - i % 5, 3, 26),
            )
            added += 1
        kind = OrganizationKind.objects.get(code=code)
        eligible_set(actor=None, scope=scope, unit=ward, kind=kind, year=year, count=eligible)
    return added


@transaction.atomic
def load(*, stdout: Any = None) -> None:
    places = find_places()
    year = timezone.localdate().year
    for key in PLACES:
        ward = places[key].communes[0]
        if Membership.objects.filter(organization__unit=ward).exists():
            continue
        added = _load_ward(ward, year)
        if stdout is not None and added:
            stdout.write(f"Hội viên (minh họa): {added} lượt thành viên ở {ward.name}.\n")
