from django.urls import path

from danvan.membership import views

app_name = "membership"
urlpatterns = [
    path("", views.index, name="index"),
    path("doi-tuong/", views.eligible, name="eligible"),
    path("nhap-excel/mau.xlsx", views.import_template_file, name="import_template"),
    path("to-chuc/<int:pk>/", views.organization, name="organization"),
    path("to-chuc/<int:pk>/nhap-excel/", views.import_page, name="import"),
    path("nhap-excel/<int:import_id>/xac-nhan/", views.import_confirm, name="import_confirm"),
    path("thanh-vien/<int:pk>/ra-khoi/", views.leave, name="leave"),
]
