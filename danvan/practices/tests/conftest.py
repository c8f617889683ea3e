import secrets
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from django.test import Client

from danvan.accounts.auth import TOKEN_PREFIX, hash_token
from danvan.accounts.models import ApiToken
from danvan.accounts.scope import scope_for
from danvan.audit.models import AuditEvent
from danvan.core.models import IdempotencyRecord
from danvan.core.text import fold, sort_key
from danvan.orgs.models import Organization, OrganizationKind, Person
from danvan.practices.models import (
    Attachment,
    Commendation,
    EvaluationRound,
    Practice,
    PracticeField,
    ProgressUpdate,
    RoundItem,
    Score,
    Status,
    StatusChange,
)
from danvan.practices.services.lifecycle import practice_transition
from danvan.practices.services.registration import practice_register
from danvan.practices.services.tally import tally_snapshot

# The smallest valid files of each accepted type (checked by content, not by name).
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def economy(db: Any) -> PracticeField:
    # get_or_create: a transactional (browser) test running earlier flushes the migration's seed rows.
    field, _ = PracticeField.objects.get_or_create(
        code="kinh-te", province=None, year=None, defaults={"name": "Kinh tế", "order": 10}
    )
    return field


@pytest.fixture
def register(personas: Any, tree: Any, economy: PracticeField) -> Any:
    """Register a model in commune A as reporter A (or as given)."""

    def _register(
        name: str = "Tổ Nhân dân tự quản giữ gìn vệ sinh môi trường",
        *,
        user: Any = None,
        unit: Any = None,
        year: int = 2026,
        **kw: Any,
    ) -> Any:
        actor = user or personas.reporter_a
        return practice_register(
            actor=actor,
            scope=scope_for(actor),
            unit=unit or tree.commune_a,
            field=kw.pop("field", economy),
            year=year,
            name=name,
            **kw,
        )

    return _register


def move(practice: Practice, user: Any, *steps: str, reason: str = "") -> Practice:
    for to in steps:
        practice = practice_transition(
            actor=user, scope=scope_for(user), practice=practice, to=to, reason=reason
        )
    return practice


@pytest.fixture
def recognize(personas: Any) -> Callable[[Practice], Practice]:
    """Carry a registered practice to recognised, as the province approver."""

    def _recognize(practice: Practice) -> Practice:
        return move(practice, personas.approver, Status.IN_PROGRESS, Status.EVALUATED, Status.RECOGNIZED)

    return _recognize


def make_org(unit: Any, name: str, kind_code: str = "mttq") -> Organization:
    kind, _ = OrganizationKind.objects.get_or_create(code=kind_code, defaults={"name": kind_code})
    return Organization.objects.create(
        unit=unit, kind=kind, name=name, name_folded=fold(name), sort_key=sort_key(name)
    )


def make_person(unit: Any, name: str) -> Person:
    return Person.objects.create(
        full_name=name, home_unit=unit, name_folded=fold(name), sort_key=sort_key(name)
    )


@pytest.fixture
def media(settings: Any, tmp_path: Any) -> Any:
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def api_for(db: Any) -> Callable[..., Client]:
    """A client sending a fresh write token of `user`."""

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
        list(Practice.objects.order_by("pk").values()),
        list(StatusChange.objects.order_by("pk").values_list("pk", "to_status")),
        list(ProgressUpdate.objects.order_by("pk").values_list("pk", "summary")),
        list(Attachment.objects.order_by("pk").values_list("pk", "stored_name")),
        list(Commendation.objects.order_by("pk").values_list("pk", "decision_number")),
        list(EvaluationRound.objects.order_by("pk").values_list("pk", "state")),
        list(RoundItem.objects.order_by("pk").values_list("pk", "decision")),
        list(Score.objects.order_by("pk").values_list("pk", "value")),
        IdempotencyRecord.objects.count(),
        AuditEvent.objects.count(),
        tally_snapshot(),
    )


@pytest.fixture
def unchanged() -> Callable[[], Any]:
    """`with unchanged(): ...` asserts the block changed nothing in the registry or the audit log."""

    @contextmanager
    def check() -> Iterator[None]:
        before = snapshot()
        yield
        assert snapshot() == before

    return check
