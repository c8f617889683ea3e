from django.contrib import admin
from django.urls import include, path

from config.api import api

urlpatterns = [
    path("", include("danvan.core.urls")),
    path("dia-ban/", include("danvan.territory.urls")),
    path("to-chuc/", include("danvan.orgs.urls")),
    path("tai-khoan/", include("danvan.accounts.urls")),
    path("nhat-ky/", include("danvan.audit.urls")),
    path("dan-van-kheo/", include("danvan.practices.urls")),
    path("bao-cao/", include("danvan.reporting.urls")),
    path("hoi-nghi/", include("danvan.meetings.urls")),
    path("y-kien/", include("danvan.petitions.urls")),
    path("gui-y-kien/", include("danvan.petitions.public_urls")),
    path("an-sinh/", include("danvan.campaigns.urls")),
    path("hoi-vien/", include("danvan.membership.urls")),
    path("nhap-van-ban/", include("danvan.extraction.urls")),
    path("van-ban/", include("danvan.documents.urls")),
    path("tong-quan/", include("danvan.dashboards.urls")),
    path("cong-thong-tin/", include("danvan.portal.urls")),
    path("api/v1/", api.urls),
    path("quan-tri-he-thong/", admin.site.urls),
]
