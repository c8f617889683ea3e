"""`q` of the meetings and directives lists is accent-insensitive, like every `q` of the API."""

import datetime as dt

from danvan.accounts.scope import scope_for
from danvan.meetings.services.directives import directive_create


def test_q_finds_meetings_and_directives_without_accents(personas, bodies, schedule, api_for):
    schedule(title="Hội nghị sơ kết phong trào Dân vận khéo", place="Hội trường Đảng ủy phường")
    schedule(title="Giao ban Khối vận tháng 8")
    directive_create(
        actor=personas.reporter_a,
        scope=scope_for(personas.reporter_a),
        issuer=bodies.party_a,
        style="party",
        type_code="KH",
        issuer_code="ĐU",
        title="Kế hoạch thực hiện phong trào thi đua Dân vận khéo năm 2026",
        issued_on=dt.date(2026, 1, 15),
    )
    api = api_for(personas.reporter_a)

    def titles(path: str, q: str) -> list[str]:
        response = api.get(path, {"q": q})
        assert response.status_code == 200, response.content
        return [row["title"] for row in response.json()["items"]]

    assert titles("/api/v1/meetings", "dan van kheo") == ["Hội nghị sơ kết phong trào Dân vận khéo"]
    assert titles("/api/v1/meetings", "DÂN VẬN KHÉO") == ["Hội nghị sơ kết phong trào Dân vận khéo"]
    assert titles("/api/v1/meetings", "hoi truong dang uy") == ["Hội nghị sơ kết phong trào Dân vận khéo"]
    assert titles("/api/v1/meetings", "khoi van") == ["Giao ban Khối vận tháng 8"]
    assert titles("/api/v1/directives", "dan van kheo") == [
        "Kế hoạch thực hiện phong trào thi đua Dân vận khéo năm 2026"
    ]
    assert titles("/api/v1/directives", "du") == titles("/api/v1/directives", "ĐU")  # the issuer code
    assert titles("/api/v1/directives", "giao ban") == []


def test_an_id_filter_beyond_any_id_is_refused_with_422(personas, schedule, api_for):
    """Found by the API fuzzer: a meeting id past 2**63 reached SQLite, which cannot bind it (500)."""
    schedule(title="Giao ban Khối vận tháng 8")
    api = api_for(personas.reporter_a)
    for name in ("meeting", "directive", "owner", "assigner"):
        for number in (2**63, 116958778359799785317704816164939705004, 0):
            response = api.get("/api/v1/tasks", {name: number})
            assert response.status_code == 422, (name, number, response.content)
            assert response["Content-Type"] == "application/problem+json"
        assert api.get("/api/v1/tasks", {name: 2**63 - 1}).status_code == 200
