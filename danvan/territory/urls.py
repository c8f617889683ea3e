from django.urls import path

from danvan.territory import views

app_name = "territory"
urlpatterns = [
    path("", views.index, name="index"),
    path("<str:code>/", views.unit_detail, name="unit"),
    path("<str:code>/them-thon/", views.neighbourhood_create, name="neighbourhood_create"),
    path("<str:code>/sua/", views.neighbourhood_update, name="neighbourhood_update"),
    path("<str:code>/ngung-su-dung/", views.neighbourhood_retire, name="neighbourhood_retire"),
    path("<str:code>/nhap-excel/", views.neighbourhood_import, name="neighbourhood_import"),
    path("<str:code>/mau-excel/", views.neighbourhood_template, name="neighbourhood_template"),
]
