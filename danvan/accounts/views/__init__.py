"""HTML pages of the accounts app: sign-in flows, profile and API tokens, users administration."""

from danvan.accounts.views.auth import (
    DanVanLoginView,
    PasswordChangeView,
    ResetCompleteView,
    ResetConfirmView,
    ResetDoneView,
    ResetView,
)
from danvan.accounts.views.imports import users_import, users_import_template
from danvan.accounts.views.profile import profile, switch_unit, token_create, token_revoke
from danvan.accounts.views.second_factor import login_second_factor, second_factor, second_factor_disable
from danvan.accounts.views.tokens import tokens, tokens_revoke
from danvan.accounts.views.users import (
    grant_add,
    grant_remove,
    user_create,
    user_deactivate,
    user_detail,
    user_edit,
    user_set_password,
    users,
)

__all__ = [
    "DanVanLoginView",
    "PasswordChangeView",
    "ResetCompleteView",
    "ResetConfirmView",
    "ResetDoneView",
    "ResetView",
    "grant_add",
    "grant_remove",
    "login_second_factor",
    "profile",
    "second_factor",
    "second_factor_disable",
    "switch_unit",
    "token_create",
    "token_revoke",
    "tokens",
    "tokens_revoke",
    "user_create",
    "user_deactivate",
    "user_detail",
    "user_edit",
    "user_set_password",
    "users",
    "users_import",
    "users_import_template",
]
