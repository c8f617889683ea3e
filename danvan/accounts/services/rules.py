"""Validation rules shared by the services: usernames, e-mails, passwords, grants."""

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.contrib.auth import password_validation
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext as _

from danvan.accounts.access import may_grant
from danvan.accounts.models import Role, User
from danvan.accounts.scope import UserScope
from danvan.territory.models import PATH_SEGMENT, Unit


def clean_username(username: str) -> tuple[str, list[str]]:
    username = (username or "").strip()
    if not username:
        return username, [_("Nhập tên đăng nhập.")]
    if len(username) > 150:
        return username, [_("Tên đăng nhập dài tối đa 150 ký tự.")]
    try:
        User.username_validator(username)
    except ValidationError:
        return username, [_("Tên đăng nhập chỉ gồm chữ, số và các ký tự @ . + - _ (không có dấu cách).")]
    return username, []


def username_taken(username: str) -> bool:
    return User.objects.filter(username__iexact=username).exists()


def clean_email(email: str | None) -> tuple[str, list[str]]:
    email = User.objects.normalize_email((email or "").strip())
    if not email:
        return "", []
    try:
        validate_email(email)
    except ValidationError:
        return email, [_("Địa chỉ email không hợp lệ.")]
    return email, []


def password_problems(password: str, user: User) -> list[str]:
    """Django's password validators, in Vietnamese (the similarity check looks at the user's data)."""
    if not password:
        return [_("Nhập mật khẩu.")]
    try:
        password_validation.validate_password(password, user=user)
    except ValidationError as exc:
        return list(exc.messages)
    return []


@dataclass(frozen=True)
class GrantSpec:
    unit: Unit | None
    role: str

    def label(self) -> str:
        return f"{self.role}@{self.unit.code if self.unit else '*'}"


def role_label(role: str) -> str:
    return Role(role).label if role in Role.values else role


def grant_problems(scope: UserScope, spec: GrantSpec, day: dt.date) -> list[str]:
    """Why this scope may not give this grant today (empty when it may)."""
    if spec.role not in Role.values:
        return [_("Vai trò «%(role)s» không tồn tại.") % {"role": spec.role}]
    if spec.role != Role.SYSTEM_ADMIN and spec.unit is None:
        return [_("Chọn đơn vị cho vai trò «%(role)s».") % {"role": role_label(spec.role)}]
    if spec.unit is not None and not spec.unit.is_valid_on(day):
        return [_("Đơn vị «%(unit)s» đã hết hiệu lực; hãy chọn đơn vị hiện hành.") % {"unit": spec.unit.name}]
    if not may_grant(scope, spec.unit, spec.role):
        where = spec.unit.name if spec.unit else _("toàn quốc")
        message = _("Bạn không được giao vai trò «%(role)s» trên «%(unit)s».")
        return [message % {"role": role_label(spec.role), "unit": where}]
    return []


def check_grant_specs(scope: UserScope, specs: Sequence[GrantSpec], day: dt.date) -> list[str]:
    if not specs:
        return [_("Cần giao ít nhất một quyền (vai trò trên một đơn vị).")]
    problems = [p for spec in specs for p in grant_problems(scope, spec, day)]
    if len({(s.unit.pk if s.unit else None, s.role) for s in specs}) < len(specs):
        problems.append(_("Có quyền bị lặp lại."))
    return problems


def audit_unit(units: Iterable[Unit | None]) -> Unit | None:
    """The unit an event about a user is filed under: the deepest unit whose subtree holds all
    their grants, so that exactly the admins who manage the user read it in the audit log.
    None (system admins only) when the grants span provinces or one of them is country-wide."""
    listed = list(units)
    if not listed or any(u is None for u in listed):
        return None
    paths = [u.path for u in listed if u is not None]
    split = [[path[i : i + PATH_SEGMENT] for i in range(0, len(path), PATH_SEGMENT)] for path in paths]
    common = []
    for parts in zip(*split, strict=False):
        if len(set(parts)) > 1:
            break
        common.append(parts[0])
    prefix = "".join(common)
    known = next((u for u in listed if u is not None and u.path == prefix), None)
    return known or (Unit.objects.filter(path=prefix).first() if prefix else None)


def user_audit_unit(user: User) -> Unit | None:
    return audit_unit(grant.unit for grant in user.grants.select_related("unit"))
