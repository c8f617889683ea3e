from decimal import Decimal
from typing import Any

import pytest

from danvan.accounts.scope import scope_for
from danvan.core.periods import Period
from danvan.reporting.models import Indicator, ReportForm, Submission, Value
from danvan.reporting.services.submissions import submission_open, value_save
from danvan.reporting.services.workflow import submission_approve, submission_submit

MONTHLY = "dv-xa-thang"


@pytest.fixture
def monthly(db: Any, standard_forms: None) -> ReportForm:
    return ReportForm.objects.get(code=MONTHLY)


def fill(submission: Submission, actor: Any, **numbers: Any) -> None:
    """Set values by indicator code (category after "__"); a reason is given for overrides."""
    scope = scope_for(actor)
    for key, number in numbers.items():
        code, _, category = key.partition("__")
        value = Value.objects.get(submission=submission, indicator__code=code, category=category)
        value_save(actor=actor, scope=scope, value=value, raw=number, version=None, reason="Số liệu thực tế")


@pytest.fixture
def report(monthly: ReportForm, personas: Any) -> Any:
    """report(unit, "2026-M03", approve=True, dvk_registered__mo_hinh=3, ...) → Submission."""

    def make(
        unit: Any, period: str, *, reporter: Any, approve: bool = True, approver: Any = None, **numbers: Any
    ) -> Submission:
        scope = scope_for(reporter)
        submission = submission_open(
            actor=reporter, scope=scope, form=monthly, unit=unit, period=Period.parse(period)
        )
        numbers.setdefault("propaganda_sessions", 1)
        numbers.setdefault("dvk_registered__mo_hinh", 0)
        numbers.setdefault("dvk_registered__dien_hinh", 0)
        fill(submission, reporter, **numbers)
        submission = submission_submit(actor=reporter, scope=scope, submission=submission)
        if approve:
            approver = approver or personas.approver
            submission = submission_approve(actor=approver, scope=scope_for(approver), submission=submission)
        return submission

    return make


def indicator(code: str) -> Indicator:
    return Indicator.objects.get(code=code)


def dec(value: Any) -> Decimal | None:
    return None if value is None else Decimal(str(value))


def seed_standard_forms() -> None:
    """Re-run the data migration (idempotent) in case a transactional test flushed its rows."""
    import importlib

    from django.apps import apps

    importlib.import_module("danvan.reporting.migrations.0002_standard_forms").seed(apps, None)


@pytest.fixture
def standard_forms(db: Any) -> None:
    seed_standard_forms()


@pytest.fixture
def registered_model(tree: Any, personas: Any) -> Any:
    """A Dân vận khéo model registered today in commune A: the report's computed figure."""
    from django.utils import timezone

    from danvan.practices.models import PracticeField
    from danvan.practices.services.registration import practice_register

    field, _ = PracticeField.objects.get_or_create(
        code="kinh-te", province=None, year=None, defaults={"name": "Kinh tế", "order": 10}
    )
    return practice_register(
        actor=personas.reporter_a,
        scope=scope_for(personas.reporter_a),
        unit=tree.commune_a,
        field=field,
        year=timezone.localdate().year,
        name="Tổ tự quản đường hoa",
    )
