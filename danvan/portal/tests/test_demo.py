"""The demo news: the five seed events, published in their categories, loaded once."""

from io import StringIO

from danvan.demo.services import demo_load
from danvan.demo.tests.conftest import mini_territory  # noqa: F401  (the demo's small territory)
from danvan.portal import demo
from danvan.portal.models import Post, PostStatus


def test_demo_news_are_published_once(mini_territory, client):  # noqa: F811
    demo_load()  # loads the portal's demo news too
    out = StringIO()
    demo.load(stdout=out)
    assert "đã đăng 0 tin" in out.getvalue()  # nothing twice
    posts = Post.objects.select_related("category", "unit")
    assert posts.count() == 5 and {p.status for p in posts} == {PostStatus.PUBLISHED}
    hong_ngu = posts.get(title__startswith="Hồng Ngự")
    assert "9.365 suất quà" in hong_ngu.body and "trên 4 tỷ đồng" in hong_ngu.body
    assert hong_ngu.published_at.date().isoformat() == "2022-12-21"
    assert {p.category.slug for p in posts} >= {"cong-tac-dan-van-mat-tran", "dan-van-kheo"}
    assert all(p.unit.valid_to is None for p in posts)  # published by today's provinces
    demo.load()
    assert Post.objects.count() == 5
    found = client.get("/api/v1/public/news", {"q": "dan van kheo"}).json()
    assert found["count"] >= 3


def test_without_the_demo_logins_nothing_is_loaded(db):
    out = StringIO()
    demo.load(stdout=out)
    assert "load_demo" in out.getvalue() and not Post.objects.exists()
