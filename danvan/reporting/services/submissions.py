"""Opening a submission and entering its values and narrative.

One submission per (form, unit, period): opening twice returns the same one. Values the
system knows are pre-filled and marked; changing one needs a reason, and both numbers stay.
Every value carries a version, so two people editing one draft never overwrite each other.
"""

from decimal import Decimal
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone

from danvan.accounts.models import Role
from danvan.accounts.scope import UserScope
from danvan.audit.services import audit_record
from danvan.core.errors import Conflict, InvalidInput, PermissionDenied
from danvan.core.parsing import MoneyError, parse_money, parse_number
from danvan.core.periods import Period
from danvan.reporting.models import (
    Assignment,
    Indicator,
    ReportForm,
    Status,
    Submission,
    SubmissionEvent,
    Value,
    ValueType,
)
from danvan.reporting.sources import Figures, computed_value
from danvan.territory.models import Unit

EDITABLE = (Status.DRAFT, Status.RETURNED)
MAX_TEXT = 20_000


def is_assigned(form: ReportForm, unit: Unit, period: Period) -> bool:
    assignments = Assignment.objects.filter(form=form, level=unit.level, valid_from__lte=period.end).exclude(
        valid_to__lt=period.start
    )
    for assignment in assignments.select_related("unit"):
        if assignment.unit is None or unit.path.startswith(assignment.unit.path):
            return True
    return False


def _check_open(*, scope: UserScope, form: ReportForm, unit: Unit, period: Period) -> None:
    if not scope.covers(unit, Role.REPORTER):
        raise PermissionDenied("Chỉ người nhập liệu của đơn vị mới lập được báo cáo này.")
    check_form_applies(form=form, unit=unit, period=period)


def check_form_applies(*, form: ReportForm, unit: Unit, period: Period) -> None:
    """The form is in use, reports on this kind of period and is assigned to the unit then."""
    if not form.is_active:
        raise InvalidInput("form_inactive", f"Mẫu «{form.name}» không còn được sử dụng.")
    if period.kind != form.period_kind:
        raise InvalidInput(
            "wrong_period",
            f"Mẫu «{form.name}» báo cáo theo kỳ khác; {period.label} không phải kỳ của mẫu này.",
            errors={"period": ["Kỳ không phù hợp với mẫu báo cáo."]},
        )
    if not is_assigned(form, unit, period):
        raise InvalidInput(
            "not_assigned", f"{unit.name} không được giao báo cáo «{form.name}» cho {period.label}."
        )


def submission_open(
    *, actor: Any, scope: UserScope, form: ReportForm, unit: Unit, period: Period
) -> Submission:
    """The submission of this form, unit and period; created with its pre-filled values."""
    existing = Submission.objects.filter(form=form, unit=unit, period_code=period.code).first()
    if existing is not None:
        if not scope.covers(unit, Role.VIEWER, history=True):
            raise PermissionDenied()
        return existing
    _check_open(scope=scope, form=form, unit=unit, period=period)
    try:
        with transaction.atomic():
            return _create(actor=actor, form=form, unit=unit, period=period)
    except IntegrityError:  # a double click or a second tab created it a moment ago
        return Submission.objects.get(form=form, unit=unit, period_code=period.code)


def _create(*, actor: Any, form: ReportForm, unit: Unit, period: Period) -> Submission:
    submission = Submission.objects.create(
        form=form,
        unit=unit,
        unit_path=unit.path,
        period_code=period.code,
        period_start=period.start,
        period_end=period.end,
        due_date=form.due_date(period),
        narrative={s["code"]: "" for s in form.sections},
    )
    figures = Figures(unit, period)
    values = []
    for item in form.items.select_related("indicator"):
        indicator = item.indicator
        for category in indicator.category_codes():
            computed = computed_value(indicator, category, form, unit, period, figures)
            values.append(
                Value(
                    submission=submission,
                    indicator=indicator,
                    category=category,
                    computed=computed,
                    number=computed,
                    updated_by=None,
                )
            )
    Value.objects.bulk_create(values)
    SubmissionEvent.objects.create(submission=submission, action="opened", actor=actor)
    audit_record(actor=actor, action="report.open", obj=submission, unit=unit)
    return submission


