"""Report values entered from an imported text: an unsubmitted report, the reason kept; refusals."""

from decimal import Decimal
from typing import Any

import pytest

from danvan.accounts.scope import scope_for
from danvan.audit.models import AuditEvent
from danvan.core.errors import Conflict, InvalidInput, PermissionDenied
from danvan.core.periods import Period
from danvan.reporting.models import ReportForm, Status, Submission, Value
from danvan.reporting.services.imports import ImportedValue, report_values_import

REASON = "Nhập từ văn bản #7 (bao-cao.docx)"


def snapshot() -> tuple[Any, ...]:
    return (
        list(Submission.objects.order_by("pk").values("pk", "status", "version")),
        list(Value.objects.order_by("pk").values("pk", "number", "override_reason", "version")),
        AuditEvent.objects.count(),
    )


def enter(user: Any, unit: Any, values: list[ImportedValue], period: str = "2025-M09") -> Submission:
    return report_values_import(
        actor=user,
        scope=scope_for(user),
        form=ReportForm.objects.get(code="dv-xa-thang"),
        unit=unit,
        period=Period.parse(period),
        values=values,
        reason=REASON,
    )


@pytest.mark.django_db
def test_values_go_into_an_unsubmitted_report_with_the_import_as_reason(tree, personas):
    submission = enter(
        personas.reporter_a,
        tree.commune_a,
        [
            ImportedValue("gifts_given", "", Decimal(40)),
            ImportedValue("dvk_registered", "mo_hinh", Decimal(3)),
        ],
    )
    assert submission.status == Status.DRAFT
    entered = {(v.indicator.code, v.category): v for v in submission.values.exclude(number=None)}
    assert entered[("gifts_given", "")].number == 40
    assert entered[("dvk_registered", "mo_hinh")].number == 3
    assert entered[("gifts_given", "")].override_reason == REASON  # pre-filled 0 by the campaigns app
    assert submission.events.filter(action="imported", note=REASON).exists()
    again = enter(personas.reporter_a, tree.commune_a, [ImportedValue("gifts_given", "", Decimal(41))])
    assert again == submission and submission.values.get(indicator__code="gifts_given").number == 41


@pytest.mark.django_db
def test_a_writer_of_another_unit_is_refused_and_nothing_changes(tree, personas):
    before = snapshot()
    with pytest.raises(PermissionDenied):
        enter(personas.reporter_b, tree.commune_a, [ImportedValue("gifts_given", "", Decimal(40))])
    assert snapshot() == before


@pytest.mark.django_db
def test_an_indicator_the_form_lacks_refuses_the_whole_import(tree, personas):
    before = snapshot()
    with pytest.raises(InvalidInput, match="không có chỉ tiêu"):
        enter(
            personas.reporter_a,
            tree.commune_a,
            [ImportedValue("gifts_given", "", Decimal(40)), ImportedValue("khong_co", "", Decimal(1))],
        )
    assert snapshot() == before


@pytest.mark.django_db
def test_a_wrong_period_or_a_submitted_report_is_refused(tree, personas):
    before = snapshot()
    with pytest.raises(InvalidInput):
        enter(
            personas.reporter_a, tree.commune_a, [ImportedValue("gifts_given", "", Decimal(1))], period="2025"
        )
    assert snapshot() == before
    submission = enter(personas.reporter_a, tree.commune_a, [ImportedValue("gifts_given", "", Decimal(1))])
    Submission.objects.filter(pk=submission.pk).update(status=Status.APPROVED)
    before = snapshot()
    with pytest.raises(Conflict, match="Đã duyệt"):
        enter(personas.reporter_a, tree.commune_a, [ImportedValue("gifts_given", "", Decimal(2))])
    assert snapshot() == before
