"""The reporting app as the source of report documents: (unit, form, period) → ReportContent.

Figures: the unit's own submission where there is one (a compiled province report holds the
figures it was pre-filled with), else the live rollup; the same period last year from the
rollup; one column (or row) per child unit from the rollup by children. The narrative comes
from the submission, section by section.
"""

from decimal import Decimal

from danvan.core.errors import NotFound
from danvan.core.periods import Period
from danvan.documents.official import Section
from danvan.documents.report import IndicatorRow, ReportContent
from danvan.reporting.models import ReportForm, Submission, ValueType
from danvan.reporting.selectors.rollups import node_value, rollup
from danvan.territory.models import Unit

KEY_INDICATORS = (
    "dvk_registered",
    "dvk_recognized",
    "dialogues_held",
    "dialogue_answered_rate",
    "petitions_received",
    "gifts_given",
    "funds_raised",
    "membership_rate",
)


def report_content(unit: Unit, form_code: str, period: Period) -> ReportContent:
    form = ReportForm.objects.filter(code=form_code).prefetch_related("items__indicator").first()
    if form is None:
        raise NotFound(f"Không có mẫu báo cáo mã «{form_code}».")
    submission = Submission.objects.filter(form=form, unit=unit, period_code=period.code).first()
    own = _own_values(submission)
    content = ReportContent(unit=unit, form_name=form.name, period=period, form_code=form.code)
    children_named = False
    for item in form.items.all():
        indicator = item.indicator
        if indicator.value_type == ValueType.TEXT:
            continue
        by_children = rollup(indicator=indicator, period=period, unit=unit, by_children=True)
        if not children_named:
            content.children = [c.name for c in by_children.children]
            children_named = True
        value = own.get(indicator.code, by_children.unit.value)
        content.indicators.append(
            IndicatorRow(
                label=indicator.name,
                unit_of_measure=indicator.unit_of_measure,
                value=value,
                last_year=node_value(indicator, period.same_last_year(), unit),
                children=[c.value for c in by_children.children],
                code=indicator.code,
                key=indicator.code in KEY_INDICATORS,
            )
        )
    if submission is not None:
        content.sections = [
            Section(
                title=s["title"],
                paragraphs=[p for p in submission.narrative.get(s["code"], "").split("\n") if p],
            )
            for s in form.sections
        ]
    return content


def _own_values(submission: Submission | None) -> dict[str, Decimal | None]:
    if submission is None:
        return {}
    totals: dict[str, Decimal | None] = {}
    for value in submission.values.select_related("indicator").filter(number__isnull=False):
        code = value.indicator.code
        totals[code] = (totals.get(code) or Decimal(0)) + Decimal(value.number or 0)
    return totals