def submission_refresh_computed(*, actor: Any, scope: UserScope, submission: Submission) -> int:
    """Re-read the figures the system knows; values nobody overrode follow them."""
    _check_editable(scope, submission)
    figures = Figures(submission.unit, submission.period)
    changed = 0
    with transaction.atomic():
        for value in submission.values.select_related("indicator").select_for_update():
            computed = computed_value(
                value.indicator, value.category, submission.form, submission.unit, submission.period, figures
            )
            if computed == value.computed:
                continue
            follow = not value.is_overridden
            value.computed = computed
            if follow:
                value.number = computed
            value.version += 1
            value.save(update_fields=["computed", "number", "version", "updated_at"])
            changed += 1
        if changed:
            SubmissionEvent.objects.create(
                submission=submission, action="refreshed", actor=actor, note=f"{changed} số liệu"
            )
    return changed


def _check_editable(scope: UserScope, submission: Submission) -> None:
    if not scope.covers(submission.unit, Role.REPORTER):
        raise PermissionDenied("Chỉ người nhập liệu của đơn vị mới sửa được báo cáo này.")
    if submission.status not in EDITABLE:
        raise Conflict(
            "report_locked",
            f"Báo cáo đang ở trạng thái «{Status(submission.status).label}»: không sửa được.",
        )


def parse_value(indicator: Indicator, raw: Any) -> tuple[Decimal | None, str]:
    """(number, text) from what was typed; InvalidInput with a Vietnamese message otherwise."""
    if indicator.value_type == ValueType.TEXT:
        text = str(raw or "").strip()
        if len(text) > MAX_TEXT:
            raise InvalidInput("too_long", f"Nội dung quá dài (tối đa {MAX_TEXT:,} ký tự).".replace(",", "."))
        return None, text
    try:
        number = _parse_number(indicator, raw)
    except (ValueError, MoneyError) as exc:
        raise InvalidInput("invalid_value", f"{indicator.name}: {exc}") from exc
    if number is not None:
        _check_range(indicator, number)
    return number, ""


def _parse_number(indicator: Indicator, raw: Any) -> Decimal | None:
    if indicator.value_type == ValueType.MONEY:
        amount = parse_money(raw)
        return None if amount is None else Decimal(amount)
    if indicator.value_type == ValueType.BOOLEAN:
        if raw in (None, ""):
            return None
        text = str(raw).strip().lower()
        if text in ("1", "true", "có", "co", "x", "đạt", "dat"):
            return Decimal(1)
        if text in ("0", "false", "không", "khong", "chưa đạt", "chua dat"):
            return Decimal(0)
        raise ValueError("Chọn Có hoặc Không.")
    number = parse_number(raw)
    if (
        number is not None
        and indicator.value_type == ValueType.INTEGER
        and number != number.to_integral_value()
    ):
        raise ValueError("Phải là số nguyên.")
    return number


def _check_range(indicator: Indicator, number: Decimal) -> None:
    low = indicator.min_value if indicator.min_value is not None else Decimal(0)
    if number < low:
        raise InvalidInput("out_of_range", f"{indicator.name}: không được nhỏ hơn {_plain(low)}.")
    high = indicator.max_value
    if indicator.value_type == ValueType.PERCENT and high is None:
        high = Decimal(100)
    if high is not None and number > high:
        raise InvalidInput("out_of_range", f"{indicator.name}: không được lớn hơn {_plain(high)}.")


def _plain(number: Decimal) -> str:
    return f"{number.normalize():f}".replace(".", ",")


