from django.urls import path

from danvan.campaigns import views

app_name = "campaigns"
urlpatterns = [
    path("", views.index, name="index"),
    path("tao/", views.create, name="create"),
    path("thong-ke/", views.stats, name="stats"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/dong-gop/", views.contribution_new, name="contribution_new"),
    path("<int:pk>/trao-tang/", views.distribution_new, name="distribution_new"),
    path("<int:pk>/trao-tang/<int:distribution_id>/nguoi-nhan/", views.beneficiaries, name="beneficiaries"),
]
