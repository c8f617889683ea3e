from django.urls import path

from danvan.extraction import views

app_name = "extraction"
urlpatterns = [
    path("", views.index, name="index"),
    path("<int:pk>/", views.review, name="review"),
    path("nhieu-van-ban/", views.batch_upload, name="batch_upload"),
    path("nhieu-van-ban/<int:pk>/", views.batch, name="batch"),
]
