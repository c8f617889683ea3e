from django.urls import path

from danvan.reporting import views

app_name = "reporting"
urlpatterns = [
    path("", views.index, name="index"),
    path("lap/", views.open_report, name="open"),
    path("tong-hop/", views.rollups, name="rollups"),
    path("tien-do/", views.completeness_page, name="completeness"),
    path("chi-tieu/", views.indicators, name="indicators"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/luu/", views.save_all, name="save_all"),
    path("<int:pk>/gia-tri/<int:value_id>/", views.save_value, name="save_value"),
    path("<int:pk>/loi-van/<str:code>/", views.save_section, name="save_section"),
    path("<int:pk>/nop/", views.submit, name="submit"),
    path("<int:pk>/duyet/", views.approve, name="approve"),
    path("<int:pk>/tra-lai/", views.return_report, name="return"),
    path("<int:pk>/cap-nhat-so-tu-dong/", views.refresh, name="refresh"),
    path("<int:pk>/excel/", views.excel, name="excel"),
    path("<int:pk>/nhap-excel/", views.excel_upload, name="excel_upload"),
    path("<int:pk>/tong-hop-loi-van/", views.compile_narrative, name="compile"),
]
