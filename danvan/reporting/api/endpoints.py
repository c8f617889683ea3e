"""The operations of /api/v1 for reporting. Thin: parse, access helper, one service, schema."""

from typing import Any

from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from ninja import Query
from ninja import Status as Created
from ninja.pagination import paginate

from danvan.accounts.models import Role
from danvan.accounts.scope import UserScope
from danvan.core.api.conditional import IfMatch, check_if_match, etag, etag_response, set_etag
from danvan.core.api.idempotency import IdempotencyKey, create_once
from danvan.core.api.params import filter_unit
from danvan.core.errors import InvalidInput, NotFound, PermissionDenied
from danvan.core.pagination import LimitOffsetPagination
from danvan.core.periods import Period
from danvan.reporting.api import router
from danvan.reporting.api.schemas import (
    CompletenessOut,
    CompletenessQuery,
    FormOut,
    IndicatorOut,
    ReturnIn,
    RollupOut,
    RollupQuery,
    SubmissionOpenIn,
    SubmissionOut,
    SubmissionQuery,
    SubmissionSummaryOut,
    ValuesIn,
)
from danvan.reporting.models import Indicator, ReportForm, Submission, Value, ValueType
from danvan.reporting.selectors.completeness import completeness
from danvan.reporting.selectors.rollups import rollup
from danvan.reporting.selectors.submissions import (
    SubmissionFilter,
    access_submission,
    filter_submissions,
    visible_submissions,
)
from danvan.reporting.services.submissions import narrative_save, submission_open, value_save
from danvan.reporting.services.workflow import submission_approve, submission_return, submission_submit
from danvan.territory.models import Unit


def _scope(request: HttpRequest) -> UserScope:
    return request.scope  # type: ignore[attr-defined]


def _unit(code: str) -> Unit:
    unit = Unit.objects.valid_on(timezone.localdate()).filter(code=code.strip()).first()
    if unit is None:
        raise NotFound(f"Không có đơn vị mã «{code}» đang có hiệu lực.")
    return unit


def _form(code: str) -> ReportForm:
    form = ReportForm.objects.filter(code=code.strip()).first()
    if form is None:
        raise NotFound(f"Không có mẫu báo cáo mã «{code}».")
    return form


def _indicator(code: str) -> Indicator:
    found = Indicator.objects.select_related("numerator", "denominator").filter(code=code.strip()).first()
    if found is None:
        raise NotFound(f"Không có chỉ tiêu mã «{code}».")
    return found


def _period(code: str) -> Period:
    return Period.parse(code)


def _visible_unit(scope: UserScope, query: Any) -> Unit | None:
    """A unit the caller may read figures of; None (the nation) only for system admins."""
    unit = filter_unit(query)
    if unit is None:
        if not scope.is_system_admin:
            raise PermissionDenied("Chỉ quản trị hệ thống xem được số liệu cả nước; hãy chọn đơn vị.")
        return None
    if not scope.covers(unit, Role.VIEWER, history=True):
        raise NotFound()
    return unit


def submission_etag(submission: Submission) -> str:
    """The report's version and the sum of its values' versions: any saved value changes it."""
    return etag(submission.pk, submission.version, sum(submission.values.values_list("version", flat=True)))


def _summary(s: Submission) -> dict[str, Any]:
    period = s.period
    return {
        "id": s.pk,
        "form": s.form.code,
        "unit": s.unit.code,
        "unit_name": s.unit.name,
        "period": period.code,
        "period_label": period.label,
        "status": s.status,
        "due_date": s.due_date,
        "submitted_at": s.submitted_at,
        "approved_at": s.approved_at,
        "late": s.was_late or s.is_overdue(timezone.localdate()),
    }


def _shown(value: Value) -> Any:
    if value.indicator.value_type == ValueType.TEXT:
        return value.text or None
    if value.indicator.value_type == ValueType.BOOLEAN and value.number is not None:
        return bool(value.number)
    return value.number


