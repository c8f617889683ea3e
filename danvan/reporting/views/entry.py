"""A submission's page: entry with autosave, submit, approve, return, history.

Each value saves on its own when it changes (htmx, with its version, so two people never
overwrite each other); without JavaScript the whole form saves at once, all or nothing.
"""

from itertools import groupby
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from danvan.accounts.models import Role
from danvan.core.errors import Conflict, DomainError, InvalidInput, NotFound
from danvan.core.fixed_sql import Prepared
from danvan.core.formatting import format_datetime
from danvan.core.pages import refusals, scope_of
from danvan.core.periods import Period
from danvan.reporting.models import (
    Aggregation,
    FormIndicator,
    ReportForm,
    Status,
    Submission,
    SubmissionEvent,
    Value,
    ValueType,
)
from danvan.reporting.selectors.submissions import access_submission
from danvan.reporting.services.submissions import (
    EDITABLE,
    narrative_save,
    submission_open,
    submission_refresh_computed,
    value_save,
)
from danvan.reporting.services.workflow import (
    can_approve,
    submission_approve,
    submission_return,
    submission_submit,
    validation_errors,
)
from danvan.reporting.templatetags.reporting import figure, input_text, value_input
from danvan.reporting.views.common import crumbs
from danvan.reporting.views.value_rows import value_rows_html
from danvan.territory.models import Unit


def _rows(
    request: HttpRequest,
    submission: Submission,
    errors: dict[int, str] | None = None,
    posted: Any = None,
    only: int | None = None,
) -> list[dict[str, Any]]:
    """One row per value, with everything `value_rows_html` prints already a string: the page has
    about 45 of them and the reporters of a whole country open it on the same days, so rows are
    read as plain dicts and tuples (no models) and printed without URL reversing or lookups.
    `posted`: what was typed, shown again when a save is refused; `only`: the row of one value."""
    # indicator: (position, group, required) of the form's items
    items = {item[0]: item[1:] for item in _ITEMS(submission.form_id)}
    found = _VALUES(submission.pk) if only is None else _VALUE(submission.pk, only)
    values = sorted(found, key=lambda v: (items.get(v["indicator_id"], _NOT_IN_FORM)[0], v["category"]))
    if only is None:
        returned_only = submission.status == Status.RETURNED and any(v["is_returned"] for v in values)
    else:
        returned_only = (
            submission.status == Status.RETURNED and submission.values.filter(is_returned=True).exists()
        )
    may_report = submission.status in EDITABLE and scope_of(request).covers(submission.unit, Role.REPORTER)
    errors = errors or {}
    # the autosave address of every row: reversed once (a reversal per row cost 1 ms a page)
    save_url = reverse("reporting:save_value", args=[submission.pk, 0]).removesuffix("0/") + "{}/"
    rows = []
    for value in values:
        pk, kind = value["pk"], value["indicator__value_type"]
        _position, group, required = items.get(value["indicator_id"], _NOT_IN_FORM)
        number, computed = value["number"], value["computed"]
        categories = value["indicator__categories"] or []
        label = next((c["label"] for c in categories if c["code"] == value["category"]), "")
        typed = posted.get(f"v{pk}") if posted is not None else None
        rows.append(
            {
                "id": str(pk),
                "name": value["indicator__name"],
                "category_label": label,
                "unit_of_measure": value["indicator__unit_of_measure"],
                "group": group,
                "required": required,
                "kind": kind if kind in (ValueType.TEXT, ValueType.BOOLEAN) else "number",
                "editable": may_report
                and value["indicator__aggregation"] != Aggregation.RATIO  # Indicator.is_derived
                and (value["is_returned"] or not returned_only),
                "version": str(value["version"]),
                "save_url": save_url.format(pk),
                "input": typed if typed is not None else input_text(kind, number, value["text"]),
                "number": number,
                "shown": value["text"] if kind == ValueType.TEXT else figure(number, kind),
                "computed": "" if computed is None else figure(computed, kind),
                "overridden": computed is not None and number != computed,  # Value.is_overridden
                "override_reason": value["override_reason"],
                "returned": value["is_returned"],
                "return_comment": value["return_comment"],
                "updated": _updated_note(value),
                "error": errors.get(pk, ""),
            }
        )
    return rows


_NOT_IN_FORM = (999, "", False)  # a value whose indicator left the form: last, no group
_ROW_FIELDS = (
    "pk",
    "indicator_id",
    "category",
    "number",
    "text",
    "computed",
    "override_reason",
    "is_returned",
    "return_comment",
    "version",
    "updated_at",
    "updated_by__full_name",
    "updated_by__username",
    "indicator__name",
    "indicator__unit_of_measure",
    "indicator__value_type",
    "indicator__categories",
    "indicator__aggregation",
)


# what the history list prints: when, who (User.__str__), what
_EVENT_FIELDS = ("at", "action", "note", "actor__full_name", "actor__username")

