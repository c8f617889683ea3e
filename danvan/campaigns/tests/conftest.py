import datetime as dt
import importlib
import secrets
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import pytest
from django.apps import apps
from django.test import Client

from danvan.accounts.auth import TOKEN_PREFIX, hash_token
from danvan.accounts.models import ApiToken, Role, User
from danvan.accounts.scope import scope_for
from danvan.accounts.tests.factories import user_with_grant
from danvan.audit.models import AuditEvent
from danvan.campaigns.models import (
    Beneficiary,
    BeneficiaryGroup,
    Campaign,
    Contribution,
    Distribution,
    GoalItem,
    ItemKind,
)
from danvan.campaigns.services import CampaignData, campaign_create
from danvan.territory.models import LEGACY_END, Kind, Level, Unit, UnitLineage
from danvan.territory.tests.factories import UnitFactory, commune, province


def seed_catalog() -> None:
    """The data migration's item kinds and groups (idempotent), in case a transactional test flushed them."""
    migration = importlib.import_module("danvan.campaigns.migrations.0002_seed_item_kinds_and_groups")
    migration.seed(apps, None)


@pytest.fixture
def catalog(db: Any) -> None:
    seed_catalog()


@dataclass
class DongThap:
    legacy_province: Unit  # Đồng Tháp until 30/6/2025 (87)
    hong_ngu: Unit  # Thành phố Hồng Ngự, a district until 30/6/2025
    province: Unit  # today's Đồng Tháp (82), formed from the old Đồng Tháp and Tiền Giang
    ward: Unit  # Phường Hồng Ngự today
    reporter: User  # reporter of today's province
    viewer: User


@pytest.fixture
def dong_thap(db: Any, catalog: None) -> DongThap:
    old = UnitFactory(
        name="Tỉnh Đồng Tháp",
        code="87",
        kind=Kind.TINH,
        level=Level.PROVINCE,
        valid_from=None,
        valid_to=LEGACY_END,
    )
    hong_ngu = UnitFactory(
        name="Thành phố Hồng Ngự",
        code="869",
        kind=Kind.THANH_PHO,
        level=Level.DISTRICT,
        parent=old,
        valid_from=None,
        valid_to=LEGACY_END,
    )
    new = province(name="Tỉnh Đồng Tháp", code="82", kind=Kind.TINH)
    UnitLineage.objects.create(predecessor=old, successor=new)
    return DongThap(
        legacy_province=old,
        hong_ngu=hong_ngu,
        province=new,
        ward=commune(new, "Phường Hồng Ngự", "29955"),
        reporter=user_with_grant("nhaplieu_dongthap", Role.REPORTER, new),
        viewer=user_with_grant("xem_dongthap", Role.VIEWER, new),
    )


def kind(code: str) -> ItemKind:
    return ItemKind.objects.get(code=code)


def group(code: str) -> BeneficiaryGroup:
    return BeneficiaryGroup.objects.get(code=code)


@pytest.fixture
def make_campaign(personas: Any, tree: Any, catalog: None) -> Callable[..., Campaign]:
    """A 2026 campaign of commune A by reporter A (or as given)."""

    def make(
        name: str = "Tết vì người nghèo 2026",
        *,
        user: Any = None,
        unit: Any = None,
        start: dt.date = dt.date(2026, 1, 1),
        end: dt.date = dt.date(2026, 2, 28),
        parent: Campaign | None = None,
        goal_money: int | None = None,
        goal_items: dict[ItemKind, int] | None = None,
    ) -> Campaign:
        actor = user or personas.reporter_a
        data = CampaignData(
            name=name,
            unit=unit or tree.commune_a,
            start_date=start,
            end_date=end,
            parent=parent,
            goal_money=goal_money,
        )
        return campaign_create(actor=actor, scope=scope_for(actor), data=data, goal_items=goal_items)

    return make


@pytest.fixture
def api_for(db: Any) -> Callable[..., Client]:
    def make(user: Any) -> Client:
        secret = TOKEN_PREFIX + secrets.token_urlsafe(24)
        ApiToken.objects.create(
            user=user,
            name="kiểm thử",
            prefix=secret[:8],
            key_hash=hash_token(secret),
            scope=ApiToken.Scope.WRITE,
        )
        return Client(headers={"Authorization": f"Bearer {secret}"})

    return make


def snapshot() -> tuple[Any, ...]:
    return (
        list(Campaign.objects.order_by("pk").values()),
        list(GoalItem.objects.order_by("pk").values()),
        list(Contribution.objects.order_by("pk").values()),
        list(Distribution.objects.order_by("pk").values()),
        list(Beneficiary.objects.order_by("pk").values()),
        AuditEvent.objects.count(),
    )


@pytest.fixture
def unchanged() -> Callable[[], Any]:
    """`with unchanged(): ...` asserts the block changed nothing (campaign tables and audit log)."""

    @contextmanager
    def check() -> Iterator[None]:
        before = snapshot()
        yield
        assert snapshot() == before

    return check