def _detail(submission: Submission, response: HttpResponse | None = None) -> dict[str, Any]:
    values = submission.values.select_related("indicator").order_by("indicator__code", "category")
    if response is not None:
        set_etag(response, submission_etag(submission))
    return {
        **_summary(submission),
        "version": submission.version,
        "narrative": submission.narrative,
        "return_comment": submission.return_comment,
        "values": [
            {
                "indicator": v.indicator.code,
                "category": v.category,
                "value": _shown(v),
                "computed": v.computed,
                "override_reason": v.override_reason,
                "comment": v.comment,
                "returned": v.is_returned,
                "return_comment": v.return_comment,
                "version": v.version,
            }
            for v in values
        ],
    }


@router.get(
    "/indicators",
    response={200: list[IndicatorOut]},
    summary="Danh mục chỉ tiêu",
    operation_id="indicators_list",
)
@paginate(LimitOffsetPagination)
def list_indicators(request: HttpRequest) -> Any:
    rows = Indicator.objects.select_related("numerator", "denominator").order_by("code")
    return [
        {
            **{f: getattr(i, f) for f in ("code", "name", "unit_of_measure", "value_type", "aggregation")},
            "numerator": i.numerator.code if i.numerator else None,
            "denominator": i.denominator.code if i.denominator else None,
            "categories": i.categories,
            "source": i.source,
            "min_value": i.min_value,
            "max_value": i.max_value,
        }
        for i in rows
    ]


@router.get("/forms", response={200: list[FormOut]}, summary="Mẫu báo cáo", operation_id="forms_list")
@paginate(LimitOffsetPagination)
def list_forms(request: HttpRequest) -> Any:
    forms = ReportForm.objects.filter(is_active=True).prefetch_related("items__indicator")
    return [
        {
            **{f: getattr(form, f) for f in ("code", "name", "level", "periodicity", "deadline_days")},
            "counts_in_rollups": form.counts_in_rollups,
            "sections": form.sections,
            "indicators": [
                {"indicator": item.indicator.code, "group": item.group, "required": item.required}
                for item in form.items.all()
            ],
        }
        for form in forms
    ]


@router.get(
    "/submissions",
    response={200: list[SubmissionSummaryOut]},
    summary="Báo cáo đã lập",
    operation_id="submissions_list",
)
@paginate(LimitOffsetPagination)
def list_submissions(request: HttpRequest, filters: Query[SubmissionQuery]) -> Any:
    criteria = SubmissionFilter(
        unit=filter_unit(filters),
        form=_form(filters.form) if filters.form else None,
        period=_period(filters.period) if filters.period else None,
        status=filters.status or "",
    )
    rows = filter_submissions(visible_submissions(_scope(request)), criteria)
    return [_summary(s) for s in rows.order_by("-period_end", "unit__sort_key")[:2000]]


@router.post(
    "/submissions",
    response={200: SubmissionOut, 201: SubmissionOut},
    summary="Lập (mở) một báo cáo",
    operation_id="submissions_open",
    openapi_extra=etag_response(200, 201),
)
def open_submission(
    request: HttpRequest,
    payload: SubmissionOpenIn,
    response: HttpResponse,
    idempotency_key: IdempotencyKey = None,
) -> Any:
    """Một báo cáo cho mỗi (mẫu, đơn vị, kỳ): gửi lại trả về báo cáo đã có (200), không tạo thêm."""
    form, unit, period = _form(payload.form), _unit(payload.unit), _period(payload.period)
    existed = Submission.objects.filter(form=form, unit=unit, period_code=period.code).exists()

    def create() -> Submission:
        return submission_open(actor=request.user, scope=_scope(request), form=form, unit=unit, period=period)

    done = create_once(request, operation="submissions_open", key=idempotency_key, create=create)
    submission = access_submission(_scope(request), done.pk)
    return Created(200 if existed or not done.created else 201, _detail(submission, response))


