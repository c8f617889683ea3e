from django.urls import path

from danvan.core import views

app_name = "core"
urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("tac-vu-loi/", views.task_failures, name="task_failures"),
    path("tac-vu-loi/<uuid:task_id>/chay-lai/", views.task_rerun, name="task_rerun"),
]
