"""The whole Dân vận khéo flow through /api/v1, as an integrating system does it with bearer tokens.

Register → in progress (reporter) → evaluated → recognised → outstanding → commended (approver),
an edit guarded by ETag/If-Match, and the province statistics following every step. The API has
no operation for adopting a model (nhân rộng) or for the commendation record: the adoption is made
through its service, as the page does, so that the statistics show the replication.
"""

from django.test import Client
from django.utils import timezone

from danvan.accounts.scope import scope_for
from danvan.practices.models import Practice, Status
from danvan.practices.services.replication import practice_adopt

API = "/api/v1/practices"


def bearer(username: str, password: str) -> Client:
    response = Client().post(
        "/api/v1/auth/token", {"username": username, "password": password}, content_type="application/json"
    )
    assert response.status_code == 200, response.content
    return Client(HTTP_AUTHORIZATION=f"Bearer {response.json()['token']}")


def test_register_evaluate_recognise_commend_and_count_through_the_api(personas, tree, password, economy):
    year = timezone.localdate().year
    reporter_a = bearer(personas.reporter_a.username, password)
    approver = bearer(personas.approver.username, password)
    reporter_b = bearer(personas.reporter_b.username, password)

    def stats() -> dict:
        response = approver.get(f"{API}/stats", {"unit": "92", "year": year})
        assert response.status_code == 200, response.content
        return response.json()

    before = stats()
    assert before["registered"] == 0 and before["recognized"] == 0

    created = reporter_a.post(
        API,
        {
            "unit": "31510",
            "year": year,
            "field": "kinh-te",
            "name": "Tổ Nhân dân tự quản giữ gìn vệ sinh môi trường",
            "budget": 15_000_000,
        },
        content_type="application/json",
    )
    assert created.status_code == 201, created.content
    pk = created.json()["id"]
    assert created.json()["status"] == "registered" and created["ETag"] == f'"{pk}-1"'
    assert stats()["registered"] == 1 and stats()["by_status"] == {"registered": 1}

    # An edit needs the ETag of the last read; a stale one is refused.
    read = reporter_a.get(f"{API}/{pk}")
    assert read.status_code == 200 and read["ETag"] == f'"{pk}-1"'
    edited = reporter_a.patch(
        f"{API}/{pk}",
        {"goals": "Khu dân cư sáng, xanh, sạch, đẹp"},
        content_type="application/json",
        headers={"If-Match": read["ETag"]},
    )
    assert edited.status_code == 200, edited.content
    assert edited["ETag"] == f'"{pk}-2"' and edited.json()["goals"] == "Khu dân cư sáng, xanh, sạch, đẹp"
    stale = reporter_a.patch(
        f"{API}/{pk}", {"goals": "Khác"}, content_type="application/json", headers={"If-Match": read["ETag"]}
    )
    assert stale.status_code == 412 and stale.json()["code"] == "stale_version"

    def move(client: Client, to: str, version: int) -> dict:
        response = client.post(f"{API}/{pk}/transitions", {"to": to}, content_type="application/json")
        assert response.status_code == 200, response.content
        assert response.json()["status"] == to and response["ETag"] == f'"{pk}-{version}"'
        return response.json()

    move(reporter_a, "in_progress", 3)
    # Evaluating is the leader's step, not the reporter's.
    refused = reporter_a.post(f"{API}/{pk}/transitions", {"to": "evaluated"}, content_type="application/json")
    assert refused.status_code == 403
    move(approver, "evaluated", 4)
    recognised = move(approver, "recognized", 5)
    assert recognised["allowed_transitions"] and "commended" in recognised["allowed_transitions"]
    figures = stats()
    assert figures["recognized"] == 1 and figures["by_status"] == {"recognized": 1}

    move(approver, "outstanding", 6)
    assert stats()["outstanding"] == 1
    move(approver, "commended", 7)
    figures = stats()
    assert figures["recognized"] == 1 and figures["outstanding"] == 1 and figures["commended"] == 1

    # Reporter B (another commune) sees the recognised model and adopts it for commune B.
    seen = reporter_b.get(API, {"status": "commended", "q": "ve sinh moi truong"}).json()
    assert [item["id"] for item in seen["items"]] == [pk]
    source = Practice.objects.get(pk=pk)
    adopted = practice_adopt(
        actor=personas.reporter_b,
        scope=scope_for(personas.reporter_b),
        source=source,
        unit=tree.commune_b,
        year=year,
    )
    via_api = reporter_b.get(f"{API}/{adopted.pk}").json()
    assert via_api["source_id"] == pk and via_api["unit"]["code"] == "31528"
    assert via_api["status"] == "registered"

    figures = stats()
    assert figures["registered"] == 2 and figures["replications"] == 1
    assert figures["recognized"] == 1 and figures["commended"] == 1
    assert figures["communes_registered"] == 2 and figures["communes_share"] == 100.0
    assert figures["by_status"] == {"commended": 1, "registered": 1}

    source.refresh_from_db()
    assert source.status == Status.COMMENDED and source.version == 7
    assert list(source.status_changes.order_by("pk").values_list("to_status", flat=True)) == [
        "registered",
        "in_progress",
        "evaluated",
        "recognized",
        "outstanding",
        "commended",
    ]
