"""Importing users from an Excel sheet: every row is checked, then all are created or none."""

import datetime as dt
import os
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

from django.contrib.auth.hashers import make_password
from django.db import IntegrityError, transaction
from django.db.models.functions import Lower
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from danvan.accounts.models import Grant, Role, User
from danvan.accounts.scope import UserScope
from danvan.accounts.services.rules import (
    GrantSpec,
    audit_unit,
    clean_email,
    clean_username,
    grant_problems,
    password_problems,
)
from danvan.audit.services import audit_record
from danvan.core.errors import Conflict, DomainError
from danvan.core.excel import RowErrors, SheetRow, read_rows, template_workbook
from danvan.core.text import fold
from danvan.territory.models import Unit

IMPORT_COLUMNS = {
    "username": gettext_lazy("Tên đăng nhập"),
    "full_name": gettext_lazy("Họ và tên"),
    "email": gettext_lazy("Email"),
    "unit": gettext_lazy("Mã đơn vị"),
    "role": gettext_lazy("Vai trò"),
    "password": gettext_lazy("Mật khẩu ban đầu"),
}
MAX_USERS_PER_IMPORT = 500  # each password costs ~1 s of hashing; larger lists go in several files
_ROLES = {fold(label): value for value, label in Role.choices} | {value: value for value in Role.values}


@dataclass
class _Row:
    number: int
    user: User
    spec: GrantSpec
    password: str


def import_columns() -> dict[str, str]:
    """The headers of the sheet, in order, in the active language."""
    return {key: str(header) for key, header in IMPORT_COLUMNS.items()}


def users_import_template() -> bytes:
    examples = [
        ["nguyenvana", "Nguyễn Văn A", "vana@example.vn", "31510", "Nhập liệu", "Doi-mat-khau-ngay-2026"],
        ["tranthib", "Trần Thị B", "", "31528", "approver", "Mat-khau-ban-dau-B-2026"],
    ]
    return template_workbook(import_columns(), examples, _("Người dùng"))


def users_import(*, scope: UserScope, data: bytes) -> list[User]:
    """Create the users of the sheet, each with one grant; raise DomainError listing bad rows."""
    sheet = list(read_rows(data, import_columns()))
    if not sheet:
        raise DomainError("import_empty", _("Tệp không có dòng dữ liệu nào."))
    if len(sheet) > MAX_USERS_PER_IMPORT:
        raise DomainError(
            "import_too_many_rows",
            _("Mỗi lần nhập tối đa %(max)d người dùng; hãy chia thành nhiều tệp.")
            % {"max": MAX_USERS_PER_IMPORT},
        )
    # Checks and password hashing (slow) happen before the write transaction, which stays short.
    rows = _validated_rows(scope, sheet)
    hashes = _hash_passwords(row.password for row in rows)
    for row, hashed in zip(rows, hashes, strict=True):
        row.user.password = hashed
    try:
        return _create_all(scope, rows)
    except IntegrityError as exc:  # a username taken meanwhile by a concurrent request
        raise Conflict(
            "username_taken", _("Có tên đăng nhập vừa được tạo trùng; hãy tải tệp lên lại.")
        ) from exc


def _create_all(scope: UserScope, rows: list[_Row]) -> list[User]:
    with transaction.atomic():
        users = User.objects.bulk_create([row.user for row in rows])
        Grant.objects.bulk_create(
            Grant(user=row.user, unit=row.spec.unit, role=row.spec.role, created_by=scope.user)
            for row in rows
        )
        audit_record(
            actor=scope.user,
            action="user.import",
            obj=None,
            object_type="accounts.user",
            object_repr=_("Nhập %(count)d người dùng từ Excel") % {"count": len(users)},
            unit=audit_unit(row.spec.unit for row in rows),
            changes={"created": len(users), "usernames": [u.username for u in users]},
        )
    return users


