"""GET /api/v1/public/news and /api/v1/public/news/{slug}: no token, published only, paginated."""

from danvan.accounts.scope import scope_for
from danvan.portal.forms import form_started_token
from danvan.portal.models import Comment, PostStatus
from danvan.portal.services import comment_moderate

API = "/api/v1/public/news"


def test_list_is_paginated_filtered_and_needs_no_token(write, client, tree):
    for n in range(3):
        write(f"Tin dân vận số {n + 1}", tags=["Sơ kết"])
    write("Thông báo lịch tiếp dân", category="thong-bao", unit=tree.commune_a)
    write("Bản nháp không công khai", status=PostStatus.DRAFT)
    body = client.get(API, {"limit": 2, "offset": 0}).json()
    assert body["count"] == 4 and len(body["items"]) == 2
    first = body["items"][0]
    assert first["title"] == "Thông báo lịch tiếp dân" and first["unit"] == {
        "code": tree.commune_a.code,
        "name": tree.commune_a.name,
    }
    assert first["category"] == {"slug": "thong-bao", "name": "Thông báo"}
    assert first["url"] == f"/cong-thong-tin/tin-tuc/{first['slug']}/" and first["cover_url"] is None
    assert "T" in first["published_at"]
    assert client.get(API, {"q": "tin dan van"}).json()["count"] == 3
    assert client.get(API, {"category": "thong-bao"}).json()["count"] == 1
    assert client.get(API, {"tag": "so-ket"}).json()["count"] == 3
    assert client.get(API, {"unit": tree.commune_a.code}).json()["count"] == 1
    assert client.get(API, {"unit": tree.province.code}).json()["count"] == 4


def test_unknown_filters_answer_problem_json(client, db):
    for params in ({"category": "khong-co"}, {"unit": "99999"}, {"tag": "khong-co"}):
        refused = client.get(API, params)
        assert refused.status_code == 404 and refused["Content-Type"] == "application/problem+json"
        assert refused.json()["code"] == "not_found"
    bad = client.get(API, {"limit": 501})
    assert bad.status_code == 422 and bad["Content-Type"] == "application/problem+json"


def test_detail_with_tags_approved_comments_and_etag(write, client, personas):
    post = write("Tin có ý kiến bạn đọc", tags=["Cần Thơ"])
    for name in ("Lê Văn Cường", "Phạm Thị Dung"):
        client.post(
            f"/cong-thong-tin/tin-tuc/{post.slug}/y-kien/",
            {"name": name, "body": "Đồng tình.", "started": form_started_token()},
        )
    approved = Comment.objects.get(name="Lê Văn Cường")
    comment_moderate(
        actor=personas.approver, scope=scope_for(personas.approver), comment=approved, approve=True
    )
    response = client.get(f"{API}/{post.slug}")
    assert response.status_code == 200 and response["ETag"] == f'"{post.pk}-{post.version}"'
    body = response.json()
    assert body["body"] == post.body and body["tags"] == [{"slug": "can-tho", "name": "Cần Thơ"}]
    assert [c["name"] for c in body["comments"]] == ["Lê Văn Cường"]


def test_drafts_are_missing(write, client):
    draft = write("Bản nháp qua API", status=PostStatus.DRAFT)
    for slug in (draft.slug, "khong-co"):
        missing = client.get(f"{API}/{slug}")
        assert missing.status_code == 404 and missing["Content-Type"] == "application/problem+json"


def test_listed_in_openapi(client, db):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    assert "/api/v1/public/news" in paths and "/api/v1/public/news/{slug}" in paths
    assert paths["/api/v1/public/news"]["get"].get("security") in (None, [])
