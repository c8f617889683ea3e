from django.contrib.sitemaps.views import sitemap
from django.urls import path

from danvan.portal import views
from danvan.portal.caching import cached_response
from danvan.portal.feeds import SITEMAPS, LatestNewsFeed

app_name = "portal"
urlpatterns = [
    path("", views.index, name="index"),
    path("tin-tuc/", views.news, name="news"),
    path("tin-tuc/chuyen-muc/<slug:slug>/", views.category, name="category"),
    path("tin-tuc/the/<slug:slug>/", views.tag, name="tag"),
    path("tin-tuc/<slug:slug>/", views.detail, name="detail"),
    path("tin-tuc/<slug:slug>/y-kien/", views.comment, name="comment"),
    path("tin-tuc/<slug:slug>/anh-bia/", views.cover, name="cover"),
    path("rss/", cached_response("rss")(LatestNewsFeed()), name="feed"),
    path("sitemap.xml", cached_response("sitemap")(sitemap), {"sitemaps": SITEMAPS}, name="sitemap"),
    path("api/", views.api_docs, name="api_docs"),
    path("quan-ly/", views.manage, name="manage"),
    path("quan-ly/viet-tin/", views.post_new, name="new"),
    path("quan-ly/<int:pk>/", views.post_edit, name="edit"),
    path("quan-ly/<int:pk>/chuyen-trang-thai/", views.post_step, name="step"),
    path("quan-ly/y-kien/", views.comments, name="comments"),
    path("quan-ly/y-kien/<int:pk>/", views.comment_decide, name="comment_decide"),
]
