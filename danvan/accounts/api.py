"""/api/v1 endpoints of accounts: obtain a token, who am I, and users administration."""

import datetime as dt
import json
from typing import Any

from axes.helpers import get_client_ip_address, get_cool_off
from axes.utils import reset as axes_reset
from django.contrib.auth import authenticate
from django.contrib.auth.models import update_last_login
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema, Status
from ninja.pagination import paginate

from danvan.accounts.access import access_user, grantable_unit_by_code, require_user_admin, visible_users
from danvan.accounts.models import ApiToken, Grant, Role, User
from danvan.accounts.scope import UserScope, scope_for
from danvan.accounts.selectors import UserFilter, filter_users, grants_of_users
from danvan.accounts.services import GrantSpec, InvalidInput, token_create, user_create
from danvan.accounts.services.second_factor import (
    TOTP_SETUP_FIRST,
    second_factor_check,
    totp_enabled,
    totp_setup_missing,
)
from danvan.core.api.idempotency import IdempotencyKey, create_once
from danvan.core.api.params import UnitFilter
from danvan.core.api.problems import ProblemOut
from danvan.core.errors import DomainError, PermissionDenied
from danvan.core.pagination import LimitOffsetPagination

router = Router(tags=["Tài khoản"])


class InvalidCredentials(DomainError):
    status = 401

    def __init__(self) -> None:
        super().__init__("invalid_credentials", _("Tên đăng nhập hoặc mật khẩu không đúng."))


class TokenIn(Schema):
    username: str = Field(..., min_length=1, max_length=150)
    password: str = Field(..., min_length=1, max_length=1024)
    otp: str | None = Field(
        None,
        max_length=40,
        description="Mã xác thực hai bước hoặc mã dự phòng: bắt buộc khi tài khoản bật xác thực hai bước.",
    )


class SecondFactorRequired(DomainError):
    status = 401

    def __init__(self) -> None:
        super().__init__(
            "otp_required",
            _("Tài khoản này bật xác thực hai bước: gửi kèm mã xác thực đúng trong trường otp."),
        )


class TokenOut(Schema):
    token: str = Field(
        ..., description="Gửi trong tiêu đề: Authorization: Bearer <token>. Chỉ trả về một lần."
    )
    expires_at: dt.datetime | None


class GrantOut(Schema):
    unit: str | None = Field(None, description="Mã chính thức của đơn vị; null: toàn quốc.")
    unit_name: str | None = None
    role: Role

    @staticmethod
    def resolve_unit(obj: Grant) -> str | None:
        return obj.unit.code if obj.unit else None

    @staticmethod
    def resolve_unit_name(obj: Grant) -> str | None:
        return obj.unit.name if obj.unit else None


class MeOut(Schema):
    username: str
    full_name: str
    email: str
    grants: list[GrantOut]

    @staticmethod
    def resolve_grants(obj: User) -> list[Grant]:
        return list(obj.grants.all())


class UserOut(MeOut):
    id: int
    is_active: bool


class GrantIn(Schema):
    unit: str | None = Field(
        None, max_length=16, description="Mã đơn vị đang có hiệu lực; null với system_admin."
    )
    role: Role


class UserIn(Schema):
    username: str = Field(..., min_length=1, max_length=150)
    password: str = Field(..., min_length=1, max_length=1024)
    full_name: str = Field(..., min_length=1, max_length=120)
    email: str = Field("", max_length=254)
    grants: list[GrantIn] = Field(..., min_length=1, max_length=20)


class UserQuery(UnitFilter):
    """`unit`: people with a grant in that unit's subtree."""

    q: str | None = Field(
        None, max_length=100, description="Tìm theo tên đăng nhập, họ tên (không dấu cũng được)."
    )
    role: Role | None = None


