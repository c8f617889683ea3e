"""The shared write rules of /api/v1 (danvan/core/api): Idempotency-Key on creates, If-Match on
updates, the retention of keys. Exercised through a real create (campaigns) and update."""

import datetime as dt
import json
from collections.abc import Callable
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import Client, RequestFactory
from django.utils import timezone

from danvan.accounts.services.tokens import token_create
from danvan.audit.models import AuditEvent
from danvan.campaigns.models import Campaign
from danvan.core.api import idempotency
from danvan.core.api.conditional import PreconditionFailed, PreconditionRequired, check_if_match
from danvan.core.models import IdempotencyRecord

pytestmark = pytest.mark.django_db
API = "/api/v1/campaigns"
BODY = {
    "name": "Tết vì người nghèo năm 2026",
    "unit": "31510",
    "start_date": "2026-01-01",
    "end_date": "2026-02-28",
    "goal_money": 500_000_000,
}


def bearer(user: Any) -> Client:
    _token, secret = token_create(user=user, name="kiểm thử")
    return Client(headers={"Authorization": f"Bearer {secret}"})


def create(client: Client, body: Any, key: str | None = "k-1") -> Any:
    data = body if isinstance(body, str) else json.dumps(body)
    headers = {"Idempotency-Key": key} if key else {}
    return client.post(API, data, content_type="application/json", headers=headers)


def snapshot() -> tuple[Any, ...]:
    return (
        list(Campaign.objects.order_by("pk").values_list("pk", "name", "version")),
        list(IdempotencyRecord.objects.order_by("pk").values_list("pk", "fingerprint", "object_id")),
        AuditEvent.objects.count(),
    )


@pytest.fixture
def unchanged() -> Callable[[], Any]:
    class Unchanged:
        def __enter__(self) -> None:
            self.before = snapshot()

        def __exit__(self, *exc: Any) -> None:
            assert snapshot() == self.before

    return Unchanged


def test_a_retry_answers_the_first_create_and_another_body_is_refused(personas, tree, unchanged):
    client = bearer(personas.reporter_a)
    first = create(client, BODY)
    assert first.status_code == 201, first.content
    # The same request written differently (key order, spacing) is the same request.
    reordered = json.dumps(dict(reversed(list(BODY.items()))), indent=2)
    again = create(client, reordered)
    assert again.status_code == 201 and again.json() == first.json() and again["ETag"] == first["ETag"]
    assert Campaign.objects.count() == 1 and AuditEvent.objects.filter(action="campaign.create").count() == 1
    record = IdempotencyRecord.objects.get()
    assert (record.operation, record.caller, record.resource_type, record.object_id) == (
        "campaigns_create",
        f"user:{personas.reporter_a.pk}",
        "campaigns.campaign",
        str(first.json()["id"]),
    )
    with unchanged():
        other = create(client, {**BODY, "name": "Một cuộc vận động khác"})
    assert other.status_code == 422 and other["Content-Type"] == "application/problem+json"
    assert other.json()["code"] == "idempotency_key_reused" and "khóa mới" in other.json()["detail"]


def test_keys_belong_to_their_caller_and_expire(personas, tree):
    first = create(bearer(personas.reporter_a), BODY)
    second = create(bearer(personas.approver), BODY)  # another user may use the same key
    assert first.status_code == second.status_code == 201
    assert first.json()["id"] != second.json()["id"]
    IdempotencyRecord.objects.update(created_at=timezone.now() - dt.timedelta(hours=25))
    later = create(bearer(personas.reporter_a), BODY)
    assert later.status_code == 201 and later.json()["id"] not in (first.json()["id"], second.json()["id"])
    assert IdempotencyRecord.objects.count() == 2  # the expired record of reporter_a was replaced
    assert idempotency.purge_expired() == 1 and IdempotencyRecord.objects.count() == 1


def test_without_a_key_every_request_creates(personas, tree):
    client = bearer(personas.reporter_a)
    assert create(client, BODY, key=None).status_code == create(client, BODY, key=None).status_code == 201
    assert Campaign.objects.count() == 2 and not IdempotencyRecord.objects.exists()


def test_the_loser_of_a_race_answers_with_the_winners_resource(personas, tree, monkeypatch):
    client = bearer(personas.reporter_a)
    first = create(client, BODY)
    real, calls = idempotency._previous, []

    def not_yet_committed(*args: Any) -> Any:
        """The first look finds nothing, as when the winner has not committed yet."""
        calls.append(args)
        return None if len(calls) == 1 else real(*args)

    monkeypatch.setattr(idempotency, "_previous", not_yet_committed)
    again = create(client, BODY)
    assert again.status_code == 201 and again.json()["id"] == first.json()["id"]
    assert Campaign.objects.count() == 1 and AuditEvent.objects.filter(action="campaign.create").count() == 1


def test_updates_need_the_current_etag(personas, tree, unchanged):
    client = bearer(personas.reporter_a)
    created = create(client, BODY)
    url, etag = f"{API}/{created.json()['id']}", created["ETag"]
    change = json.dumps({"name": "Tết sum vầy 2026"})
    with unchanged():
        missing = client.patch(url, change, content_type="application/json")
        stale = client.patch(url, change, content_type="application/json", headers={"If-Match": '"1-99"'})
    assert (missing.status_code, missing.json()["code"]) == (428, "precondition_required")
    assert (stale.status_code, stale.json()["code"]) == (412, "stale_version")
    done = client.patch(url, change, content_type="application/json", headers={"If-Match": f"W/{etag}"})
    assert done.status_code == 200 and done["ETag"] != etag and client.get(url)["ETag"] == done["ETag"]


def test_if_match_rules():
    assert check_if_match('"3-2"', '"3-2"', required=True) is True
    assert check_if_match('"1-1", W/"3-2"', '"3-2"', required=True) is True  # a list of ETags
    assert check_if_match("*", '"3-2"', required=True) is False  # any version
    assert check_if_match(None, '"3-2"', required=False) is False
    with pytest.raises(PreconditionRequired):
        check_if_match("  ", '"3-2"', required=True)
    with pytest.raises(PreconditionFailed):
        check_if_match('"3-1"', '"3-2"', required=False)


def test_files_are_fingerprinted_by_content():
    factory = RequestFactory()

    def fingerprint(content: bytes) -> str:
        upload = SimpleUploadedFile("bien-ban.pdf", content, content_type="application/pdf")
        request = factory.post("/api/v1/petitions/1/files", {"files": [upload]})
        return idempotency.request_fingerprint(request)

    assert fingerprint(b"%PDF-1.4 a") == fingerprint(b"%PDF-1.4 a") != fingerprint(b"%PDF-1.4 b")


def test_passwords_are_left_out_of_the_fingerprint():
    factory = RequestFactory()

    def fingerprint(password: str) -> str:
        body = json.dumps({"username": "a", "password": password})
        request = factory.post("/api/v1/users", body, content_type="application/json")
        return idempotency.request_fingerprint(request, exclude=("password",))

    assert fingerprint("mật khẩu 1") == fingerprint("mật khẩu 2")


def test_the_daily_jobs_purge_expired_keys(personas, tree):
    create(bearer(personas.reporter_a), BODY)
    IdempotencyRecord.objects.update(created_at=timezone.now() - dt.timedelta(days=2))
    call_command("daily_jobs", "--now", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert not IdempotencyRecord.objects.exists()
