"""Fixtures of the orgs tests: the seeded kinds, a few organizations on the persona tree, people."""

import datetime as dt
import secrets
from dataclasses import dataclass
from typing import Any

import pytest
from django.test import Client

from danvan.accounts.auth import TOKEN_PREFIX, hash_token
from danvan.accounts.models import ApiToken, User
from danvan.orgs import services
from danvan.orgs.models import Organization, OrganizationKind, Person, Position
from danvan.territory.models import LEGACY_END, REFORM_DATE


@pytest.fixture
def kinds(db: Any) -> dict[str, OrganizationKind]:
    return {kind.code: kind for kind in OrganizationKind.objects.all()}


@dataclass
class Orgs:
    party_a: Organization
    builder_a: Organization
    front_a: Organization
    women_a: Organization
    front_b: Organization
    front_c: Organization
    old_ward_committee: Organization
    province_board: Organization


def make_org(unit: Any, kind: OrganizationKind, name: str, **kw: Any) -> Organization:
    return services.organization_create(user=None, unit=unit, kind=kind, name=name, **kw)


@pytest.fixture
def orgs(tree: Any, kinds: dict[str, OrganizationKind]) -> Orgs:
    a = tree.commune_a
    party_a = make_org(a, kinds["cap_uy"], "Đảng ủy phường Sóc Trăng", valid_from=REFORM_DATE)
    front_a = make_org(a, kinds["mttq"], "Ủy ban MTTQ Việt Nam phường Sóc Trăng", valid_from=REFORM_DATE)
    return Orgs(
        party_a=party_a,
        builder_a=make_org(
            a, kinds["ban_xay_dung_dang"], "Ban Xây dựng Đảng phường Sóc Trăng", parent=party_a
        ),
        front_a=front_a,
        women_a=make_org(a, kinds["hoi_phu_nu"], "Hội Liên hiệp Phụ nữ phường Sóc Trăng", parent=front_a),
        front_b=make_org(tree.commune_b, kinds["mttq"], "Ủy ban MTTQ Việt Nam phường Phú Lợi"),
        front_c=make_org(tree.commune_c, kinds["mttq"], "Ủy ban MTTQ Việt Nam phường Thục Phán"),
        old_ward_committee=make_org(
            tree.legacy_commune, kinds["cap_uy"], "Đảng ủy Phường 2", valid_to=LEGACY_END
        ),
        province_board=make_org(
            tree.province, kinds["ban_tuyen_giao_dan_van"], "Ban Tuyên giáo và Dân vận Thành ủy Cần Thơ"
        ),
    )


@dataclass
class People:
    chi: Person
    minh: Person
    lien: Person
    minh_head: Position
    minh_front: Position
    chi_old: Position


@pytest.fixture
def people(tree: Any, orgs: Orgs) -> People:
    chi = services.person_create(user=None, full_name="Nguyễn Thị Huệ Chi", home_unit=tree.commune_a)
    minh = services.person_create(user=None, full_name="Vũ Văn Minh", home_unit=tree.commune_a)
    lien = services.person_create(user=None, full_name="Nguyễn Thị Liêm", home_unit=tree.commune_c)
    minh_head = services.position_add(
        user=None,
        person=minh,
        organization=orgs.builder_a,
        title="Trưởng ban",
        start_date=dt.date(2025, 7, 1),
    )
    minh_front = services.position_add(
        user=None, person=minh, organization=orgs.front_a, title="Chủ tịch", start_date=dt.date(2025, 7, 1)
    )
    chi_old = services.position_add(
        user=None,
        person=chi,
        organization=orgs.old_ward_committee,
        title="Phó Bí thư",
        start_date=None,
        end_date=LEGACY_END,
    )
    services.position_add(user=None, person=lien, organization=orgs.front_c, title="Phó Chủ tịch")
    return People(chi=chi, minh=minh, lien=lien, minh_head=minh_head, minh_front=minh_front, chi_old=chi_old)


def api_client(user: User) -> Client:
    """A client sending a fresh read token of the user, as an API consumer would."""
    secret = TOKEN_PREFIX + secrets.token_urlsafe(24)
    ApiToken.objects.create(
        user=user, name="kiểm thử", prefix=secret[:8], key_hash=hash_token(secret), scope=ApiToken.Scope.READ
    )
    return Client(headers={"Authorization": f"Bearer {secret}"})


@pytest.fixture
def api_for() -> Any:
    return api_client
