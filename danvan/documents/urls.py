from django.urls import path

from danvan.documents import views

app_name = "documents"
urlpatterns = [
    path("", views.index, name="index"),
    path("tao/", views.create, name="create"),
    path("<int:pk>/trang-thai/", views.status, name="status"),
    path("<int:pk>/tai-ve/", views.download, name="download"),
    path("mau/<str:style>.docx", views.template, name="template"),
]
