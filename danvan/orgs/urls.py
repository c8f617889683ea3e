from django.urls import path

from danvan.orgs import views

app_name = "orgs"
urlpatterns = [
    path("", views.index, name="index"),
    path("can-bo/", views.people, name="people"),
]
