from django.urls import path

from danvan.petitions.views import calendar, detail, routing, staff

app_name = "petitions"
urlpatterns = [
    path("", staff.index, name="index"),
    path("xuat-excel/", staff.export, name="export"),
    path("tiep-nhan/", staff.new, name="new"),
    path("tiep-nhan/tuong-tu/", staff.similar, name="similar"),
    path("han-xu-ly/", staff.deadlines, name="deadlines"),
    path("thong-ke/", staff.stats, name="stats"),
    path("lich-lam-viec/", calendar.calendar, name="calendar"),
    path("lich-lam-viec/<int:pk>/xoa/", calendar.calendar_remove, name="calendar_remove"),
    path("quy-tac-chuyen/", routing.rules, name="routing"),
    path("quy-tac-chuyen/<int:pk>/xoa/", routing.rule_remove, name="routing_remove"),
    path("tep/<int:pk>/", detail.file, name="file"),
    path("<int:pk>/", detail.detail, name="detail"),
    path("<int:pk>/buoc/<slug:name>/", detail.step, name="step"),
    path("<int:pk>/tra-loi/", detail.answer, name="answer"),
    path("<int:pk>/nguoi-gui/", detail.identity, name="identity"),
    path("<int:pk>/trung/", detail.duplicate, name="duplicate"),
]
