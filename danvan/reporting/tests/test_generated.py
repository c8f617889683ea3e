"""Generated reports: realistic statuses and rollups equal to the sum of the approved values."""

from typing import Any

import pytest
from django.db.models import Sum

from danvan.core.periods import Period
from danvan.generator.plan import Scale
from danvan.generator.services import dataset_generate
from danvan.reporting.models import Status, Submission, Value
from danvan.reporting.selectors.rollups import node_value
from danvan.reporting.tests.conftest import indicator

pytestmark = pytest.mark.django_db


def test_generated_reports_roll_up_exactly(tree: Any, standard_forms: None) -> None:
    dataset_generate(scale=Scale.DEMO, seed=3, years=1, province_code="92")
    statuses = set(Submission.objects.values_list("status", flat=True))
    assert Status.APPROVED in statuses and Submission.objects.filter(is_counted=True).exists()
    month = Submission.objects.filter(is_counted=True).order_by("period_end").first()
    assert month is not None
    period = Period.parse(month.period_code)
    expected = Value.objects.filter(
        indicator__code="propaganda_sessions",
        submission__is_counted=True,
        submission__period_code=period.code,
    ).aggregate(total=Sum("number"))["total"]
    assert node_value(indicator("propaganda_sessions"), period, None) == expected
    assert node_value(indicator("propaganda_sessions"), period, tree.province) == expected
