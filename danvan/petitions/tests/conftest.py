import datetime as dt
import secrets
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from django.apps import apps
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from danvan.accounts.auth import TOKEN_PREFIX, hash_token
from danvan.accounts.models import ApiToken
from danvan.accounts.scope import scope_for
from danvan.audit.models import AuditEvent
from danvan.core.text import fold, sort_key
from danvan.orgs.models import Organization, OrganizationKind
from danvan.petitions import seeds, timing
from danvan.petitions.models import (
    Answer,
    Escalation,
    Event,
    Petition,
    PetitionFile,
    Reminder,
    Topic,
)
from danvan.petitions.services.intake import Intake, petition_receive

VN = ZoneInfo("Asia/Ho_Chi_Minh")
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
CONTENT = "Đèn chiếu sáng trên đường Lê Lợi, tổ dân phố 3 bị hỏng đã hai tuần, buổi tối rất tối."


@pytest.fixture(autouse=True)
def _seeded(db: Any, settings: Any, tmp_path: Any) -> None:
    """Reference data (re-seeded: a transactional test may have flushed the migration's rows),
    uploads in a temporary folder, a clean rate-limit counter."""
    seeds.seed(apps)
    settings.MEDIA_ROOT = tmp_path
    cache.clear()


@pytest.fixture
def topic() -> Topic:
    return Topic.objects.get(code="ha-tang")


@pytest.fixture
def at(monkeypatch: Any) -> Callable[..., dt.datetime]:
    """Set the current moment: at(2026, 2, 13, 15) is 13/02/2026 15:00 in Việt Nam."""

    def travel(year: int, month: int, day: int, hour: int = 9, minute: int = 0) -> dt.datetime:
        moment = dt.datetime(year, month, day, hour, minute, tzinfo=VN)
        monkeypatch.setattr(timing, "now", lambda: moment)
        return moment

    return travel


def make_org(unit: Any, name: str, kind_code: str = "ubnd") -> Organization:
    kind, _ = OrganizationKind.objects.get_or_create(code=kind_code, defaults={"name": kind_code})
    return Organization.objects.create(
        unit=unit, kind=kind, name=name, name_folded=fold(name), sort_key=sort_key(name)
    )


@pytest.fixture
def orgs(tree: Any) -> dict[str, Organization]:
    return {
        "ubnd_a": make_org(tree.commune_a, "Ủy ban nhân dân Phường Sóc Trăng"),
        "mttq_a": make_org(tree.commune_a, "Ủy ban MTTQ Phường Sóc Trăng", "mttq"),
        "ubnd_b": make_org(tree.commune_b, "Ủy ban nhân dân Phường Phú Lợi"),
        "province": make_org(tree.province, "Thanh tra thành phố Cần Thơ", "thanh_tra"),
    }


def intake(tree: Any, default_topic: Topic, **kw: Any) -> Intake:
    values: dict[str, Any] = {
        "kind": "report",
        "topic": default_topic,
        "unit": tree.commune_a,
        "content": CONTENT,
    }
    return Intake(**(values | kw))


@pytest.fixture
def receive(personas: Any, tree: Any, topic: Topic) -> Callable[..., Petition]:
    """Record an item in commune A as reporter A (or as given)."""

    def _receive(*, user: Any = None, channel: str = "hotline", uploads: Any = None, **kw: Any) -> Petition:
        actor = user or personas.reporter_a
        petition, _secret = petition_receive(
            actor=actor,
            scope=scope_for(actor),
            intake=intake(tree, topic, **kw),
            channel=channel,
            uploads=uploads,
        )
        return petition

    return _receive


def png(name: str = "hien-truong.png") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PNG, content_type="image/png")


def pdf(name: str = "quyet-dinh.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")


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
    """Everything a refused request must leave as it was."""
    return (
        list(Petition.objects.order_by("pk").values()),
        list(Petition.handlers.through.objects.order_by("pk").values_list("petition_id", "user_id")),
        list(Event.objects.order_by("pk").values_list("pk", "action")),
        list(Answer.objects.order_by("pk").values_list("pk", "text")),
        list(PetitionFile.objects.order_by("pk").values_list("pk", "stored_name")),
        list(Escalation.objects.order_by("pk").values_list("pk", "level")),
        Reminder.objects.count(),
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
