"""Directives, plans, conclusion notices and coordination programmes, numbered as issued.

Party documents are numbered per type within a party-committee term ("2020-2025"); state and
MTTQ documents per type within a calendar year. A number already used in its series is refused
with the next free one named in the message.
"""

import datetime as dt
import re
from collections.abc import Iterable
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from danvan.accounts.scope import UserScope
from danvan.audit.services import audit_record
from danvan.core.errors import InvalidInput
from danvan.meetings.models import Directive, DirectiveKind, DirectiveStyle
from danvan.meetings.services.common import Errors, check_writer, fail
from danvan.orgs.models import Organization

TERM = re.compile(r"^(\d{4})-(\d{4})$")
CODE = re.compile(r"^[A-ZĐa-zđ0-9]+(?:-[A-ZĐa-zđ0-9]+)*$")
TERM_YEARS = 5


def default_term(day: dt.date) -> str:
    """The five-year party-committee term holding the day (congresses in 2020, 2025…)."""
    start = day.year - day.year % TERM_YEARS
    return f"{start}-{start + TERM_YEARS}"


def series_for(style: str, issued_on: dt.date, term: str = "") -> str:
    if style == DirectiveStyle.PARTY:
        return term.strip() or default_term(issued_on)
    return str(issued_on.year)


def directive_next_number(*, issuer: Organization, style: str, type_code: str, series: str) -> int:
    found = Directive.objects.filter(issuer=issuer, type_code=type_code, series=series).aggregate(
        top=Max("number")
    )["top"]
    return (found or 0) + 1


def _check(
    style: str, type_code: str, issuer_code: str, title: str, series: str, number: int | None
) -> Errors:
    errors: Errors = {}
    if style not in DirectiveStyle.values:
        errors["style"] = [_("Chọn kiểu số hiệu: văn bản của Đảng hoặc văn bản hành chính.")]
    if not CODE.match(type_code):
        errors["type_code"] = [_("Ký hiệu loại văn bản chỉ gồm chữ và số, ví dụ KH, NQ, QĐ.")]
    if not CODE.match(issuer_code):
        errors["issuer_code"] = [_("Ký hiệu cơ quan ban hành chỉ gồm chữ, số và dấu gạch, ví dụ TU, UBND.")]
    if not title.strip():
        errors["title"] = [_("Cần nhập trích yếu văn bản.")]
    match = TERM.match(series)
    if style == DirectiveStyle.PARTY and (not match or int(match.group(2)) <= int(match.group(1))):
        errors["term"] = [_("Nhiệm kỳ viết dạng 2020-2025.")]
    if number is not None and number < 1:
        errors["number"] = [_("Số văn bản phải từ 1 trở lên.")]
    return errors


def _duplicate(directive: Directive) -> InvalidInput:
    free = directive_next_number(
        issuer=directive.issuer, style=directive.style, type_code=directive.type_code, series=directive.series
    )
    where = _("nhiệm kỳ %(s)s") if directive.style == DirectiveStyle.PARTY else _("năm %(s)s")
    message = _("Số %(ref)s đã được %(issuer)s dùng trong %(where)s. Số kế tiếp còn trống: %(free)s.") % {
        "ref": directive.reference,
        "issuer": directive.issuer.name,
        "where": where % {"s": directive.series},
        "free": free,
    }
    return InvalidInput("duplicate_number", message, errors={"number": [message]})


@transaction.atomic
def directive_create(
    *,
    actor: Any,
    scope: UserScope,
    issuer: Organization,
    style: str,
    type_code: str,
    issuer_code: str,
    title: str,
    issued_on: dt.date,
    kind: str = DirectiveKind.PLAN,
    number: int | None = None,
    term: str = "",
    summary: str = "",
    partners: Iterable[Organization] = (),
) -> Directive:
    """Record a directive; `number` empty takes the next free number of its series."""
    check_writer(scope, issuer.unit)
    type_code, issuer_code = type_code.strip(), issuer_code.strip()
    series = series_for(style, issued_on, term)
    errors = _check(style, type_code, issuer_code, title, series, number)
    if kind not in DirectiveKind.values:
        errors["kind"] = [_("Loại văn bản không hợp lệ.")]
    fail(errors, _("Thông tin văn bản chưa hợp lệ."))
    directive = Directive(
        style=style,
        kind=kind,
        type_code=type_code,
        issuer_code=issuer_code,
        issuer=issuer,
        unit=issuer.unit,
        unit_path=issuer.unit.path,
        series=series,
        issued_on=issued_on,
        title=title.strip(),
        summary=summary.strip(),
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
        number=number
        or directive_next_number(issuer=issuer, style=style, type_code=type_code, series=series),
    )
    if Directive.objects.filter(
        issuer=issuer, type_code=type_code, series=series, number=directive.number
    ).exists():
        raise _duplicate(directive)
    try:
        with transaction.atomic():
            directive.save()
    except IntegrityError as exc:  # a concurrent writer took the number first
        raise _duplicate(directive) from exc
    if partners:
        directive.partners.set(partners)
    audit_record(
        actor=actor,
        action="directive.create",
        obj=directive,
        unit=issuer.unit,
        changes={"reference": [None, directive.reference], "title": [None, directive.title]},
    )
    return directive