@router.get(
    "/submissions/{submission_id}",
    response={200: SubmissionOut},
    summary="Một báo cáo",
    operation_id="submissions_get",
    openapi_extra=etag_response(),
)
def get_submission(request: HttpRequest, submission_id: int, response: HttpResponse) -> Any:
    """ETag mang phiên bản của báo cáo; gửi lại trong If-Match khi sửa để không ghi đè người khác."""
    return _detail(access_submission(_scope(request), submission_id), response)


def _check_if_match(submission: Submission, if_match: str | None, *, required: bool) -> None:
    check_if_match(if_match, submission_etag(submission), required=required)


def _seen_version(submission: Submission, if_match: str | None) -> int | None:
    """With If-Match: 412 when already stale; else the version read, checked again under lock (409)."""
    matched = check_if_match(if_match, submission_etag(submission), required=False)
    return submission.version if matched else None


@router.put(
    "/submissions/{submission_id}/values",
    response={200: SubmissionOut},
    summary="Ghi số liệu",
    operation_id="submissions_put_values",
    openapi_extra=etag_response(),
)
def put_values(
    request: HttpRequest,
    submission_id: int,
    payload: ValuesIn,
    response: HttpResponse,
    if_match: IfMatch = None,
) -> Any:
    """Ghi nhiều số liệu (và phần lời văn) một lần: lỗi ở một số liệu thì không ghi số nào.
    Cần If-Match với ETag của lần đọc gần nhất (428 nếu thiếu, 412 nếu báo cáo đã bị sửa)."""
    scope = _scope(request)
    submission = access_submission(scope, submission_id)
    _check_if_match(submission, if_match, required=True)
    values = {(v.indicator.code, v.category): v for v in submission.values.select_related("indicator")}
    with transaction.atomic():
        errors: dict[str, list[str]] = {}
        for item in payload.values:
            value = values.get((item.indicator, item.category))
            key = f"{item.indicator}{'__' + item.category if item.category else ''}"
            if value is None:
                errors[key] = ["Không có chỉ tiêu (và phân tổ) này trong báo cáo."]
                continue
            try:
                with transaction.atomic():
                    value_save(
                        actor=request.user,
                        scope=scope,
                        value=value,
                        raw=_raw(item.value),
                        version=item.version,
                        reason=item.reason,
                        comment=item.comment,
                    )
            except InvalidInput as exc:
                errors[key] = [exc.message]
        if errors:
            transaction.set_rollback(True)
            raise InvalidInput("invalid_values", "Có số liệu không hợp lệ; chưa ghi số nào.", errors=errors)
        if payload.narrative is not None:
            narrative_save(
                actor=request.user,
                scope=scope,
                submission=submission,
                sections=payload.narrative,
                version=None,
            )
    return _detail(access_submission(scope, submission_id), response)


def _raw(value: Any) -> Any:
    if isinstance(value, bool):
        return "1" if value else "0"
    return value


@router.post(
    "/submissions/{submission_id}/submit",
    response={200: SubmissionOut},
    summary="Nộp",
    operation_id="submissions_submit",
    openapi_extra=etag_response(),
)
def submit(request: HttpRequest, submission_id: int, response: HttpResponse, if_match: IfMatch = None) -> Any:
    """Nộp lại lần hai (bấm hai lần, gửi lại) không tạo gì thêm. If-Match (nếu gửi): 412 nếu đã cũ."""
    scope = _scope(request)
    found = access_submission(scope, submission_id)
    _check_if_match(found, if_match, required=False)
    submission = submission_submit(actor=request.user, scope=scope, submission=found)
    return _detail(access_submission(scope, submission.pk), response)


