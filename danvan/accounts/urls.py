from django.contrib.auth import views as auth_views
from django.urls import path

from danvan.accounts import views

app_name = "accounts"
urlpatterns = [
    path("dang-nhap/", views.DanVanLoginView.as_view(), name="login"),
    path("dang-nhap/ma-xac-thuc/", views.login_second_factor, name="login_second_factor"),
    path("ho-so/xac-thuc-hai-buoc/", views.second_factor, name="second_factor"),
    path("ho-so/xac-thuc-hai-buoc/tat/", views.second_factor_disable, name="second_factor_disable"),
    path("dang-xuat/", auth_views.LogoutView.as_view(), name="logout"),
    path("doi-mat-khau/", views.PasswordChangeView.as_view(), name="password_change"),
    path("quen-mat-khau/", views.ResetView.as_view(), name="password_reset"),
    path("quen-mat-khau/da-gui/", views.ResetDoneView.as_view(), name="password_reset_done"),
    path(
        "dat-lai-mat-khau/<uidb64>/<token>/",
        views.ResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path("dat-lai-mat-khau/xong/", views.ResetCompleteView.as_view(), name="password_reset_complete"),
    path("don-vi/", views.switch_unit, name="switch_unit"),
    path("ho-so/", views.profile, name="profile"),
    path("ho-so/khoa-api/", views.token_create, name="token_create"),
    path("ho-so/khoa-api/<int:token_id>/thu-hoi/", views.token_revoke, name="token_revoke"),
    path("khoa-api/", views.tokens, name="tokens"),
    path("khoa-api/<int:token_id>/thu-hoi/", views.tokens_revoke, name="tokens_revoke"),
    path("nguoi-dung/", views.users, name="users"),
    path("nguoi-dung/them/", views.user_create, name="user_create"),
    path("nguoi-dung/nhap-excel/", views.users_import, name="users_import"),
    path("nguoi-dung/nhap-excel/mau.xlsx", views.users_import_template, name="users_import_template"),
    path("nguoi-dung/<int:user_id>/", views.user_detail, name="user_detail"),
    path("nguoi-dung/<int:user_id>/sua/", views.user_edit, name="user_edit"),
    path("nguoi-dung/<int:user_id>/mat-khau/", views.user_set_password, name="user_set_password"),
    path("nguoi-dung/<int:user_id>/vo-hieu-hoa/", views.user_deactivate, name="user_deactivate"),
    path("nguoi-dung/<int:user_id>/quyen/", views.grant_add, name="grant_add"),
    path("nguoi-dung/<int:user_id>/quyen/<int:grant_id>/go/", views.grant_remove, name="grant_remove"),
]
