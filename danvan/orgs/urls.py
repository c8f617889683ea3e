from django.urls import path

from danvan.orgs import views

app_name = "orgs"
urlpatterns = [
    path("", views.index, name="index"),
    path("them/", views.organization_create, name="create"),
    path("<int:pk>/", views.organization_detail, name="detail"),
    path("<int:pk>/sua/", views.organization_edit, name="edit"),
    path("<int:pk>/ket-thuc/", views.organization_close, name="close"),
    path("thiet-lap/<str:code>/", views.unit_setting, name="unit_setting"),
    path("can-bo/", views.people, name="people"),
    path("can-bo/them/", views.person_create, name="person_create"),
    path("can-bo/<int:pk>/", views.person_detail, name="person"),
    path("can-bo/<int:pk>/sua/", views.person_edit, name="person_edit"),
    path("chuc-vu/", views.positions, name="positions"),
    path("chuc-vu/them/", views.position_add, name="position_add"),
    path("chuc-vu/<int:pk>/ket-thuc/", views.position_end, name="position_end"),
]