@router.post(
    "/submissions/{submission_id}/approve",
    response={200: SubmissionOut},
    summary="Duyệt",
    operation_id="submissions_approve",
    openapi_extra=etag_response(),
)
def approve(
    request: HttpRequest, submission_id: int, response: HttpResponse, if_match: IfMatch = None
) -> Any:
    """Số liệu được cộng vào tổng hợp cấp trên ngay khi duyệt. Báo cáo đã duyệt (người khác vừa
    duyệt) trả 409; If-Match (nếu gửi): 412 nếu đã cũ, 409 nếu người khác xử lý cùng lúc."""
    scope = _scope(request)
    found = access_submission(scope, submission_id)
    submission = submission_approve(
        actor=request.user, scope=scope, submission=found, version=_seen_version(found, if_match)
    )
    return _detail(access_submission(scope, submission.pk), response)


@router.post(
    "/submissions/{submission_id}/return",
    response={200: SubmissionOut},
    summary="Trả lại để sửa",
    operation_id="submissions_return",
    openapi_extra=etag_response(),
)
def return_submission(
    request: HttpRequest,
    submission_id: int,
    payload: ReturnIn,
    response: HttpResponse,
    if_match: IfMatch = None,
) -> Any:
    """Trả lại cả báo cáo (comment) hoặc từng số liệu (values: chỉ tiêu + ý kiến); báo cáo đã duyệt
    cũng trả lại được (mở lại từng số liệu). If-Match (nếu gửi): 412 nếu đã cũ."""
    scope = _scope(request)
    submission = access_submission(scope, submission_id)
    seen = _seen_version(submission, if_match)
    by_key = {(v.indicator.code, v.category): v.pk for v in submission.values.select_related("indicator")}
    comments: dict[int, str] = {}
    for item in payload.values:
        pk = by_key.get((item.indicator, item.category))
        if pk is None:
            raise InvalidInput(
                "unknown_value", "Có số liệu không thuộc báo cáo này.", errors={item.indicator: ["Không có."]}
            )
        comments[pk] = item.comment
    submission = submission_return(
        actor=request.user,
        scope=scope,
        submission=submission,
        comment=payload.comment,
        value_comments=comments,
        version=seen,
    )
    return _detail(access_submission(scope, submission.pk), response)


@router.get(
    "/rollups",
    response={200: RollupOut},
    summary="Số liệu tổng hợp theo địa bàn",
    operation_id="rollups_get",
)
def get_rollup(request: HttpRequest, query: Query[RollupQuery]) -> Any:
    """Tổng hợp đúng theo cách tổng hợp của chỉ tiêu, tính ngay khi báo cáo được duyệt.
    `by=children`: kèm số của từng đơn vị trực thuộc (cả nước: từng tỉnh, thành phố)."""
    indicator, period = _indicator(query.indicator), _period(query.period)
    unit = _visible_unit(_scope(request), query)
    result = rollup(
        indicator=indicator,
        period=period,
        unit=unit,
        by_children=query.by == "children",
        category=query.category,
    )
    return {
        "indicator": indicator.code,
        "period": period.code,
        "period_label": period.label,
        "unit": result.unit.__dict__,
        "children": [c.__dict__ for c in result.children] if query.by == "children" else None,
        "as_of": result.as_of,
    }


def _row(c: Any) -> dict[str, Any]:
    return {
        **{
            f: getattr(c, f) for f in ("code", "name", "expected", "submitted", "approved", "on_time", "late")
        },
        "missing": c.missing,
        "rate": c.rate,
        "on_time_rate": c.on_time_rate,
    }


@router.get(
    "/completeness",
    response={200: CompletenessOut},
    summary="Tiến độ nộp báo cáo",
    operation_id="completeness_get",
)
def get_completeness(request: HttpRequest, query: Query[CompletenessQuery]) -> Any:
    """Số báo cáo phải nộp, đã nộp, đúng hạn, muộn, còn thiếu (không bao giờ quá 100%)."""
    form, period = _form(query.form), _period(query.period)
    unit = _visible_unit(_scope(request), query)
    report = completeness(form=form, period=period, unit=unit, by_children=query.by == "children")
    return {
        "form": form.code,
        "period": period.code,
        "period_label": period.label,
        "unit": _row(report.unit),
        "children": [_row(c) for c in report.children] if query.by == "children" else None,
        "as_of": report.as_of,
    }