@router.post(
    "/auth/token",
    auth=None,
    response={200: TokenOut, 401: ProblemOut, 403: ProblemOut, 422: ProblemOut, 429: ProblemOut},
    summary="Lấy khóa API bằng tên đăng nhập và mật khẩu",
    operation_id="auth_token",
)
def obtain_token(request: HttpRequest, payload: TokenIn) -> Any:
    """Sai nhiều lần liên tiếp thì bị tạm khóa như khi đăng nhập trên trang (429, Retry-After)."""
    user = authenticate(request, username=payload.username, password=payload.password)
    if getattr(request, "axes_locked_out", False):
        request.axes_locked_out = False  # type: ignore[attr-defined]  # answered below, not by axes' HTML page
        return _locked_out(request)
    if user is None:
        raise InvalidCredentials()
    if totp_enabled(user) and not second_factor_check(user=user, code=payload.otp or ""):
        raise SecondFactorRequired()
    if totp_setup_missing(scope_for(user)):
        raise PermissionDenied(_(TOTP_SETUP_FIRST))
    axes_reset(ip=get_client_ip_address(request), username=user.get_username())
    update_last_login(User, user)
    token, secret = token_create(user=user, name=_("Đăng nhập qua API"), scope=ApiToken.Scope.WRITE)
    return {"token": secret, "expires_at": token.expires_at}


def _locked_out(request: HttpRequest) -> HttpResponse:
    cool_off = get_cool_off(request)
    seconds = int(cool_off.total_seconds()) if cool_off else 900
    body = {
        "status": 429,
        "code": "login_locked",
        "detail": _("Đã nhập sai mật khẩu quá nhiều lần; hãy thử lại sau %(minutes)d phút.")
        % {"minutes": -(-seconds // 60)},
    }
    response = HttpResponse(
        json.dumps(body, ensure_ascii=False), status=429, content_type="application/problem+json"
    )
    response["Retry-After"] = str(seconds)
    return response


@router.get(
    "/me", response=MeOut, summary="Người dùng đang gọi API và các quyền của họ", operation_id="me_get"
)
def me(request: HttpRequest) -> Any:
    return User.objects.prefetch_related(grants_of_users()).get(pk=_caller(request).pk)


@router.get(
    "/users",
    response={200: list[UserOut], 403: ProblemOut},
    summary="Danh sách người dùng mình quản lý",
    operation_id="users_list",
)
@paginate(LimitOffsetPagination)
def list_users(request: HttpRequest, filters: Query[UserQuery]) -> Any:
    scope: UserScope = request.scope  # type: ignore[attr-defined]
    require_user_admin(scope)
    users = visible_users(scope)
    day = filters.at or dt.date.today()
    unit = grantable_unit_by_code(scope, filters.unit.strip(), day) if filters.unit else None
    if filters.unit and unit is None:
        return users.none()
    return filter_users(users, UserFilter(q=filters.q or "", role=filters.role or "", unit=unit))


def _caller(request: HttpRequest) -> User:
    user = request.user
    assert isinstance(user, User)  # the bearer token authenticated a User
    return user


@router.post(
    "/users",
    response={201: UserOut, 403: ProblemOut, 409: ProblemOut, 422: ProblemOut},
    summary="Tạo người dùng với các quyền ban đầu",
    operation_id="users_create",
)
def create_user(request: HttpRequest, payload: UserIn, idempotency_key: IdempotencyKey = None) -> Any:
    """Gửi kèm tiêu đề Idempotency-Key để gửi lại an toàn: yêu cầu lặp lại trả về người dùng đã tạo."""
    scope: UserScope = request.scope  # type: ignore[attr-defined]
    require_user_admin(scope)

    def create() -> User:
        return user_create(
            scope=scope,
            username=payload.username,
            full_name=payload.full_name,
            password=payload.password,
            email=payload.email,
            grants=_grant_specs(scope, payload.grants),
        )

    done = create_once(
        request, operation="users_create", key=idempotency_key, create=create, exclude=("password",)
    )
    return Status(201, _user_out(scope, done.pk))


def _user_out(scope: UserScope, user_id: int | str) -> User:
    user = access_user(scope, user_id, "view")
    return User.objects.prefetch_related(grants_of_users()).get(pk=user.pk)


def _grant_specs(scope: UserScope, grants: list[GrantIn]) -> list[GrantSpec]:
    """Resolve unit codes to the units valid today; unknown and outside the caller's subtree alike."""
    today = dt.date.today()
    specs, problems = [], []
    for index, grant in enumerate(grants):
        unit = grantable_unit_by_code(scope, grant.unit, today) if grant.unit else None
        if grant.unit and unit is None:
            problems.append(
                _("Quyền thứ %(n)d: không có đơn vị mã «%(code)s» trong phạm vi bạn quản lý.")
                % {"n": index + 1, "code": grant.unit}
            )
        specs.append(GrantSpec(unit=unit, role=grant.role.value))
    if problems:
        raise InvalidInput("unknown_unit", _("Có mã đơn vị không hợp lệ."), errors={"grants": problems})
    return specs
