"""Report values a text's figures fill: the form and period, and each figure's indicator."""

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from danvan.core.errors import DomainError
from danvan.core.formatting import format_number
from danvan.core.periods import Period
from danvan.extraction.mapping import default_indicator
from danvan.extraction.plan.base import Basis, Part
from danvan.reporting.models import FormIndicator, ReportForm, Submission
from danvan.reporting.services.imports import ImportedValue
from danvan.reporting.services.submissions import EDITABLE, check_form_applies, is_assigned


@dataclass
class ReportPart(Part):
    form_choices: list[ReportForm] = field(default_factory=list)
    form: ReportForm | None = None
    period_code: str = ""
    period: Period | None = None
    indicator_choices: list[tuple[str, str]] = field(default_factory=list)  # ("code:cat", label)
    values: list[ImportedValue] = field(default_factory=list)


def figure_indicator(figure: dict[str, Any], text: str) -> str:
    chosen = figure.get("indicator")
    return chosen if chosen is not None else default_indicator(figure, text)


def _choices(form: ReportForm | None) -> list[tuple[str, str]]:
    """The numeric indicators of the form (of every form while none is chosen), with categories."""
    items = FormIndicator.objects.select_related("indicator").order_by("position", "pk")
    indicators = [i.indicator for i in (items.filter(form=form) if form else items)]
    seen: set[str] = set()
    result = []
    for indicator in indicators:
        if indicator.code in seen:
            continue
        seen.add(indicator.code)
        if indicator.is_derived or not indicator.is_numeric:
            continue
        for category in indicator.categories or [{"code": "", "label": ""}]:
            key = f"{indicator.code}:{category['code']}" if category["code"] else indicator.code
            label = f"{indicator.name} — {category['label']}" if category["code"] else indicator.name
            result.append((key, label))
    return result


def _proposed_form(basis: Basis, forms: list[ReportForm], period: Period | None) -> ReportForm | None:
    """The unit's form for the period's kind, assigned then if one is (the page says why not)."""
    if basis.unit is None or period is None:
        return None
    fitting = [f for f in forms if f.period_kind == period.kind]
    assigned = [f for f in fitting if is_assigned(f, basis.unit, period)]
    chosen = assigned or fitting
    return chosen[0] if chosen else None


def _period(basis: Basis) -> tuple[str, Period | None]:
    chosen = basis.target("report_period")
    code = chosen if chosen is not None else (basis.period.code if basis.period else "")
    try:
        return code, Period.parse(code) if code else None
    except DomainError:
        return code, None


def _values(part: ReportPart, basis: Basis) -> None:
    known = dict(part.indicator_choices)
    sums: dict[str, Decimal] = defaultdict(Decimal)
    used: dict[str, list[str]] = defaultdict(list)
    for index, figure in enumerate(basis.data["figures"]):
        key = figure_indicator(figure, basis.text)
        if not key:
            continue
        if key not in known:
            part.notes.append(f"S{index + 1} ({figure['text']}): mẫu báo cáo đã chọn không có chỉ tiêu này.")
            continue
        sums[key] += Decimal(str(figure["quantity"]))
        used[key].append(f"S{index + 1}")
    for key, total in sums.items():
        code, _sep, category = key.partition(":")
        part.values.append(ImportedValue(code, category, total))
        part.lines.append(f"{known[key]}: {format_number(total)} (từ {', '.join(used[key])})")


def _problems(part: ReportPart, basis: Basis) -> list[str]:
    if basis.unit is None:
        return ["Chưa xác định đơn vị hành chính (mã đơn vị) để nhập báo cáo."]
    if part.form is None:
        return ["Chọn mẫu báo cáo của đơn vị."]
    if part.period is None:
        return [f"Kỳ báo cáo «{part.period_code}» chưa đúng dạng (ví dụ 2021-H1, 2022, 2020-M08)."]
    try:
        check_form_applies(form=part.form, unit=basis.unit, period=part.period)
    except DomainError as exc:
        return [exc.message]
    existing = Submission.objects.filter(
        form=part.form, unit=basis.unit, period_code=part.period.code
    ).first()
    if existing is not None and existing.status not in EDITABLE:
        return [
            f"Báo cáo {part.period.label} của đơn vị đã ở trạng thái «{existing.get_status_display()}»: "
            "không nhập thêm được."
        ]
    return []


def report_part(basis: Basis) -> ReportPart:
    part = ReportPart("reporting", "Số liệu báo cáo định kỳ")
    if basis.unit is not None:
        part.form_choices = list(ReportForm.objects.filter(level=basis.unit.level, is_active=True))
    part.period_code, part.period = _period(basis)
    chosen = basis.target("form")
    if chosen is not None:
        part.form = next((f for f in part.form_choices if f.code == chosen), None)
    else:
        part.form = _proposed_form(basis, part.form_choices, part.period)
    part.indicator_choices = _choices(part.form)
    _values(part, basis)
    part.problems = _problems(part, basis) if part.values else []
    part.enabled = basis.wanted("reporting", bool(part.values) and not part.problems)
    part.notes.append(
        "Số liệu được nhập vào báo cáo của đơn vị (chưa nộp), kèm lý do «Nhập từ văn bản»; "
        "các số cùng một chỉ tiêu được cộng lại."
    )
    return part
