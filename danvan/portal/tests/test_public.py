"""The public portal for a visitor: listings, search, a post, comments with their spam traps,
the feed and sitemap, cached pages invalidated on publish, links shown only where they exist."""

import re
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from danvan.accounts.scope import scope_for
from danvan.portal.forms import form_started_token
from danvan.portal.models import Comment, CommentStatus, Post, PostStatus
from danvan.portal.services import comment_moderate
from danvan.portal.tests.conftest import PNG

NEWS = "/cong-thong-tin/tin-tuc/"


def comment_form(**overrides):
    return {
        "name": "Nguyễn Văn An",
        "body": "Mô hình rất thiết thực.",
        "website": "",
        "started": form_started_token(),
        **overrides,
    }


def test_home_and_listing_show_published_posts_only(write, client):
    write("Cao Bằng sơ kết 6 tháng đầu năm 2021")
    write("Bản nháp chưa duyệt đâu nhé", status=PostStatus.DRAFT)
    write("Đang chờ duyệt ở tỉnh nhé", status=PostStatus.REVIEW)
    for url in ("/cong-thong-tin/", NEWS):
        page = client.get(url)
        assert page.status_code == 200 and "Cao Bằng sơ kết 6 tháng đầu năm 2021" in page.text
        assert "Bản nháp" not in page.text and "chờ duyệt ở tỉnh" not in page.text
    assert "Mô hình “Dân vận khéo” tiêu biểu" in client.get("/cong-thong-tin/").text


def test_search_ignores_accents(write, client):
    write("Long Điền đăng ký 187 mô hình Dân vận khéo")
    write("Hồng Ngự trao quà cho hộ nghèo", body="Trao 9.365 suất quà cho hộ nghèo, hộ cận nghèo.")
    found = client.get(NEWS, {"q": "dan van KHEO"})
    assert "Long Điền" in found.text and "Hồng Ngự" not in found.text and "1 tin" in found.text
    partial = client.get(NEWS, {"q": "ho ngheo"}, headers={"HX-Request": "true"})
    assert "Hồng Ngự" in partial.text and "<html" not in partial.text


def test_a_post_with_category_tags_related_neighbours_and_views(write, client, tree):
    older = write("Tin cũ về dân vận", tags=["Sơ kết"])
    post = write("Tin chính về dân vận", tags=["Sơ kết", "Cần Thơ"])
    newer = write("Tin mới về dân vận", category="thong-bao")
    page = client.get(f"{NEWS}{post.slug}/")
    assert page.status_code == 200
    assert "Tin cùng chuyên mục" in page.text and older.title in page.text
    assert f'href="{NEWS}{older.slug}/" rel="prev"' in page.text
    assert f'href="{NEWS}{newer.slug}/" rel="next"' in page.text
    assert f'href="{NEWS}the/can-tho/"' in page.text and "1 lượt xem" in page.text
    client.get(f"{NEWS}{post.slug}/")
    assert Post.objects.get(pk=post.pk).view_count == 2
    assert older.title in client.get(f"{NEWS}the/so-ket/").text
    category = client.get(f"{NEWS}chuyen-muc/thong-bao/")
    assert newer.title in category.text and post.title not in category.text


def test_drafts_and_unknown_posts_answer_404(write, client):
    draft = write("Bản nháp không ai thấy", status=PostStatus.DRAFT)
    assert client.get(f"{NEWS}{draft.slug}/").status_code == 404
    assert client.get(f"{NEWS}khong-co/").status_code == 404
    assert client.get(f"{NEWS}chuyen-muc/khong-co/").status_code == 404
    assert Post.objects.get(pk=draft.pk).view_count == 0


def test_open_graph_tags(write, client, settings, tmp_path):
    # base.html gets a {% block head %} from the lead; until then a copy with it shows the tags.
    base = Path(django_settings.BASE_DIR, "templates", "base.html").read_text()
    if "{% block head %}" not in base:
        (tmp_path / "base.html").write_text(base.replace("</head>", "{% block head %}{% endblock %}</head>"))
        settings.TEMPLATES = [{**settings.TEMPLATES[0], "DIRS": [tmp_path, *settings.TEMPLATES[0]["DIRS"]]}]
    post = write("Tin có ảnh bìa đẹp", summary="Tóm tắt của tin.")
    page = client.get(f"{NEWS}{post.slug}/")
    assert '<meta property="og:title" content="Tin có ảnh bìa đẹp">' in page.text
    assert f'<meta property="og:url" content="http://testserver{NEWS}{post.slug}/">' in page.text
    assert '<meta property="og:description" content="Tóm tắt của tin.">' in page.text


def test_comment_is_held_until_an_approver_approves_it(write, client, personas):
    post = write()
    sent = client.post(f"{NEWS}{post.slug}/y-kien/", comment_form(), follow=True)
    assert "sẽ hiện sau khi được duyệt" in sent.text and "Mô hình rất thiết thực." not in sent.text
    comment = Comment.objects.get()
    assert comment.status == CommentStatus.PENDING and comment.name == "Nguyễn Văn An"
    comment_moderate(
        actor=personas.approver, scope=scope_for(personas.approver), comment=comment, approve=True
    )
    assert "Mô hình rất thiết thực." in client.get(f"{NEWS}{post.slug}/").text  # the cached page was renewed


