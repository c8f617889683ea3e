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


def test_demo_news_copy_no_sentence_of_the_seed_articles():
    """Facts and figures of the seeds, in our own words: no sentence of an article (8 words or more)
    appears in the demo news. Skipped where ../shared/seeds is absent."""
    import re

    import pytest

    from danvan.core.text import fold
    from danvan.extraction.evaluation import SEEDS_DIR

    articles = sorted(SEEDS_DIR.glob("*.txt"))
    if not articles:
        pytest.skip("../shared/seeds is absent")
    ours = " ".join(fold(" ".join([p.title, p.summary, p.body])) for p in demo.POSTS)
    copied = [
        sentence
        for article in articles
        for sentence in re.split(r"(?<=[.!?…])\s+|\n+", article.read_text(encoding="utf-8"))
        if len(fold(sentence).split()) >= 8 and fold(sentence) in ours
    ]
    assert not copied, copied
