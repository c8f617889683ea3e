from django.urls import path

from danvan.territory import views

app_name = "territory"
urlpatterns = [
    path("", views.index, name="index"),
    path("<str:code>/", views.unit_detail, name="unit"),
]