def _validated_rows(scope: UserScope, sheet: list[SheetRow]) -> list[_Row]:
    errors = RowErrors()
    units = _units_by_code(_text(r.values["unit"]) for r in sheet)
    taken = _taken_usernames(_text(r.values["username"]) for r in sheet)
    first_row: dict[str, int] = {}
    rows = []
    for sheet_row in sheet:
        row = _validated_row(scope, sheet_row, units, errors)
        if row is None:
            continue
        key = row.user.username.lower()
        if key in taken:
            errors.add(
                row.number, _("tên đăng nhập «%(name)s» đã có người dùng.") % {"name": row.user.username}
            )
        elif key in first_row:
            message = _("tên đăng nhập «%(name)s» trùng với dòng %(row)d.")
            errors.add(row.number, message % {"name": row.user.username, "row": first_row[key]})
        first_row.setdefault(key, row.number)
        rows.append(row)
    errors.raise_if_any()
    return rows


def _validated_row(
    scope: UserScope, sheet_row: SheetRow, units: dict[str, Unit], errors: RowErrors
) -> _Row | None:
    values, number = sheet_row.values, sheet_row.number
    username, problems = clean_username(_text(values["username"]))
    full_name = " ".join(_text(values["full_name"]).split())
    email, email_problems = clean_email(_text(values["email"]))
    problems += email_problems + ([] if full_name else [_("thiếu họ và tên.")])
    user = User(username=username, full_name=full_name, email=email)
    user.search_folded = user.folded_search_text()
    spec, spec_problems = _grant_spec(scope, values, units)
    password = _text(values["password"])
    problems += spec_problems + [
        _("mật khẩu: %(problem)s") % {"problem": p} for p in password_problems(password, user)
    ]
    for problem in problems:
        errors.add(number, problem[:1].lower() + problem[1:])
    return _Row(number, user, spec, password) if not problems and spec else None


def _grant_spec(
    scope: UserScope, values: dict[str, Any], units: dict[str, Unit]
) -> tuple[GrantSpec | None, list[str]]:
    code, role_text = _text(values["unit"]), _text(values["role"])
    role = (_ROLES.get(role_text.lower()) or _ROLES.get(fold(role_text))) if role_text else None
    unit = next((units[c] for c in _code_candidates(code) if c in units), None)
    problems = []
    if not code:
        problems.append(_("thiếu mã đơn vị."))
    elif unit is None:
        problems.append(_("không có đơn vị đang hiệu lực mang mã «%(code)s».") % {"code": code})
    if role is None:
        choices = ", ".join(label for _value, label in Role.choices if _value != Role.SYSTEM_ADMIN)
        message = _("vai trò «%(role)s» không hợp lệ; dùng một trong: %(choices)s.")
        problems.append(message % {"role": role_text, "choices": choices})
    if problems or unit is None or role is None:
        return None, problems
    spec = GrantSpec(unit=unit, role=role)
    return spec, grant_problems(scope, spec, dt.date.today())


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _code_candidates(code: str) -> list[str]:
    """A code as typed, and zero-padded if Excel turned "04" or "01273" into a number."""
    if not code.isdigit():
        return [code]
    return [code] + [code.zfill(width) for width in (2, 3, 5) if width > len(code)]


def _units_by_code(codes: Iterable[str]) -> dict[str, Unit]:
    wanted = {c for code in codes if code for c in _code_candidates(code)}
    units = Unit.objects.valid_on(dt.date.today()).filter(code__in=wanted)
    return {unit.code: unit for unit in units}


def _taken_usernames(usernames: Iterable[str]) -> set[str]:
    lowered = {name.lower() for name in usernames if name}
    found = User.objects.annotate(lowered=Lower("username")).filter(lowered__in=lowered)
    return set(found.values_list("lowered", flat=True))


def _hash_passwords(passwords: Iterable[str]) -> list[str]:
    """Hash in threads: PBKDF2 releases the GIL, so a list of 200 users takes seconds, not minutes."""
    with ThreadPoolExecutor(max_workers=min(8, os.cpu_count() or 1)) as pool:
        return list(pool.map(make_password, passwords))