# The page's reads, prepared once (core/fixed_sql.py): reporters of the whole country open this
# page on the same days, and the ORM building these queries cost more CPU than answering them.
# The form's items: indicator → (position, group, required)
_ITEMS = Prepared(
    "reporting.items",
    FormIndicator,
    lambda form: FormIndicator.objects.filter(form_id=form).values_list(
        "indicator_id", "position", "group", "required"
    ),
)
# the values as rows (dicts, not models: a page reads about 45), all or one
_VALUES = Prepared(
    "reporting.values",
    Value,
    lambda submission: Value.objects.filter(submission_id=submission).values(*_ROW_FIELDS),
)
_VALUE = Prepared(
    "reporting.value",
    Value,
    lambda submission, pk: Value.objects.filter(submission_id=submission, pk=pk).values(*_ROW_FIELDS),
)
_EVENTS = Prepared(
    "reporting.events",
    SubmissionEvent,
    lambda submission: (
        SubmissionEvent.objects.filter(submission_id=submission)
        .select_related("actor")
        .only(*_EVENT_FIELDS)[:50]
    ),
)


def _updated_note(value: dict[str, Any]) -> str:
    """Who changed the value last, and when; the name as User.__str__ gives it."""
    who = value["updated_by__full_name"] or value["updated_by__username"]
    if not who:
        return ""
    return _("Sửa bởi %(who)s, %(at)s") % {"who": who, "at": format_datetime(value["updated_at"])}


def _context(
    request: HttpRequest,
    submission: Submission,
    errors: dict[int, str] | None = None,
    posted: Any = None,
    **extra: Any,
) -> dict[str, Any]:
    scope = scope_of(request)
    rows = _rows(request, submission, errors=errors, posted=posted)
    sections = [
        {"code": s["code"], "title": s["title"], "text": submission.narrative.get(s["code"], "")}
        for s in submission.form.sections
    ]
    reporter = scope.covers(submission.unit, Role.REPORTER)
    approver = can_approve(scope, submission)
    return {
        "submission": submission,
        "period": submission.period,
        "groups": [
            {"title": title, "rows": group, "html": value_rows_html(group)}
            for title, group in ((t, list(r)) for t, r in groupby(rows, key=lambda r: r["group"]))
        ],
        "sections": sections,
        "can_edit": reporter and submission.status in EDITABLE,
        "can_approve": approver and submission.status == Status.SUBMITTED,
        "can_return": approver and submission.status in (Status.SUBMITTED, Status.APPROVED),
        "can_compile": reporter and submission.status in EDITABLE and not submission.form.counts_in_rollups,
        "events": _EVENTS(submission.pk),
        "breadcrumbs": crumbs((str(submission.unit.name) + " — " + submission.period.label, None)),
        **extra,
    }


@login_required
@refusals
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    submission = access_submission(scope_of(request), pk)
    return render(request, "reporting/detail.html", _context(request, submission))


@login_required
@require_POST
@refusals
def open_report(request: HttpRequest) -> HttpResponse:
    form = ReportForm.objects.filter(code=request.POST.get("form", "")).first()
    unit = Unit.objects.filter(code=request.POST.get("unit", ""), valid_to__isnull=True).first()
    if form is None or unit is None:
        raise NotFound(_("Không có mẫu báo cáo hoặc đơn vị này."))
    try:
        period = Period.parse(request.POST.get("period", ""))
        submission = submission_open(
            actor=request.user, scope=scope_of(request), form=form, unit=unit, period=period
        )
    except InvalidInput as exc:
        messages.error(request, exc.message)
        return redirect("reporting:index")
    return redirect("reporting:detail", pk=submission.pk)


@login_required
@require_POST
@refusals
def save_value(request: HttpRequest, pk: int, value_id: int) -> HttpResponse:
    """htmx autosave of one value; answers the row with its new version or the error in place."""
    scope = scope_of(request)
    submission = access_submission(scope, pk)
    value = submission.values.select_related("indicator").filter(pk=value_id).first()
    if value is None:
        raise NotFound()
    error = ""
    raw = request.POST.get(f"v{value.pk}", "")
    try:
        value = value_save(
            actor=request.user,
            scope=scope,
            value=value,
            raw=raw,
            version=_int(request.POST.get(f"ver{value.pk}")),
            reason=request.POST.get(f"r{value.pk}", ""),
            comment=request.POST.get(f"c{value.pk}"),
        )
    except DomainError as exc:
        error = exc.message
    errors = {value.pk: error} if error else None
    row = _rows(request, submission, errors=errors, posted=request.POST if error else None, only=value.pk)
    return HttpResponse(value_rows_html(row))


def _int(text: str | None) -> int | None:
    try:
        return int(text) if text else None
    except ValueError:
        return None


