"""Fixtures of the meetings tests: the bodies of province P and communes A, B (and C elsewhere),
people with posts, a helper to schedule a meeting, and the snapshot refusals compare."""

import datetime as dt
import secrets
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from danvan.accounts.auth import TOKEN_PREFIX, hash_token
from danvan.accounts.models import ApiToken
from danvan.accounts.scope import scope_for
from danvan.audit.models import AuditEvent
from danvan.core.text import fold, sort_key
from danvan.meetings.models import (
    Attendee,
    Directive,
    Meeting,
    Question,
    ReceptionSession,
    Recommendation,
    Supervision,
    Task,
    TaskUpdate,
)
from danvan.meetings.services.meetings import meeting_schedule
from danvan.orgs.models import Organization, OrganizationKind, Person, Position


def make_org(unit: Any, name: str, kind_code: str) -> Organization:
    kind, _ = OrganizationKind.objects.get_or_create(code=kind_code, defaults={"name": kind_code})
    return Organization.objects.create(
        unit=unit, kind=kind, name=name, name_folded=fold(name), sort_key=sort_key(name)
    )


def make_person(unit: Any, name: str) -> Person:
    return Person.objects.create(
        full_name=name, home_unit=unit, name_folded=fold(name), sort_key=sort_key(name)
    )


@dataclass
class Bodies:
    province_party: Organization
    province_front: Organization
    party_a: Organization
    front_a: Organization
    women_a: Organization
    farmers_a: Organization
    youth_a: Organization
    party_b: Organization
    front_c: Organization
    secretary_a: Person
    chair_front_a: Person


@pytest.fixture
def bodies(tree: Any) -> Bodies:
    a = tree.commune_a
    secretary = make_person(a, "Trần Văn Bình")
    front_chair = make_person(a, "Lê Thị Hoa")
    found = Bodies(
        province_party=make_org(tree.province, "Thành ủy Cần Thơ", "cap_uy"),
        province_front=make_org(tree.province, "Ủy ban MTTQ Việt Nam thành phố Cần Thơ", "mttq"),
        party_a=make_org(a, "Đảng ủy phường Sóc Trăng", "cap_uy"),
        front_a=make_org(a, "Ủy ban MTTQ Việt Nam phường Sóc Trăng", "mttq"),
        women_a=make_org(a, "Hội Liên hiệp Phụ nữ phường Sóc Trăng", "hoi_phu_nu"),
        farmers_a=make_org(a, "Hội Nông dân phường Sóc Trăng", "hoi_nong_dan"),
        youth_a=make_org(a, "Đoàn TNCS Hồ Chí Minh phường Sóc Trăng", "doan_thanh_nien"),
        party_b=make_org(tree.commune_b, "Đảng ủy phường Phú Lợi", "cap_uy"),
        front_c=make_org(tree.commune_c, "Ủy ban MTTQ Việt Nam phường Thục Phán", "mttq"),
        secretary_a=secretary,
        chair_front_a=front_chair,
    )
    Position.objects.create(person=secretary, organization=found.party_a, title="Bí thư Đảng ủy")
    Position.objects.create(person=front_chair, organization=found.front_a, title="Chủ tịch Ủy ban MTTQ")
    return found


@pytest.fixture
def schedule(personas: Any, tree: Any, bodies: Bodies) -> Callable[..., Meeting]:
    """Schedule a meeting in commune A as reporter A (yesterday morning unless told)."""

    def _schedule(kind: str = "giao_ban", title: str = "Giao ban công tác dân vận", **kw: Any) -> Meeting:
        actor = kw.pop("user", personas.reporter_a)
        starts = kw.pop("starts_at", timezone.now() - dt.timedelta(days=1))
        return meeting_schedule(
            actor=actor,
            scope=scope_for(actor),
            unit=kw.pop("unit", tree.commune_a),
            kind=kind,
            title=title,
            starts_at=starts,
            organizers=kw.pop("organizers", [bodies.party_a, bodies.front_a]),
            **kw,
        )

    return _schedule


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
        list(Meeting.objects.order_by("pk").values()),
        list(Attendee.objects.order_by("pk").values_list("pk", "title")),
        list(Task.objects.order_by("pk").values()),
        list(TaskUpdate.objects.order_by("pk").values_list("pk", "progress")),
        list(Question.objects.order_by("pk").values()),
        list(Directive.objects.order_by("pk").values_list("pk", "number")),
        list(Supervision.objects.order_by("pk").values_list("pk", "subject")),
        list(Recommendation.objects.order_by("pk").values_list("pk", "acceptance")),
        list(ReceptionSession.objects.order_by("pk").values_list("pk", "status")),
        AuditEvent.objects.count(),
    )


@pytest.fixture
def unchanged() -> Callable[[], Any]:
    @contextmanager
    def check() -> Iterator[None]:
        before = snapshot()
        yield
        assert snapshot() == before

    return check
