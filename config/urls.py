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
    path("api/v1/", api.urls),
    path("quan-tri-he-thong/", admin.site.urls),
]