@login_required
@require_POST
@refusals
def save_all(request: HttpRequest, pk: int) -> HttpResponse:
    """The form without JavaScript: every value and section at once; one error saves nothing."""
    scope = scope_of(request)
    submission = access_submission(scope, pk)
    errors: dict[int, str] = {}
    try:
        with transaction.atomic():
            for value in submission.values.select_related("indicator"):
                if f"v{value.pk}" not in request.POST:
                    continue
                try:
                    with transaction.atomic():
                        _save_posted(request, value, scope)
                except DomainError as exc:
                    errors[value.pk] = exc.message
            if errors:
                raise InvalidInput("invalid_values", _("Có số liệu chưa hợp lệ; chưa lưu gì."))
            _save_narrative(request, submission, scope)
    except DomainError as exc:
        messages.error(request, exc.message)
        context = _context(request, submission, errors=errors, posted=request.POST)
        return render(request, "reporting/detail.html", context, status=422)
    messages.success(request, _("Đã lưu báo cáo."))
    if request.POST.get("then") == "submit":
        return submit(request, pk)
    return redirect("reporting:detail", pk=pk)


def _save_posted(request: HttpRequest, value: Value, scope: Any) -> None:
    raw = request.POST.get(f"v{value.pk}", "")
    unchanged = raw.strip() == value_input(value) and not request.POST.get(f"r{value.pk}")
    if unchanged and request.POST.get(f"c{value.pk}", value.comment) == value.comment:
        return
    value_save(
        actor=request.user,
        scope=scope,
        value=value,
        raw=raw,
        version=_int(request.POST.get(f"ver{value.pk}")),
        reason=request.POST.get(f"r{value.pk}", ""),
        comment=request.POST.get(f"c{value.pk}"),
    )


def _save_narrative(request: HttpRequest, submission: Submission, scope: Any) -> None:
    codes = [s["code"] for s in submission.form.sections]
    sections = {c: request.POST[f"n_{c}"] for c in codes if f"n_{c}" in request.POST}
    base = {c: request.POST.get(f"base_{c}", "") for c in sections}
    changed = {c: t for c, t in sections.items() if t.strip() != submission.narrative.get(c, "")}
    if changed:
        narrative_save(
            actor=request.user,
            scope=scope,
            submission=submission,
            sections=changed,
            base={c: base[c] for c in changed},
        )


@login_required
@require_POST
@refusals
def save_section(request: HttpRequest, pk: int, code: str) -> HttpResponse:
    """htmx autosave of one narrative section."""
    scope = scope_of(request)
    submission = access_submission(scope, pk)
    text = request.POST.get(f"n_{code}", "")
    try:
        narrative_save(
            actor=request.user,
            scope=scope,
            submission=submission,
            sections={code: text},
            base={code: request.POST.get(f"base_{code}", "")},
        )
        return render(request, "reporting/_saved.html", {"text": text, "code": code, "ok": True})
    except DomainError as exc:
        return render(request, "reporting/_saved.html", {"error": exc.message, "code": code, "ok": False})


@login_required
@require_POST
@refusals
def submit(request: HttpRequest, pk: int) -> HttpResponse:
    scope = scope_of(request)
    submission = access_submission(scope, pk)
    try:
        submission_submit(actor=request.user, scope=scope, submission=submission)
    except InvalidInput as exc:
        context = _context(request, submission, submit_errors=exc.errors)
        messages.error(request, exc.message)
        return render(request, "reporting/detail.html", context, status=422)
    except Conflict as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Đã nộp báo cáo."))
    return redirect("reporting:detail", pk=pk)


@login_required
@require_POST
@refusals
def approve(request: HttpRequest, pk: int) -> HttpResponse:
    scope = scope_of(request)
    submission = access_submission(scope, pk)
    try:
        submission_approve(
            actor=request.user, scope=scope, submission=submission, version=_int(request.POST.get("version"))
        )
        messages.success(request, _("Đã duyệt báo cáo; số liệu đã được cộng vào tổng hợp."))
    except Conflict as exc:
        messages.error(request, exc.message)
    return redirect("reporting:detail", pk=pk)


@login_required
@require_POST
@refusals
def return_report(request: HttpRequest, pk: int) -> HttpResponse:
    scope = scope_of(request)
    submission = access_submission(scope, pk)
    value_ids = {v.pk for v in submission.values.all()}
    comments = {}
    for key in request.POST:
        text = request.POST.get(key, "")
        if key.startswith("rc_") and key[3:].isdigit() and int(key[3:]) in value_ids and text.strip():
            comments[int(key[3:])] = text
    try:
        submission_return(
            actor=request.user,
            scope=scope,
            submission=submission,
            comment=request.POST.get("comment", ""),
            value_comments=comments,
            version=_int(request.POST.get("version")),
        )
        messages.success(request, _("Đã trả lại báo cáo để sửa."))
    except DomainError as exc:
        messages.error(request, exc.message)
    return redirect("reporting:detail", pk=pk)


@login_required
@require_POST
@refusals
def refresh(request: HttpRequest, pk: int) -> HttpResponse:
    scope = scope_of(request)
    submission = access_submission(scope, pk)
    try:
        changed = submission_refresh_computed(actor=request.user, scope=scope, submission=submission)
        messages.success(request, _("Đã cập nhật %(n)s số liệu tự động.") % {"n": changed})
    except DomainError as exc:
        messages.error(request, exc.message)
    return redirect("reporting:detail", pk=pk)


__all__ = ["validation_errors"]