@transaction.atomic
def value_save(
    *,
    actor: Any,
    scope: UserScope,
    value: Value,
    raw: Any,
    version: int | None,
    reason: str = "",
    comment: str | None = None,
) -> Value:
    locked = (
        Value.objects.select_for_update(of=("self",))
        .select_related("indicator", "submission__unit")
        .get(pk=value.pk)
    )
    submission = locked.submission
    _check_editable(scope, submission)
    if submission.status == Status.RETURNED and _has_returned_values(submission) and not locked.is_returned:
        raise Conflict("value_locked", "Lãnh đạo chỉ trả lại một số số liệu; số liệu này đã được chấp nhận.")
    if version is not None and version != locked.version:
        raise Conflict(
            "stale_value",
            f"«{locked.indicator.name}» vừa được {locked.updated_by or 'người khác'} sửa thành "
            f"{_shown(locked)}. Tải lại trang để xem số mới rồi sửa tiếp.",
        )
    if locked.indicator.is_derived:
        raise InvalidInput("derived", f"«{locked.indicator.name}» được tính tự động, không nhập.")
    number, text = parse_value(locked.indicator, raw)
    reason = reason.strip()
    if locked.computed is not None and number != locked.computed and not (reason or locked.override_reason):
        raise InvalidInput(
            "reason_required",
            f"«{locked.indicator.name}» do hệ thống tính ({_plain(locked.computed)}); "
            "muốn sửa thì ghi lý do.",
            errors={"reason": ["Cần ghi lý do khi sửa số liệu tự động."]},
        )
    before = {"number": locked.number, "text": locked.text}
    locked.number, locked.text = number, text
    if reason:
        locked.override_reason = reason[:500]
    if comment is not None:
        locked.comment = comment.strip()[:500]
    locked.version += 1
    locked.updated_by = actor if getattr(actor, "is_authenticated", False) else None
    locked.save(
        update_fields=["number", "text", "override_reason", "comment", "version", "updated_by", "updated_at"]
    )
    audit_record(
        actor=actor,
        action="report.value",
        obj=submission,
        unit=submission.unit,
        changes={locked.indicator.code: [str(before["number"] or before["text"]), str(number or text)]},
    )
    return locked


def _shown(value: Value) -> str:
    if value.number is None:
        return value.text[:40] or "trống"
    return _plain(Decimal(value.number))


def _has_returned_values(submission: Submission) -> bool:
    return submission.values.filter(is_returned=True).exists()


@transaction.atomic
def narrative_save(
    *,
    actor: Any,
    scope: UserScope,
    submission: Submission,
    sections: dict[str, str],
    version: int | None = None,
    base: dict[str, str] | None = None,
) -> Submission:
    """Save narrative sections. `version` guards the whole report (API); `base`, the text each
    section had when the user opened it, guards one section at a time (the page's autosave)."""
    locked = (
        Submission.objects.select_for_update(of=("self",))
        .select_related("unit", "form")
        .get(pk=submission.pk)
    )
    _check_editable(scope, locked)
    if version is not None and version != locked.version:
        raise Conflict(
            "stale_report", "Báo cáo vừa được người khác lưu. Tải lại trang để xem bản mới rồi sửa tiếp."
        )
    known = {s["code"]: s["title"] for s in locked.form.sections}
    unknown = set(sections) - set(known)
    if unknown:
        raise InvalidInput("unknown_section", f"Không có mục {', '.join(sorted(unknown))} trong mẫu báo cáo.")
    for code, text in sections.items():
        if base is not None and code in base and base[code].strip() != locked.narrative.get(code, ""):
            raise Conflict(
                "stale_section",
                f"Mục «{known[code]}» vừa được người khác sửa. "
                "Chép phần bạn viết ra ngoài, tải lại trang rồi gộp.",
            )
        if len(text) > MAX_TEXT:
            raise InvalidInput("too_long", f"Mục {code} quá dài (tối đa 20.000 ký tự).")
        locked.narrative[code] = text.strip()
    locked.version += 1
    locked.save(update_fields=["narrative", "version", "updated_at"])
    return locked


def touch(submission: Submission) -> None:
    Submission.objects.filter(pk=submission.pk).update(updated_at=timezone.now())
