from django.urls import path

from danvan.practices import views

app_name = "practices"
urlpatterns = [
    path("", views.index, name="index"),
    path("xuat-excel/", views.export, name="export"),
    path("dang-ky/", views.register, name="register"),
    path("dang-ky/tuong-tu/", views.similar, name="similar"),
    path("nhap-excel/", views.import_page, name="import"),
    path("nhap-excel/mau.xlsx", views.import_template, name="import_template"),
    path("thong-ke/", views.stats, name="stats"),
    path("thong-ke/xuat-excel/", views.stats_export, name="stats_export"),
    path("tep/<int:pk>/", views.attachment, name="attachment"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/sua/", views.edit, name="edit"),
    path("<int:pk>/tien-do/", views.progress, name="progress"),
    path("<int:pk>/chuyen-trang-thai/", views.transition, name="transition"),
    path("<int:pk>/khen-thuong/", views.commend, name="commend"),
    path("<int:pk>/cong-khai/", views.publish, name="publish"),
    path("<int:pk>/nhan-rong/", views.adopt, name="adopt"),
    path("binh-xet/", views.rounds, name="rounds"),
    path("binh-xet/tao/", views.round_new, name="round_new"),
    path("binh-xet/<int:pk>/", views.round_detail, name="round"),
    path("binh-xet/<int:pk>/them/", views.round_add, name="round_add"),
    path("binh-xet/<int:pk>/cham-diem/", views.round_scoring, name="round_scoring"),
    path("binh-xet/<int:pk>/cham-diem/<int:item_id>/", views.round_score, name="round_score"),
    path("binh-xet/<int:pk>/ket-luan/<int:item_id>/", views.round_decision, name="round_decision"),
    path("binh-xet/<int:pk>/ket-thuc/", views.round_finish, name="round_finish"),
    path("tieu-bieu/", views.showcase, name="showcase"),
    path("tieu-bieu/<int:pk>/", views.showcase_detail, name="showcase_detail"),
]
