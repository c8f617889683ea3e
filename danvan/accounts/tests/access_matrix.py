"""The authorization matrix of accounts (columns and words: danvan/core/tests/authz/spec.py).

anonymous reporter_a reporter_b approver other_approver unit_admin admin
"""

from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile

from danvan.accounts.services.imports import import_columns
from danvan.core.excel import template_workbook
from danvan.core.tests.authz.spec import PUBLIC, SIGNED_IN, Operation, Page

PASSWORD = "mat-khau-thu-nghiem-2026"  # every persona's (accounts/tests/factories.py)
NEW_PASSWORD = "Mat-khau-moi-rat-dai-2027"
# User administration: the unit admin of P for users all of whose grants lie in P, the admin.
USER_ADMINS = "login 404 404 404 404 ok ok"


def _users_file(w: Any) -> dict[str, Any]:
    row = ["nhap.excel", "Người Nhập Excel", "", w.commune_a.code, "viewer", NEW_PASSWORD]
    data = template_workbook(import_columns(), [row], "Người dùng")
    return {"file": SimpleUploadedFile("nguoi-dung.xlsx", data)}


PAGES = {
    "accounts:login": Page(
        get="ok 302 302 302 302 302 302",
        post="ok noop noop noop noop noop noop",
        body=lambda w: {"username": w.user.username, "password": "mat-khau-rat-dai-2026!"},
        note="signed-in users are sent home; an anonymous visitor signs in (last_login is stamped)",
    ),
    "accounts:login_second_factor": Page(
        get="login login login login login login login",
        post="login login login login login login login",
        note="without a password step pending in the session there is nothing to confirm",
    ),
    "accounts:logout": Page(
        get="405 405 405 405 405 405 405", post="login login login login login login login"
    ),
    "accounts:password_change": Page(
        get=SIGNED_IN,
        post="login ok ok ok ok ok ok",
        body=lambda w: {
            "old_password": PASSWORD,
            "new_password1": NEW_PASSWORD,
            "new_password2": NEW_PASSWORD,
        },
    ),
    "accounts:password_reset": Page(
        get=PUBLIC, post="noop noop noop noop noop noop noop", body=lambda w: {"email": w.user.email}
    ),
    "accounts:password_reset_done": Page(get=PUBLIC, post="405 405 405 405 405 405 405"),
    "accounts:password_reset_confirm": Page(
        get="302 302 302 302 302 302 302",
        post="302 302 302 302 302 302 302",
        params={"uidb64": "reset_uid", "token": "reset_token"},
        note="the link's token moves into the session and the browser is sent to the form",
    ),
    "accounts:password_reset_complete": Page(get=PUBLIC, post="405 405 405 405 405 405 405"),
    "accounts:profile": Page(get=SIGNED_IN),
    "accounts:second_factor": Page(
        get=SIGNED_IN,
        post="login ok ok ok ok ok ok",
        body=lambda w: {"code": "000000"},
        note="own account only; a wrong code keeps the form and stores the new secret shown with it",
    ),
    "accounts:second_factor_disable": Page(
        get="login 405 405 405 405 405 405",
        post="login noop noop noop noop noop noop",
        body=lambda w: {"password": PASSWORD},
        note="own account only; nothing to disable in the world",
    ),
    "accounts:switch_unit": Page(
        get="login 405 405 405 405 405 405",
        post="login noop 404 404 404 404 noop",
        body=lambda w: {"unit": w.commune_a.pk},
        note="a unit among one's own grants (any unit for the system admin), kept in the session",
    ),
    "accounts:token_create": Page(
        get="login 405 405 405 405 405 405",
        post="login ok ok ok ok ok ok",
        body=lambda w: {"name": "Máy tổng hợp", "scope": "read", "days": 30},
    ),
    "accounts:token_revoke": Page(
        get="login 405 405 405 405 405 405",
        post="login ok 404 404 404 404 404",
        body=lambda w: {},
        params={"token_id": "token"},
        note="a token is its owner's (reporter A's) alone",
    ),
    "accounts:tokens": Page(get=SIGNED_IN),
    "accounts:tokens_revoke": Page(
        get="login 405 405 405 405 405 405",
        post="login ok 404 404 404 404 404",
        body=lambda w: {},
        params={"token_id": "token"},
        note="a token is its owner's (reporter A's) alone",
    ),
    "accounts:users": Page(get=USER_ADMINS),
    "accounts:user_create": Page(
        get=USER_ADMINS,
        post=USER_ADMINS,
        body=lambda w: {
            "username": "moi.tao",
            "full_name": "Người Mới Tạo",
            "email": "",
            "password1": NEW_PASSWORD,
            "password2": NEW_PASSWORD,
            "grants-TOTAL_FORMS": "1",
            "grants-INITIAL_FORMS": "0",
            "grants-0-unit": w.commune_a.pk,
            "grants-0-role": "viewer",
        },
    ),
    "accounts:users_import": Page(get=USER_ADMINS, post=USER_ADMINS, body=_users_file),
    "accounts:users_import_template": Page(get=USER_ADMINS),
    "accounts:user_detail": Page(get=USER_ADMINS),
    "accounts:user_edit": Page(
        get="login 405 405 405 405 405 405",
        post=USER_ADMINS,
        body=lambda w: {"full_name": "Nguyễn Văn Cán Bộ Mới", "email": "", "is_active": "on"},
    ),
    "accounts:user_set_password": Page(
        get="login 405 405 405 405 405 405",
        post=USER_ADMINS,
        body=lambda w: {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    ),
    "accounts:user_deactivate": Page(
        get="login 405 405 405 405 405 405", post=USER_ADMINS, body=lambda w: {}
    ),
    "accounts:grant_add": Page(
        get="login 405 405 405 405 405 405",
        post=USER_ADMINS,
        body=lambda w: {"unit": w.commune_a.pk, "role": "approver"},
    ),
    "accounts:grant_remove": Page(get="login 405 405 405 405 405 405", post=USER_ADMINS, body=lambda w: {}),
}

OPERATIONS = {
    "POST /api/v1/auth/token": Operation(
        "ok ok ok ok ok ok ok",
        body=lambda w: {"username": w.user.username, "password": "mat-khau-rat-dai-2026!"},
    ),
    "GET /api/v1/me": Operation(SIGNED_IN),
    "GET /api/v1/users": Operation(
        "login 403 403 403 403 ok ok",
        lists={"user": USER_ADMINS},
        note="the pages answer 404 to the same users",
    ),
    "POST /api/v1/users": Operation(
        "login 403 403 403 403 ok ok",
        body=lambda w: {
            "username": "moi.api",
            "password": NEW_PASSWORD,
            "full_name": "Người Mới Qua API",
            "grants": [{"unit": w.commune_a.code, "role": "viewer"}],
        },
    ),
}