@pytest.mark.parametrize(
    "overrides",
    [{"website": "http://spam.example"}, {"started": "__fast__"}],
    ids=["honeypot", "too-fast"],
)
def test_robots_get_the_same_answer_and_nothing_is_saved(write, client, unchanged, settings, overrides):
    post = write()
    settings.DANVAN_PORTAL_MIN_FILL_SECONDS = 30
    if overrides.get("started") == "__fast__":
        overrides = {"started": form_started_token()}
    with unchanged():
        sent = client.post(f"{NEWS}{post.slug}/y-kien/", comment_form(**overrides))
    assert sent.status_code == 302
    assert "sẽ hiện sau khi được duyệt" in client.get(sent["Location"]).text


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"started": "12345.0:forged"}, "Biểu mẫu không hợp lệ"),
        ({"body": "xem http://a.vn http://b.vn www.c.vn"}, "quá nhiều đường liên kết"),
        ({"name": ""}, "Trường này là bắt buộc."),
    ],
)
def test_bad_comments_are_refused_with_a_message(write, client, unchanged, overrides, message):
    post = write()
    with unchanged():
        page = client.post(f"{NEWS}{post.slug}/y-kien/", comment_form(**overrides))
    assert page.status_code == 200 and message in page.text


def test_comments_are_rate_limited_per_address(write, unchanged, settings):
    post = write()
    client = Client(REMOTE_ADDR="203.0.113.7")
    for _ in range(3):
        assert client.post(f"{NEWS}{post.slug}/y-kien/", comment_form()).status_code == 302
    with unchanged():
        refused = client.post(f"{NEWS}{post.slug}/y-kien/", comment_form())
    assert refused.status_code == 429 and int(refused["Retry-After"]) > 0
    assert "vui lòng thử lại sau" in refused.text
    other = Client(REMOTE_ADDR="203.0.113.8")
    assert other.post(f"{NEWS}{post.slug}/y-kien/", comment_form()).status_code == 302


def test_no_comments_on_unpublished_posts(write, client, unchanged):
    draft = write("Bản nháp chưa đăng", status=PostStatus.DRAFT)
    with unchanged():
        assert client.post(f"{NEWS}{draft.slug}/y-kien/", comment_form()).status_code == 404


def test_cached_listing_is_renewed_when_a_post_is_published(write, client, personas):
    write("Tin thứ nhất đã đăng")
    assert "Tin thứ nhất" in client.get(NEWS).text
    with CaptureQueriesContext(connection) as cached:
        client.get(NEWS)
    assert not any("portal_post" in q["sql"] for q in cached.captured_queries)
    write("Tin thứ hai vừa đăng")
    assert "Tin thứ hai vừa đăng" in client.get(NEWS).text


def test_listing_queries_do_not_grow_with_posts(write, client):
    def queries() -> int:
        from django.core.cache import cache

        cache.clear()
        with CaptureQueriesContext(connection) as captured:
            assert client.get(NEWS).status_code == 200
        return len(captured.captured_queries)

    write("Tin số một")
    few = queries()
    for n in range(2, 7):
        write(f"Tin số {n} về dân vận")
    assert queries() == few


def test_cover_is_served_for_published_posts(write, client, media):
    post = write("Tin có ảnh bìa", cover=SimpleUploadedFile("a.png", PNG))
    response = client.get(f"{NEWS}{post.slug}/anh-bia/")
    assert response.status_code == 200 and response["Content-Type"] == "image/png"
    assert b"".join(response.streaming_content) == PNG
    draft = write("Nháp có ảnh bìa", status=PostStatus.DRAFT, cover=SimpleUploadedFile("a.png", PNG))
    assert client.get(f"{NEWS}{draft.slug}/anh-bia/").status_code == 404


def test_feed_and_sitemap(write, client):
    post = write("Tin trên RSS và sơ đồ trang")
    write("Nháp không lên RSS", status=PostStatus.DRAFT)
    feed = client.get("/cong-thong-tin/rss/")
    assert feed.status_code == 200 and "application/rss+xml" in feed["Content-Type"]
    assert "Tin trên RSS và sơ đồ trang" in feed.text and "Nháp không lên RSS" not in feed.text
    sitemap = client.get("/cong-thong-tin/sitemap.xml")
    assert sitemap.status_code == 200 and f"{NEWS}{post.slug}/" in sitemap.text
    assert "/dan-van-kheo/tieu-bieu/" in sitemap.text


def test_links_to_other_public_pages_only_where_they_exist(client, db):
    from django.urls import Resolver404, resolve

    page = client.get("/cong-thong-tin/").text
    for path in ("/gui-y-kien/", "/hoi-nghi/lich-tiep-cong-dan/"):
        try:
            resolve(path)
        except Resolver404:
            assert f'href="{path}"' not in page
        else:
            assert f'href="{path}"' in page


def test_api_documentation_page_shows_the_flows_the_client_test_runs(client, db):
    """The curl commands are those of danvan/core/api/examples.py, built from the OpenAPI document."""
    from django.utils.html import escape

    from danvan.core.api.examples import FLOWS, curl

    document = client.get("/api/v1/openapi.json").json()
    page = client.get("/cong-thong-tin/api/")
    assert page.status_code == 200
    for flow in FLOWS:
        assert str(flow.vi) in page.text and flow.en in page.text
        for step in flow.steps:
            assert escape(curl(step, document, "http://testserver/api/v1")) in page.text
    assert "/submissions/$SUBMISSION_ID/values" in page.text and "If-Match: $ETAG" in page.text
    assert 'href="/api/v1/openapi.json"' in page.text and 'href="/api/v1/docs"' in page.text
    assert not re.search(r"<script>|style=", page.text)
