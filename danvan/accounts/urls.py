from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy

from danvan.accounts import views

app_name = "accounts"
urlpatterns = [
    path("dang-nhap/", views.DanVanLoginView.as_view(), name="login"),
    path("dang-xuat/", auth_views.LogoutView.as_view(), name="logout"),
    path("don-vi/", views.switch_unit, name="switch_unit"),
    path("ho-so/", views.profile, name="profile"),
    path("nguoi-dung/", views.users, name="users"),
    path(
        "doi-mat-khau/",
        auth_views.PasswordChangeView.as_view(
            template_name="accounts/password_change.html", success_url=reverse_lazy("accounts:profile")
        ),
        name="password_change",
    ),
]
